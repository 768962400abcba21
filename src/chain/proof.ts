// EIP-1186 proofs (eth_getProof): an account and some of its storage slots, with the trie nodes from the
// state root down to each. They are built from the chain's own Merkle Patricia trie, so a client can check
// them against the block's stateRoot exactly as it would against a real node's.
import { getMerkleStateProof, type Proof } from '@ethereumjs/statemanager';
import { createAddressFromString, hexToBytes, setLengthLeft } from '@ethereumjs/util';
import type { Hex } from 'viem';
import { stateRoot, type Chain } from './evm.ts';

export type { Proof } from '@ethereumjs/statemanager';

/** The proof of `address` and its `slots` (32-byte keys) in the chain's state as it stands. */
export async function proofOf(chain: Chain, address: Hex, slots: readonly Hex[]): Promise<Proof> {
  // Transactions commit into a pending level that is merkleized only when a root is needed: settle it, so
  // the proof is of the same trie the block's stateRoot names.
  await stateRoot(chain);
  const keys = slots.map((s) => setLengthLeft(hexToBytes(s), 32));
  return getMerkleStateProof(chain.stateManager, createAddressFromString(address), keys);
}
