// Exact search over every coalition B of the units standing after a shock (security-theory.md §4,
// "brute force"). Gray-code order flips one unit per step, so the per-service sums σ_{B∩N(s)}, the
// corrupted set T_c(B) and π(T_c(B)) are kept up to date in O(deg) instead of being recomputed.
// For a fixed B the best choice of services is T_c(B) (profits are ≥ 0), so this covers every (A, B).
import { type Graph, type Lost, available, needs } from './graph.ts';

export const ENUMERATION_LIMIT = 22;

export interface ScanResult {
  /** max over B of π(T_c(B)) − σ_B (≥ 0: the empty coalition is included) and a B attaining it. */
  bestNet: bigint;
  bestNetUnits: number[];
  /** min over B with π(T_c(B)) > 0 of σ_B / π(T_c(B)), as a pair, or null when no such B. */
  minRatio: { stake: bigint; profit: bigint; units: number[] } | null;
  /** max σ_B over valid attacks (π(T_c(B)) > σ_B), or null when there is none. */
  maxValid: { stake: bigint; units: number[] } | null;
}

export function scan(g: Graph, lost: Lost): ScanResult {
  const units = available(g, lost);
  const m = units.length;
  if (m > ENUMERATION_LIMIT)
    throw new Error(`enumeration over ${m} units is too large; use the integer program`);
  const need = needs(g, lost);
  const have = g.services.map(() => 0n);
  const corrupt = need.map((n) => n <= 0n);
  const stakeOf = units.map((u) => g.units[u]?.stake ?? 0n);
  const servicesOf = units.map((u) => g.units[u]?.services ?? []);
  const profitOf = g.services.map((s) => s.profit);
  let profit = 0n;
  corrupt.forEach((c, s) => {
    if (c) profit += profitOf[s] ?? 0n;
  });
  let stake = 0n;
  let mask = 0;

  let bestNet = profit;
  let bestNetMask = 0;
  let ratioStake = 0n;
  let ratioProfit = 0n;
  let ratioMask = -1;
  if (profit > 0n) [ratioStake, ratioProfit, ratioMask] = [0n, profit, 0];
  let validStake = -1n;
  let validMask = -1;
  if (profit > 0n) [validStake, validMask] = [0n, 0];

  const total = 2 ** m;
  for (let i = 1; i < total; i++) {
    const bit = 31 - Math.clz32(i & -i);
    const on = (mask & (1 << bit)) === 0;
    mask ^= 1 << bit;
    const delta = stakeOf[bit] ?? 0n;
    stake = on ? stake + delta : stake - delta;
    for (const s of servicesOf[bit] ?? []) {
      const h = on ? (have[s] ?? 0n) + delta : (have[s] ?? 0n) - delta;
      have[s] = h;
      const now = h >= (need[s] ?? 0n);
      if (now !== corrupt[s]) {
        corrupt[s] = now;
        profit = now ? profit + (profitOf[s] ?? 0n) : profit - (profitOf[s] ?? 0n);
      }
    }
    if (profit === 0n) continue;
    const net = profit - stake;
    if (net > bestNet) [bestNet, bestNetMask] = [net, mask];
    if (ratioMask < 0 || stake * ratioProfit < ratioStake * profit) {
      [ratioStake, ratioProfit, ratioMask] = [stake, profit, mask];
    }
    if (net > 0n && stake > validStake) [validStake, validMask] = [stake, mask];
  }

  const members = (bits: number) => units.filter((_, k) => (bits & (1 << k)) !== 0);
  return {
    bestNet,
    bestNetUnits: members(bestNetMask),
    minRatio: ratioMask < 0 ? null : { stake: ratioStake, profit: ratioProfit, units: members(ratioMask) },
    maxValid: validMask < 0 ? null : { stake: validStake, units: members(validMask) },
  };
}
