import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forgetReads, readMemo, type Chain, type Kept } from '../chain/runtime.ts';
import { readWorld } from '../protocol/world.ts';
import type { Sandbox } from '../protocol/sandbox.ts';
import { packReads, unpackCalls, unpackWrites } from './image-reads.ts';
import { prebuiltScenarios } from './default-image.ts';
import { sessionFromImage, type SessionImage } from './session-image.ts';
import { Session } from './session.ts';
import { PLAYGROUND_SLASH } from './session-testing.ts';

const committed = (id: string) =>
  JSON.parse(readFileSync(new URL(`./images/${id}.json`, import.meta.url), 'utf8')) as SessionImage;

/** The world read through the kept reads, how many view calls ran for it, and the world read cold. */
async function warmAndCold(sb: Sandbox) {
  const m = readMemo(sb.chain);
  const misses = m.misses;
  const warm = await readWorld(sb);
  const ran = m.misses - misses;
  forgetReads(sb.chain);
  return { warm, ran, cold: await readWorld(sb) };
}

const callsIn = (chain: Chain) => readMemo(chain).kept.size;

const slash = PLAYGROUND_SLASH;

describe("a session image's kept reads", () => {
  it('pack and unpack give back every call, value, revert, head and write', () => {
    const deps = ['s:aa:01', 'c:aa', 'a'];
    const kept: [string, Kept][] = [];
    kept.push([
      'x|A.f|[]',
      { value: [1n, { a: 2n, b: 'x' }, true], error: undefined, deps, head: undefined },
    ]);
    kept.push([
      'x|A.g|["1n"]',
      { value: undefined, error: 'A.g reverted: no', deps: ['s:aa:01'], head: '5@60' },
    ]);
    const { reads, writes } = packReads(kept, [['s:aa:01', 's:bb:02'], undefined]);
    // Each input is named once.
    expect(reads.inputs).toEqual(['s:aa:01', 'c:aa', 'a', 's:bb:02']);
    expect(unpackCalls(JSON.parse(JSON.stringify(reads)))).toEqual(kept);
    expect(unpackWrites(reads, writes[0])).toEqual(['s:aa:01', 's:bb:02']);
    expect(unpackWrites(reads, writes[1])).toBeUndefined();
    expect(unpackWrites(undefined, [0])).toBeUndefined();
    expect(() => unpackWrites(reads, [9])).toThrow(/input 9/);
  });

  it('every prebuilt image restores its cursor world from kept calls, equal to a cold read', async () => {
    for (const { id, source } of await prebuiltScenarios()) {
      const restored = await sessionFromImage(committed(id), source);
      const { warm, ran, cold } = await warmAndCold(restored.sb);
      expect(ran, `${id}: view calls run again`).toBe(0);
      expect(warm, id).toEqual(cold);
    }
  }, 300_000);

  it('a step after a restore runs again only the calls it touched, and reads what a cold read reads', async () => {
    const restored = await sessionFromImage(committed('lesson-06-slashing'), 'lesson:06-slashing#1');
    const calls = callsIn(restored.sb.chain);
    const m = readMemo(restored.sb.chain);
    const before = m.misses;
    const acted = await restored.act(slash);
    expect(acted.ok).toBe(true);
    const ran = m.misses - before;
    expect(ran).toBeGreaterThan(0);
    expect(ran).toBeLessThan(calls / 2);
    const { warm, cold } = await warmAndCold(restored.sb);
    expect(warm).toEqual(cold);
  }, 120_000);

  it('moves in a restored history keep the reads the steps between could not change, and agree with a replay', async () => {
    const [lesson] = (await prebuiltScenarios()).filter((s) => s.id === 'lesson-06-slashing');
    if (lesson === undefined) throw new Error('lesson 06 has no prebuilt image');
    const ran = await Session.load(lesson.json, lesson.source);
    const restored = await sessionFromImage(committed(lesson.id), lesson.source);
    const path = restored.pathTo(restored.cursor.node);
    const m = readMemo(restored.sb.chain);
    for (const node of [path[path.length - 2] ?? null, path[3] ?? null, restored.cursor.node]) {
      await restored.moveChainTo(node);
      const before = m.misses;
      const world = await readWorld(restored.sb);
      // Some calls are kept across the move (the image's writes named what could differ)...
      expect(m.misses - before, `calls run at ${String(node)}`).toBeLessThan(callsIn(restored.sb.chain));
      // ...and the world is the one the replayed session reads.
      expect(world, `world at ${String(node)}`).toEqual(await ran.worldAt(node));
    }
  }, 300_000);
});
