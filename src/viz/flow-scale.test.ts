import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitScale, type FlowIndex } from './flow-scale.ts';

// The search as it was written before it reused its arrays (a new array per trial, Math.max over a spread):
// the one it replaces must give the very same floats, or the first drawing would move by a fraction of a px.
function referenceScale(
  eth: number[],
  { outs, ins, columnOf, columns }: FlowIndex,
  room: number[],
  minNodeHeight: number,
  minLinkWidth: number,
): { k: number; w: number[]; h: number[] } {
  const total = (list: readonly number[], size: number[]): number =>
    list.reduce((t, i) => t + (size[i] ?? 0), 0);
  let [minH, minW] = [minNodeHeight, minLinkWidth];
  const heights = (k: number): { h: number[]; w: number[] } => {
    const w = eth.map((e) => Math.max(minW, k * e));
    const h = columnOf.map((_, i) => Math.max(minH, total(outs[i] ?? [], w), total(ins[i] ?? [], w)));
    return { h, w };
  };
  const load = (k: number): number => {
    const { h } = heights(k);
    return Math.max(...columns.map((c, i) => total(c, h) / Math.max(1e-9, room[i] ?? 0)));
  };
  const crowd = 2 * load(0);
  if (crowd > 1) [minH, minW] = [minH / crowd, minW / crowd];
  const ethIn = (list: readonly number[]) => list.reduce((t, i) => t + (eth[i] ?? 0), 0);
  let hi = Infinity;
  columnOf.forEach((c, i) => {
    const need = Math.max(ethIn(outs[i] ?? []), ethIn(ins[i] ?? []));
    if (need > 0) hi = Math.min(hi, (room[c] ?? 0) / need);
  });
  let k = Number.isFinite(hi) ? hi : 0;
  if (k > 0 && load(k) > 1) {
    let lo = 0;
    for (let step = 0; step < 40; step++) {
      const mid = (lo + hi) / 2;
      if (load(mid) <= 1) lo = mid;
      else hi = mid;
    }
    k = lo;
  }
  return { k, ...heights(k) };
}

/** A random four-column flow: nodes in columns, links from a column to the next (or stubs), amounts in ETH. */
const flow = fc
  .record({
    columnOf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 24 }),
    links: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.option(fc.nat(), { nil: null }),
        eth: fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constantFrom(0, 1e-18, 1e-9, 32, 0.5)),
      }),
      { maxLength: 40 },
    ),
    room: fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { minLength: 4, maxLength: 4 }),
    minH: fc.constantFrom(0, 0.5, 2, 4),
    minW: fc.constantFrom(0, 0.5, 1, 3),
  })
  .map(({ columnOf, links, room, minH, minW }) => {
    const n = columnOf.length;
    const outs: number[][] = columnOf.map(() => []);
    const ins: number[][] = columnOf.map(() => []);
    links.forEach((l, i) => {
      outs[l.from % n]?.push(i);
      if (l.to !== null) ins[l.to % n]?.push(i);
    });
    const columns: number[][] = [[], [], [], []];
    columnOf.forEach((c, i) => columns[c]?.push(i));
    return { eth: links.map((l) => l.eth), index: { outs, ins, columnOf, columns }, room, minH, minW };
  });

describe('the flow scale', () => {
  it('gives exactly the scale, widths and heights of the search it replaces', () => {
    fc.assert(
      fc.property(flow, ({ eth, index, room, minH, minW }) => {
        const got = fitScale(eth, index, room, minH, minW);
        const want = referenceScale(eth, index, room, minH, minW);
        expect(got.k).toBe(want.k);
        expect([...got.w]).toStrictEqual(want.w);
        expect([...got.h]).toStrictEqual(want.h);
      }),
      { numRuns: 3000 },
    );
  });
});
