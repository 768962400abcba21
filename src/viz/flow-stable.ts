// Keeps what did not change: a fresh layout's nodes, links and rows that equal the previous layout's are
// replaced by the previous objects, and a layout equal in everything is the previous graph itself. Most steps
// (time passing, tokens minted outside the protocol) change nothing the diagram shows; then the component sees
// the same graph and neither restarts its animation nor touches the DOM, and after a real change only the
// elements whose data changed are updated.
import type { FlowGraph } from './flow-types.ts';

/** Structural equality of plain data (what a layout is made of: objects, arrays, strings, numbers, null). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  // Anything but arrays and plain objects (a Set, a Map) is equal only to itself.
  const plain = (o: object) => Array.isArray(o) || Object.getPrototypeOf(o) === Object.prototype;
  if (!plain(a) || !plain(b)) return false;
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  if (ka.length !== kb.length) return false;
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return ka.every((k) => Object.hasOwn(rb, k) && same(ra[k], rb[k]));
}

/** Each item of `next` that equals the item of `prev` with the same key, replaced by that item. */
function reuse<T>(prev: readonly T[], next: readonly T[], key: (item: T, i: number) => string): T[] {
  const old = new Map(prev.map((item, i) => [key(item, i), item]));
  return next.map((item, i) => {
    const o = old.get(key(item, i));
    return o !== undefined && same(o, item) ? o : item;
  });
}

const kept = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `next` with every unchanged part taken from `prev`; `prev` itself when nothing changed. */
export function stableGraph(prev: FlowGraph | null, next: FlowGraph): FlowGraph {
  if (prev === null) return next;
  const nodes = reuse(prev.nodes, next.nodes, (n) => n.id);
  const links = reuse(prev.links, next.links, (l) => l.id);
  const rows = reuse(prev.rows, next.rows, (_, i) => `${i}`);
  const rest = (g: FlowGraph) => ({ ...g, nodes: null, links: null, rows: null });
  if (
    kept(prev.nodes, nodes) &&
    kept(prev.links, links) &&
    kept(prev.rows, rows) &&
    same(rest(prev), rest(next))
  )
    return prev;
  return { ...next, nodes, links, rows };
}
