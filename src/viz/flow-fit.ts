// Geometry of the stake-flow columns: one shared linear px-per-ETH scale for every link and node, the
// largest that lets every column fit the height, with minimum sizes so no non-zero amount disappears.
// The scale itself is flow-scale.ts's.
import { LABEL_GAP, frameColumns, type ColumnFrame } from './flow-frame.ts';
import { labelHeight, labelVariants, placeLabel, type LabelLine, type LabelStyle } from './flow-labels.ts';
import { ethForPixels } from './format.ts';
import { fitScale, total } from './flow-scale.ts';

export interface NodeGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Nothing when the column is too crowded there. */
  labelLines: LabelLine[];
  labelX: number;
  /** Top of the label's first line. */
  labelY: number;
  labelAnchor: 'start' | 'end';
}

export interface LinkGeometry {
  width: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface NodeIn {
  id: string;
  column: number;
  name: string;
  label: string;
  note: string | null;
}

interface LinkIn {
  source: string;
  target: string | null;
  amount: string;
}

export interface Frame {
  width: number;
  top: number;
  /** Height available to the nodes. */
  area: number;
  minNodeHeight: number;
  minLinkWidth: number;
  /** From the roomiest to the most compact (flow-labels.ts). */
  styles: readonly LabelStyle[];
  /** Labels start below this y (the column titles are above it). */
  labelTop: number;
}

const MAX_GAP = 10;
/** Labels stay above the bottom edge. */
const LABEL_BOTTOM = 2;
export function fitColumns<N extends NodeIn, L extends LinkIn>(
  nodes: N[],
  links: L[],
  frame: Frame,
): { nodes: (N & NodeGeometry)[]; links: (L & LinkGeometry)[]; frame: ColumnFrame } {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const outs: number[][] = nodes.map(() => []);
  const ins: number[][] = nodes.map(() => []);
  links.forEach((l, i) => {
    outs[index.get(l.source) ?? -1]?.push(i);
    if (l.target !== null) ins[index.get(l.target) ?? -1]?.push(i);
  });
  const columns: number[][] = [[], [], [], []];
  nodes.forEach((n, i) => columns[n.column]?.push(i));
  const gaps = columns.map((c) =>
    c.length > 1 ? Math.min(MAX_GAP, (0.2 * frame.area) / (c.length - 1)) : 0,
  );
  const room = columns.map((c, i) => frame.area - (gaps[i] ?? 0) * Math.max(0, c.length - 1));
  const eth = links.map((l) => ethForPixels(l.amount));

  // px = ETH × k: d3's linear scale from [0, 1] to [0, k] computes exactly this product, and the first
  // screen's bundle need not carry d3-scale (with its colour, interpolation and number formatting) for it.
  const { w, h } = fitScale(
    eth,
    { outs, ins, columnOf: nodes.map((n) => n.column), columns },
    room,
    frame.minNodeHeight,
    frame.minLinkWidth,
  );

  const stubs = [0, 1, 2, 3].map((c) =>
    links.some((l) => l.target === null && nodes[index.get(l.source) ?? -1]?.column === c),
  );
  const columnFrame = frameColumns(frame.width, nodes, stubs, frame.styles);
  const { style, nodeWidth, x: columnX, room: labelRoom } = columnFrame;
  const placed: (N & NodeGeometry)[] = [];
  columns.forEach((column, c) => {
    const gap = gaps[c] ?? 0;
    let y = frame.top + (frame.area - total(column, h) - gap * Math.max(0, column.length - 1)) / 2;
    let floor = frame.labelTop;
    const ceiling = frame.top + frame.area + LABEL_BOTTOM;
    for (const i of column) {
      const n = nodes[i] as N;
      const height = h[i] ?? 0;
      // Greedy from the top: a label shows when it clears the one above, dropping its note, then its amount.
      const label = placeLabel(labelVariants(n, style, labelRoom[c] ?? 0), y + height / 2, floor, ceiling);
      if (label !== null) floor = label.top + labelHeight(label.lines);
      const x = columnX[c] ?? 0;
      const labelRight = c === 3;
      placed[i] = {
        ...n,
        x,
        y,
        width: nodeWidth,
        height,
        labelLines: label?.lines ?? [],
        labelX: labelRight ? x + nodeWidth + LABEL_GAP : x - LABEL_GAP,
        labelY: label?.top ?? y,
        labelAnchor: labelRight ? 'start' : 'end',
      };
      y += height + gap;
    }
  });
  const geometry: LinkGeometry[] = links.map(() => ({ width: 0, x0: 0, y0: 0, x1: 0, y1: 0 }));
  const byOrder = (end: (l: L) => string | null) => (a: number, b: number) =>
    (index.get(end(links[a] as L) ?? '') ?? Infinity) - (index.get(end(links[b] as L) ?? '') ?? Infinity);
  placed.forEach((n, i) => {
    let offset = 0;
    for (const li of [...(outs[i] ?? [])].sort(byOrder((l) => l.target))) {
      const g = geometry[li] as LinkGeometry;
      g.width = w[li] ?? 0;
      g.x0 = n.x + n.width;
      g.y0 = n.y + offset + g.width / 2;
      if (links[li]?.target === null) [g.x1, g.y1] = [g.x0 + (columnFrame.stub[n.column] ?? 0), g.y0];
      offset += g.width;
    }
    offset = 0;
    for (const li of [...(ins[i] ?? [])].sort(byOrder((l) => l.source))) {
      const g = geometry[li] as LinkGeometry;
      g.x1 = n.x;
      g.y1 = n.y + offset + (w[li] ?? 0) / 2;
      offset += w[li] ?? 0;
    }
  });
  return {
    nodes: placed,
    links: links.map((l, i) => ({ ...l, ...(geometry[i] as LinkGeometry) })),
    frame: columnFrame,
  };
}
