// The state manager every chain of ours runs on, and the trie database under it.
//
// Two things about memory (profiled on the chain benchmark: 1,194 transactions wrote 28.2k trie database
// entries, about 15 MB, of which 1.1k were reachable from any state anyone kept):
// - The stock MerkleStateManager writes every SSTORE into the account's storage trie as well as into its cache
//   (`caches.storage.put(...) ?? writeTrie(...)`, and `put` returns undefined). Storage tries carry no journal
//   checkpoints, so each of those writes hashed a path of nodes straight into the database, for good, although
//   the cache already held the value and writes it into the trie when a root is next needed. We write the
//   cache only: the trie then holds the states a root was taken of, not every intermediate one.
// - A clone of a chain (every sandbox is a clone of its configuration's deployed template) writes into a
//   database layer of its own over its parent's, instead of into the parent's. Nodes are content-addressed
//   and never deleted, so reading through to the parent is always right; and when a sandbox is discarded its
//   layer goes with it, where a shared database kept every node it had ever written.
import { MerkleStateManager, type Caches, type MerkleStateManagerOpts } from '@ethereumjs/statemanager';
import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import type { Common } from '@ethereumjs/common';
import {
  Account,
  createAccountFromRLP,
  equalsBytes,
  MapDB,
  unpadBytes,
  ValueEncoding,
  type Address,
} from '@ethereumjs/util';
import { fromRlp, toRlp } from 'viem';
import { unprefixedHex } from './hex.ts';
import { reachableKeys } from './trie-reach.ts';

type Value = Uint8Array | string;

/**
 * A trie database layer: its own entries over a parent's, read through. It is a Map, so code that reads a
 * trie's database as one (images, reachability) sees the layer and everything under it.
 */
export class LayerMap extends Map<string, Value> {
  /** Keys new to the whole database written while tracking (see `ChainStateManager.settle`). */
  private fresh: Set<string> | undefined;

  constructor(readonly parent?: ReadonlyMap<string, Value>) {
    super();
  }

  override set(key: string, value: Value): this {
    if (this.fresh !== undefined && !this.has(key)) this.fresh.add(key);
    return super.set(key, value);
  }

  /** Collects the keys new to the database from now until the returned function is called. */
  track(): () => ReadonlySet<string> {
    const fresh = new Set<string>();
    this.fresh = fresh;
    return () => {
      if (this.fresh === fresh) this.fresh = undefined;
      return fresh;
    };
  }

  /**
   * Writes nodes worked out elsewhere (another layer's flush, deferred-root.ts) into this layer. They are
   * never taken for nodes of a flush being tracked here, which would drop the ones its own root does not reach.
   */
  adopt(key: string, value: Value): void {
    this.fresh?.delete(key);
    super.set(key, value);
  }

  override get(key: string): Value | undefined {
    return super.get(key) ?? this.parent?.get(key);
  }

  override has(key: string): boolean {
    return super.has(key) || (this.parent?.has(key) ?? false);
  }

  /** Entries written into this layer itself (the rest are the parent's). */
  get ownSize(): number {
    return super.size;
  }

  /** Keys written into this layer itself. */
  ownKeys(): MapIterator<string> {
    return super.keys();
  }

  override get size(): number {
    let n = this.parent?.size ?? 0;
    for (const k of super.keys()) if (this.parent?.has(k) !== true) n++;
    return n;
  }

  override *entries(): MapIterator<[string, Value]> {
    yield* super.entries();
    if (this.parent === undefined) return;
    for (const [k, v] of this.parent) if (!super.has(k)) yield [k, v];
  }

  override [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }

  override *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  override *values(): MapIterator<Value> {
    for (const [, v] of this.entries()) yield v;
  }

  override forEach(fn: (value: Value, key: string, map: Map<string, Value>) => void, self?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(self, v, k, this);
  }
}

/**
 * Accounts decoded from the account cache's RLP, by that RLP (the cache stores a new array for every write, and
 * never changes one): an account read many times a frame is decoded once, and each read still gets an Account
 * of its own, since the EVM changes the ones it gets.
 */
const decodedAccounts = new WeakMap<Uint8Array, readonly [bigint, bigint, Uint8Array, Uint8Array]>();

function accountFromRlp(rlp: Uint8Array): Account {
  const known = decodedAccounts.get(rlp);
  if (known !== undefined) return new Account(...known);
  const account = createAccountFromRLP(rlp);
  decodedAccounts.set(rlp, [account.nonce, account.balance, account.storageRoot, account.codeHash]);
  return account;
}

/**
 * Storage values by the root of the storage trie they were read from and their slot. A trie root names its
 * whole content (nodes are content-addressed), so an entry can never go stale: a write gives the trie a new
 * root, and a revert puts an old one back, under which the old entries are right again; and two tries with one
 * root hold the same values. It serves the slot reads that walked a trie again and again because a read
 * batch's revert takes what the state cache learned inside it (about a quarter of a cold world read's slots).
 * Shared by every chain: a clone reads its template's tries under the same roots. Bounded: past `limit` values,
 * the roots first seen longest ago go (a root's values are dropped together; a root still read comes back on
 * its next read).
 *
 * Storage tries only. The state trie's reads must stay walks: inside a journal checkpoint its database keeps
 * every node a walk reads in the checkpoint's change set, and the commit writes them back, in the state trie's
 * form (bytes, where storage tries keep hex text). Skipping those walks leaves the same state but other node
 * forms in the database, and images, which carry the nodes as text, then differ from the eager path's
 * (session-deferred.test.ts caught it).
 */
export class TrieValues {
  private readonly byRoot = new Map<string, Map<string, Uint8Array | null>>();
  private count = 0;

  constructor(private readonly limit: number) {}

  get(root: string, slot: string): Uint8Array | null | undefined {
    return this.byRoot.get(root)?.get(slot);
  }

  set(root: string, slot: string, value: Uint8Array | null): void {
    let slots = this.byRoot.get(root);
    if (slots === undefined) this.byRoot.set(root, (slots = new Map()));
    if (!slots.has(slot)) this.count++;
    slots.set(slot, value);
    for (const [oldest, values] of this.byRoot) {
      if (this.count <= this.limit || values === slots) break;
      this.byRoot.delete(oldest);
      this.count -= values.size;
    }
  }

  /** Values kept (for tests and measurements). */
  get size(): number {
    return this.count;
  }

  clear(): void {
    this.byRoot.clear();
    this.count = 0;
  }
}

/** Every chain's storage values by trie root and slot (see `TrieValues`); about 200 bytes a value. */
export const trieValues = new TrieValues(8_192);

/** Storage tries whose `get` goes through `trieValues` (see `ChainStateManager._getStorageTrie`). */
const wrapped = new WeakSet<MerklePatriciaTrie>();

/**
 * The stock trie's `get`, with two shortcuts that give the same answer: a lookup in an empty trie answers
 * "nothing" at once, and a lookup under a root and key read before answers what it answered then.
 * The stock lookup walks from the root, and the empty trie's root is a node no database holds, so every slot
 * read of an account without storage created, threw and caught an Error with its stack trace (14 per world
 * read of the 4-actor example) before giving the same `null`. The key is the root the trie itself stands at
 * when asked, never one an account names, which may not be flushed into its trie yet.
 */
function wrapGet(trie: MerklePatriciaTrie, values: () => TrieValues | undefined): void {
  const get = trie.get.bind(trie);
  // Only tries that hash their keys, as every one of ours does: the same root read with unhashed keys would
  // answer other slots.
  const hashed = (trie as unknown as { _opts: { useKeyHashing?: boolean } })._opts.useKeyHashing === true;
  trie.get = (key: Uint8Array, throwIfMissing = false) => {
    if (throwIfMissing) return get(key, throwIfMissing);
    const root = trie.root();
    if (equalsBytes(root, trie.EMPTY_TRIE_ROOT)) return Promise.resolve(null);
    const kept = values();
    if (!hashed || kept === undefined) return get(key, throwIfMissing);
    const rootHex = unprefixedHex(root);
    const at = slotHex(key); // a slot's or an address's hex
    const known = kept.get(rootHex, at);
    if (known !== undefined) return Promise.resolve(known);
    return get(key, throwIfMissing).then((value) => {
      kept.set(rootHex, at, value);
      return value;
    });
  };
}

/**
 * The part of js-sdsl's OrderedMap that @ethereumjs's account, code and storage caches use, over a hash map.
 * The caches only look entries up by key (a flush walks their change logs, never the map in order), and the
 * ordered map's red-black tree compared 40-character keys along each lookup: about 4% of a cold world read.
 */
export class HashMapCache<V> {
  private readonly map = new Map<string, V>();

  getElementByKey(key: string): V | undefined {
    return this.map.get(key);
  }

  setElement(key: string, value: V): number {
    this.map.set(key, value);
    return this.map.size;
  }

  eraseElementByKey(key: string): boolean {
    return this.map.delete(key);
  }

  size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * An address's hex (unprefixed), as the caches key it, made once per address array: a call frame's address
 * is one array for all the frame's loads, and a string made once is hashed once (hex.ts: the library's own
 * conversion builds the string a character pair at a time, which a map lookup then flattens and hashes
 * again, every time). An address's bytes are never changed in place.
 */
const addressHexes = new WeakMap<Uint8Array, string>();

export function addressHex(bytes: Uint8Array): string {
  let hex = addressHexes.get(bytes);
  if (hex === undefined) addressHexes.set(bytes, (hex = unprefixedHex(bytes)));
  return hex;
}

/**
 * A storage slot's hex (unprefixed), as the caches and the journal key it. One SLOAD names its slot several
 * times over (the journal's warm check, the read memo, the cache, the trie): the last slot's hex is kept with
 * a copy of its bytes, and given again when the same bytes come next (compared, so a caller that reuses its
 * array for another slot gets that slot's hex).
 */
const lastSlot = new Uint8Array(32);
let lastSlotHex: string | undefined;

export function slotHex(bytes: Uint8Array): string {
  if (bytes.length !== 32) return unprefixedHex(bytes);
  if (lastSlotHex !== undefined && equalsBytes(bytes, lastSlot)) return lastSlotHex;
  lastSlotHex = unprefixedHex(bytes);
  lastSlot.set(bytes);
  return lastSlotHex;
}

/**
 * A slot's value from its RLP, as the stock `getStorage` decodes it: the canonical one-string forms at once (a
 * byte below 0x80 is itself; 0x80 + n is n bytes), anything else by viem's decoder. A copy, the caller's own.
 */
function slotValue(rlp: Uint8Array): Uint8Array {
  const first = rlp[0]!;
  if (rlp.length === 1 && first < 0x80) return rlp.slice();
  if (
    first >= 0x80 &&
    first <= 0xb7 &&
    rlp.length === 1 + first - 0x80 &&
    (first !== 0x81 || rlp[1]! >= 0x80)
  )
    return rlp.slice(1);
  return fromRlp(rlp, 'bytes') as Uint8Array; // a slot's value is one string
}

/** Puts a hash map under each of a state manager's caches that keeps an ordered map (before its first use). */
function hashMapCaches(caches: Caches | undefined): void {
  for (const c of [caches?.account, caches?.code, caches?.storage] as (
    { _orderedMapCache?: unknown } | undefined
  )[])
    if (c?._orderedMapCache !== undefined) {
      if ((c._orderedMapCache as { size(): number }).size() !== 0)
        throw new Error('a state cache in use cannot change its map');
      c._orderedMapCache = new HashMapCache();
    }
}

/** MerkleStateManager with storage writes kept in its cache until a root is needed (see the top). */
export class ChainStateManager extends MerkleStateManager {
  /** Where slot reads of this state manager's storage tries are kept (`wrapGet`); unset, none is. */
  trieValues: TrieValues | undefined = trieValues;

  constructor(opts: MerkleStateManagerOpts) {
    super(opts);
    hashMapCaches(this._caches);
  }

  /** What `new MerkleStateManager({ common, caches })` makes, over a database layer of its own. */
  static create(common: Common, caches?: Caches): ChainStateManager {
    const trie = new MerklePatriciaTrie({ useKeyHashing: true, common });
    // The stock trie keeps its own nodes as bytes (its copies, the storage tries, as hex text).
    trie.database(new MapDB(new LayerMap()), ValueEncoding.Bytes);
    return new ChainStateManager({ common, trie, ...(caches === undefined ? {} : { caches }) });
  }

  /**
   * Whether a storage trie was written inside a checkpoint since the storage tries were last dropped (see
   * `revert`). Writes with no checkpoint open (a root being settled) are final, and leave the tries as good.
   */
  private triesWritten = false;
  private reverting = false;

  /** Every write into a storage trie goes through here (a flush, `clearStorage`, a write without caches). */
  protected override _modifyContractStorage(
    ...args: Parameters<MerkleStateManager['_modifyContractStorage']>
  ): Promise<void> {
    if (this._checkpointCount > 0 || this.reverting) this.triesWritten = true;
    return super._modifyContractStorage(...args);
  }

  /**
   * The stock revert, keeping the storage tries when none was written since they were last dropped. The stock
   * method drops them all because a storage trie has no journal: one written inside the checkpoint would keep
   * a root the revert takes back. Here storage writes wait in the cache (see the top), so a step or a read
   * writes no trie, and a world read (one checkpoint, reverted) no longer builds each contract's storage trie
   * object again, about 70 µs each.
   */
  override async revert(): Promise<void> {
    const tries = this._storageTries;
    const clean = !this.triesWritten;
    this.triesWritten = false; // a write during the stock revert (its flush at the outermost level) sets it again
    this.reverting = true;
    try {
      await super.revert();
    } finally {
      this.reverting = false;
    }
    if (clean && !this.triesWritten) this._storageTries = tries;
  }

  /** The caches' maps (`hashMapCaches`), looked up by `addressHex` (the stock lookups make the hex each time). */
  private cached<V>(cache: { _orderedMapCache?: unknown } | undefined, address: Address): V | undefined {
    const map = cache?._orderedMapCache;
    return map instanceof HashMapCache
      ? (map.getElementByKey(addressHex(address.bytes)) as V | undefined)
      : undefined;
  }

  /** The stock method, with accounts read from the cache decoded once per cached RLP (see `accountFromRlp`). */
  override async getAccount(address: Address): Promise<Account | undefined> {
    const rlp = this.cached<{ accountRLP?: Uint8Array }>(this._caches?.account, address)?.accountRLP;
    return rlp === undefined ? super.getAccount(address) : accountFromRlp(rlp);
  }

  /** The stock method, a slot in the cache found by `addressHex` (else the stock method looks again). */
  override async getStorage(address: Address, key: Uint8Array): Promise<Uint8Array> {
    if (key.length === 32) {
      const slots = this.cached<Map<string, Uint8Array>>(this._caches?.storage, address);
      const rlp = slots?.get(slotHex(key));
      if (rlp !== undefined) return slotValue(rlp);
    }
    return super.getStorage(address, key);
  }

  /** The stock method, the code in the cache found by `addressHex` (else the stock method looks again). */
  override async getCode(address: Address): Promise<Uint8Array> {
    const elem = this.cached<{ code?: Uint8Array }>(this._caches?.code, address);
    if (elem !== undefined) return elem.code ?? new Uint8Array(0);
    return super.getCode(address);
  }

  override async putStorage(address: Address, key: Uint8Array, value: Uint8Array): Promise<void> {
    const cache = this._caches?.storage;
    if (cache === undefined) return super.putStorage(address, key, value);
    // The stock method's checks, then its cache write alone: `flush` writes the slot into the trie.
    if (key.length !== 32) throw new Error('Storage key must be 32 bytes long');
    if (value.length > 32) throw new Error('Storage value cannot be longer than 32 bytes');
    if ((await this.getAccount(address)) === undefined)
      throw new Error('putStorage() called on non-existing account');
    cache.put(address, key, toRlp(unpadBytes(value), 'bytes'));
  }

  /** The stock storage trie, its `get` with the shortcuts of `wrapGet`. */
  protected override _getStorageTrie(
    addressOrHash: Address | { bytes: Uint8Array } | Uint8Array,
    rootAccount?: Account,
  ): MerklePatriciaTrie {
    const trie = super._getStorageTrie(addressOrHash as Address, rootAccount);
    if (!wrapped.has(trie)) {
      wrapped.add(trie);
      wrapGet(trie, () => this.trieValues);
    }
    return trie;
  }

  /**
   * Settles the pending writes into the trie and returns the state root. A flush writes slot after slot and
   * account after account, each write hashing a new path, so most nodes it writes belong to states between
   * its writes that no root names; those are dropped again. Only nodes new to the database and written by
   * this flush can go, and only those the new root does not reach: every node an earlier root reaches was
   * in the database before, and a node's children are written with it, so none of them is touched.
   */
  async settle(): Promise<Uint8Array> {
    const db = this.database();
    const stop = db instanceof LayerMap ? db.track() : undefined;
    let root: Uint8Array;
    let fresh: ReadonlySet<string> | undefined;
    try {
      await this.commit();
      root = await this.getStateRoot();
    } finally {
      fresh = stop?.();
    }
    if (fresh !== undefined && fresh.size > 0) {
      const reached = reachableKeys(db, [root], fresh);
      let dropped = 0;
      for (const k of fresh)
        if (!reached.has(k)) {
          db.delete(k);
          dropped++;
        }
      // A storage trie kept from before the flush may stand at a root whose nodes were just dropped.
      if (dropped > 0) this._storageTries = {};
    }
    return root;
  }

  /** The trie's database (a map from node key to node). */
  database(): Map<string, Value> {
    const db = (this._trie.database() as unknown as { db: { _database?: unknown } }).db._database;
    if (!(db instanceof Map)) throw new Error('the state trie is not backed by an in-memory map');
    return db as Map<string, Value>;
  }

  /**
   * A state manager over a new database layer on this one's, at this one's current trie root, with empty
   * caches: what `shallowCopy` gives, except that its writes stay in its own layer. `asThis` keeps the state
   * trie's nodes in the form this one keeps them, for nodes that are to join this database (deferred-root.ts).
   */
  layeredCopy(asThis = false): ChainStateManager {
    const opts = (this._trie as unknown as { _opts: object })._opts;
    const layer = new MapDB(new LayerMap(this.database()));
    const trie = new MerklePatriciaTrie({ ...opts, db: layer, root: this._trie.root(), cacheSize: 0 });
    // The state trie's nodes in this one's form (bytes after `create`; a clone's keep the options' hex text,
    // as the storage tries, copies of the options, always do).
    if (asThis)
      trie.database(
        layer,
        (this._trie.database() as unknown as { valueEncoding: ValueEncoding }).valueEncoding,
      );
    const common = this.common.copy();
    common.setHardfork(this.common.hardfork());
    const caches = this._caches?.shallowCopy(true);
    return new ChainStateManager({
      common,
      trie,
      prefixCodeHashes: this._prefixCodeHashes,
      prefixStorageTrieKeys: this._prefixStorageTrieKeys,
      ...(caches === undefined ? {} : { caches }),
    });
  }
}
