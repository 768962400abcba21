// Motion for the stake-flow diagram without d3 touching the DOM: the component tweens one number t from 0 to
// 1 and draws `tweenGraph(from, target, t)`, where `from` is whatever was on screen when the target changed,
// so a change arriving mid-animation continues smoothly from where things are.
import type { FlowGraph, FlowLink, FlowNode } from './flow-types.ts';

/** Node id → [x, y, height]; link id → [width, x0, y0, x1, y1]. */
export type FlowGeometry = Map<string, number[]>;

export interface ShownGraph {
  nodes: FlowNode[];
  links: FlowLink[];
}

export function geometryOf(shown: ShownGraph): FlowGeometry {
  const out: FlowGeometry = new Map();
  for (const n of shown.nodes) out.set(n.id, [n.x, n.y, n.height]);
  for (const l of shown.links) out.set(l.id, [l.width, l.x0, l.y0, l.x1, l.y1]);
  return out;
}

const mix = (from: number[], to: number[], t: number): number[] =>
  to.map((b, i) => {
    const a = from[i] ?? b;
    return a + (b - a) * t;
  });

/** The graph at time t of a transition: new objects (keyed each blocks see changes), t = 1 is the target. */
export function tweenGraph(from: FlowGeometry, target: FlowGraph, t: number): ShownGraph {
  if (t >= 1) return target;
  const nodes = target.nodes.map((n) => {
    // A new node grows out of its own centre; a new link out of zero width.
    const [x = n.x, y = n.y, height = n.height] = mix(
      from.get(n.id) ?? [n.x, n.y + n.height / 2, 0],
      [n.x, n.y, n.height],
      t,
    );
    // The label keeps its place relative to the node's centre.
    const labelY = n.labelY + y + height / 2 - (n.y + n.height / 2);
    return { ...n, x, y, height, labelX: n.labelX + x - n.x, labelY };
  });
  const links = target.links.map((l) => {
    const to = [l.width, l.x0, l.y0, l.x1, l.y1];
    const [width = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0] = mix(from.get(l.id) ?? [0, ...to.slice(1)], to, t);
    return { ...l, width, x0, y0, x1, y1 };
  });
  return { nodes, links };
}

/** Links that are new or whose exact amount changed: they pulse once. */
export function changedLinks(before: FlowGraph | null, after: FlowGraph): Set<string> {
  if (before === null) return new Set();
  const old = new Map(before.links.map((l) => [l.id, l.amount]));
  return new Set(after.links.filter((l) => old.get(l.id) !== l.amount).map((l) => l.id));
}
