// State roots worked out after the fact. A replayed link or saved scenario shows only its last step, yet every
// step's snapshot must name its state root (undo, images and the provider's blocks restore them). Taking each
// root at once settles the step's writes into the trie step after step, while the page waits for the last
// one. Instead a replayed step leaves its writes waiting in the state manager's caches, as the next steps do,
// and keeps what the next flush would write: every account, slot and code changed since the trie was last
// written. The roots are worked out later on a database layer of their own, step after step: each flushes
// over the one before exactly what changed in that step, which is what the flush at that step would have
// written, so each root and its nodes come out as the eager path made them (session-deferred.test.ts).
import {
  createAccountFromRLP,
  createAddressFromString,
  equalsBytes,
  hexToBytes,
  type Address,
} from '@ethereumjs/util';
import type { Hex } from 'viem';
import type { Chain } from './evm.ts';
import { LayerMap, type ChainStateManager } from './trie-db.ts';

/** What the next flush of the caches would write, and the state root it writes over. */
export interface PendingWrites {
  base: Uint8Array;
  /** By address (unprefixed hex): the account's RLP, undefined when deleted. */
  accounts: Map<string, Uint8Array | undefined>;
  /** By address, then slot (unprefixed hex): the slot's RLP. */
  storage: Map<string, Map<string, Uint8Array | undefined>>;
  code: Map<string, Uint8Array | undefined>;
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

/** Whether a chain keeps its writes in caches until a root is taken, which a deferred root is made from. */
export function canDeferRoots(chain: Chain): boolean {
  const caches = cachesOf(chain.stateManager);
  return caches?.account !== undefined && caches.storage !== undefined;
}

/** The writes waiting in the chain's caches, as the next flush would take them (stock `flush`'s choices). */
export function pendingWrites(chain: Chain): PendingWrites {
  const sm = chain.stateManager;
  const caches = cachesOf(sm);
  if (caches?.account === undefined || caches.storage === undefined)
    throw new Error('a deferred state root needs the account and storage caches');
  const accounts: PendingWrites['accounts'] = new Map();
  for (const a of changed(caches.account)) {
    const elem = element(caches.account, a) as { accountRLP?: Uint8Array } | undefined;
    if (elem !== undefined) accounts.set(a, elem.accountRLP);
  }
  const storage: PendingWrites['storage'] = new Map();
  for (const level of caches.storage._diffCache as Map<string, Map<string, unknown>>[])
    for (const [a, keys] of level) {
      const map = element(caches.storage, a) as Map<string, Uint8Array | undefined> | undefined;
      if (map === undefined) continue;
      let slots = storage.get(a);
      if (slots === undefined) storage.set(a, (slots = new Map()));
      for (const k of keys.keys()) slots.set(k, map.get(k));
    }
  const code: PendingWrites['code'] = new Map();
  if (caches.code !== undefined)
    for (const a of changed(caches.code)) {
      const elem = element(caches.code, a) as { code?: Uint8Array } | undefined;
      if (elem !== undefined) code.set(a, elem.code);
    }
  return { base: trieRoot(sm), accounts, storage, code };
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a === b || (a !== undefined && b !== undefined && equalsBytes(a, b));

/** Whether `later` holds every write of `earlier` (each step of one batch only adds to what is waiting). */
function grows(earlier: PendingWrites, later: PendingWrites): boolean {
  if (!equalsBytes(earlier.base, later.base)) return false;
  for (const a of earlier.accounts.keys()) if (!later.accounts.has(a)) return false;
  for (const a of earlier.code.keys()) if (!later.code.has(a)) return false;
  for (const [a, slots] of earlier.storage) {
    const now = later.storage.get(a);
    if (now === undefined) return false;
    for (const k of slots.keys()) if (!now.has(k)) return false;
  }
  return true;
}

/**
 * Puts the writes into a state manager's caches as changes since its last flush. Over its base root, all of
 * them. Over `after`'s root (the state manager stands there, flushed), only what changed since `after`: the
 * flush at this step would have written those over that root. Its accounts then keep the storage root they
 * have there (a waiting account's RLP still names the storage root of the last flush, the base's).
 */
async function replay(sm: ChainStateManager, caches: Caches, w: PendingWrites, after?: PendingWrites) {
  for (const [a, rlp] of w.accounts) {
    if (after !== undefined && after.accounts.has(a) && same(after.accounts.get(a), rlp)) continue;
    if (rlp === undefined) {
      caches.account?.del(address(a));
      continue;
    }
    const account = createAccountFromRLP(rlp);
    const there = after === undefined ? undefined : await sm.getAccount(address(a));
    if (there !== undefined) account.storageRoot = there.storageRoot;
    caches.account?.put(address(a), account);
  }
  for (const [a, slots] of w.storage) {
    const before = after?.storage.get(a);
    for (const [key, rlp] of slots)
      if (before === undefined || !before.has(key) || !same(before.get(key), rlp))
        caches.storage?.put(address(a), hexToBytes(`0x${key}` as Hex), rlp);
  }
  for (const [a, code] of w.code) {
    if (after !== undefined && after.code.has(a) && same(after.code.get(a), code)) continue;
    if (code === undefined) caches.code?.del(address(a));
    else caches.code?.put(address(a), code);
  }
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
  let previous: PendingWrites | undefined;
  for (const w of pending) {
    // Step after step of one batch, each root is taken over the one before, as the eager path took them.
    const after = previous !== undefined && grows(previous, w) ? previous : undefined;
    if (after === undefined) await copy.setStateRoot(w.base);
    await copy.checkpoint();
    await replay(copy, caches, w, after);
    roots.push(await copy.settle());
    previous = w;
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
