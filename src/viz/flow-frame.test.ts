import { expect, test } from 'vitest';
import { frameColumns, placeTitles } from './flow-frame.ts';
import { textWidth } from './flow-labels.ts';

const node = (column: number, name: string, label: string, note: string | null = null) => ({
  column,
  name,
  label,
  note,
});
const short = [
  node(0, 'alice', '36 ETH'),
  node(1, 'stETH', '36 ETH'),
  node(2, 'op1', '36 ETH'),
  node(3, 'avs1 · set 0', '16 ETH'),
];
const long = [
  node(0, 'alice', '35.999999999999999999 ETH'),
  node(1, 'stETH', '112.999999999999999999 ETH'),
  node(2, 'op1', '63 ETH', 'unallocated 17.500000000000000077 ETH'),
  node(3, 'avs1 · set 0', '27.999999999999999972 ETH'),
];
const slashed = [
  node(0, 'alice', '36 ETH'),
  node(1, 'stETH', '113 ETH'),
  node(2, 'op1', '63 ETH', 'unallocated 17.500000000000000077 ETH'),
  node(3, 'avs1 · set 0', '27.999999999999999972 ETH'),
];
const gaps = (x: number[], nodeWidth: number) => x.slice(1).map((v, i) => v - (x[i] ?? 0) - nodeWidth);

test('short labels: the roomiest style, margins as wide as the labels, the rest shared by the gaps', () => {
  const f = frameColumns(800, short, [false, false, false, false]);
  expect(f.style).toMatchObject({ name: 11, amount: 10, join: true });
  // "alice: 36 ETH" at 11 px needs some 70 px; the margin is that plus a few px, not a fixed share.
  expect(f.room[0]).toBeGreaterThanOrEqual(textWidth('alice: 36 ETH', 11));
  expect(f.room[0]).toBeLessThan(textWidth('alice: 36 ETH', 11) + 10);
  const g = gaps(f.x, f.nodeWidth);
  // Plenty of width: all three gaps equal, and the columns span the width.
  expect(g[0]).toBeCloseTo(g[2] ?? NaN, 9);
  expect(g[1]).toBeCloseTo(g[2] ?? NaN, 9);
  expect((f.x[3] ?? 0) + f.nodeWidth + (f.room[3] ?? 0)).toBeLessThanOrEqual(800);
});

test('long exact amounts on a tablet: smaller fonts, every label still has its room', () => {
  const f = frameColumns(406, slashed, [false, false, false, false]);
  expect(f.style).toMatchObject({ name: 9, amount: 8 });
  expect(f.nodeWidth).toBe(8);
  expect(f.room[0]).toBeGreaterThanOrEqual(textWidth('36 ETH', 8));
  expect(f.room[1]).toBeGreaterThanOrEqual(textWidth('113 ETH', 8));
  expect(f.room[2]).toBeGreaterThanOrEqual(textWidth('17.500000000000000077 ETH', 8));
  expect(f.room[3]).toBeGreaterThanOrEqual(textWidth('27.999999999999999972 ETH', 8));
  expect((f.x[3] ?? 0) + f.nodeWidth + (f.room[3] ?? 0)).toBeLessThanOrEqual(406);
  // The allocations' gap carries no labels and is squeezed first, but never below 5% of the width.
  expect(gaps(f.x, f.nodeWidth)[2]).toBeGreaterThanOrEqual(0.05 * 406);
});

test('when not even the smallest fonts fit, the outer columns keep their room and the middle ones shrink', () => {
  const f = frameColumns(406, long, [false, false, false, false]);
  expect(f.style).toMatchObject({ name: 9, amount: 8 });
  expect(f.room[0]).toBeGreaterThanOrEqual(textWidth('35.999999999999999999 ETH', 8));
  expect(f.room[3]).toBeGreaterThanOrEqual(textWidth('27.999999999999999972 ETH', 8));
  expect(f.room[1]).toBeLessThan(textWidth('112.999999999999999999 ETH', 8));
  for (const g of gaps(f.x, f.nodeWidth)) expect(g).toBeGreaterThanOrEqual(20);
  expect((f.x[3] ?? 0) + f.nodeWidth + (f.room[3] ?? 0)).toBeLessThanOrEqual(406);
});

test("stubs leaving a column take room from the next column's labels", () => {
  const without = frameColumns(600, short, [false, false, false, false]);
  const withStub = frameColumns(600, short, [false, true, false, false]);
  expect(withStub.stub[1]).toBeGreaterThan(0);
  expect(withStub.room[2]).toBeCloseTo((gaps(withStub.x, 10)[1] ?? NaN) - 6 - (withStub.stub[1] ?? NaN), 9);
  expect(without.room[2]).toBeCloseTo((gaps(without.x, 10)[1] ?? NaN) - 6, 9);
});

test('titles: centred over their columns when there is room, else pushed apart and shrunk, never outside', () => {
  const titles = ['Restakers', 'Strategies', 'Operators', 'Operator sets'];
  const wide = placeTitles(titles, [100, 300, 500, 700], 800, 11);
  expect(wide.size).toBe(11);
  wide.x.forEach((x, i) =>
    expect(x + textWidth(titles[i] ?? '', 11, true) / 2).toBeCloseTo(100 + 200 * i, 9),
  );
  const narrow = placeTitles(titles, [20, 60, 300, 340], 360, 11);
  const right = narrow.x.map((x, i) => x + textWidth(titles[i] ?? '', narrow.size, true));
  expect(narrow.x[0]).toBeGreaterThanOrEqual(0);
  expect(right[3]).toBeLessThanOrEqual(360);
  for (let i = 1; i < 4; i++) expect(narrow.x[i]).toBeGreaterThan(right[i - 1] ?? NaN);
});
