// An independent brute force straight from the definitions (security-theory.md §1.2, §1.4), for
// tests only: every pair (A, B) of a service set and a validator set, exact rationals, no scaling,
// nothing shared with the analyzer but the Rational type and the parsed network.
import type { Network } from '../network.ts';
import { Rational, sum } from '../rational.ts';

interface Plain {
  stakes: Rational[];
  /** services[s] = validators (indices) backing s. */
  members: number[][];
  profits: Rational[];
  thresholds: Rational[];
  owner: number[];
  operatorStakes: Rational[];
}

/** Unique stake becomes one validator per allocation, with one edge (§3). */
export function plain(net: Network): Plain {
  const sIdx = new Map(net.services.map((s, i) => [s.id, i]));
  const vIdx = new Map(net.validators.map((v, i) => [v.id, i]));
  const members: number[][] = net.services.map(() => []);
  let stakes: Rational[];
  let owner: number[];
  if (net.stakeModel === 'unique') {
    stakes = net.allocations.map((a) => a.stake);
    owner = net.allocations.map((a) => vIdx.get(a.validator) ?? -1);
    net.allocations.forEach((a, i) => members[sIdx.get(a.service) ?? -1]?.push(i));
  } else {
    stakes = net.validators.map((v) => v.stake);
    owner = net.validators.map((_, i) => i);
    for (const [v, s] of net.edges) members[sIdx.get(s) ?? -1]?.push(vIdx.get(v) ?? -1);
  }
  return {
    stakes,
    members,
    owner,
    profits: net.services.map((s) => s.profit),
    thresholds: net.services.map((s) => s.threshold),
    operatorStakes: net.validators.map((v) => v.stake),
  };
}

const subsets = (n: number): number[][] =>
  Array.from({ length: 2 ** n }, (_, mask) => [...Array(n).keys()].filter((i) => (mask >> i) & 1));

export interface BruteResult {
  secure: boolean;
  maxNet: Rational;
  gamma: Rational | null;
  /** Largest σ_B over valid attacks on G↓lost, or null. */
  maxValidLoss: Rational | null;
}

/** Whether (A, B) attacks on G↓lost, read literally from DR Eq. 1 with remaining stake. */
export function attacks(p: Plain, A: number[], B: number[], lost: Set<number>): boolean {
  if (B.some((v) => lost.has(v))) return false;
  return A.every((s) => {
    const members = p.members[s] ?? [];
    const mine = sum(members.filter((v) => B.includes(v)).map((v) => p.stakes[v] ?? Rational.zero));
    const rest = sum(members.filter((v) => !lost.has(v)).map((v) => p.stakes[v] ?? Rational.zero));
    return mine.ge((p.thresholds[s] ?? Rational.one).mul(rest));
  });
}

export function brute(p: Plain, lost: Set<number> = new Set()): BruteResult {
  let maxNet = Rational.zero;
  let gamma: Rational | null = null;
  let maxValidLoss: Rational | null = null;
  const serviceSets = subsets(p.members.length);
  for (const B of subsets(p.stakes.length)) {
    const cost = sum(B.map((v) => p.stakes[v] ?? Rational.zero));
    for (const A of serviceSets) {
      if (!attacks(p, A, B, lost)) continue;
      const profit = sum(A.map((s) => p.profits[s] ?? Rational.zero));
      const net = profit.sub(cost);
      if (net.gt(maxNet)) maxNet = net;
      if (profit.sign() > 0) {
        const g = cost.div(profit).sub(Rational.one);
        if (gamma === null || g.lt(gamma)) gamma = g;
      }
      if (profit.gt(cost) && (maxValidLoss === null || cost.gt(maxValidLoss))) maxValidLoss = cost;
    }
  }
  return { secure: maxNet.sign() <= 0, maxNet, gamma, maxValidLoss };
}

/** Worst σ_D + σ_B over shocks D (sets of operators) with σ_D ≤ ψ·σ_V. */
export function bruteWorstShock(p: Plain, psi: Rational): Rational {
  const total = sum(p.operatorStakes);
  let worst = Rational.zero;
  for (const D of subsets(p.operatorStakes.length)) {
    const shock = sum(D.map((o) => p.operatorStakes[o] ?? Rational.zero));
    if (shock.gt(psi.mul(total))) continue;
    const lost = new Set(p.owner.flatMap((o, u) => (D.includes(o) ? [u] : [])));
    const loss = shock.add(brute(p, lost).maxValidLoss ?? Rational.zero);
    if (loss.gt(worst)) worst = loss;
  }
  return worst;
}

export const lostOf = (p: Plain, net: Network, ids: string[]): Set<number> => {
  const ops = ids.map((id) => net.validators.findIndex((v) => v.id === id));
  return new Set(p.owner.flatMap((o, u) => (ops.includes(o) ? [u] : [])));
};
