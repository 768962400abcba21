import fc from 'fast-check';
import { decodeAbiParameters } from 'viem';
import { describe, expect, it } from 'vitest';
import { bytesWord } from './evm-memory-words.ts';

describe('bytesWord', () => {
  it('reads a uint256 answer as viem’s decoder does, small and large words, at any offset in its buffer', () => {
    const word = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
      fc.bigInt({ min: 0n, max: 2n ** 64n }),
      fc.constantFrom(0n, 1n, 2n ** 64n - 1n, 2n ** 192n, 2n ** 256n - 1n),
    );
    fc.assert(
      fc.property(word, fc.nat(7), (w, offset) => {
        const buffer = new Uint8Array(offset + 32);
        const bytes = buffer.subarray(offset);
        bytes.set(Uint8Array.from(Buffer.from(w.toString(16).padStart(64, '0'), 'hex')));
        expect(bytesWord(bytes)).toBe(decodeAbiParameters([{ type: 'uint256' }], bytes)[0]);
        expect(bytesWord(bytes)).toBe(w);
      }),
      { numRuns: 500 },
    );
    expect(() => bytesWord(new Uint8Array(31))).toThrow('a word is 32 bytes, not 31');
  });
});
