import { describe, expect, test } from 'vitest';
import { crowdedWorld, sampleWorld } from './flow-fixture.ts';
import { flowLayout, type FlowGraph } from './flow-layout.ts';
import { showAmount, token } from './format.ts';
import { same } from './flow-stable.ts';

const E = 10n ** 18n;
const size = { width: 800, height: 400 };
const graph = flowLayout(sampleWorld, size);
const node = (g: FlowGraph, id: string) => g.nodes.find((n) => n.id === id);
const link = (g: FlowGraph, id: string) => g.links.find((l) => l.id === id);
const ids = (g: FlowGraph, column: number) => g.nodes.filter((n) => n.column === column).map((n) => n.id);

function expectInside(g: FlowGraph) {
  for (const n of g.nodes) {
    expect(n.y).toBeGreaterThanOrEqual(0);
    expect(n.y + n.height).toBeLessThanOrEqual(g.height + 1e-6);
    expect(n.x + n.width).toBeLessThanOrEqual(g.width);
  }
  for (const l of g.links) {
    for (const y of [l.y0 - l.width / 2, l.y1 - l.width / 2]) expect(y).toBeGreaterThanOrEqual(-1e-6);
    for (const y of [l.y0 + l.width / 2, l.y1 + l.width / 2]) expect(y).toBeLessThanOrEqual(g.height + 1e-6);
  }
}

describe('columns', () => {
  test('restakers (vaults included), strategies, operators, operator sets, each sorted by id', () => {
    expect(ids(graph, 0)).toEqual(['restaker:alice', 'restaker:bob', 'restaker:carol', 'restaker:lrt']);
    expect(ids(graph, 1)).toEqual(['strategy:beaconETH', 'strategy:stETH']);
    expect(ids(graph, 2)).toEqual(['operator:op1', 'operator:op2']);
    expect(ids(graph, 3)).toEqual(['set:avs1/0', 'set:avs1/1', 'set:avs2/1']);
    expect(node(graph, 'restaker:lrt')?.kind).toBe('vault');
    expect(node(graph, 'set:avs2/1')?.name).toBe('avs2 · set 1');
  });

  test('one x per column, left to right, and nodes stacked without overlap', () => {
    const xs = [0, 1, 2, 3].map((c) => new Set(graph.nodes.filter((n) => n.column === c).map((n) => n.x)));
    for (const set of xs) expect(set.size).toBe(1);
    const [a, b, c, d] = xs.map((set) => [...set][0] ?? NaN);
    expect(a).toBeLessThan(b ?? NaN);
    expect(b).toBeLessThan(c ?? NaN);
    expect(c).toBeLessThan(d ?? NaN);
    for (const column of [0, 1, 2, 3]) {
      const list = graph.nodes.filter((n) => n.column === column);
      for (let i = 1; i < list.length; i++) {
        const [above, below] = [list[i - 1], list[i]];
        expect((above?.y ?? 0) + (above?.height ?? 0)).toBeLessThanOrEqual(below?.y ?? 0);
      }
    }
    expectInside(graph);
  });

  test('node amounts are exact: what restakers hold, operators hold, sets have allocated', () => {
    expect(node(graph, 'restaker:alice')).toMatchObject({ amount: `${36n * E}`, label: '36 shares' });
    expect(node(graph, 'strategy:stETH')).toMatchObject({ amount: `${49n * E}`, label: '49 shares' });
    expect(node(graph, 'operator:op2')).toMatchObject({ amount: `${40n * E}`, label: '40 shares' });
    expect(node(graph, 'set:avs1/0')).toMatchObject({ amount: `${16n * E}`, label: '16 shares' });
    expect(node(graph, 'set:avs1/1')).toMatchObject({ amount: '0', label: '0 shares' });
  });
});

describe('links', () => {
  test('widths share one linear scale, exact amounts kept in labels', () => {
    const alice = link(graph, 'restaker:alice->strategy:stETH');
    const avs1 = link(graph, 'operator:op1->set:avs1/0');
    const carol = link(graph, 'restaker:carol->strategy:stETH');
    expect(alice).toMatchObject({ kind: 'deposit', amount: `${36n * E}`, label: '36 shares' });
    expect(avs1).toMatchObject({ kind: 'allocation', amount: `${16n * E}`, label: '16 shares' });
    expect((alice?.width ?? 0) / (avs1?.width ?? 1)).toBeCloseTo(36 / 16, 9);
    expect((alice?.width ?? 0) / (carol?.width ?? 1)).toBeCloseTo(36 / 5, 9);
    expect(link(graph, 'strategy:stETH->operator:op1')?.width).toBeCloseTo(alice?.width ?? NaN, 9);
  });

  test('an allocation to a set sums its strategies and keeps the split', () => {
    expect(link(graph, 'operator:op2->set:avs2/1')).toMatchObject({
      amount: `${18n * E}`,
      label: '18 shares',
      parts: [
        { strategy: 'beaconETH', amount: `${16n * E}`, label: '16 shares' },
        { strategy: 'stETH', amount: `${2n * E}`, label: '2 shares' },
      ],
    });
  });

  test('zero amounts produce no link (and a staker holding nothing is no node)', () => {
    expect(link(graph, 'strategy:beaconETH->operator:op1')).toBeUndefined();
    expect(link(graph, 'operator:op1->set:avs1/1')).toBeUndefined();
    expect(link(graph, 'restaker:alice->strategy:beaconETH')).toBeUndefined();
    expect(node(graph, 'restaker:op1')).toBeUndefined();
    expect(graph.links).toHaveLength(12);
    for (const l of graph.links) expect(BigInt(l.amount)).toBeGreaterThan(0n);
  });

  test('links leave and enter inside their nodes', () => {
    for (const l of graph.links) {
      const source = node(graph, l.source);
      expect(l.y0).toBeGreaterThanOrEqual(source?.y ?? NaN);
      expect(l.y0).toBeLessThanOrEqual((source?.y ?? 0) + (source?.height ?? 0));
      if (l.target === null) continue;
      const target = node(graph, l.target);
      expect(l.y1).toBeGreaterThanOrEqual(target?.y ?? NaN);
      expect(l.y1).toBeLessThanOrEqual((target?.y ?? 0) + (target?.height ?? 0));
    }
  });
});

test('stake allocated nowhere is shown: unallocated and undelegated stubs, notes and totals', () => {
  expect(link(graph, 'operator:op1->unallocated')).toMatchObject({ target: null, amount: `${20n * E}` });
  expect(link(graph, 'operator:op2->unallocated')).toMatchObject({ target: null, label: '22 shares' });
  expect(link(graph, 'strategy:stETH->undelegated')).toMatchObject({ target: null, label: '5 shares' });
  expect(node(graph, 'operator:op1')?.note).toBe('unallocated 20\u00a0shares');
  expect(node(graph, 'strategy:stETH')?.note).toBe('undelegated 5\u00a0shares');
  expect(graph.totals).toEqual({
    restaked: `${81n * E}`,
    delegated: `${76n * E}`,
    allocated: `${34n * E}`,
    unallocated: `${42n * E}`,
    undelegated: `${5n * E}`,
  });
  expect(graph.rows).toContainEqual(
    expect.objectContaining({ from: 'op1', to: 'unallocated', amount: `${20n * E}`, label: '20 shares' }),
  );
});

test('stable: the order of keys in the world does not matter, nor do changed amounts', () => {
  const reversed = {
    ...sampleWorld,
    stakers: Object.fromEntries(Object.entries(sampleWorld.stakers).reverse()),
    operators: Object.fromEntries(Object.entries(sampleWorld.operators).reverse()),
  };
  expect(flowLayout(reversed, size)).toEqual(graph);
  const poorer = structuredClone(sampleWorld);
  poorer.stakers.alice.strategies.stETH.withdrawableShares = `${30n * E}`;
  const after = flowLayout(poorer, size);
  expect(after.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
});

describe('200 restakers', () => {
  test('all shown when the height allows, inside the viewport, fast', () => {
    const started = performance.now();
    const g = flowLayout(crowdedWorld(200), { width: 900, height: 1000 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(ids(g, 0)).toHaveLength(200);
    expectInside(g);
    for (const n of g.nodes) expect(n.height).toBeGreaterThan(0);
    // Above the minimum width, widths stay proportional: 200 ETH against 100 ETH.
    const w = (id: string) => link(g, `restaker:${id}->strategy:stETH`)?.width ?? NaN;
    expect(w('r199') / w('r99')).toBeCloseTo(2, 9);
    // Labels only where there is room: not on 200 stacked thin nodes.
    expect(g.nodes.filter((n) => n.column === 0 && n.labelLines.length > 0).length).toBeLessThan(200);
  });

  test('folded into one "others" node when they do not fit, every flow still in the table', () => {
    const g = flowLayout(crowdedWorld(200), { width: 900, height: 400 }, { keep: ['r0'] });
    expectInside(g);
    const restakers = g.nodes.filter((n) => n.column === 0);
    // (400 − 32) px of node area, half of it at 2 px each: 92 nodes, the last one being "others".
    expect(restakers).toHaveLength(92);
    expect(restakers[0]?.key).toBe('r0');
    const others = restakers[91];
    // Kept: r0 and the 90 largest (r110…r199); folded: r1…r109, holding 2 + … + 110 ETH = 6104 ETH.
    expect(others?.kind).toBe('others');
    expect(others?.members).toHaveLength(109);
    expect(others?.label).toBe('6104 shares');
    expect(others?.note).toBe('109 restakers');
    expect(g.rows.filter((r) => r.to === 'stETH')).toHaveLength(200);
    expect(g.totals.restaked).toBe(`${20100n * E}`);
  });
});

test('an empty world draws the strategies and nothing else', () => {
  const empty = { stakers: {}, operators: {}, avs: {}, strategies: { stETH: {}, beaconETH: {} }, vaults: {} };
  const g = flowLayout(empty, size);
  expect(g.nodes.map((n) => n.id)).toEqual(['strategy:beaconETH', 'strategy:stETH']);
  expect(g.links).toEqual([]);
  expect(g.totals.restaked).toBe('0');
  expectInside(g);
});

test("the table's rows, formatted when first read, read as the display policy formats their amounts", () => {
  for (const world of [sampleWorld, crowdedWorld(30)]) {
    const rows = flowLayout(world, size).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const shown = showAmount(BigInt(r.amount), token('shares'));
      // Read twice: the second read gives the very object of the first.
      expect(r.shown).toStrictEqual(shown);
      expect(r.shown).toBe(r.shown);
      expect(r.label).toBe(shown.text);
      // A copy (what a structural comparison or a spread reads) has the same plain values.
      expect(same({ ...r }, { from: r.from, to: r.to, amount: r.amount, label: shown.text, shown })).toBe(
        true,
      );
    }
  }
});
