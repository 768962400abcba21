// The EigenLayer per-validator condition (WP B.1 Eq. 9 = DR Claim 1): with the load
// T_v = Σ_{s∈N(v)} π_s / (α_s σ_{N(s)}), the network is secure when every staked v has T_v ≤ 1.
// It is sufficient, not necessary, and blind to profitable services with no stake. Corollary 2 turns
// it into a certified lower bound on γ-slack: γ_cert = min_v 1/T_v − 1.
// Summing the same inequality over any coalition also bounds the best attack from above:
// π(T_c(B)) − σ_B ≤ π(unstaked) + Σ_{v∈B} σ_v (T_v − 1), an exact check on the integer program.
import { type Graph, unscale } from './graph.ts';
import { Rational } from './rational.ts';

export interface ValidatorLoad {
  validator: string;
  load: Rational;
  /** σ_v − σ_v·T_v (WP Eq. 11, with the sign the text intends: positive is safe). */
  overcollateralization: Rational;
  holds: boolean;
}

export interface EigenlayerCondition {
  holds: boolean;
  /** False when a profitable service has no stake: the condition then says nothing about it. */
  coversAllProfitableServices: boolean;
  perValidator: ValidatorLoad[];
  /** A lower bound on γ-slack (Corollary 2), or null when it certifies nothing. */
  certifiedGamma: Rational | null;
}

function serviceStake(g: Graph): bigint[] {
  return g.services.map((s) => s.units.reduce((acc, u) => acc + (g.units[u]?.stake ?? 0n), 0n));
}

export function eigenlayerCondition(g: Graph): EigenlayerCondition {
  const staked = serviceStake(g);
  const perValidator = g.units.map((u): ValidatorLoad => {
    let load = Rational.zero;
    for (const s of u.services) {
      const svc = g.services[s];
      const total = staked[s] ?? 0n;
      if (svc && total > 0n) load = load.add(Rational.of(svc.profit * svc.q, svc.p * total));
    }
    const stake = unscale(g, u.stake);
    const holds = u.stake === 0n || load.le(Rational.one);
    return { validator: u.id, load, overcollateralization: stake.sub(stake.mul(load)), holds };
  });
  const covers = g.services.every((s, i) => s.profit === 0n || (staked[i] ?? 0n) > 0n);
  let maxLoad: Rational | null = null;
  for (const [i, u] of g.units.entries()) {
    const load = perValidator[i]?.load ?? Rational.zero;
    if (u.stake > 0n && load.sign() > 0 && (maxLoad === null || load.gt(maxLoad))) maxLoad = load;
  }
  return {
    holds: perValidator.every((v) => v.holds),
    coversAllProfitableServices: covers,
    perValidator,
    certifiedGamma: covers && maxLoad !== null ? maxLoad.inv().sub(Rational.one) : null,
  };
}

/** An exact upper bound on max_B π(T_c(B)) − σ_B, from the loads. */
export function netProfitUpperBound(g: Graph, cond: EigenlayerCondition): Rational {
  const staked = serviceStake(g);
  let bound = Rational.zero;
  g.services.forEach((s, i) => {
    if ((staked[i] ?? 0n) === 0n) bound = bound.add(unscale(g, s.profit));
  });
  g.units.forEach((u, i) => {
    const excess = (cond.perValidator[i]?.load ?? Rational.zero).sub(Rational.one);
    if (excess.sign() > 0) bound = bound.add(unscale(g, u.stake).mul(excess));
  });
  return bound;
}
