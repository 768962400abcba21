// Geometry and words for a small multi-series line chart. Values are exact decimal strings (share base units
// or WAD); they become floats only for pixel positions. Every number shown as text (summaries, table, titles)
// follows the display policy (format.ts): readable, dust named, every digit one step away; axis ticks are d3's
// round tick positions, labelled with their own value.
import { line, scaleLinear } from 'd3';
import { ethForPixels, parseBaseUnits, showAmount, token, type Shown, type Unit } from './format.ts';

/** Strategy shares (operator stake, slashable stake), or a vault's rate in stETH per vault token (WAD). */
export type ChartUnit = 'shares' | 'rate';

const UNITS: Record<ChartUnit, Unit> = {
  shares: token('shares'),
  rate: {
    symbol: 'ETH per token',
    decimals: 18,
    base: null,
    rawName: 'WAD units (10^18 = 1 ETH per token)',
  },
};

export interface ChartPoint {
  x: number;
  /** Decimal base units: share units (18 decimals) for 'shares', WAD for 'rate'. */
  value: string;
}

export interface ChartSeries {
  id: string;
  label: string;
  points: readonly ChartPoint[];
}

export interface ChartTick {
  /** Pixel position along the axis. */
  at: number;
  label: string;
}

export interface ChartLine {
  id: string;
  label: string;
  d: string;
  dots: { x: number; y: number; title: string }[];
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  lines: ChartLine[];
}

const MARGIN = { top: 10, right: 16, bottom: 36, left: 56 };

/** A value under the display policy: "63 shares", "0.9 ETH per token", "28 shares − 28 wei". */
export const showValue = (value: string | bigint, unit: ChartUnit): Shown => showAmount(value, UNITS[unit]);

/** Its text, for sentences and titles. */
export const formatValue = (value: string | bigint, unit: ChartUnit): string => showValue(value, unit).text;

/** Amounts start at zero (an honest baseline); ratios span their own range, where changes are small. */
function yDomain(values: number[], unit: ChartUnit): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (unit === 'shares') [lo, hi] = [Math.min(0, lo), Math.max(0, hi)];
  if (lo === hi) [lo, hi] = [lo - (Math.abs(lo) / 10 || 1), hi + (Math.abs(hi) / 10 || 1)];
  return [lo, hi];
}

export function chartGeometry(
  series: readonly ChartSeries[],
  size: { width: number; height: number },
  unit: ChartUnit,
): ChartGeometry {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: Math.max(MARGIN.left + 1, size.width - MARGIN.right),
    bottom: Math.max(MARGIN.top + 1, size.height - MARGIN.bottom),
  };
  const points = series.flatMap((s) => s.points);
  const xs = points.map((p) => p.x);
  const [x0, x1] = xs.length === 0 ? [0, 1] : [Math.min(...xs), Math.max(...xs)];
  const x = scaleLinear([x0, x1 === x0 ? x0 + 1 : x1], [plot.left, plot.right]);
  const values = points.map((p) => ethForPixels(p.value));
  const y = scaleLinear(yDomain(values.length === 0 ? [0] : values, unit), [plot.bottom, plot.top]).nice(5);
  const path = line<ChartPoint>()
    .x((p) => x(p.x))
    .y((p) => y(ethForPixels(p.value)));
  return {
    width: size.width,
    height: size.height,
    plot,
    // Positions and blocks are whole numbers: no tick between them.
    xTicks: x
      .ticks(Math.min(8, Math.max(1, x1 - x0)))
      .filter(Number.isInteger)
      .map((t) => ({ at: x(t), label: `${t}` })),
    yTicks: y.ticks(5).map((t) => ({ at: y(t), label: `${t}` })),
    lines: series.map((s) => ({
      id: s.id,
      label: s.label,
      d: path([...s.points]) ?? '',
      dots: s.points.map((p) => ({
        x: x(p.x),
        y: y(ethForPixels(p.value)),
        title: `${s.label} at ${p.x}: ${formatValue(p.value, unit)}`,
      })),
    })),
  };
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** One sentence per series: "op1 went from 70 shares to 63 shares over 12 steps; lowest 63 shares at step 9; …". */
export function summarizeSeries(s: ChartSeries, unit: ChartUnit, xLabel: string): string {
  const first = s.points[0];
  const last = s.points[s.points.length - 1];
  if (first === undefined || last === undefined) return `${s.label}: no data.`;
  let low = first;
  let high = first;
  for (const p of s.points) {
    if (parseBaseUnits(p.value) < parseBaseUnits(low.value)) low = p;
    if (parseBaseUnits(p.value) > parseBaseUnits(high.value)) high = p;
  }
  const show = (p: ChartPoint) => formatValue(p.value, unit);
  const span = plural(last.x - first.x, xLabel);
  if (parseBaseUnits(low.value) === parseBaseUnits(high.value)) {
    return s.points.length === 1
      ? `${s.label} is ${show(first)} at ${xLabel} ${first.x}.`
      : `${s.label} stayed at ${show(first)} over ${span}.`;
  }
  return (
    `${s.label} went from ${show(first)} to ${show(last)} over ${span}; ` +
    `lowest ${show(low)} at ${xLabel} ${low.x}; highest ${show(high)} at ${xLabel} ${high.x}.`
  );
}

/** The chart as rows: one per x, one cell per series with every digit one step away (null: no point). */
export function chartTable(
  series: readonly ChartSeries[],
  unit: ChartUnit,
): { x: number; cells: (Shown | null)[] }[] {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const byX = series.map((s) => new Map(s.points.map((p) => [p.x, p.value])));
  return xs.map((x) => ({
    x,
    cells: byX.map((m) => {
      const v = m.get(x);
      return v === undefined ? null : showValue(v, unit);
    }),
  }));
}
