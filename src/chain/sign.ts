// Signing our own transactions: the same deterministic ECDSA signature (RFC 6979, low s, with the recovery bit)
// that @ethereumjs signs with through @noble/curves, computed in about half the time. The library's signer
// multiplies in constant time and blinds the nonce's inversion, to keep a secret key secret from someone
// timing it; the keys signed with here are the sandbox's published, deterministic test keys, so the plain
// (variable-time) multiplication and inversion lose nothing. A share link's replay signs a transaction or two per
// step, and signing was about a sixth of its work. sign.test.ts holds every signature byte-equal to the library's.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToNumberBE, createHmacDrbg, numberToBytesBE } from '@noble/curves/utils.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

const { Point } = secp256k1;
const Fn = Point.Fn;
const N = Fn.ORDER;
const HALF_N = N >> 1n;

const drbgHmac = (key: Uint8Array, message: Uint8Array) => hmac(sha256, key, message);

/**
 * The uncompressed public key (x and y, 64 bytes) of a secret key: what @ethereumjs's `privateToPublic` gives,
 * through the same precomputed multiples of the generator that signing uses (the library's multiplies in
 * constant time, with blinding: a few milliseconds per account on a cold worker, for a key that is public).
 */
export function publicKeyOf(key: bigint): Uint8Array {
  if (!Fn.isValidNot0(key)) throw new Error('invalid private key');
  return Point.BASE.multiplyUnsafe(key).toBytes(false).subarray(1);
}

export interface Signature {
  r: bigint;
  s: bigint;
  /** The recovery bit: EIP-1559's y parity. */
  recovery: 0 | 1 | 2 | 3;
}

/** The RFC 6979 signature of a 32-byte digest under a secret key (as a scalar), with s made low. */
export function signDigest(digest: Uint8Array, key: bigint): Signature {
  if (digest.length !== 32) throw new Error('the digest to sign must be 32 bytes');
  if (!Fn.isValidNot0(key)) throw new Error('invalid private key');
  // secp256k1's order has 256 bits: a 32-byte digest is its integer, reduced once.
  const m = Fn.create(bytesToNumberBE(digest));
  const seed = new Uint8Array(64);
  seed.set(numberToBytesBE(key, 32), 0);
  seed.set(numberToBytesBE(m, 32), 32);
  const drbg = createHmacDrbg<Signature>(32, 32, drbgHmac);
  return drbg(seed, (kBytes) => {
    const k = bytesToNumberBE(kBytes);
    if (!Fn.isValidNot0(k)) return undefined;
    const q = Point.BASE.multiplyUnsafe(k).toAffine();
    const r = Fn.create(q.x);
    if (r === 0n) return undefined;
    let s = Fn.mul(Fn.inv(k), Fn.add(m, Fn.mul(r, key)));
    if (s === 0n) return undefined;
    let recovery = (q.x === r ? 0 : 2) | Number(q.y & 1n);
    if (s > HALF_N) {
      s = N - s;
      recovery ^= 1;
    }
    return { r, s, recovery: recovery as Signature['recovery'] };
  });
}
