import { bytesToUnprefixedHex } from '@ethereumjs/util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unprefixedHex } from './hex.ts';

describe('unprefixedHex', () => {
  it('gives the library’s unprefixed hex for bytes of any length, short and long', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(unprefixedHex(bytes)).toBe(bytesToUnprefixedHex(bytes));
      }),
      { numRuns: 500 },
    );
    // Every byte value, both digits, and a view into a larger buffer.
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(unprefixedHex(all)).toBe(bytesToUnprefixedHex(all));
    expect(unprefixedHex(all.subarray(250, 252))).toBe('fafb');
    expect(unprefixedHex(new Uint8Array(0))).toBe('');
  });
});
