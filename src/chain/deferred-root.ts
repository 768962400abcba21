// State roots worked out after the fact. A replayed link or saved scenario shows only its last step, yet every
// step's snapshot must name its state root (undo, images and the provider's blocks restore them). Taking each
// root at once settles the step's writes into the trie step after step (about a tenth of a replay's work);
// instead a replayed step leaves its writes waiting in the state manager's caches, as the next steps do, and
// keeps only what the next flush would write: every account, slot and code changed since the trie was last
// written. The roots are worked out later, each by flushing exactly those writes over the same starting root
// on a layer of its own, so each comes out as the flush at that step would have made it, nodes included.
import { createAccountFromRLP, createAddressFromString, hexToBytes, type Address } from '@ethereumjs/util';
import type { Hex } from 'viem';
import type { Chain } from './evm.ts';
import { LayerMap, type ChainStateManager } from './trie-db.ts';

/** What the next flush of the caches would write, and the state root it writes over. */
export interface PendingWrites {
  base: Uint8Array;
  accounts: [address: string, rlp: Uint8Array | undefined][];
  storage: [address: string, key: string, rlp: Uint8Array | undefined][];
  code: [address: string, code: Uint8Array | undefined][];
}

/** The parts of @ethereumjs's account, storage and code caches a flush reads (a change log per checkpoint). */
interface CacheInternals {
  _diffCache: Map<string, unknown>[];
  _orderedMapCache?: { getElementByKey(key: string): unknown };
  _lruCache?: { get(key: string): unknown };
}
interface Caches {
  account?: CacheInternals & {
    put(a: Address, account: ReturnType<typeof createAccountFromRLP>): void;
    del(a: Address): void;
  };
  storage?: CacheInternals & { put(a: Address, key: Uint8Array, rlp: Uint8Array | undefined): void };
  code?: CacheInternals & { put(a: Address, code: Uint8Array): void; del(a: Address): void };
}

const cachesOf = (sm: ChainStateManager) => (sm as unknown as { _caches?: Caches })._caches;
const trieRoot = (sm: ChainStateManager) => (sm as unknown as { _trie: { root(): Uint8Array } })._trie.root();
const element = (c: CacheInternals, key: string) =>
  c._orderedMapCache !== undefined ? c._orderedMapCache.getElementByKey(key) : c._lruCache?.get(key);
const address = (hex: string) => createAddressFromString(`0x${hex}`);

/** The keys changed at any checkpoint level since the last flush: what a flush, after every commit, writes. */
function changed(c: CacheInternals): Set<string> {
  const keys = new Set<string>();
  for (const level of c._diffCache) for (const k of level.keys()) keys.add(k);
  return keys;
}

/** The writes waiting in the chain's caches, as the next flush would take them (stock `flush`'s choices). */
export function pendingWrites(chain: Chain): PendingWrites {
  const sm = chain.stateManager;
  const caches = cachesOf(sm);
  if (caches?.account === undefined || caches.storage === undefined)
    throw new Error('a deferred state root needs the account and storage caches');
  const accounts: PendingWrites['accounts'] = [];
  for (const a of changed(caches.account)) {
    const elem = element(caches.account, a) as { accountRLP?: Uint8Array } | undefined;
    if (elem !== undefined) accounts.push([a, elem.accountRLP]);
  }
  const storage: PendingWrites['storage'] = [];
  const slots = new Map<string, Set<string>>();
  for (const level of caches.storage._diffCache as Map<string, Map<string, unknown>>[])
    for (const [a, keys] of level) {
      let set = slots.get(a);
      if (set === undefined) slots.set(a, (set = new Set()));
      for (const k of keys.keys()) set.add(k);
    }
  for (const [a, keys] of slots) {
    const map = element(caches.storage, a) as Map<string, Uint8Array | undefined> | undefined;
    if (map === undefined) continue;
    for (const k of keys) storage.push([a, k, map.get(k)]);
  }
  const code: PendingWrites['code'] = [];
  if (caches.code !== undefined)
    for (const a of changed(caches.code)) {
      const elem = element(caches.code, a) as { code?: Uint8Array } | undefined;
      if (elem !== undefined) code.push([a, elem.code]);
    }
  return { base: trieRoot(sm), accounts, storage, code };
}

/** Puts the writes back into a state manager's caches, as changes made since its last flush. */
function replay(caches: Caches, w: PendingWrites): void {
  for (const [a, rlp] of w.accounts)
    if (rlp === undefined) caches.account?.del(address(a));
    else caches.account?.put(address(a), createAccountFromRLP(rlp));
  for (const [a, key, rlp] of w.storage) caches.storage?.put(address(a), hexToBytes(`0x${key}` as Hex), rlp);
  for (const [a, code] of w.code)
    if (code === undefined) caches.code?.del(address(a));
    else caches.code?.put(address(a), code);
}

/**
 * The state root each of `pending` gives: its writes flushed over its base root, on a database layer over the
 * chain's, whose nodes then join the chain's database (content-addressed: only ever the same node per key).
 */
export async function rootsOf(chain: Chain, pending: readonly PendingWrites[]): Promise<Uint8Array[]> {
  if (pending.length === 0) return [];
  const live = chain.stateManager;
  const copy = live.layeredCopy(true);
  const caches = cachesOf(copy);
  if (caches === undefined) throw new Error('a deferred state root needs caches');
  const roots: Uint8Array[] = [];
  for (const w of pending) {
    await copy.setStateRoot(w.base);
    await copy.checkpoint();
    replay(caches, w);
    roots.push(await copy.settle());
  }
  const layer = copy.database();
  const into = live.database();
  if (!(layer instanceof LayerMap)) throw new Error('the copy has no database layer of its own');
  for (const k of layer.ownKeys()) {
    const v = layer.get(k);
    if (v === undefined) continue;
    if (into instanceof LayerMap) into.adopt(k, v);
    else into.set(k, v);
  }
  return roots;
}
