// Polling filters (eth_newFilter, eth_newBlockFilter, eth_newPendingTransactionFilter, eth_getFilterChanges,
// eth_getFilterLogs, eth_uninstallFilter), as viem's watchers and ethers' contract.on use them.
//
// When the chain moves backwards or onto another branch (undo, scrubbing, a branch switch, evm_revert), a
// filter behaves as on a node after a reorganisation: a log filter reports every log it had delivered from
// blocks no longer on the branch again, with `removed: true`, then the logs of the branch's new blocks; a
// block filter reports the hashes of the blocks after the point where the branches part. A filter belongs to
// the sandbox it was made on: a load that replaces the sandbox ends it.
import { numberToHex } from 'viem';
import type { ChainView } from './rpc-chain.ts';
import { hashOf } from './rpc-blocks.ts';
import { logsMatching, matches, readCriteria, type LogCriteria } from './rpc-logs.ts';
import { Refused, type Params } from './rpc-params.ts';
import { logsOf } from './rpc-shapes.ts';
import type { Session } from './session.ts';

type Log = Record<string, unknown>;

type Filter =
  | { kind: 'logs'; criteria: LogCriteria; seen: Map<string, bigint>; delivered: Map<string, Log[]> }
  | { kind: 'blocks'; head: bigint; seen: Map<string, bigint> }
  | { kind: 'pending' };

/** A block filter reports at most this many blocks per poll (a time advance may skip 100,800 blocks). */
export const BLOCK_FILTER_LIMIT = 1024;

const bySession = new WeakMap<Session, { next: number; filters: Map<string, Filter> }>();

function table(s: Session) {
  let t = bySession.get(s);
  if (t === undefined) bySession.set(s, (t = { next: 1, filters: new Map() }));
  return t;
}

function add(s: Session, f: Filter): string {
  const t = table(s);
  const id = numberToHex(t.next++);
  t.filters.set(id, f);
  return id;
}

const seenOf = (v: ChainView) => new Map(v.txs.map((m) => [m.tx.hash.toLowerCase(), m.tx.block]));

export function newLogFilter(s: Session, v: ChainView, p: Params): string {
  const criteria = readCriteria(p, 0);
  // Checks the range now, so a bad one is refused at creation rather than at every poll.
  logsMatching(v, { ...criteria, fromBlock: 'latest' }, p.field(0, 'filter', 'fromBlock'));
  return add(s, { kind: 'logs', criteria, seen: seenOf(v), delivered: new Map() });
}

export function newBlockFilter(s: Session, v: ChainView): string {
  return add(s, { kind: 'blocks', head: v.head.number, seen: seenOf(v) });
}

export function newPendingFilter(s: Session): string {
  return add(s, { kind: 'pending' });
}

function filterOf(s: Session, p: Params): Filter {
  const id = p.raw(0, 'filter id');
  const f = typeof id === 'string' ? table(s).filters.get(id.toLowerCase()) : undefined;
  if (f === undefined)
    // geth's wording, which clients recognise (viem and ethers then make the filter again).
    throw new Refused({ code: -32000, message: `filter not found: ${String(id)}` });
  return f;
}

export function uninstall(s: Session, p: Params): boolean {
  const id = p.raw(0, 'filter id');
  return typeof id === 'string' && table(s).filters.delete(id.toLowerCase());
}

export function filterLogs(s: Session, v: ChainView, p: Params): Log[] {
  const f = filterOf(s, p);
  if (f.kind !== 'logs')
    throw new Refused({ code: -32602, message: `filter ${String(p.list[0])} is not a log filter` });
  return logsMatching(v, f.criteria, 'the filter');
}

export function filterChanges(s: Session, v: ChainView, p: Params): unknown[] {
  const f = filterOf(s, p);
  if (f.kind === 'pending') return []; // every transaction is mined at once: nothing is ever pending
  const now = seenOf(v);
  if (f.kind === 'blocks') {
    let fork = f.head < v.head.number ? f.head : v.head.number;
    for (const [hash, block] of f.seen) if (now.get(hash) !== block && block - 1n < fork) fork = block - 1n;
    for (const [hash, block] of now)
      if (f.seen.get(hash) !== block && block <= f.head && block - 1n < fork) fork = block - 1n;
    const first =
      v.head.number - fork > BLOCK_FILTER_LIMIT ? v.head.number - BigInt(BLOCK_FILTER_LIMIT) + 1n : fork + 1n;
    const hashes = [];
    for (let n = first; n <= v.head.number; n++) hashes.push(hashOf(v, n));
    f.head = v.head.number;
    f.seen = now;
    return hashes;
  }
  const out: Log[] = [];
  for (const [hash, logs] of f.delivered)
    if (!now.has(hash)) {
      out.push(...logs.map((l) => ({ ...l, removed: true })));
      f.delivered.delete(hash);
    }
  const c = f.criteria;
  const lo = typeof c.fromBlock === 'string' && c.fromBlock.startsWith('0x') ? BigInt(c.fromBlock) : 0n;
  const hi = typeof c.toBlock === 'string' && c.toBlock.startsWith('0x') ? BigInt(c.toBlock) : null;
  for (const m of v.txs) {
    const b = m.tx.block;
    if (f.seen.has(m.tx.hash.toLowerCase()) || b < lo || (hi !== null && b > hi)) continue;
    if (c.blockHash !== null && hashOf(v, b) !== c.blockHash.toLowerCase()) continue;
    const logs = logsOf(v, m).filter((l) => matches(c, l as { address: string; topics: string[] }));
    if (logs.length === 0) continue;
    out.push(...logs);
    f.delivered.set(m.tx.hash.toLowerCase(), logs);
  }
  f.seen = now;
  return out;
}
