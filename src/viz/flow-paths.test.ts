import { expect, test } from 'vitest';
import { linkPath, shapePath } from './flow-paths.ts';

const g = { width: 4, x0: 10, y0: 20, x1: 30, y1: 40 };

test('a ribbon: top curve out, the far end, bottom curve back, bending at the middle x', () => {
  // Half width 2: top 18 → 38, bottom 22 → 42, both curves' control points at x = 20.
  expect(shapePath(false, g)).toBe('M10,18C20,18 20,38 30,38L30,42C20,42 20,22 10,22Z');
});

test('a stub tapers to half its width at the right end', () => {
  // Left end ±2 around 20, right end ±1 around 40.
  expect(shapePath(true, g)).toBe('M10,18L30,39L30,41L10,22Z');
});

test('coordinates show two decimals; a link object keeps its string', () => {
  const l = { ...g, x0: 10 / 3, target: 'set:a/0' };
  const d = linkPath(l);
  expect(d.startsWith('M3.33,18C16.67,18 ')).toBe(true);
  expect(linkPath(l)).toBe(d);
  expect(linkPath({ ...g, target: null })).toBe('M10,18L30,39L30,41L10,22Z');
});
