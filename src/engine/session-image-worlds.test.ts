import { describe, expect, it } from 'vitest';
import { forgetReads, readMemo } from '../chain/runtime.ts';
import { getPreset } from '../protocol/scenarios/index.ts';
import { readWorld } from '../protocol/world.ts';
import type { World } from '../protocol/world-types.ts';
import { loadWorld, storeWorld, StoredWorlds } from './session-image-worlds.ts';
import { imageOfSession, sessionFromImage, type SessionImage } from './session-image.ts';
import { Session } from './session.ts';
import { PLAYGROUND_SLASH } from './session-testing.ts';

const slash = PLAYGROUND_SLASH;

describe('worlds kept in a reload image', () => {
  it('a world stored as changes from its parent comes back equal, keys in the order the chain gave them', async () => {
    const s = await Session.load(getPreset('playground')?.json, 'preset:playground');
    // The playground's path: deposits, delegations, allocations; then a slash and a queued withdrawal,
    // which add keys (a slash, a withdrawal) that must land where a fresh read puts them.
    expect((await s.act(slash)).ok).toBe(true);
    expect(
      (await s.act({ action: 'withdrawal.queue', by: 'alice', strategy: 'stETH', shares: '1 ETH', as: 'w1' }))
        .ok,
    ).toBe(true);
    const ids = [null, ...s.pathTo(s.cursor.node)];
    let parent: World | null = null;
    for (const id of ids) {
      const world = await s.worldAt(id);
      const stored = JSON.parse(JSON.stringify(storeWorld(world, parent))) as ReturnType<typeof storeWorld>;
      const back = loadWorld(stored, parent);
      expect(back, `node ${String(id)}`).toEqual(world);
      expect(JSON.stringify(back), `key order at node ${String(id)}`).toBe(JSON.stringify(world));
      parent = world;
    }
    // A one-block advance changes a few leaves only: its stored form is far smaller than the world.
    const before = await s.worldAt(s.cursor.node);
    await s.act({ action: 'chain.advance', blocks: 1 });
    const after = await s.worldAt(s.cursor.node);
    const small = JSON.stringify(storeWorld(after, before)).length;
    expect(small * 20).toBeLessThan(JSON.stringify(after).length);
  }, 300_000);

  it('decodes a node thousands of changes away from a whole world, without recursion', () => {
    const base = { format: 'restaking-sandbox/world@1', block: '0', nested: { a: '1', b: '2' } };
    const stored = new Map<number, ReturnType<typeof storeWorld>>();
    let prev = base as unknown as World;
    stored.set(1, storeWorld(prev, null));
    for (let id = 2; id <= 5000; id++) {
      const next = { ...prev, block: String(id), nested: { a: '1', b: String(id % 7) } } as unknown as World;
      stored.set(id, storeWorld(next, prev));
      prev = next;
    }
    const worlds = new StoredWorlds(stored, (id) => (id === 1 ? null : id - 1), null);
    expect(worlds.world(5000)).toEqual(prev);
    expect(worlds.world(2500)).toMatchObject({ block: '2500', nested: { a: '1', b: String(2500 % 7) } });
  });

  it('a restored reload image gives every node the world the eager session read, and moves read only what changed', async () => {
    const ran = await Session.load(getPreset('playground')?.json, 'preset:playground');
    await ran.act(slash);
    await ran.act({ action: 'chain.advance', blocks: 3 });
    const ids = [null, ...ran.pathTo(ran.cursor.node)];
    const eager = new Map<number | null, World>();
    for (const id of ids) eager.set(id, await ran.worldAt(id));
    await ran.moveChainTo(ran.cursor.node);
    const image = JSON.parse(JSON.stringify(await imageOfSession(ran))) as SessionImage;
    expect(image.worlds?.filter((w) => w !== null)).toHaveLength(ids.length - 1);
    const restored = await sessionFromImage(image);
    const memo = readMemo(restored.sb.chain);
    const misses = memo.misses;
    for (const id of [...ids].reverse())
      expect((await restored.goto({ branch: 'main', node: id })).world).toEqual(eager.get(id));
    // Every world came from the image: no view call ran.
    expect(memo.misses).toBe(misses);
    // And each world is still what the chain says there.
    for (const id of [null, 3, ran.cursor.node]) {
      await restored.moveChainTo(id);
      expect(await readWorld(restored.sb)).toEqual(eager.get(id));
    }
  }, 300_000);

  it('a restored reload image keeps each step’s writes: a move to an unread world re-runs only what changed', async () => {
    const ran = await Session.load(getPreset('playground')?.json, 'preset:playground');
    for (let i = 0; i < 4; i++) await ran.attempt({ action: 'chain.advance', blocks: 1 }, undefined, i === 3);
    const image = JSON.parse(JSON.stringify(await imageOfSession(ran))) as SessionImage;
    const restored = await sessionFromImage(image);
    const path = restored.pathTo(restored.cursor.node);
    const end = restored.cursor.node;
    // Nodes read nowhere yet. The image kept the view calls at its cursor and each step's writes, so each
    // move re-runs only what one block changed, far fewer calls than a cold read of the same world.
    const memo = readMemo(restored.sb.chain);
    const a = memo.misses;
    await restored.goto({ branch: 'main', node: path.at(-2) ?? null });
    const first = memo.misses - a;
    const b = memo.misses;
    const moved = await restored.goto({ branch: 'main', node: path.at(-3) ?? null });
    const second = memo.misses - b;
    forgetReads(restored.sb.chain);
    const c = memo.misses;
    await readWorld(restored.sb);
    const cold = memo.misses - c;
    expect(first).toBeGreaterThan(0);
    expect(first * 3).toBeLessThan(cold);
    expect(second * 3).toBeLessThan(cold);
    expect(moved.world).toEqual(await ran.worldAt(path.at(-3) ?? null));
    expect(end).toBe(ran.cursor.node);
  }, 300_000);
});
