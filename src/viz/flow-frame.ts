// Where the four stake-flow columns stand across the width. Labels decide it: the first column's labels sit
// left of its bars and the last column's right of them, in margins as wide as their widest label; the
// strategies' and operators' labels sit left of their bars, over the incoming links (with a halo), so each
// gap before them is at least as wide as its column's widest label. Those gaps never hold the operators'
// outgoing links nor the unallocated ribbons, so the busiest part of the diagram stays free of text.
import { LABEL_STYLES, naturalWidth, textWidth, type LabelStyle } from './flow-labels.ts';

interface Labelled {
  column: number;
  name: string;
  label: string;
  note: string | null;
}

export interface ColumnFrame {
  style: LabelStyle;
  nodeWidth: number;
  /** Left edge of each column's bars. */
  x: number[];
  /** Width each column's labels may take, px. */
  room: number[];
  /** Length of the stubs (unallocated, undelegated) leaving each column to the right. */
  stub: number[];
}

/** Between a bar and its label, plus the halo around the text. */
export const LABEL_GAP = 4;
const PAD = LABEL_GAP + 2;
const STUB = 22;

/** Raises the smallest gaps first until they use `room`: spare width widens the tightest gaps. */
function fill(gaps: number[], room: number): number[] {
  const sorted = [...gaps].sort((a, b) => a - b);
  let above = 0;
  // The k smallest rise to one level; the largest k whose level still reaches the k-th smallest gap.
  for (let k = sorted.length; k >= 1; k--) {
    const level = (room - above) / k;
    if (level >= (sorted[k - 1] ?? 0)) return gaps.map((g) => Math.max(g, level));
    above += sorted[k - 1] ?? 0;
  }
  return gaps;
}

/** Shrinks gaps that want more than `room`: every gap keeps `floor`, the rest goes by what each wants. */
function squeeze(gaps: number[], room: number, floor: number): number[] {
  const base = Math.min(floor, room / gaps.length);
  const want = gaps.map((g) => Math.max(0, g - base));
  const total = want.reduce((t, w) => t + w, 0);
  const spare = room - base * gaps.length;
  return want.map((w) => base + (total > 0 ? (spare * w) / total : spare / gaps.length));
}

const sum = (list: number[]) => list.reduce((t, g) => t + g, 0);

/**
 * Column positions for `width` px. `stubs[c]`: column c has stub links to its right (they need room before
 * the next column's labels). Each gap wants room for its labels and for its links to bend; when the width is
 * short, the fonts shrink first, then the links' room (down to a hard minimum), and only then the labels'.
 */
export function frameColumns(
  width: number,
  nodes: readonly Labelled[],
  stubs: readonly boolean[],
  styles: readonly LabelStyle[] = LABEL_STYLES,
): ColumnFrame {
  const nodeWidth = width < 520 ? 8 : 10;
  const [bend, hard] = [Math.min(64, Math.max(40, 0.12 * width)), Math.max(20, 0.05 * width)];
  const plan = (style: LabelStyle) => {
    const need = [0, 1, 2, 3].map((c) =>
      Math.max(0, ...nodes.filter((n) => n.column === c).map((n) => naturalWidth(n, style))),
    );
    const margin = (c: number) => Math.min((need[c] ?? 0) + PAD, 0.35 * width);
    const [left, right] = [margin(0), margin(3)];
    const labels = [1, 2, 3].map((c) => (c < 3 ? (need[c] ?? 0) + PAD + (stubs[c - 1] ? STUB : 0) : 0));
    const must = labels.map((l) => Math.max(hard, l));
    return {
      left,
      right,
      must,
      want: must.map((m) => Math.max(bend, m)),
      room: width - left - right - 4 * nodeWidth,
    };
  };
  // The first style whose labels fit, else the last; a style after the first that fits is never planned.
  let p!: ReturnType<typeof plan> & { style: LabelStyle };
  for (const style of styles) {
    p = { style, ...plan(style) };
    if (sum(p.want) <= p.room) break;
  }
  let gaps: number[];
  if (sum(p.want) <= p.room) gaps = fill(p.want, p.room);
  else if (sum(p.must) <= p.room) {
    const share = (p.room - sum(p.must)) / (sum(p.want) - sum(p.must));
    gaps = p.must.map((m, i) => m + ((p.want[i] ?? m) - m) * share);
  } else gaps = squeeze(p.must, p.room, hard);
  const x = [p.left];
  for (const g of gaps) x.push((x[x.length - 1] ?? 0) + nodeWidth + g);
  const stub = [0, 1, 2, 3].map((c) => Math.min(STUB, 0.4 * (gaps[c] ?? 0)));
  const room = [
    p.left - PAD,
    ...[1, 2].map((c) => (gaps[c - 1] ?? 0) - PAD - (stubs[c - 1] ? (stub[c - 1] ?? 0) : 0)),
    p.right - PAD,
  ];
  return { style: p.style, nodeWidth, x, room, stub };
}

/**
 * Column titles, each as near the centre of its column's bars as it can be while inside the width and clear
 * of its neighbours; the font shrinks (to `smallest` px) only when they cannot all fit. Returns each
 * title's left x.
 */
export function placeTitles(
  titles: readonly string[],
  centres: readonly number[],
  width: number,
  size: number,
  smallest = 8,
): { x: number[]; size: number } {
  const space = 8;
  for (let s = size; ; s--) {
    const w = titles.map((t) => textWidth(t, s, true));
    const x = w.map((wi, i) => Math.min(Math.max(0, (centres[i] ?? 0) - wi / 2), width - wi));
    for (let i = 1; i < x.length; i++) x[i] = Math.max(x[i] ?? 0, (x[i - 1] ?? 0) + (w[i - 1] ?? 0) + space);
    const last = x.length - 1;
    x[last] = Math.min(x[last] ?? 0, width - (w[last] ?? 0));
    for (let i = last - 1; i >= 0; i--) x[i] = Math.min(x[i] ?? 0, (x[i + 1] ?? 0) - (w[i] ?? 0) - space);
    const inside = (x[0] ?? 0) >= 0;
    if (inside || s <= smallest) return { x, size: s };
  }
}
