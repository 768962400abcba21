import { describe, expect, it } from 'vitest';
import {
  advance,
  checkpoint,
  createChain,
  deploy,
  readMemo,
  readView,
  restore,
  snapshot,
  trackWrites,
  write,
} from './runtime.ts';

const probe = async () => {
  const chain = await createChain({ accounts: 2, startBlock: 1_000_000n, startTimestamp: 1_000n });
  const from = chain.accounts[0]!.address;
  const to = await deploy(chain, { from, contract: 'RuntimeProbe', args: [5n] });
  const value = () => readView<bigint>(chain, { to, contract: 'RuntimeProbe', functionName: 'value' });
  const context = () =>
    readView<readonly [bigint, bigint]>(chain, { to, contract: 'RuntimeProbe', functionName: 'context' });
  const store = (v: bigint) =>
    write(chain, { from, to, contract: 'RuntimeProbe', functionName: 'store', args: [v] });
  /** How many of the reads in `fn` ran in the EVM. */
  const ran = async (fn: () => Promise<unknown>) => {
    const m = readMemo(chain);
    const before = m.misses;
    await fn();
    return m.misses - before;
  };
  return { chain, value, context, store, ran };
};

describe('incremental reads (read memo)', () => {
  it('keeps a result until a slot it read is written', async () => {
    const { value, store, ran } = await probe();
    expect(await value()).toBe(5n);
    expect(await ran(value)).toBe(0);
    await store(42n);
    expect(await ran(value)).toBe(1);
    expect(await value()).toBe(42n);
  });

  it('forgets what was read inside a checkpoint that is rolled back', async () => {
    const { chain, value, store } = await probe();
    expect(await value()).toBe(5n);
    const step = await checkpoint(chain);
    await store(77n);
    expect(await value()).toBe(77n); // kept, with the uncommitted 77 as its input
    await step.rollback();
    expect(await value()).toBe(5n);
  });

  it('runs a view that read the head again when the head moves, and only that view', async () => {
    const { chain, value, context, ran } = await probe();
    await value();
    const [n0] = await context();
    advance(chain, { blocks: 3n });
    expect(await ran(value)).toBe(0);
    expect(await context()).toEqual([n0 + 3n, 1_000n + 4n * 12n]);
  });

  it('keeps results across a restore that is told what changed, and forgets all otherwise', async () => {
    const { chain, value, context, store, ran } = await probe();
    const before = await snapshot(chain);
    await value();
    await context();
    const tracked = trackWrites(chain);
    await store(99n);
    const writes = tracked.stop();
    const after = await snapshot(chain);
    expect(await value()).toBe(99n);
    // Back: the store's slot is among the writes, so `value` runs again; `context` only reads the head.
    await restore(chain, before, writes);
    expect(await ran(value)).toBe(1);
    expect(await value()).toBe(5n);
    // Forward again, told nothing: everything runs again.
    await restore(chain, after);
    expect(await ran(context)).toBe(1);
    expect(await value()).toBe(99n);
  });

  it('reads started together each record only their own inputs', async () => {
    const { chain, value, context, store, ran } = await probe();
    expect(await Promise.all([value(), context(), value()])).toEqual([5n, [1_000_001n, 1_000n + 12n], 5n]);
    await store(12n);
    // The store wrote `value`'s slot and mined a block: both run again.
    expect(await ran(() => Promise.all([value(), context()]))).toBe(2);
    // A new head alone: only `context` read it (had `value` recorded `context`'s inputs, both would run).
    advance(chain, { blocks: 1n });
    expect(await ran(() => Promise.all([value(), context()]))).toBe(1);
    expect(await value()).toBe(12n);
  });

  it('records a step’s writes, and an empty step writes nothing', async () => {
    const { chain, store } = await probe();
    const t1 = trackWrites(chain);
    advance(chain, { blocks: 1n });
    expect(t1.stop().size).toBe(0);
    const t2 = trackWrites(chain);
    await store(11n);
    const w = t2.stop();
    // The probe's slot 0 (`value`) and the sender's account (nonce).
    expect([...w].some((d) => d.startsWith('s:') && d.endsWith(':' + '0'.repeat(64)))).toBe(true);
    expect(w.has('a')).toBe(true);
  });
});
