import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keccak256 } from 'viem';
import { keccak256Memo, keccakWord } from './keccak-memo.ts';

describe('keccak256Memo', () => {
  it('hashes as keccak-256 does, first time and remembered, short inputs and long', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (data) => {
        const expected = keccak256(data, 'bytes');
        expect(keccak256Memo(data)).toEqual(expected);
        expect(keccak256Memo(Uint8Array.from(data))).toEqual(expected);
      }),
    );
    // The empty input's hash, as every Ethereum client knows it (the code hash of an account without code).
    expect(Buffer.from(keccak256Memo(new Uint8Array(0))).toString('hex')).toBe(
      'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
    );
  });

  it('gives each caller its own copy, so one that changes its bytes changes no later answer', () => {
    const data = Uint8Array.from([1, 2, 3]);
    const first = keccak256Memo(data);
    first.fill(0);
    expect(keccak256Memo(data)).toEqual(keccak256(data, 'bytes'));
  });

  it('stays right past its limit, when it forgets everything and starts again', () => {
    const inputs = Array.from({ length: 5000 }, (_, i) => Uint8Array.from([i >> 8, i & 255, 7]));
    for (const data of inputs) expect(keccak256Memo(data)).toEqual(keccak256(data, 'bytes'));
    for (const data of inputs.slice(0, 50)) expect(keccak256Memo(data)).toEqual(keccak256(data, 'bytes'));
    for (const data of inputs.slice(-50)) expect(keccak256Memo(data)).toEqual(keccak256(data, 'bytes'));
  });

  it('gives KECCAK256’s word, as the opcode’s own handler makes it from the hash’s hex, remembered and past its limit', () => {
    const word = (data: Uint8Array) => BigInt(keccak256(data));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (data) => {
        expect(keccakWord(data)).toBe(word(data));
        expect(keccakWord(Uint8Array.from(data))).toBe(word(data));
        expect(keccak256Memo(data)).toEqual(keccak256(data, 'bytes')); // the hash beside it unchanged
      }),
    );
    const inputs = Array.from({ length: 5000 }, (_, i) => Uint8Array.from([i >> 8, i & 255, 9]));
    for (const data of inputs) expect(keccakWord(data)).toBe(word(data));
    for (const data of [...inputs.slice(0, 50), ...inputs.slice(-50)])
      expect(keccakWord(data)).toBe(word(data));
  });
});
