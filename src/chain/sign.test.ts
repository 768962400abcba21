import fc from 'fast-check';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { privateToPublic } from '@ethereumjs/util';
import { describe, expect, it } from 'vitest';
import { accountKey } from './evm.ts';
import { publicKeyOf, signDigest } from './sign.ts';

const N = secp256k1.Point.Fn.ORDER;
/** The signature @ethereumjs makes (through @noble/curves), as recovery byte, r and s. */
const library = (digest: Uint8Array, key: bigint) => {
  const b = secp256k1.sign(digest, secp256k1.Point.Fn.toBytes(key), {
    extraEntropy: false,
    format: 'recovered',
    prehash: false,
  });
  return { recovery: b[0], r: bytesToNumberBE(b.subarray(1, 33)), s: bytesToNumberBE(b.subarray(33)) };
};

describe('signDigest', () => {
  it('gives byte for byte the signature of the library, for any key and digest', () => {
    fc.assert(
      fc.property(fc.bigInt(1n, N - 1n), fc.uint8Array({ minLength: 32, maxLength: 32 }), (key, digest) => {
        expect(signDigest(digest, key)).toEqual(library(digest, key));
      }),
      { numRuns: 300 },
    );
  });

  it("does so for the chain's own keys, and for digests at and above the curve's order", () => {
    const digests = [N - 1n, N, N + 1n, 2n ** 256n - 1n, 0n].map((x) =>
      secp256k1.Point.Fn.toBytes(x % 2n ** 256n),
    );
    for (let i = 0; i < 4; i++)
      for (const d of digests) {
        const key = BigInt(accountKey(i));
        expect(signDigest(d, key)).toEqual(library(d, key));
      }
  });

  it('refuses what the library refuses: a zero key, a key at the order, a digest of another length', () => {
    const d = new Uint8Array(32).fill(7);
    expect(() => signDigest(d, 0n)).toThrow('invalid private key');
    expect(() => signDigest(d, N)).toThrow('invalid private key');
    expect(() => signDigest(new Uint8Array(31), 1n)).toThrow('32 bytes');
  });

  it("gives each key the public key the library derives (the chain's keys and any other)", () => {
    for (let i = 0; i < 6; i++) {
      const key = BigInt(accountKey(i));
      expect(publicKeyOf(key)).toEqual(privateToPublic(secp256k1.Point.Fn.toBytes(key)));
    }
    fc.assert(
      fc.property(fc.bigInt(1n, N - 1n), (key) => {
        expect(publicKeyOf(key)).toEqual(privateToPublic(secp256k1.Point.Fn.toBytes(key)));
      }),
      { numRuns: 100 },
    );
    expect(() => publicKeyOf(0n)).toThrow('invalid private key');
  });
});
