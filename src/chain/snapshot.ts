// Snapshots of the whole chain in O(1): the state trie keeps every node (no pruning), so a snapshot is a
// state root plus the head, and restoring one is pointing the trie back at that root.
import type { Chain } from './evm.ts';

export interface Snapshot {
  readonly stateRoot: Uint8Array;
  readonly head: { readonly number: bigint; readonly timestamp: bigint };
}

export async function snapshot(chain: Chain): Promise<Snapshot> {
  return { stateRoot: await chain.stateManager.getStateRoot(), head: { ...chain.head } };
}

export async function restore(chain: Chain, snap: Snapshot): Promise<void> {
  await chain.stateManager.setStateRoot(snap.stateRoot);
  chain.head = { ...snap.head };
}
