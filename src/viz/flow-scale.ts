// The stake flow's one scale, px per ETH: the largest at which every column's bars fit its height, where a
// link is ETH × k wide (at least the minimum link width) and a node as tall as the larger of its outgoing and
// incoming links (at least the minimum node height). O(nodes + links) per trial, and a fixed number of trials.

/** Which links leave and enter each node, each node's column, and which nodes stand in each column. */
export interface FlowIndex {
  outs: readonly (readonly number[])[];
  ins: readonly (readonly number[])[];
  columnOf: readonly number[];
  columns: readonly (readonly number[])[];
}

/** The sum of `size` over the indices in `list`, in their order. */
export function total(list: readonly number[], size: ArrayLike<number>): number {
  let t = 0;
  for (const i of list) t += size[i] ?? 0;
  return t;
}

/**
 * The scale `k` and, at it, each link's width `w` and each node's height `h`. `room[c]`: the height column c
 * has for its bars. Minimum sizes may take at most half a column; when they would take more, both shrink.
 */
export function fitScale(
  eth: readonly number[],
  { outs, ins, columnOf, columns }: FlowIndex,
  room: readonly number[],
  minNodeHeight: number,
  minLinkWidth: number,
): { k: number; w: Float64Array; h: Float64Array } {
  let [minH, minW] = [minNodeHeight, minLinkWidth];
  // Written into the same two arrays on every trial: a first drawing makes its 40 trials on code the engine
  // has not optimised yet, where allocating arrays per trial was most of the search's time.
  const w = new Float64Array(eth.length);
  const h = new Float64Array(outs.length);
  const heights = (k: number): void => {
    for (let j = 0; j < eth.length; j++) w[j] = Math.max(minW, k * (eth[j] ?? 0));
    for (let i = 0; i < h.length; i++) h[i] = Math.max(minH, total(outs[i] ?? [], w), total(ins[i] ?? [], w));
  };
  /** The fullest column's bars over its room, at scale k. */
  const load = (k: number): number => {
    heights(k);
    let most = -Infinity;
    for (let c = 0; c < columns.length; c++) {
      most = Math.max(most, total(columns[c] ?? [], h) / Math.max(1e-9, room[c] ?? 0));
    }
    return most;
  };
  const crowd = 2 * load(0);
  if (crowd > 1) [minH, minW] = [minH / crowd, minW / crowd];
  const ethIn = (list: readonly number[]) => list.reduce((t, i) => t + (eth[i] ?? 0), 0);
  // No column can take more than its room at the scale where its fullest node alone fills it.
  let hi = Infinity;
  columnOf.forEach((c, i) => {
    const need = Math.max(ethIn(outs[i] ?? []), ethIn(ins[i] ?? []));
    if (need > 0) hi = Math.min(hi, (room[c] ?? 0) / need);
  });
  let k = Number.isFinite(hi) ? hi : 0;
  if (k > 0 && load(k) > 1) {
    let lo = 0;
    for (let step = 0; step < 40; step++) {
      const mid = (lo + hi) / 2;
      if (load(mid) <= 1) lo = mid;
      else hi = mid;
    }
    k = lo;
  }
  heights(k);
  return { k, w, h };
}
