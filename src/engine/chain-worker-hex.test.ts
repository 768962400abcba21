import { describe, expect, it } from 'vitest';

describe("the chain worker's first import", () => {
  it('takes away a built-in Uint8Array.fromHex before the chain code loads, so noble uses its own loop', async () => {
    const U8 = Uint8Array as unknown as { fromHex?: unknown };
    const had = U8.fromHex;
    U8.fromHex = () => new Uint8Array(0);
    try {
      await import('./chain-worker-hex.ts');
      expect(U8.fromHex).toBeUndefined();
      // noble, loaded after it, then decides against the built-in, and still turns hex into bytes.
      const { hexToBytes, bytesToHex } = await import('@noble/hashes/utils.js');
      expect([...hexToBytes('00ff10a0')]).toEqual([0, 255, 16, 160]);
      expect(bytesToHex(Uint8Array.of(1, 171))).toBe('01ab');
      expect(() => hexToBytes('0g')).toThrow();
    } finally {
      if (had === undefined) delete U8.fromHex;
      else U8.fromHex = had;
    }
  });
});
