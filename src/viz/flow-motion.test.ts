import { describe, expect, test } from 'vitest';
import { sampleWorld } from './flow-fixture.ts';
import { flowLayout, type FlowLink } from './flow-layout.ts';
import { FlowTween, STEP, changedLinks, geometryOf, tweenGraph, type ShownGraph } from './flow-motion.ts';
import { linkPath } from './flow-paths.ts';

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

describe('FlowTween: a frame costs what moved', () => {
  const id = 'restaker:carol->strategy:stETH';
  // The same drawing with one link 3 px wider: nothing else moves.
  const wider = {
    ...before,
    links: before.links.map((l) => (l.id === id ? { ...l, width: l.width + 3 } : l)),
  };

  test('a frame in which only one link changed keeps every other link and node as it was', () => {
    const tween = new FlowTween(geometryOf(before), wider);
    const [a, b] = [tween.at(0.4), tween.at(0.7)];
    expect(a.links).toHaveLength(before.links.length);
    for (const [i, l] of b.links.entries()) {
      const prev = a.links[i] as FlowLink;
      if (l.id === id) {
        expect(linkPath(l)).not.toBe(linkPath(prev));
        continue;
      }
      expect(linkPath(l) === linkPath(prev)).toBe(true);
      expect(l).toBe(prev);
      expect(l).toBe(wider.links[i]);
    }
    for (const [i, n] of b.nodes.entries()) expect(n).toBe(before.nodes[i]);
  });

  test('the moving link widens linearly and ends as the target itself', () => {
    const tween = new FlowTween(geometryOf(before), wider, 0);
    const w = before.links.find((l) => l.id === id)?.width ?? NaN;
    expect(tween.at(0.5).links.find((l) => l.id === id)?.width).toBeCloseTo(w + 1.5, 9);
    expect(tween.at(1)).toBe(wider);
  });

  test('a sub-pixel shift is drawn in steps of at most STEP px, and a repeated t is the same frame', () => {
    // Everything 0.35 px lower: 0.35 / 0.1 → 4 steps, so 5 distinct frames (0, ¼, ½, ¾ of the way, and the end).
    const lower = {
      ...before,
      nodes: before.nodes.map((n) => ({ ...n, y: n.y + 0.35, labelY: n.labelY + 0.35 })),
      links: before.links.map((l) => ({ ...l, y0: l.y0 + 0.35, y1: l.y1 + 0.35 })),
    };
    expect(STEP).toBe(0.1);
    const tween = new FlowTween(geometryOf(before), lower);
    const frames = new Set(Array.from({ length: 101 }, (_, i) => tween.at(i / 100)));
    expect(frames.size).toBe(5);
    expect(tween.at(0.2)).toBe(tween.at(0.2));
    const y = (g: ShownGraph) => g.nodes[0]?.y ?? NaN;
    const y0 = before.nodes[0]?.y ?? NaN;
    expect(y(tween.at(0.3)) - y0).toBeCloseTo(0.0875, 1);
    expect(tween.at(1)).toBe(lower);
  });

  test('nothing moved: every frame is the target', () => {
    const tween = new FlowTween(geometryOf(before), before);
    expect(tween.at(0)).toBe(before);
    expect(tween.at(0.5)).toBe(before);
  });
});
