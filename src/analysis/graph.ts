// The restaking graph with every stake and profit scaled to integers by one common factor, so that
// the search loops and the integer program compare integers only. Thresholds stay as p/q.
//
// "Units" are what an attacking coalition is made of. Under shared stake a unit is a validator.
// Under unique stake a unit is one allocation (a slice of a validator slashable only by its service),
// which turns an operator-set network into an ordinary DR graph (security-theory.md §3).
// Shocks remove whole operators (validators): with unique stake, all of an operator's slices. A
// cascade then removes units, so "lost" is tracked per unit.
import type { Network } from './network.ts';
import { Rational, lcm } from './rational.ts';

export interface Operator {
  id: string;
  stake: bigint;
}
export interface Unit {
  id: string;
  operator: number;
  stake: bigint;
  services: number[];
}
export interface GService {
  id: string;
  profit: bigint;
  /** Threshold α = p/q. */
  p: bigint;
  q: bigint;
  units: number[];
}
export interface Graph {
  unique: boolean;
  /** Every stake and profit here is the true value times `scale`. */
  scale: bigint;
  operators: Operator[];
  units: Unit[];
  services: GService[];
}

export function buildGraph(net: Network): Graph {
  const amounts = [
    ...net.validators.map((x) => x.stake),
    ...net.services.map((x) => x.profit),
    ...net.allocations.map((x) => x.stake),
  ];
  const scale = amounts.reduce((acc, r) => lcm(acc, r.den), 1n);
  const int = (r: Rational) => (r.num * scale) / r.den;
  const opIndex = new Map(net.validators.map((x, i) => [x.id, i]));
  const svcIndex = new Map(net.services.map((x, i) => [x.id, i]));
  const services: GService[] = net.services.map((s) => ({
    id: s.id,
    profit: int(s.profit),
    p: s.threshold.num,
    q: s.threshold.den,
    units: [],
  }));
  const operators = net.validators.map((x) => ({ id: x.id, stake: int(x.stake) }));
  const units: Unit[] = [];
  if (net.stakeModel === 'unique') {
    for (const a of net.allocations) {
      const s = svcIndex.get(a.service) ?? -1;
      units.push({
        id: `${a.validator}@${a.service}`,
        operator: opIndex.get(a.validator) ?? -1,
        stake: int(a.stake),
        services: [s],
      });
    }
  } else {
    operators.forEach((o, i) => units.push({ id: o.id, operator: i, stake: o.stake, services: [] }));
    for (const [val, svc] of net.edges) units[opIndex.get(val) ?? -1]?.services.push(svcIndex.get(svc) ?? -1);
  }
  units.forEach((u, i) => u.services.forEach((s) => services[s]?.units.push(i)));
  return { unique: net.stakeModel === 'unique', scale, operators, units, services };
}

export const unscale = (g: Graph, x: bigint): Rational => Rational.of(x, g.scale);

/** Units lost (to a shock or an earlier round of a cascade), as a membership array over units. */
export type Lost = readonly boolean[];
export const noLoss = (g: Graph): Lost => g.units.map(() => false);
export const lostWith = (g: Graph, operators: Iterable<number>): Lost => {
  const ops = new Set(operators);
  return g.units.map((u) => ops.has(u.operator));
};

/** Units still standing. */
export const available = (g: Graph, lost: Lost): number[] => g.units.flatMap((_, i) => (lost[i] ? [] : [i]));

/**
 * Smallest integer coalition stake that corrupts each service on G↓lost: the threshold is measured
 * against the stake that remains (security-theory.md §1.4). Since stakes are integers,
 * σ ≥ (p/q)·rest ⇔ σ ≥ ⌈p·rest/q⌉.
 */
export function needs(g: Graph, lost: Lost): bigint[] {
  return g.services.map((s) => {
    let rest = 0n;
    for (const u of s.units) {
      if (!lost[u]) rest += g.units[u]?.stake ?? 0n;
    }
    return Rational.of(s.p * rest, s.q).ceil();
  });
}

export interface Outcome {
  /** Units in the coalition B. */
  units: number[];
  /** T_c(B): every service B corrupts on G↓lost. */
  services: number[];
  stake: bigint;
  profit: bigint;
}

/** Exact evaluation of one coalition: the certificate check behind every reported witness. */
export function evaluate(g: Graph, coalition: readonly number[], lost: Lost): Outcome {
  const need = needs(g, lost);
  const inB = new Set(coalition);
  let stake = 0n;
  for (const u of inB) {
    const unit = g.units[u];
    if (!unit || lost[u]) throw new Error(`unit ${u} is not available for a coalition`);
    stake += unit.stake;
  }
  const services: number[] = [];
  let profit = 0n;
  g.services.forEach((s, i) => {
    let have = 0n;
    for (const u of s.units) if (inB.has(u)) have += g.units[u]?.stake ?? 0n;
    if (have >= (need[i] ?? 0n)) {
      services.push(i);
      profit += s.profit;
    }
  });
  return { units: [...inB].sort((a, b) => a - b), services, stake, profit };
}

export const operatorStake = (g: Graph, operators: readonly number[]): bigint =>
  operators.reduce((acc, i) => acc + (g.operators[i]?.stake ?? 0n), 0n);
export const totalStake = (g: Graph): bigint => g.operators.reduce((acc, o) => acc + o.stake, 0n);
