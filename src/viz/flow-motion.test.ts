import { expect, test } from 'vitest';
import { sampleWorld } from './flow-fixture.ts';
import { flowLayout } from './flow-layout.ts';
import { changedLinks, geometryOf, tweenGraph } from './flow-motion.ts';

const E = 10n ** 18n;
const size = { width: 800, height: 400 };
const before = flowLayout(sampleWorld, size);
const world = structuredClone(sampleWorld);
world.stakers.carol.strategies.stETH.withdrawableShares = `${15n * E}`;
const after = flowLayout(world, size);

test('t = 1 is the target itself; t = 0 is where things were', () => {
  const from = geometryOf(before);
  expect(tweenGraph(from, after, 1)).toBe(after);
  const start = tweenGraph(from, after, 0);
  const carol = (g: { links: typeof after.links }) =>
    g.links.find((l) => l.id === 'restaker:carol->strategy:stETH');
  expect(carol(start)?.width).toBeCloseTo(carol(before)?.width ?? NaN, 9);
  // Exact amounts are the target's from the first frame: only geometry moves.
  expect(carol(start)?.amount).toBe(`${15n * E}`);
  const [w0, w1] = [carol(before)?.width ?? NaN, carol(after)?.width ?? NaN];
  expect(carol(tweenGraph(from, after, 0.5))?.width).toBeCloseTo((w0 + w1) / 2, 9);
});

test('new links grow from zero width, new nodes from zero height', () => {
  const start = tweenGraph(new Map(), before, 0);
  for (const l of start.links) expect(l.width).toBe(0);
  for (const n of start.nodes) expect(n.height).toBe(0);
});

test('links whose exact amount changed pulse; the first draw pulses nothing', () => {
  expect([...changedLinks(before, after)].sort()).toEqual([
    'restaker:carol->strategy:stETH',
    'strategy:stETH->undelegated',
  ]);
  expect(changedLinks(null, after).size).toBe(0);
  expect(changedLinks(before, before).size).toBe(0);
});
