// Shocks and cascades (security-theory.md §1.4). By Corollary 1 the union of any cascade after a shock
// D is one valid attack on G↓D, so the worst loss is max{σ_B : (A, B) valid on G↓D}: no simulation of
// sequences is needed to find it. The loss is reported both ways the sources read R_ψ: the cascade
// alone (σ_B) and the total including the shock (σ_D + σ_B, the reading under which DR's R_ψ ≤ 1).
// The worst case over shocks maximises the total, then the cascade part.
import type { Engine } from './engine.ts';
import { type Graph, evaluate, lostWith, operatorStake, totalStake, unscale } from './graph.ts';
import type { Shock } from './network.ts';
import { Rational } from './rational.ts';
import { cascadeRounds } from './sequence.ts';

export interface Attack {
  services: string[];
  /** Validator ids; under unique stake, slice ids "validator@service". */
  validators: string[];
  profit: Rational;
  stake: Rational;
}

export interface CascadeRound {
  round: number;
  validators: string[];
  services: string[];
  stake: Rational;
  profit: Rational;
}

export interface Cascade {
  shock: { validators: string[]; stake: Rational; fraction: Rational; budget: Rational | null };
  /** Stake slashed in the cascade after the shock, σ_B. */
  loss: Rational;
  lossFraction: Rational;
  /** Shock plus cascade, σ_D + σ_B. */
  totalLoss: Rational;
  totalLossFraction: Rational;
  witness: Attack | null;
  /** Theorem 1: (1 + 1/γ)·ψ bounds both loss fractions (strictly) when γ-slack γ > 0. */
  theorem1Bound: Rational | null;
  sequence: CascadeRound[];
}

export const names = (g: Graph, units: number[], services: number[]) => ({
  validators: units.map((u) => g.units[u]?.id ?? '?'),
  services: services.map((s) => g.services[s]?.id ?? '?'),
});

export async function analyzeShock(
  g: Graph,
  engine: Engine,
  shock: Shock,
  gamma: Rational | null,
): Promise<Cascade> {
  const all = totalStake(g);
  let operators: number[];
  let units: number[] | null;
  let budget: Rational | null = null;
  if ('fraction' in shock) {
    budget = shock.fraction;
    const worst = await engine.worstShock(shock.fraction.num, shock.fraction.den);
    operators = worst.operators;
    const within = shock.fraction.den * operatorStake(g, operators) <= shock.fraction.num * all;
    if (!within) throw new Error('internal: the worst shock found exceeds the budget');
    units = worst.units.length > 0 ? worst.units : null;
  } else {
    const index = new Map(g.operators.map((o, i) => [o.id, i]));
    operators = shock.validators.map((id) => index.get(id) ?? -1);
    units = await engine.maxValid(lostWith(g, operators));
  }
  const lost = lostWith(g, operators);
  let attack = units === null ? null : evaluate(g, units, lost);
  if (attack !== null && attack.profit <= attack.stake) {
    // A solver slip: the proposal is not a valid attack. Fall back to the best valid attack on G↓D.
    const again = await engine.maxValid(lost);
    attack = again === null ? null : evaluate(g, again, lost);
  }
  const shockStake = operatorStake(g, operators);
  const loss = attack?.stake ?? 0n;
  const fraction = (x: bigint) => (all === 0n ? Rational.zero : Rational.of(x, all));
  const psi = budget ?? fraction(shockStake);
  const rounds = attack === null ? [] : cascadeRounds(g, lost, attack.units);
  return {
    shock: {
      validators: operators.map((o) => g.operators[o]?.id ?? '?'),
      stake: unscale(g, shockStake),
      fraction: fraction(shockStake),
      budget,
    },
    loss: unscale(g, loss),
    lossFraction: fraction(loss),
    totalLoss: unscale(g, shockStake + loss),
    totalLossFraction: fraction(shockStake + loss),
    witness:
      attack === null
        ? null
        : {
            ...names(g, attack.units, attack.services),
            profit: unscale(g, attack.profit),
            stake: unscale(g, attack.stake),
          },
    theorem1Bound: gamma !== null && gamma.sign() > 0 ? Rational.one.add(gamma.inv()).mul(psi) : null,
    sequence: rounds.map((r, i) => ({
      round: i + 1,
      ...names(g, r.units, r.services),
      stake: unscale(g, r.stake),
      profit: unscale(g, r.profit),
    })),
  };
}
