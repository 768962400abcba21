// A chain as data: the nodes of its state trie that its kept snapshots reach (content-addressed, so one
// image holds every state any snapshot of the chain points at) plus the root and head. A page can start from an image built
// ahead of time instead of deploying and running transactions: the prebuilt genesis.
import { bytesToHex, hexToBytes } from '@ethereumjs/util';
import type { Address, Hex } from 'viem';
import { createChain, stateRoot, type Chain } from './evm.ts';
import { reachableKeys } from './trie-reach.ts';

export interface ChainImage {
  root: Hex;
  head: { number: string; timestamp: string };
  secondsPerBlock: string;
  accounts: number;
  /** The deterministic accounts' addresses, so a page need not derive them again. */
  addresses: Address[];
  /** Trie database entries: key, value as hex, and whether the database held the value as bytes or text. */
  entries: [key: string, value: string, kind: 'b' | 's'][];
}

/** The trie's key-value store (a MapDB behind the trie's checkpoint layer). */
function database(chain: Chain): Map<string, Uint8Array | string> {
  const trie = (chain.stateManager as unknown as { _trie: { database(): { db: { _database: unknown } } } })
    ._trie;
  const db = trie.database().db._database;
  if (!(db instanceof Map)) throw new Error('the state trie is not backed by an in-memory map');
  return db as Map<string, Uint8Array | string>;
}

/**
 * Settles pending writes and copies the trie database: the entries the current state and `keep` (the
 * snapshots' state roots a restore must find) reach, or the whole database when `keep` is not given.
 */
export async function imageOf(chain: Chain, keep?: Iterable<Uint8Array>): Promise<ChainImage> {
  const now = await stateRoot(chain);
  const root = bytesToHex(now) as Hex;
  const db = database(chain);
  const wanted = keep === undefined ? undefined : reachableKeys(db, [now, ...keep]);
  const entries: ChainImage['entries'] = [];
  for (const [k, v] of db) {
    if (wanted !== undefined && !wanted.has(k)) continue;
    entries.push(typeof v === 'string' ? [k, v, 's'] : [k, bytesToHex(v), 'b']);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    root,
    head: { number: chain.head.number.toString(), timestamp: chain.head.timestamp.toString() },
    secondsPerBlock: chain.secondsPerBlock.toString(),
    accounts: chain.accounts.length,
    addresses: chain.accounts.map((a) => a.address),
    entries,
  };
}

/** A live chain over an image's trie, at the image's root and head. */
export async function chainFromImage(image: ChainImage): Promise<Chain> {
  const chain = await createChain({
    accounts: image.accounts,
    secondsPerBlock: BigInt(image.secondsPerBlock),
    startBlock: BigInt(image.head.number),
    startTimestamp: BigInt(image.head.timestamp),
    fund: false,
    addresses: image.addresses,
  });
  const db = database(chain);
  for (const [k, v, kind] of image.entries) db.set(k, kind === 's' ? v : hexToBytes(v as Hex));
  await chain.stateManager.revert(); // drop the (empty) pending level before moving the root
  await chain.stateManager.setStateRoot(hexToBytes(image.root));
  await chain.stateManager.checkpoint();
  return chain;
}
