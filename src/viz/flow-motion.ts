// Motion for the stake-flow diagram without d3 touching the DOM: the component tweens one number t from 0 to
// 1 and draws `FlowTween.at(t)` between `from` (whatever was on screen when the target changed, so a change
// arriving mid-animation continues smoothly from where things are) and the target graph.
// A frame costs what moved: a node or link whose start and end geometry are equal is the target's own object
// in every frame, and one that moved too little to change what it shows keeps its previous frame's object,
// so Svelte re-runs nothing for it and writes nothing to the DOM.
import { rememberPath, linkPath, shapePath } from './flow-paths.ts';
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

/**
 * How far the largest move advances between two drawn frames, px. The eased t is rounded to a multiple of
 * STEP / (largest move): a change of a fraction of a pixel (most steps change amounts a little, and the shared
 * scale shifts everything slightly) is drawn in a few frames instead of one per animation frame, while a
 * large move still gets every frame. Nothing ever stands more than STEP / 2 from its exact place.
 */
export const STEP = 0.1;

interface Move<T> {
  to: T;
  /** Start geometry; null when it equals the end (the item never moves). */
  from: number[] | null;
}

const node3 = (n: FlowNode) => [n.x, n.y, n.height];
const link5 = (l: FlowLink) => [l.width, l.x0, l.y0, l.x1, l.y1];
const distance = (a: readonly number[], b: readonly number[]) =>
  b.reduce((m, v, i) => Math.max(m, Math.abs(v - (a[i] ?? v))), 0);
const lerp = (a: number, b: number, f: number) => a + (b - a) * f;
/** Node numbers in intermediate frames: two decimals, like the link paths, so slow movers repeat values. */
const r = (v: number) => Math.round(v * 100) / 100;
/** A node's number part way; one that does not move stays exact (no write at the start nor at the end). */
const at = (a: number | undefined, b: number, f: number) =>
  a === undefined || a === b ? b : r(lerp(a, b, f));

/** One transition: memoised frames, each reusing every object that did not change. */
export class FlowTween {
  readonly #target: FlowGraph;
  readonly #nodes: Move<FlowNode>[];
  readonly #links: Move<FlowLink>[];
  /** Drawn frames over the whole transition; Infinity: every t is its own frame. */
  readonly #steps: number;
  #f = -1;
  #shown: ShownGraph;

  /** `step`: the quantum of motion in px (0: none). */
  constructor(from: FlowGeometry, target: FlowGraph, step = STEP) {
    let most = 0;
    const plan = <T>(to: T, end: number[], start: number[]): Move<T> => {
      const d = distance(start, end);
      most = Math.max(most, d);
      return { to, from: d === 0 ? null : start };
    };
    // A new node grows out of its own centre; a new link out of zero width.
    this.#nodes = target.nodes.map((n) => plan(n, node3(n), from.get(n.id) ?? [n.x, n.y + n.height / 2, 0]));
    this.#links = target.links.map((l) => plan(l, link5(l), from.get(l.id) ?? [0, l.x0, l.y0, l.x1, l.y1]));
    this.#target = target;
    this.#steps = most === 0 ? 0 : step > 0 ? Math.ceil(most / step) : Infinity;
    this.#shown = target;
  }

  /** The graph at eased time t; t ≥ 1 is the target itself. The same object while nothing visible moves. */
  at(t: number): ShownGraph {
    const u = Math.min(1, Math.max(0, t));
    const f =
      this.#steps === Infinity ? u : this.#steps === 0 ? 1 : Math.round(u * this.#steps) / this.#steps;
    if (f === this.#f) return this.#shown;
    this.#f = f;
    if (f === 1) return (this.#shown = this.#target);
    const before = this.#shown;
    this.#shown = {
      nodes: this.#nodes.map((m, i) => nodeAt(m, f, before.nodes[i])),
      links: this.#links.map((m, i) => linkAt(m, f, before.links[i])),
    };
    return this.#shown;
  }
}

function nodeAt({ to: n, from }: Move<FlowNode>, f: number, before: FlowNode | undefined): FlowNode {
  if (from === null) return n;
  const x = at(from[0], n.x, f);
  const y = at(from[1], n.y, f);
  const height = at(from[2], n.height, f);
  if (before?.id === n.id && before.x === x && before.y === y && before.height === height) return before;
  // The label keeps its place relative to the node's centre.
  const labelY = r(n.labelY + y + height / 2 - (n.y + n.height / 2));
  return { ...n, x, y, height, labelX: x === n.x ? n.labelX : r(n.labelX + x - n.x), labelY };
}

function linkAt({ to: l, from }: Move<FlowLink>, f: number, before: FlowLink | undefined): FlowLink {
  if (from === null) return l;
  const g = {
    width: lerp(from[0] ?? l.width, l.width, f),
    x0: lerp(from[1] ?? l.x0, l.x0, f),
    y0: lerp(from[2] ?? l.y0, l.y0, f),
    x1: lerp(from[3] ?? l.x1, l.x1, f),
    y1: lerp(from[4] ?? l.y1, l.y1, f),
  };
  const d = shapePath(l.target === null, g);
  // Same outline as the previous frame: keep that object (same string, nothing for Svelte to do).
  if (before?.id === l.id && linkPath(before) === d) return before;
  const out = { ...l, ...g };
  rememberPath(out, d);
  return out;
}

/** The graph at time t of a transition, unquantised and without frame memory (t = 1 is the target). */
export function tweenGraph(from: FlowGeometry, target: FlowGraph, t: number): ShownGraph {
  return new FlowTween(from, target, 0).at(t);
}

/** Links that are new or whose exact amount changed: they pulse once. */
export function changedLinks(before: FlowGraph | null, after: FlowGraph): Set<string> {
  if (before === null) return new Set();
  const old = new Map(before.links.map((l) => [l.id, l.amount]));
  return new Set(after.links.filter((l) => old.get(l.id) !== l.amount).map((l) => l.id));
}
