// Log queries (eth_getLogs and the criteria of eth_newFilter): a block range or one block hash, addresses and
// topic positions, matched over the transactions of the current branch.
import type { Hex } from 'viem';
import { lastTxAt, type ChainView, type MinedTx } from './rpc-chain.ts';
import { findBlock, numberOfHash } from './rpc-blocks.ts';
import { address, data, invalid, quantity, type Params } from './rpc-params.ts';
import { logsOf } from './rpc-shapes.ts';

export interface LogCriteria {
  /** Block numbers, or tags kept as given so a filter's "latest" follows the head. */
  fromBlock: unknown;
  toBlock: unknown;
  blockHash: Hex | null;
  addresses: string[] | null;
  /** Per position: null matches anything, else one of the topics. */
  topics: (string[] | null)[];
}

export function readCriteria(p: Params, i: number): LogCriteria {
  const o = p.has(i) ? p.object(i, 'filter') : {};
  const what = p.field(i, 'filter', '');
  const at = (key: string) => what.replace(/""$/, `"${key}"`);
  const addr = o['address'];
  const addresses =
    addr === undefined || addr === null
      ? null
      : (Array.isArray(addr) ? addr : [addr]).map((a) => address(a, at('address')).toLowerCase());
  const rawTopics = o['topics'] ?? [];
  if (!Array.isArray(rawTopics)) throw invalid(`${at('topics')} is not a list`);
  if (rawTopics.length > 4)
    throw invalid(`${at('topics')} has ${rawTopics.length} positions; a log has at most 4`);
  const topics = rawTopics.map((t: unknown) =>
    t === null
      ? null
      : (Array.isArray(t) ? t : [t]).map((x: unknown) => {
          const h = data(x, at('topics'));
          if (h.length !== 66) throw invalid(`${at('topics')}: ${h} is not a 32-byte topic`);
          return h.toLowerCase();
        }),
  );
  const blockHash = o['blockHash'];
  if (blockHash !== undefined && (o['fromBlock'] !== undefined || o['toBlock'] !== undefined))
    throw invalid(`${at('blockHash')} cannot be given with "fromBlock" or "toBlock"`);
  if (blockHash !== undefined && (typeof blockHash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(blockHash)))
    throw invalid(`${at('blockHash')}: ${JSON.stringify(blockHash)} is not a 32-byte hash`);
  return {
    fromBlock: o['fromBlock'] ?? 'latest',
    toBlock: o['toBlock'] ?? 'latest',
    blockHash: (blockHash as Hex | undefined) ?? null,
    addresses,
    topics,
  };
}

/** A range end: a number as given (the range is clipped to the chain afterwards), or a tag resolved. */
function end(v: ChainView, tag: unknown, what: string): bigint {
  if (typeof tag === 'string' && tag.startsWith('0x')) return quantity(tag, what);
  return findBlock(v, tag, what) ?? v.head.number;
}

/** The inclusive block range the criteria cover on this view, or null when it covers none. */
function range(v: ChainView, c: LogCriteria, what: string): [bigint, bigint] | null {
  if (c.blockHash !== null) {
    const n = numberOfHash(v, c.blockHash);
    return n === null ? null : [n, n];
  }
  const from = end(v, c.fromBlock, `${what} "fromBlock"`);
  const to = end(v, c.toBlock, `${what} "toBlock"`);
  if (from > to) throw invalid(`${what}: "fromBlock" ${from} is after "toBlock" ${to}`);
  const lo = from > v.genesis.number ? from : v.genesis.number;
  const hi = to < v.head.number ? to : v.head.number;
  return lo > hi ? null : [lo, hi];
}

export function matches(c: LogCriteria, log: { address: string; topics: readonly string[] }): boolean {
  if (c.addresses !== null && !c.addresses.includes(log.address.toLowerCase())) return false;
  return c.topics.every((want, i) => {
    if (want === null) return true;
    const t = log.topics[i];
    return t !== undefined && want.includes(t.toLowerCase());
  });
}

/** The mined transactions in a block range (inclusive), in order. */
export function txsIn(v: ChainView, lo: bigint, hi: bigint): MinedTx[] {
  const end = lastTxAt(v, hi);
  const out: MinedTx[] = [];
  for (let i = end; i >= 0 && v.txs[i]!.tx.block >= lo; i--) out.push(v.txs[i]!);
  return out.reverse();
}

export function logsMatching(v: ChainView, c: LogCriteria, what: string): Record<string, unknown>[] {
  const r = range(v, c, what);
  if (r === null) return [];
  return txsIn(v, r[0], r[1]).flatMap((m) =>
    logsOf(v, m).filter((l) => matches(c, l as { address: string; topics: string[] })),
  );
}
