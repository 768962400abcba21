import { describe, expect, test } from 'vitest';
import { chartGeometry, chartTable, summarizeSeries, type ChartSeries } from './chart-geometry.ts';

const eth = (n: number) => `${BigInt(n) * 10n ** 18n}`;
const op1: ChartSeries = {
  id: 'op1',
  label: 'op1',
  points: [
    { x: 0, value: eth(70) },
    { x: 4, value: eth(70) },
    { x: 9, value: eth(63) },
    { x: 12, value: eth(63) },
  ],
};
const lrt: ChartSeries = {
  id: 'lrt',
  label: 'lrt',
  points: [
    { x: 0, value: '1000000000000000000' },
    { x: 2, value: '950000000000000000' },
    { x: 3, value: '900000000000000000' },
  ],
};

describe('scales', () => {
  // 400 × 200 with margins 56 left, 16 right, 10 top, 36 bottom: plot x 56…384, y 10…164.
  const g = chartGeometry([op1], { width: 400, height: 200 }, 'shares');

  test('x spans the positions, y starts at zero for amounts', () => {
    expect(g.plot).toEqual({ left: 56, top: 10, right: 384, bottom: 164 });
    const dots = g.lines[0]?.dots ?? [];
    const expected = [56, 56 + (4 / 12) * 328, 56 + (9 / 12) * 328, 384];
    dots.forEach((d, i) => expect(d.x).toBeCloseTo(expected[i] ?? NaN, 9));
    expect(dots).toHaveLength(4);
    expect(dots[0]?.y).toBeCloseTo(10, 9);
    expect(dots[2]?.y).toBeCloseTo(164 - (63 / 70) * 154, 9);
    expect(g.yTicks.map((t) => t.label)).toEqual(['0', '10', '20', '30', '40', '50', '60', '70']);
    expect(g.yTicks[0]?.at).toBe(164);
    expect(g.xTicks.every((t) => Number.isInteger(Number(t.label)))).toBe(true);
    expect(g.xTicks[0]).toEqual({ at: 56, label: '0' });
  });

  test('points carry exact titles; the path goes through every point', () => {
    expect(g.lines[0]?.dots[2]?.title).toBe('op1 at 9: 63 shares');
    expect(g.lines[0]?.d.startsWith('M56,10')).toBe(true);
  });

  test('ratios use their own range, not zero', () => {
    const r = chartGeometry([lrt], { width: 400, height: 200 }, 'rate');
    expect(r.yTicks.map((t) => t.label)).toEqual(['0.9', '0.92', '0.94', '0.96', '0.98', '1']);
    expect(r.lines[0]?.dots[1]?.title).toBe('lrt at 2: 0.95 ETH per token');
  });

  test('a flat or empty series still gets a usable scale', () => {
    const flat = chartGeometry(
      [{ id: 'a', label: 'a', points: [{ x: 3, value: eth(5) }] }],
      { width: 300, height: 150 },
      'shares',
    );
    expect(flat.lines[0]?.dots[0]?.y).toBeGreaterThanOrEqual(flat.plot.top);
    expect(chartGeometry([], { width: 300, height: 150 }, 'rate').lines).toEqual([]);
  });
});

describe('summaries, exact', () => {
  test('from, to, lowest and highest with where', () => {
    expect(summarizeSeries(op1, 'shares', 'step')).toBe(
      'op1 went from 70 shares to 63 shares over 12 steps; lowest 63 shares at step 9; highest 70 shares at step 0.',
    );
    expect(summarizeSeries(lrt, 'rate', 'block')).toBe(
      'lrt went from 1 ETH per token to 0.9 ETH per token over 3 blocks; lowest 0.9 ETH per token at block 3; highest 1 ETH per token at block 0.',
    );
  });

  test('dust is shown, not rounded away', () => {
    const s: ChartSeries = {
      id: 'a',
      label: 'alice',
      points: [
        { x: 0, value: eth(28) },
        { x: 1, value: '27999999999999999972' },
      ],
    };
    expect(summarizeSeries(s, 'shares', 'step')).toBe(
      'alice went from 28 shares to 28 shares − 28 wei over 1 step; lowest 28 shares − 28 wei at step 1; highest 28 shares at step 0.',
    );
  });

  test('flat, single and empty series', () => {
    const flat = { id: 'op2', label: 'op2', points: [0, 5].map((x) => ({ x, value: eth(40) })) };
    expect(summarizeSeries(flat, 'shares', 'step')).toBe('op2 stayed at 40 shares over 5 steps.');
    expect(summarizeSeries({ ...flat, points: [{ x: 2, value: eth(5) }] }, 'shares', 'step')).toBe(
      'op2 is 5 shares at step 2.',
    );
    expect(summarizeSeries({ ...flat, points: [] }, 'shares', 'step')).toBe('op2: no data.');
  });
});

test('the table has one row per x and a blank where a series has no point', () => {
  const texts = (rows: ReturnType<typeof chartTable>) =>
    rows.map((r) => ({ x: r.x, cells: r.cells.map((c) => c?.text ?? '') }));
  expect(texts(chartTable([op1, lrt], 'shares').slice(0, 3))).toEqual([
    { x: 0, cells: ['70 shares', '1 share'] },
    { x: 2, cells: ['', '0.95 shares'] },
    { x: 3, cells: ['', '0.9 shares'] },
  ]);
  expect(chartTable([lrt], 'rate').map((r) => r.cells[0]?.text)).toEqual([
    '1 ETH per token',
    '0.95 ETH per token',
    '0.9 ETH per token',
  ]);
});
