// Snapshots of the whole chain in O(1): the state trie keeps every node (no pruning), so a snapshot is a
// state root plus the head, and restoring one is pointing the trie back at that root.
import { resetStateRoot, stateRoot, type Chain } from './evm.ts';
import { expectChanges } from './read-memo.ts';

export interface Snapshot {
  readonly stateRoot: Uint8Array;
  readonly head: { readonly number: bigint; readonly timestamp: bigint };
}

export async function snapshot(chain: Chain): Promise<Snapshot> {
  return { stateRoot: await stateRoot(chain), head: { ...chain.head } };
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
