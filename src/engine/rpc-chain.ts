// The blocks a JSON-RPC client sees: the current branch of the history up to the cursor. Every transaction
// mines its own block; the blocks between them (a time advance) are empty. A block's hash chains the hashes
// of every transaction before it (and the genesis state root), so the same number on two branches has two
// hashes, an undo followed by the very same transaction gets the same hash back, and a filter can tell a
// block it has seen from one it has not.
import { bytesToHex, concat, keccak256, numberToHex, type Hex } from 'viem';
import { stateAt, stateRoot, type Snapshot, type TxResult } from '../chain/runtime.ts';
import type { Session } from './session.ts';

export interface MinedTx {
  tx: TxResult;
  /** Index into `ChainView.path` of the step that mined it. */
  position: number;
  /** Its index among the step's transactions. */
  index: number;
  /** The step's last transaction: the state after it is the step's snapshot. */
  last: boolean;
  /** The chained hash of every transaction up to and including this one. */
  link: Hex;
}

export interface ChainView {
  path: ReturnType<Session['chainPath']>;
  genesis: { number: bigint; timestamp: bigint };
  head: { number: bigint; timestamp: bigint };
  secondsPerBlock: bigint;
  /** The genesis link: what a block before any transaction chains from. */
  seed: Hex;
  /** In block order. */
  txs: MinedTx[];
  byBlock: Map<bigint, MinedTx>;
  byHash: Map<string, MinedTx>;
}

const views = new WeakMap<Session, { node: number | null; branch: string; view: ChainView }>();

/** The current branch as blocks (cached per cursor: history nodes never change once made). */
export function chainView(s: Session): ChainView {
  const cached = views.get(s);
  if (cached !== undefined && cached.node === s.cursor.node && cached.branch === s.cursor.branch)
    return cached.view;
  const path = s.chainPath();
  const genesisSnap = path[0]!.snap;
  const seed = keccak256(genesisSnap.stateRoot);
  const txs: MinedTx[] = [];
  let link = seed;
  for (const [position, p] of path.entries())
    for (const [index, tx] of p.txs.entries()) {
      link = keccak256(concat([link, tx.hash]));
      txs.push({ tx, position, index, last: index === p.txs.length - 1, link });
    }
  const view: ChainView = {
    path,
    genesis: genesisSnap.head,
    head: path.at(-1)!.snap.head,
    secondsPerBlock: s.sb.chain.secondsPerBlock,
    seed,
    txs,
    byBlock: new Map(txs.map((m) => [m.tx.block, m])),
    byHash: new Map(txs.map((m) => [m.tx.hash.toLowerCase(), m])),
  };
  views.set(s, { node: s.cursor.node, branch: s.cursor.branch, view });
  return view;
}

/** Index of the last transaction mined at or before block `n` (-1: none). */
export function lastTxAt(v: ChainView, n: bigint): number {
  let lo = 0;
  let hi = v.txs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (v.txs[mid]!.tx.block <= n) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function hasBlock(v: ChainView, n: bigint): boolean {
  return n >= v.genesis.number && n <= v.head.number;
}

export function blockHashOf(v: ChainView, n: bigint): Hex {
  const i = lastTxAt(v, n);
  return keccak256(concat([i < 0 ? v.seed : v.txs[i]!.link, numberToHex(n, { size: 32 })]));
}

/** Time moves by whole blocks, so a block's timestamp follows from the last mined block before it. */
export function timestampOf(v: ChainView, n: bigint): bigint {
  const i = lastTxAt(v, n);
  const base = i < 0 ? v.genesis : { number: v.txs[i]!.tx.block, timestamp: v.txs[i]!.tx.timestamp };
  return base.timestamp + (n - base.number) * v.secondsPerBlock;
}

/** The state after block `n`: a snapshot, plus the transactions to run again when `n` is inside a step. */
function stateOf(v: ChainView, n: bigint): { base: Snapshot; replay: readonly TxResult[] } {
  const i = lastTxAt(v, n);
  if (i < 0) return { base: v.path[0]!.snap, replay: [] };
  const m = v.txs[i]!;
  const step = v.path[m.position]!;
  if (m.last) return { base: step.snap, replay: [] };
  return { base: v.path[m.position - 1]!.snap, replay: step.txs.slice(0, m.index + 1) };
}

/**
 * Runs `fn` with the chain as it was after block `n` (its head at `n`), then puts it back at the cursor.
 * The head block is the chain as it stands: no restore at all.
 */
export async function atBlock<T>(s: Session, v: ChainView, n: bigint, fn: () => Promise<T>): Promise<T> {
  if (n === v.head.number) return fn();
  const { base, replay } = stateOf(v, n);
  try {
    await stateAt(s.sb.chain, base, replay, { number: n, timestamp: timestampOf(v, n) });
    return await fn();
  } finally {
    await s.moveChainTo(s.cursor.node);
  }
}

/** The state root after block `n`. */
export async function stateRootOf(s: Session, v: ChainView, n: bigint): Promise<Hex> {
  const { base, replay } = stateOf(v, n);
  if (replay.length === 0) return bytesToHex(base.stateRoot);
  return atBlock(s, v, n, async () => bytesToHex(await stateRoot(s.sb.chain)));
}
