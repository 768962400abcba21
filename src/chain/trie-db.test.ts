import { createCustomCommon, Mainnet } from '@ethereumjs/common';
import { Caches, MerkleStateManager } from '@ethereumjs/statemanager';
import {
  bytesToHex,
  bytesToUnprefixedHex,
  createAccount,
  createAddressFromString,
  setLengthLeft,
} from '@ethereumjs/util';
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import { describe, expect, it, vi } from 'vitest';
import {
  chainFromImage,
  cloneChain,
  createChain,
  getStorageAt,
  HARDFORK,
  imageOf,
  installMulticall3,
  MULTICALL3_ADDRESS,
  restore,
  snapshot,
  toEjsAddress,
  type Chain,
} from './runtime.ts';
import { ChainStateManager, LayerMap, slotHex, TrieValues, trieValues } from './trie-db.ts';
import { reachableKeys } from './trie-reach.ts';

const common = () => createCustomCommon({ chainId: 31337 }, Mainnet, { hardfork: HARDFORK });
const ADDRESS = createAddressFromString('0x00000000000000000000000000000000000000aa');
const slotKey = (slot: number) => setLengthLeft(new Uint8Array([slot]), 32);
const word = (value: number) =>
  value === 0 ? new Uint8Array(0) : setLengthLeft(new Uint8Array([value]), 32);
const hexSlot = (slot: number) => bytesToHex(slotKey(slot)) as `0x${string}`;
const layer = (chain: Chain) => chain.stateManager.database() as LayerMap;

async function withAccount(sm: MerkleStateManager): Promise<void> {
  await sm.putAccount(ADDRESS, createAccount({ balance: 1n }));
}

async function putSlot(chain: Chain, slot: number, value: number): Promise<void> {
  await chain.stateManager.putStorage(toEjsAddress(MULTICALL3_ADDRESS), slotKey(slot), word(value));
}

describe('the chain state manager (trie-db.ts)', () => {
  it('keeps storage writes in its cache until a root is taken, and takes the stock state manager’s root', async () => {
    // The reference is @ethereumjs's own MerkleStateManager with caches, as the bench's raw replay runs it.
    const stock = new MerkleStateManager({ common: common(), caches: new Caches() });
    const ours = ChainStateManager.create(common(), new Caches());
    for (const sm of [stock, ours]) {
      await withAccount(sm);
      await sm.checkpoint(); // the pending level every chain keeps
    }
    const before = ours.database().size;
    for (const sm of [stock, ours])
      for (let i = 0; i < 40; i++) await sm.putStorage(ADDRESS, slotKey(i % 25), word((i * 7) % 5));
    expect(ours.database().size).toBe(before);

    await stock.commit();
    const stockRoot = await stock.getStateRoot();
    const ourRoot = await ours.settle();
    expect(bytesToHex(ourRoot)).toBe(bytesToHex(stockRoot));
    // Everything our database holds is reachable from the root: no state between two writes stays.
    const db = ours.database();
    expect(reachableKeys(db, [ourRoot]).size).toBe(db.size);
    const stockDb = (
      stock as unknown as { _trie: { database(): { db: { _database: Map<string, unknown> } } } }
    )._trie.database().db._database;
    expect(db.size).toBeLessThan(stockDb.size);
  });

  it('equals the stock state manager on random writes, reads, reverts and roots, and restores every kept root', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), slot: fc.nat(30), value: fc.nat(4) }),
      fc.record({ kind: fc.constant('step' as const), keep: fc.boolean() }),
      fc.constant({ kind: 'root' as const }),
      // Reads between writes, and a flush inside a step (as a proof does). What a reverted step's flush
      // leaves is the stock state manager's to say: the library keeps a flushed slot in the root settled after
      // the revert (found by this property), so each kept root is checked against the stock manager's reads.
      fc.constant({ kind: 'read' as const }),
      fc.constant({ kind: 'flush' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 60 }), async (ops) => {
        const stock = new MerkleStateManager({ common: common(), caches: new Caches() });
        const ours = ChainStateManager.create(common(), new Caches());
        const roots: { root: Uint8Array; values: Map<number, number> }[] = [];
        for (const sm of [stock, ours]) {
          await withAccount(sm);
          await sm.checkpoint();
        }
        let inStep = false;
        for (const o of ops) {
          if (o.kind === 'put') {
            for (const sm of [stock, ours]) await sm.putStorage(ADDRESS, slotKey(o.slot), word(o.value));
          } else if (o.kind === 'step') {
            // A step is all or nothing: the writes inside it are kept or reverted together.
            if (!inStep) {
              for (const sm of [stock, ours]) await sm.checkpoint();
              inStep = true;
            } else {
              for (const sm of [stock, ours]) await (o.keep ? sm.commit() : sm.revert());
              inStep = false;
            }
          } else if (o.kind === 'read') {
            for (let slot = 0; slot <= 30; slot += 3) {
              const [a, b] = [stock, ours].map((sm) => sm.getStorage(ADDRESS, slotKey(slot)));
              expect(bytesToHex(await b!)).toBe(bytesToHex(await a!));
            }
          } else if (o.kind === 'flush') {
            if (inStep) for (const sm of [stock, ours]) await sm.flush();
          } else if (!inStep) {
            await stock.commit();
            const expected = await stock.getStateRoot();
            const values = new Map<number, number>();
            for (let slot = 0; slot <= 30; slot++) {
              const got = await stock.getStorage(ADDRESS, slotKey(slot));
              if (got.length > 0) values.set(slot, got[got.length - 1]!);
            }
            await stock.checkpoint();
            const root = await ours.settle();
            await ours.checkpoint();
            expect(bytesToHex(root)).toBe(bytesToHex(expected));
            roots.push({ root, values });
          }
        }
        // Every root taken still restores, slot for slot, after all the later settling.
        if (inStep) await ours.revert();
        await ours.revert();
        for (const r of roots) {
          await ours.setStateRoot(r.root);
          for (let slot = 0; slot <= 30; slot++) {
            const got = await ours.getStorage(ADDRESS, slotKey(slot));
            expect(got.length === 0 ? 0 : got[got.length - 1]).toBe(r.values.get(slot) ?? 0);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads slots through the values kept by trie root as the stock state manager reads them, across reverts, roots, moves and copies', async () => {
    // The stock state manager keeps no values by root: every slot it does not hold in its cache walks its trie.
    // Ours answers such reads from `trieValues` when the same root and slot were read before, by any state
    // manager (the values outlive each run here, so later runs meet roots that earlier runs kept values of).
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), slot: fc.nat(12), value: fc.nat(3) }),
      fc.record({ kind: fc.constant('step' as const), keep: fc.boolean() }),
      fc.constant({ kind: 'root' as const }),
      // A world read: its own checkpoint, reverted, which takes what the caches learned inside it.
      fc.constant({ kind: 'batch' as const }),
      // Caches emptied after a root (a restore or a clone starts so): every read goes to the tries.
      fc.constant({ kind: 'cold' as const }),
      fc.record({ kind: fc.constant('move' as const), to: fc.nat() }),
      fc.constant({ kind: 'copy' as const }),
    );
    const slotsOf = async (sm: MerkleStateManager, from = 0) => {
      const out: string[] = [];
      for (let slot = from; slot <= 12; slot += 2)
        out.push(bytesToHex(await sm.getStorage(ADDRESS, slotKey(slot))));
      return out;
    };
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 50 }), async (ops) => {
        const stock = new MerkleStateManager({ common: common(), caches: new Caches() });
        const ours = ChainStateManager.create(common(), new Caches());
        const roots: Uint8Array[] = [];
        const both = [stock, ours];
        for (const sm of both) {
          await withAccount(sm);
          await sm.checkpoint();
        }
        let step = false;
        let pending = false; // writes waiting since the last root (a cold read or a copy would drop them)
        const rooted = async () => {
          await stock.commit();
          await stock.getStateRoot();
          await stock.checkpoint();
          const root = await ours.settle();
          await ours.checkpoint();
          roots.push(root);
          pending = false;
        };
        await rooted(); // the account's own root, before any slot
        for (const [i, o] of ops.entries()) {
          if (o.kind === 'put') {
            for (const sm of both) await sm.putStorage(ADDRESS, slotKey(o.slot), word(o.value));
            pending = true;
          } else if (o.kind === 'step') {
            for (const sm of both) await (step ? (o.keep ? sm.commit() : sm.revert()) : sm.checkpoint());
            step = !step;
          } else if (o.kind === 'batch') {
            for (const sm of both) await sm.checkpoint();
            expect(await slotsOf(ours, i % 2), `read ${i}`).toEqual(await slotsOf(stock, i % 2));
            for (const sm of both) await sm.revert();
          } else if (step) {
            continue; // roots, cold reads, moves and copies happen between steps
          } else if (o.kind === 'root') {
            await rooted();
          } else if (o.kind === 'cold' && !pending) {
            for (const sm of both) sm.clearCaches();
            expect(await slotsOf(ours), `cold read ${i}`).toEqual(await slotsOf(stock));
          } else if (o.kind === 'move' && roots.length > 0) {
            // A history move: the pending level dropped, the trie pointed back at an earlier root.
            const to = roots[o.to % roots.length]!;
            for (const sm of both) {
              await sm.revert();
              await sm.setStateRoot(to);
              await sm.checkpoint();
            }
            pending = false;
            expect(await slotsOf(ours), `move ${i}`).toEqual(await slotsOf(stock));
          } else if (o.kind === 'copy' && !pending) {
            // A clone's state manager: a layer of its own at this root, its caches empty.
            const copy = ours.layeredCopy();
            const hits = trieValues.size;
            expect(await slotsOf(copy), `copy ${i}`).toEqual(await slotsOf(stock));
            if (trieValues.size === hits) kept++;
          }
        }
      }),
      { numRuns: 60 },
    );
    // Copies read values kept earlier (their reads added none), so the kept path was taken.
    expect(kept).toBeGreaterThan(5);
  });

  it('reads every kind of slot value from its cache as the stock state manager decodes it', async () => {
    const stock = new MerkleStateManager({ common: common(), caches: new Caches() });
    const ours = ChainStateManager.create(common(), new Caches());
    for (const sm of [stock, ours]) await withAccount(sm);
    // Values of every length 0..32 with any bytes: single bytes below and above 0x80, leading zeros (unpadded).
    const value = fc.uint8Array({ maxLength: 32 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(7), value), { maxLength: 20 }), async (writes) => {
        for (const [slot, v] of writes) {
          for (const sm of [stock, ours]) await sm.putStorage(ADDRESS, slotKey(slot), v);
          const [a, b] = await Promise.all([stock, ours].map((sm) => sm.getStorage(ADDRESS, slotKey(slot))));
          expect(bytesToHex(b!)).toBe(bytesToHex(a!));
          b!.fill(1); // the caller's own copy: the next read is unchanged
          expect(bytesToHex(await ours.getStorage(ADDRESS, slotKey(slot)))).toBe(bytesToHex(a!));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names a slot in hex as the library does, also when a caller reuses its array for another slot', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.uint8Array({ minLength: 32, maxLength: 32 }))),
        (slots) => {
          const reused = new Uint8Array(32);
          for (const [reuse, bytes] of slots) {
            const arg = reuse ? reused : Uint8Array.from(bytes);
            if (reuse) reused.set(bytes);
            expect(slotHex(arg)).toBe(bytesToUnprefixedHex(bytes));
            expect(slotHex(arg)).toBe(bytesToUnprefixedHex(bytes));
          }
        },
      ),
    );
    expect(slotHex(new Uint8Array([1, 2]))).toBe('0102');
  });

  it('keeps at most its limit of values, dropping the roots first seen longest ago', () => {
    const values = new TrieValues(5);
    const v = (n: number) => new Uint8Array([n]);
    for (let i = 0; i < 3; i++) values.set('r1', `s${i}`, v(i));
    values.set('r2', 's0', null);
    values.set('r2', 's1', v(7));
    expect(values.size).toBe(5);
    values.set('r1', 's0', v(0)); // already kept: no new value
    expect(values.size).toBe(5);
    values.set('r3', 's0', v(9)); // over the limit: r1 goes, with its three values
    expect(values.size).toBe(3);
    expect(values.get('r1', 's1')).toBeUndefined();
    expect(values.get('r2', 's0')).toBeNull();
    expect(values.get('r3', 's0')).toEqual(v(9));
    // A root's values stay together while it is the newest, even past the limit.
    const one = new TrieValues(2);
    for (let i = 0; i < 4; i++) one.set('r', `s${i}`, v(i));
    expect(one.get('r', 's0')).toEqual(v(0));
    one.set('q', 's0', v(1));
    expect(one.size).toBe(1);
  });

  it('reads a slot of an account without storage as the stock state manager does, without walking a trie', async () => {
    const stock = new MerkleStateManager({ common: common(), caches: new Caches() });
    const ours = ChainStateManager.create(common(), new Caches());
    const OTHER = createAddressFromString('0x00000000000000000000000000000000000000bb');
    const read = async (sm: MerkleStateManager) => {
      const out = [];
      for (const a of [ADDRESS, OTHER])
        for (let slot = 0; slot < 4; slot++) out.push(bytesToHex(await sm.getStorage(a, slotKey(slot))));
      return out;
    };
    const root = async (sm: MerkleStateManager) => {
      if (sm instanceof ChainStateManager) await sm.settle();
      else {
        await sm.commit();
        await sm.getStateRoot();
      }
    };
    for (const sm of [stock, ours]) {
      await withAccount(sm);
      await sm.putAccount(OTHER, createAccount({ balance: 2n }));
      await sm.checkpoint();
      await sm.putStorage(OTHER, slotKey(1), word(9));
      await sm.putStorage(ADDRESS, slotKey(2), word(3)); // written, then cleared: its storage root is empty again
      await root(sm);
      await sm.checkpoint();
      await sm.putStorage(ADDRESS, slotKey(2), word(0));
      await root(sm);
      sm.clearCaches(); // every read below goes to the tries
    }
    const walks = vi.spyOn(MerklePatriciaTrie.prototype, 'findPath');
    const got = await read(ours);
    const emptyWalks = walks.mock.calls.length;
    walks.mockRestore();
    expect(got).toEqual(await read(stock));
    expect(got.filter((v) => v !== '0x')).toEqual(['0x09']);
    // Slot 1 of OTHER walks its trie (and the account trie finds the accounts); ADDRESS's slots walk nothing.
    const accountsAndOther = 2 + 4;
    expect(emptyWalks).toBeLessThanOrEqual(accountsAndOther);
  });

  it('keeps its storage tries across a revert only while no storage trie was written since', async () => {
    const stock = new MerkleStateManager({ common: common(), caches: new Caches() });
    const ours = ChainStateManager.create(common(), new Caches());
    const tries = (sm: MerkleStateManager) =>
      (sm as unknown as { _storageTries: Record<string, unknown> })._storageTries;
    const run = async (sm: MerkleStateManager) => {
      await withAccount(sm);
      await sm.checkpoint();
      await sm.putStorage(ADDRESS, slotKey(5), word(1));
      if (sm instanceof ChainStateManager) await sm.settle();
      else {
        await sm.commit();
        await sm.getStateRoot();
      }
      await sm.checkpoint(); // the pending level
      // A read inside a checkpoint, reverted (a world read): the storage trie it built stays.
      await sm.checkpoint();
      await sm.getStorage(ADDRESS, slotKey(5));
      const built = Object.values(tries(sm))[0];
      await sm.revert();
      const kept = Object.values(tries(sm))[0] === built && built !== undefined;
      // A flush inside a step writes the storage trie (a proof flushes); the step's revert must take it back.
      await sm.checkpoint();
      await sm.putStorage(ADDRESS, slotKey(7), word(9));
      await sm.flush();
      await sm.revert();
      sm.clearCaches(); // the next reads go to the tries
      return {
        kept,
        slots: [5, 7].map(async (slot) => bytesToHex(await sm.getStorage(ADDRESS, slotKey(slot)))),
      };
    };
    const a = await run(stock);
    const b = await run(ours);
    expect(await Promise.all(b.slots)).toEqual(await Promise.all(a.slots));
    expect(await Promise.all(b.slots)).toEqual(['0x01', '0x']);
    expect([a.kept, b.kept]).toEqual([false, true]);
  });

  it('drops its storage tries when a revert to no checkpoint flushes writes made outside any', async () => {
    const stock = new MerkleStateManager({ common: common(), caches: new Caches() });
    const ours = ChainStateManager.create(common(), new Caches());
    const run = async (sm: MerkleStateManager) => {
      await withAccount(sm);
      await sm.putStorage(ADDRESS, slotKey(3), word(4)); // no checkpoint open: waits in the cache
      await sm.checkpoint();
      await sm.getStorage(ADDRESS, slotKey(1)); // builds the storage trie at the account's empty root
      await sm.revert(); // back to no checkpoint: the stock revert flushes slot 3 into a new trie
      sm.clearCaches();
      return bytesToHex(await sm.getStorage(ADDRESS, slotKey(3)));
    };
    expect(await run(ours)).toBe(await run(stock));
    expect(await run(ChainStateManager.create(common(), new Caches()))).toBe('0x04');
  });

  it('reads accounts as the stock state manager does, a new Account each time', async () => {
    const stock = new MerkleStateManager({ common: common(), caches: new Caches() });
    const ours = ChainStateManager.create(common(), new Caches());
    const addresses = [1, 2, 3].map((i) => createAddressFromString(`0x${i.toString(16).padStart(40, '0')}`));
    const op = fc.record({
      at: fc.nat(2),
      balance: fc.bigInt({ min: 0n, max: 2n ** 96n }),
      nonce: fc.nat(3),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          const account = () => createAccount({ balance: o.balance, nonce: BigInt(o.nonce) });
          for (const sm of [stock, ours]) await sm.putAccount(addresses[o.at]!, account());
          for (const a of addresses) {
            const [x, y] = await Promise.all([stock.getAccount(a), ours.getAccount(a)]);
            expect(y?.serialize()).toEqual(x?.serialize());
          }
        }
      }),
      { numRuns: 30 },
    );
    // Each read is an account of its own: the EVM changes the ones it gets (a balance moved, a nonce bumped).
    const first = await ours.getAccount(addresses[0]!);
    const second = await ours.getAccount(addresses[0]!);
    expect(first).not.toBe(second);
    first!.balance += 1n;
    expect((await ours.getAccount(addresses[0]!))!.balance).toBe(second!.balance);
  });

  it('gives a clone a layer of its own: its writes leave the template’s database as it was', async () => {
    const template = await createChain({ accounts: 2 });
    await installMulticall3(template);
    await putSlot(template, 1, 1);
    const clone = await cloneChain(template);
    const templateEntries = layer(template).ownSize;
    expect(layer(clone).ownSize).toBe(0);

    const first = await snapshot(clone);
    for (let i = 2; i < 30; i++) {
      await putSlot(clone, i % 7, i);
      await snapshot(clone);
    }
    const last = await snapshot(clone);
    expect(layer(template).ownSize).toBe(templateEntries);
    expect(layer(clone).ownSize).toBeGreaterThan(0);
    // The template still stands where it was; the clone reads through to it and restores its own roots.
    expect(BigInt(await getStorageAt(template, MULTICALL3_ADDRESS, hexSlot(1)))).toBe(1n);
    expect(BigInt(await getStorageAt(template, MULTICALL3_ADDRESS, hexSlot(2)))).toBe(0n);
    await restore(clone, first);
    expect(BigInt(await getStorageAt(clone, MULTICALL3_ADDRESS, hexSlot(1)))).toBe(1n);
    await restore(clone, last);
    expect(BigInt(await getStorageAt(clone, MULTICALL3_ADDRESS, hexSlot(1)))).toBe(29n);

    // A clone of the clone reads through two layers; an image of it carries all of them.
    const grandchild = await cloneChain(clone);
    expect(BigInt(await getStorageAt(grandchild, MULTICALL3_ADDRESS, hexSlot(2)))).toBe(23n);
    const copy = await chainFromImage(JSON.parse(JSON.stringify(await imageOf(grandchild))));
    expect(BigInt(await getStorageAt(copy, MULTICALL3_ADDRESS, hexSlot(3)))).toBe(24n);
    await restore(copy, first);
    expect(BigInt(await getStorageAt(copy, MULTICALL3_ADDRESS, hexSlot(3)))).toBe(0n);
  });

  it('frees a discarded clone’s layer', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const template = await createChain({ accounts: 2 });
    await installMulticall3(template);
    const weak = await (async () => {
      const clone = await cloneChain(template);
      for (let i = 0; i < 10; i++) {
        await putSlot(clone, i, i + 1);
        await snapshot(clone);
      }
      expect(layer(clone).ownSize).toBeGreaterThan(0);
      return new WeakRef(layer(clone));
    })();
    for (let i = 0; i < 5 && weak.deref() !== undefined; i++) {
      await new Promise((r) => setTimeout(r, 0));
      gc();
    }
    expect(weak.deref()).toBeUndefined();
  });

  it('reads a layer as the union of its own entries and its parent’s', () => {
    const base = new LayerMap();
    base.set('a', '1').set('b', '2');
    const top = new LayerMap(base);
    top.set('b', '2').set('c', '3');
    expect(top.get('a')).toBe('1');
    expect(top.has('c') && !base.has('c')).toBe(true);
    expect(top.size).toBe(3);
    expect(top.ownSize).toBe(2);
    expect([...top.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(new Map(top)).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ]),
    );
    top.delete('a'); // a layer deletes only its own entries
    expect(top.get('a')).toBe('1');
  });
});
