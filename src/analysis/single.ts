// Single-service attacks: the cheapest set of a service's own validators that reaches its threshold.
// That is "smallest subset sum ≥ need", NP-hard in general (security-theory.md §4: Subset-Sum
// reduction) but tiny in practice. Under unique stake it is the whole security question, because the
// network decomposes into independent services (§3).
import type { Clock } from './budget.ts';
import { type Graph, needs, noLoss, unscale } from './graph.ts';
import { ilpMinCover } from './ilp.ts';
import { Rational } from './rational.ts';

export interface SingleServiceAttack {
  service: string;
  profit: Rational;
  threshold: Rational;
  /** Least stake that corrupts the service alone (what attacking it costs). */
  cost: Rational;
  coalition: string[];
  /** π_s > cost: the service alone is a valid attack (a tie is not, DR). */
  profitable: boolean;
  netProfit: Rational;
}

/** Exact branch and bound over the service's units, heaviest first; equal stakes are tried once per depth. */
export function minCover(g: Graph, s: number, need: bigint): number[] {
  const items = [...(g.services[s]?.units ?? [])].sort((a, b) => {
    const d = (g.units[b]?.stake ?? 0n) - (g.units[a]?.stake ?? 0n);
    return d > 0n ? 1 : d < 0n ? -1 : a - b;
  });
  const w = items.map((u) => g.units[u]?.stake ?? 0n);
  const suffix = w.map((_, i) => w.slice(i).reduce((acc, x) => acc + x, 0n));
  if (need <= 0n) return [];
  let best = (suffix[0] ?? 0n) + 1n;
  let bestSet: number[] = [];
  const path: number[] = [];
  const dfs = (i: number, total: bigint): void => {
    for (let j = i; j < w.length; j++) {
      const wj = w[j] ?? 0n;
      if (j > i && wj === w[j - 1]) continue;
      const next = total + wj;
      if (next >= best) continue;
      path.push(j);
      if (next >= need) [best, bestSet] = [next, [...path]];
      else if (next + (suffix[j + 1] ?? 0n) >= need) dfs(j + 1, next);
      path.pop();
    }
  };
  dfs(0, 0n);
  return bestSet.map((j) => items[j] ?? -1).sort((a, b) => a - b);
}

/** Up to this degree branch and bound is used; beyond it the integer program. */
export const COVER_ENUMERATION_LIMIT = 28;

/**
 * Fills `found` service by service, so that an analysis stopped by its budget still has the services it
 * finished (each a proven single-service attack or a proven cost).
 */
export async function singleServiceAttacks(
  g: Graph,
  useSolver: boolean,
  clock: Clock,
  found: { attacks: SingleServiceAttack[]; covers: number[][] } = { attacks: [], covers: [] },
): Promise<{ attacks: SingleServiceAttack[]; covers: number[][] }> {
  const need = needs(g, noLoss(g));
  const { covers, attacks } = found;
  for (const [s, svc] of g.services.entries()) {
    await clock.checkpoint();
    const n = need[s] ?? 0n;
    const large = useSolver && svc.units.length > COVER_ENUMERATION_LIMIT && n > 0n;
    const cover = large ? (await ilpMinCover(g, s, clock)).units : minCover(g, s, n);
    const stake = cover.reduce((acc, u) => acc + (g.units[u]?.stake ?? 0n), 0n);
    if (stake < n) throw new Error(`internal: the cover of ${svc.id} misses its threshold`);
    covers.push(cover);
    attacks.push({
      service: svc.id,
      profit: unscale(g, svc.profit),
      threshold: Rational.of(svc.p, svc.q),
      cost: unscale(g, stake),
      coalition: cover.map((u) => g.units[u]?.id ?? '?'),
      profitable: svc.profit > stake,
      netProfit: unscale(g, svc.profit - stake),
    });
  }
  return { attacks, covers };
}
