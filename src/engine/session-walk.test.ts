import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorld } from '../protocol/world.ts';
import { lessonAnalyzer, lessonMachine, prebuiltScenarios } from './default-image.ts';
import { walkThrough } from './lesson-walk.ts';
import { sessionFromImage, type SessionImage } from './session-image.ts';
import { toDoc } from './session-doc.ts';
import type { StepJson } from './session-types.ts';
import { Session } from './session.ts';
import { toTagged } from './tagged-json.ts';

const committed = (id: string) =>
  JSON.parse(readFileSync(new URL(`./images/${id}.json`, import.meta.url), 'utf8')) as SessionImage;

/** Everything a history entry holds, as plain JSON (writes as a set: only which inputs, not their order). */
async function entriesOf(s: Session) {
  const out: unknown[] = [];
  for (const [id, e] of s.entries)
    out.push(
      toTagged({
        node: e.node,
        txs: e.txs,
        snap: e.snap,
        names: e.names,
        writes: e.writes === undefined ? null : [...e.writes].sort(),
        world: await s.worldAt(id),
      }),
    );
  return out;
}

describe("a lesson's walk-through kept in its image", () => {
  it('walking a lesson on its image takes every step from the walk-through and ends exactly where running them does', async () => {
    const lessons = (await prebuiltScenarios()).filter((p) => p.lesson !== undefined);
    expect(lessons.length).toBeGreaterThan(0);
    for (const { id, json, source, lesson } of lessons) {
      const machine = await lessonMachine(lesson as string);
      const ran = await Session.load(json, source);
      const ranStates = await walkThrough(ran, machine, lessonAnalyzer);
      const image = committed(id);
      const fast = await sessionFromImage(image, source);
      const fastStates = await walkThrough(fast, machine, lessonAnalyzer);
      // The lesson's own checks (its machine, fed the worlds around each step) pass through the same states.
      expect(fastStates, id).toEqual(ranStates);
      expect(ran.walkedSteps, id).toBe(0);
      expect(fast.walkedSteps, id).toBe(image.walk?.length ?? 0);
      expect(fast.walkedSteps, `${id} keeps a walk-through`).toBeGreaterThan(0);
      // The live chain and names stand where running the steps left them: read afresh, and acted on.
      expect(toTagged(fast.sb.names), id).toEqual(toTagged(ran.sb.names));
      expect(fast.sb.chain.head, id).toEqual(ran.sb.chain.head);
      expect(await readWorld(fast.sb), id).toEqual(await readWorld(ran.sb));
      const next = { action: 'chain.advance', blocks: 1 };
      expect(await fast.act(next), id).toEqual(await ran.act(next));
      // The same history, receipts, snapshots, names, written inputs and worlds; the same saved document.
      expect(fast.full(), id).toEqual(ran.full());
      expect(toDoc(fast), id).toEqual(toDoc(ran));
      expect(await entriesOf(fast), id).toEqual(await entriesOf(ran));
    }
  }, 900_000);

  it('a step the walk-through did not take from that position runs on the chain', async () => {
    const lesson = (await prebuiltScenarios()).find((p) => p.lesson === '06-slashing');
    if (lesson === undefined) throw new Error('lesson 06 has no image');
    const walk = committed(lesson.id).walk ?? [];
    const first = (walk[0] as { node: { step: StepJson } }).node.step;
    const other = { ...first, wads: ['10%'], as: 's0' };
    const fast = await sessionFromImage(committed(lesson.id), lesson.source);
    const ran = await Session.load(lesson.json, lesson.source);
    // Another step from the walk-through's position, then the walk-through's first step from elsewhere.
    expect(await fast.act(other)).toEqual(await ran.act(other));
    expect(await fast.act(first)).toEqual(await ran.act(first));
    expect(fast.walkedSteps).toBe(0);
    expect(toDoc(fast)).toEqual(toDoc(ran));
  }, 300_000);
});
