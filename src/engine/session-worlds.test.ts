import { describe, expect, it } from 'vitest';
import { cloneChain, keptReads, readMemo, stateRoot } from '../chain/runtime.ts';
import { cloneNames } from '../protocol/sandbox.ts';
import { getPreset } from '../protocol/scenarios/index.ts';
import { readWorld } from '../protocol/world.ts';
import defaultImage from './images/playground.json' with { type: 'json' };
import { sessionFromImage, type SessionImage } from './session-image.ts';
import { Session } from './session.ts';

const playground = () => Session.load(getPreset('playground')?.json, 'preset:playground');

/** A full read of the live chain's state: a clone whose reads all run in the EVM, and how many ran. */
async function fresh(s: Session) {
  const chain = await cloneChain(s.sb.chain);
  const world = await readWorld({ ...s.sb, chain, names: cloneNames(s.sb.names) });
  return { world, calls: readMemo(chain).misses };
}

describe('worlds of a history', () => {
  it('a move re-runs only the view calls the steps in between could change, and equals a full read', async () => {
    const s = await playground();
    // Steps performed without reading their worlds (as a replay does): the first has none kept.
    const first = await s.attempt({ action: 'lst.stake', by: 'alice', amount: '10 ETH' }, undefined, false);
    const second = await s.attempt({ action: 'lst.stake', by: 'bob', amount: '1 ETH' }, undefined, false);
    if (!('node' in first) || !('node' in second)) throw new Error('the steps failed');
    const parent = first.node.id;
    const live = readMemo(s.sb.chain);
    const before = live.misses;
    const undone = await s.goto({ branch: 'main', node: parent });
    const ran = live.misses - before;
    const full = await fresh(s);
    expect(undone.world).toEqual(full.world);
    // A stake writes bob's and the pool's balances: far fewer inputs than the whole world reads.
    expect(ran).toBeGreaterThan(0);
    expect(ran * 3).toBeLessThan(full.calls);
  }, 300_000);

  it('every position on two branches, visited out of order, shows the world a full read gives', async () => {
    const s = await playground();
    await s.goto({ branch: 'main', node: 17 });
    const a = await s.act({ action: 'lst.stake', by: 'bob', amount: '3 ETH' });
    expect(a.ok).toBe(true);
    const b = await s.act({ action: 'chain.advance', blocks: 40 });
    expect(b.ok).toBe(true);
    const branches = s.branches.map((x) => x.id);
    expect(branches).toHaveLength(2);
    const visits = [
      ...s.pathTo(s.branch(branches[0]!).head).map((node) => ({ branch: branches[0]!, node })),
      ...s.pathTo(s.branch(branches[1]!).head).map((node) => ({ branch: branches[1]!, node })),
      { branch: branches[0]!, node: null },
    ];
    // A fixed shuffle: jumps forward, back and across branches.
    const order = visits.map((v, i) => ({ v, k: (i * 7919) % visits.length })).sort((x, y) => x.k - y.k);
    for (const { v } of order) {
      const moved = await s.goto(v);
      expect(moved.world, `at ${v.branch}/${v.node}`).toEqual((await fresh(s)).world);
    }
  }, 300_000);

  it('series reads in the background: the live chain stays at the cursor and runs no view call', async () => {
    const s = await playground();
    const live = readMemo(s.sb.chain);
    const before = live.misses;
    const rootBefore = await stateRoot(s.sb.chain);
    const points = await s.series('main');
    expect(points).toHaveLength(21);
    expect(live.misses).toBe(before);
    expect(await stateRoot(s.sb.chain)).toEqual(rootBefore);
    // Each point came from the same world a move there shows.
    for (const node of [null, 5, 13]) {
      const moved = await s.goto({ branch: 'main', node });
      expect(moved.world).toEqual((await fresh(s)).world);
      expect(points.find((p) => p.node === node)?.block).toBe(moved.world.block);
    }
  }, 300_000);

  it('prefetching reads at most its limit of worlds, nearest the cursor first; an image needs no read', async () => {
    const s = await playground();
    // A replay reads only the world where it ends: node 20 and the genesis one.
    const unread = () => [null, ...s.pathTo(20)].filter((n) => s.position(n)?.world === null);
    expect(unread()).toHaveLength(19);
    expect(await s.prefetch(3)).toBe(3);
    expect(unread()).toEqual([...s.pathTo(16)]);
    const image = await sessionFromImage(defaultImage as unknown as SessionImage);
    const live = readMemo(image.sb.chain);
    expect(await image.prefetch(0)).toBe(0);
    expect(live.misses).toBe(0);
  }, 300_000);

  it('prefetching warms the move path and changes nothing: cursor, chain, kept reads, the next step', async () => {
    const [warm, cold] = await Promise.all(
      [0, 1].map(async () => sessionFromImage(defaultImage as unknown as SessionImage)),
    );
    if (warm === undefined || cold === undefined) throw new Error('no sessions');
    const kept = keptReads(warm.sb.chain).length;
    const root = await stateRoot(warm.sb.chain);
    await warm.prefetch(8);
    expect(warm.cursor).toEqual(cold.cursor);
    expect(await stateRoot(warm.sb.chain)).toEqual(root);
    expect(keptReads(warm.sb.chain)).toHaveLength(kept);
    // The step after it runs the same view calls, to the same world, as on a session never warmed.
    const step = { action: 'lst.stake', by: 'carol', amount: '2 ETH' } as const;
    const [wm, cm] = [readMemo(warm.sb.chain), readMemo(cold.sb.chain)];
    const [w0, c0] = [wm.misses, cm.misses];
    const [a, b] = [await warm.act(step), await cold.act(step)];
    if (!a.ok || !b.ok) throw new Error('the step failed');
    expect(a.update.world).toEqual(b.update.world);
    expect(wm.misses - w0).toBe(cm.misses - c0);
    expect(a.update.world).toEqual((await fresh(warm)).world);
  }, 300_000);

  it('a session from the prebuilt image moves anywhere in its history without a single view call', async () => {
    const s = await sessionFromImage(defaultImage as unknown as SessionImage);
    const live = readMemo(s.sb.chain);
    const path = s.pathTo(s.branch('main').head);
    for (const node of [path.at(-2)!, path.at(-3)!, null, path[4]!, path.at(-1)!]) {
      const moved = await s.goto({ branch: 'main', node });
      expect(moved.world.block).toBe(node === null ? moved.world.block : s.entry(node).node.block);
    }
    expect(live.misses).toBe(0);
    // And what it shows is the chain's: a full read at the last position agrees.
    expect(s.full().world).toEqual((await fresh(s)).world);
  }, 300_000);
});
