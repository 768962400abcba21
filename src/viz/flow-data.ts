// The amounts of the stake-flow diagram, read exactly (bigint) from a world@1 object: who holds which
// strategy's shares, how much each operator has delegated to it, and what it allocates to each operator set.
// Geometry lives in flow-layout.ts; this file never rounds.

/** The fields of world@1 the diagram reads (a world@1 object is assignable to it). */
export interface FlowWorld {
  stakers: Record<string, { strategies: Record<string, { withdrawableShares: string }> }>;
  operators: Record<
    string,
    {
      shares: Record<string, string>;
      allocations: Record<string, Record<string, { allocatedStake: string }>>;
    }
  >;
  avs: Record<string, { sets: Record<string, unknown> }>;
  strategies: Record<string, unknown>;
  vaults: Record<string, unknown>;
}

export interface RestakerAmounts {
  id: string;
  kind: 'staker' | 'vault' | 'others';
  /** Withdrawable shares per strategy (non-zero only). */
  held: Map<string, bigint>;
  total: bigint;
  /** Ids folded into an `others` node. */
  members: string[];
}

export interface OperatorAmounts {
  id: string;
  /** Delegated shares per strategy (non-zero only). */
  shares: Map<string, bigint>;
  total: bigint;
  /** Allocated stake per `<avs>/<set>`, then per strategy (non-zero only). */
  allocated: Map<string, Map<string, bigint>>;
  /** Delegated shares not allocated to any set, summed over strategies. */
  unallocated: bigint;
}

export interface FlowAmounts {
  restakers: RestakerAmounts[];
  strategies: string[];
  operators: OperatorAmounts[];
  /** Every operator set key `<avs>/<set>`, allocated to or not. */
  sets: string[];
}

const collator = new Intl.Collator('en', { numeric: true });
/** Stable, human order ("op2" before "op10"), ties broken by code units so no two ids compare equal. */
export const byId = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const sum = (values: Iterable<bigint>): bigint => {
  let total = 0n;
  for (const v of values) total += v;
  return total;
};

function nonZero(entries: [string, string][]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const [key, value] of entries.sort(([a], [b]) => byId(a, b))) {
    const amount = BigInt(value);
    if (amount !== 0n) out.set(key, amount);
  }
  return out;
}

export function flowAmounts(world: FlowWorld): FlowAmounts {
  const restakers: RestakerAmounts[] = [];
  for (const id of Object.keys(world.stakers).sort(byId)) {
    const strategies = world.stakers[id]?.strategies ?? {};
    const held = nonZero(Object.entries(strategies).map(([s, x]) => [s, x.withdrawableShares]));
    if (held.size === 0) continue;
    const kind = Object.hasOwn(world.vaults, id) ? 'vault' : 'staker';
    restakers.push({ id, kind, held, total: sum(held.values()), members: [id] });
  }
  const operators: OperatorAmounts[] = [];
  for (const id of Object.keys(world.operators).sort(byId)) {
    const op = world.operators[id];
    if (op === undefined) continue;
    const shares = nonZero(Object.entries(op.shares));
    const allocated = new Map<string, Map<string, bigint>>();
    const allocatedTotal = new Map<string, bigint>();
    for (const key of Object.keys(op.allocations).sort(byId)) {
      const per = nonZero(Object.entries(op.allocations[key] ?? {}).map(([s, a]) => [s, a.allocatedStake]));
      if (per.size > 0) allocated.set(key, per);
      for (const [s, a] of per) allocatedTotal.set(s, (allocatedTotal.get(s) ?? 0n) + a);
    }
    // Per strategy, so that one strategy's over-allocation (rounding) never hides another's free stake.
    let unallocated = 0n;
    for (const [s, held] of shares) {
      const free = held - (allocatedTotal.get(s) ?? 0n);
      if (free > 0n) unallocated += free;
    }
    operators.push({ id, shares, total: sum(shares.values()), allocated, unallocated });
  }
  const sets = new Set<string>();
  for (const [avs, state] of Object.entries(world.avs)) {
    for (const set of Object.keys(state.sets)) sets.add(`${avs}/${set}`);
  }
  for (const op of operators) for (const key of op.allocated.keys()) sets.add(key);
  return {
    restakers,
    strategies: Object.keys(world.strategies).sort(byId),
    operators,
    sets: [...sets].sort(byId),
  };
}

/**
 * Folds restakers beyond `max` into one `others` node (the smallest first; `keep` ids never fold), so a
 * crowded column stays legible. The kept ones stay in id order, `others` last.
 */
export function foldRestakers(
  list: RestakerAmounts[],
  max: number,
  keep: ReadonlySet<string>,
): RestakerAmounts[] {
  if (list.length <= max) return list;
  const ranked = [...list].sort(
    (a, b) =>
      Number(keep.has(b.id)) - Number(keep.has(a.id)) ||
      (b.total > a.total ? 1 : b.total < a.total ? -1 : byId(a.id, b.id)),
  );
  const shown = new Set(ranked.slice(0, Math.max(0, max - 1)).map((r) => r.id));
  const kept = list.filter((r) => shown.has(r.id));
  const folded = list.filter((r) => !shown.has(r.id));
  const held = new Map<string, bigint>();
  for (const r of folded) for (const [s, a] of r.held) held.set(s, (held.get(s) ?? 0n) + a);
  const others: RestakerAmounts = {
    id: '…others',
    kind: 'others',
    held: new Map([...held].sort(([a], [b]) => byId(a, b))),
    total: sum(held.values()),
    members: folded.map((r) => r.id),
  };
  return [...kept, others];
}
