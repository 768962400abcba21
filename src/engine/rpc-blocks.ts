// Which block a request means: a tag, a number or (EIP-1898) a hash, on the current branch.
import { numberToHex, type Hex } from 'viem';
import { blockHashOf, hasBlock, type ChainView } from './rpc-chain.ts';
import { invalid, quantity, Refused } from './rpc-params.ts';

/** Hashes handed out recently, so a block can be found by hash (hashes of empty blocks cannot be inverted). */
const seen = new Map<Hex, bigint>();
const SEEN_LIMIT = 100_000;

export function hashOf(v: ChainView, n: bigint): Hex {
  const h = blockHashOf(v, n);
  if (seen.size >= SEEN_LIMIT) seen.delete(seen.keys().next().value!);
  seen.set(h, n);
  return h;
}

/** The number of the block with this hash on the current branch, or null. */
export function numberOfHash(v: ChainView, hash: Hex): bigint | null {
  const h = hash.toLowerCase() as Hex;
  const candidates = [seen.get(h), v.head.number, v.genesis.number, ...v.byBlock.keys()];
  for (const n of candidates) if (n !== undefined && hasBlock(v, n) && blockHashOf(v, n) === h) return n;
  return null;
}

/** -32000 is what execution clients answer for a block they do not have ("header not found"). */
export function noBlock(message: string): Refused {
  return new Refused({ code: -32000, message });
}

/**
 * The block a tag names, or null when the chain has no such block (a number past the head or before the
 * sandbox's first block, a hash not on the current branch).
 */
export function findBlock(v: ChainView, tag: unknown, what: string): bigint | null {
  if (tag === undefined || tag === null) return v.head.number;
  if (typeof tag === 'string') {
    if (tag === 'latest' || tag === 'pending' || tag === 'safe' || tag === 'finalized') return v.head.number;
    if (tag === 'earliest') return v.genesis.number;
    const n = quantity(tag, `${what}: a block tag (latest, earliest, pending, safe, finalized) or number;`);
    return hasBlock(v, n) ? n : null;
  }
  if (typeof tag === 'object' && !Array.isArray(tag)) {
    const o = tag as { blockNumber?: unknown; blockHash?: unknown };
    if (o.blockNumber !== undefined) return findBlock(v, o.blockNumber, `${what} field "blockNumber"`);
    if (typeof o.blockHash === 'string' && /^0x[0-9a-fA-F]{64}$/.test(o.blockHash))
      return numberOfHash(v, o.blockHash as Hex);
  }
  throw invalid(
    `${what}: ${JSON.stringify(tag)} is not a block (latest, earliest, pending, safe, finalized, a number, or { blockHash })`,
  );
}

/** As findBlock, for reads of state: a block the chain does not have is refused, saying which blocks it has. */
export function stateBlock(v: ChainView, tag: unknown, what: string): bigint {
  const n = findBlock(v, tag, what);
  if (n !== null) return n;
  const asked = typeof tag === 'string' ? tag : JSON.stringify(tag);
  throw noBlock(
    `${what}: there is no block ${asked} on the current branch; it has blocks ${numberToHex(v.genesis.number)} (its first, after the protocol's deployment) to ${numberToHex(v.head.number)} (the head)`,
  );
}
