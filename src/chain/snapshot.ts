// Snapshots of the whole chain in O(1): the state trie keeps every node (no pruning), so a snapshot is a
// state root plus the head, and restoring one is pointing the trie back at that root.
import { canDeferRoots, pendingWrites, rootsOf, type PendingWrites } from './deferred-root.ts';
import { resetStateRoot, stateRoot, type Chain } from './evm.ts';
import { expectChanges } from './read-memo.ts';

export interface Snapshot {
  readonly stateRoot: Uint8Array;
  readonly head: { readonly number: bigint; readonly timestamp: bigint };
}

export async function snapshot(chain: Chain): Promise<Snapshot> {
  return { stateRoot: await stateRoot(chain), head: { ...chain.head } };
}

/** The writes each deferred snapshot's root is to be worked out from, until `settleSnapshots` has. */
const unsettled = new WeakMap<Snapshot, PendingWrites>();

/**
 * A snapshot of the chain whose state root is worked out later (deferred-root.ts): the step's writes stay
 * waiting, so the next step runs on without settling them into the trie. Its `stateRoot` throws until
 * `settleSnapshots` has run over it; until then the chain must not be restored anywhere (that would drop the
 * writes). The head is the chain's now, as `snapshot` takes it.
 */
export function deferredSnapshot(chain: Chain): Snapshot | Promise<Snapshot> {
  // A chain without caches writes every change into the trie at once: there is nothing to leave for later.
  if (!canDeferRoots(chain)) return snapshot(chain);
  const snap = {} as { stateRoot: Uint8Array; head: Snapshot['head'] };
  // Defined first, so the snapshot's fields come in the same order as `snapshot`'s (images are compared as text).
  Object.defineProperty(snap, 'stateRoot', {
    enumerable: true,
    configurable: true,
    get: () => {
      throw new Error('the state root of this snapshot is not worked out yet (settleSnapshots)');
    },
  });
  snap.head = { ...chain.head };
  unsettled.set(snap, pendingWrites(chain));
  return snap;
}

/** Whether a snapshot's state root is known (always, but for a deferred one not yet settled). */
export function isSettled(snap: Snapshot): boolean {
  return !unsettled.has(snap);
}

/** Works out the state roots of deferred snapshots (taken on `chain`), each as `snapshot` would have taken it. */
export async function settleSnapshots(chain: Chain, snaps: readonly Snapshot[]): Promise<void> {
  const open = snaps.filter((s) => unsettled.has(s));
  const roots = await rootsOf(
    chain,
    open.map((s) => unsettled.get(s) as PendingWrites),
  );
  open.forEach((s, i) => {
    Object.defineProperty(s, 'stateRoot', { value: roots[i], enumerable: true, writable: false });
    unsettled.delete(s);
  });
}

/**
 * Points the chain back at a snapshot. `changed`, when the caller knows it (the writes of the steps between
 * the current state and the snapshot, from `trackWrites`), keeps every kept read that none of them touched.
 */
export async function restore(chain: Chain, snap: Snapshot, changed?: ReadonlySet<string>): Promise<void> {
  if (changed !== undefined) expectChanges(chain, changed);
  try {
    await resetStateRoot(chain, snap.stateRoot);
  } finally {
    expectChanges(chain, undefined);
  }
  chain.head = { ...snap.head };
}

/**
 * Opens a journal checkpoint: `rollback` undoes every state change since (and the head), `keep` commits
 * them. Cheaper than a snapshot (no trie hashing), for "all or nothing" around one step.
 */
export async function checkpoint(
  chain: Chain,
): Promise<{ keep: () => Promise<void>; rollback: () => Promise<void> }> {
  const head = { ...chain.head };
  await chain.stateManager.checkpoint();
  let open = true;
  const close = () => {
    if (!open) throw new Error('checkpoint already closed');
    open = false;
  };
  return {
    keep: async () => {
      close();
      await chain.stateManager.commit();
    },
    rollback: async () => {
      close();
      await chain.stateManager.revert();
      chain.head = head;
    },
  };
}
