// The outline of a stake-flow link as an SVG path: a filled ribbon (two curves and the ends between them, so a
// steep link in a narrow gap never bulges out of its gap the way a thick stroke does), or, for stake that
// flows nowhere (unallocated, undelegated), one short block tapering off to the right.
// Strings are cached per link object: a link that did not move keeps its object through a tween (see
// flow-motion.ts), so its path is built once and Svelte sees the same string and skips the DOM write.
import type { LinkGeometry } from './flow-fit.ts';

/** Two decimals: what the path shows; finer differences are invisible. */
const r = (v: number) => +v.toFixed(2);

/** The path of a link with this geometry; `stub` for a link without a target. */
export function shapePath(stub: boolean, g: LinkGeometry): string {
  const a = g.width / 2;
  if (stub) {
    const b = g.width / 4;
    const [x0, x1, t0, t1, b0, b1] = [g.x0, g.x1, g.y0 - a, g.y1 - b, g.y0 + a, g.y1 + b].map(r);
    return `M${x0},${t0}L${x1},${t1}L${x1},${b1}L${x0},${b0}Z`;
  }
  const m = r((g.x0 + g.x1) / 2);
  const [x0, x1, t0, t1, b0, b1] = [g.x0, g.x1, g.y0 - a, g.y1 - a, g.y0 + a, g.y1 + a].map(r);
  return `M${x0},${t0}C${m},${t0} ${m},${t1} ${x1},${t1}L${x1},${b1}C${m},${b1} ${m},${b0} ${x0},${b0}Z`;
}

interface Shaped extends LinkGeometry {
  target: string | null;
}

const cache = new WeakMap<Shaped, string>();

/** The path of a link, built once per link object. */
export function linkPath(l: Shaped): string {
  let d = cache.get(l);
  if (d === undefined) {
    d = shapePath(l.target === null, l);
    cache.set(l, d);
  }
  return d;
}

/** Records a path already built for a new link object (the tween compares strings before it makes one). */
export function rememberPath(l: Shaped, d: string): void {
  cache.set(l, d);
}
