import { expect, test } from 'vitest';
import { sampleWorld } from './flow-fixture.ts';
import { flowLayout, type FlowGraph } from './flow-layout.ts';
import { same, stableGraph } from './flow-stable.ts';

const size = { width: 800, height: 400 };
const first = flowLayout(sampleWorld, size);

test('structural equality of plain data', () => {
  expect(same({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
  expect(same({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
  expect(same({ a: 1 }, { b: 1 })).toBe(false);
  expect(same({ a: undefined }, {})).toBe(false);
  expect(same([], {})).toBe(false);
  expect(same(null, {})).toBe(false);
  expect(same(new Set(['a']), new Set(['b']))).toBe(false);
});

test('a relayout of a world that changed nothing shown is the previous graph itself', () => {
  expect(stableGraph(null, first)).toBe(first);
  const world = structuredClone(sampleWorld);
  // An account's plain ETH balance is not part of the stake flow.
  world.accounts.alice.eth = '1';
  expect(stableGraph(first, flowLayout(world, size))).toBe(first);
});

test('after a change only the changed items are new objects', () => {
  const id = 'operator:op2->set:avs2/1';
  const next: FlowGraph = structuredClone(first);
  const link = next.links.find((l) => l.id === id);
  if (link === undefined) throw new Error('no link');
  link.label = 'changed';
  const stable = stableGraph(first, next);
  expect(stable).not.toBe(first);
  expect(stable.links.find((l) => l.id === id)).toBe(link);
  for (const [i, l] of stable.links.entries()) if (l.id !== id) expect(l).toBe(first.links[i]);
  for (const [i, n] of stable.nodes.entries()) expect(n).toBe(first.nodes[i]);
  for (const [i, r] of stable.rows.entries()) expect(r).toBe(first.rows[i]);
});
