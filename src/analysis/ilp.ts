// Exact integer programs for networks too large to enumerate (security-theory.md §4 "ILP").
// x_u = 1 when unit u is in the coalition B, y_s = 1 when service s is in A, d_o = 1 when operator o
// is lost to the shock. The threshold row for s is Σ_{u∈N(s)} σ_u x_u ≥ need_s · y_s with need_s the
// integer ceiling of α_s times the remaining stake, so it is exact on integer stakes.
// Every answer is a coalition that the caller re-evaluates exactly (graph.ts `evaluate`).
import type { Clock } from './budget.ts';
import { type Graph, type Lost, available, needs, noLoss, totalStake } from './graph.ts';
import { type Program, type Row, type Term, solveProgram } from './ilp-model.ts';

const x = (u: number) => `x${u}`;
const y = (s: number) => `y${s}`;
const d = (o: number) => `d${o}`;

/** Binaries and threshold rows shared by every program over G↓lost. */
function base(g: Graph, lost: Lost) {
  const units = available(g, lost);
  const standing = new Set(units);
  const need = needs(g, lost);
  // A stake above need_s counts only up to need_s: the same 0-1 points, a much tighter relaxation
  // (big operators otherwise let y_s = 1 on a sliver of x_v).
  const rows: Row[] = g.services.map((s, i) => {
    const n = need[i] ?? 0n;
    const stake = (u: number) => g.units[u]?.stake ?? 0n;
    const capped = (u: number): Term => [stake(u) < n ? stake(u) : n, x(u)];
    return { terms: [...s.units.filter((u) => standing.has(u)).map(capped), [-n, y(i)]], op: '>=', rhs: 0n };
  });
  const binaries = [...units.map(x), ...g.services.map((_, i) => y(i))];
  const stake = units.map((u): Term => [g.units[u]?.stake ?? 0n, x(u)]);
  const profit = g.services.map((s, i): Term => [s.profit, y(i)]);
  return { units, rows, binaries, stake, profit };
}

const neg = (terms: Term[]): Term[] => terms.map(([c, v]) => [-c, v]);
const pick = (ones: Set<string>, units: number[]) => units.filter((u) => ones.has(x(u)));

export interface IlpAnswer {
  units: number[];
  exactCoefficients: boolean;
}

/** A coalition maximising π(A) − σ_B. */
export async function ilpBestAttack(g: Graph, lost: Lost, clock: Clock): Promise<IlpAnswer> {
  const b = base(g, lost);
  const sol = await solveProgram(
    {
      sense: 'Maximize',
      objective: [...b.profit, ...neg(b.stake)],
      rows: b.rows,
      binaries: b.binaries,
    },
    clock,
  );
  if (sol === 'infeasible') throw new Error('the attack program is always feasible (B = ∅)');
  return { units: pick(sol.ones, b.units), exactCoefficients: sol.exactCoefficients };
}

/** A coalition maximising λ_p·π(A) − λ_q·σ_B: one Dinkelbach step towards min σ_B / π(A). */
export async function ilpRatioStep(
  g: Graph,
  lambdaStake: bigint,
  lambdaProfit: bigint,
  clock: Clock,
): Promise<IlpAnswer> {
  const b = base(g, noLoss(g));
  const scaled = (terms: Term[], k: bigint): Term[] => terms.map(([c, v]) => [c * k, v]);
  const sol = await solveProgram(
    {
      sense: 'Maximize',
      objective: [...scaled(b.profit, lambdaStake), ...neg(scaled(b.stake, lambdaProfit))],
      rows: b.rows,
      binaries: b.binaries,
    },
    clock,
  );
  if (sol === 'infeasible') throw new Error('the ratio program is always feasible (B = ∅)');
  return { units: pick(sol.ones, b.units), exactCoefficients: sol.exactCoefficients };
}

/** The valid attack on G↓lost with the largest σ_B (Corollary 1: the worst cascade), or null. */
export async function ilpMaxValid(g: Graph, lost: Lost, clock: Clock): Promise<IlpAnswer | null> {
  const b = base(g, lost);
  const sol = await solveProgram(
    {
      sense: 'Maximize',
      objective: b.stake,
      rows: [...b.rows, { terms: [...b.profit, ...neg(b.stake)], op: '>=', rhs: 1n }],
      binaries: b.binaries,
    },
    clock,
  );
  if (sol === 'infeasible') return null;
  return { units: pick(sol.ones, b.units), exactCoefficients: sol.exactCoefficients };
}

/**
 * The shock D (σ_D ≤ budget, in the ψ = p/q form q·σ_D ≤ p·σ_V) and the valid attack B on G↓D that
 * lose the most stake together, σ_D + σ_B. With d, the threshold on remaining stake is linear:
 * q_s Σ σ_u x_u + p_s Σ σ_u d_{op(u)} ≥ p_s σ_{N(s)} y_s. An attack switch z lets B be empty.
 */
export async function ilpWorstShock(
  g: Graph,
  psiNum: bigint,
  psiDen: bigint,
  clock: Clock,
): Promise<{ lost: number[]; units: number[]; exactCoefficients: boolean }> {
  const b = base(g, noLoss(g));
  const rows: Row[] = g.services.map((s, i) => {
    let full = 0n;
    const terms: Term[] = [];
    for (const u of s.units) {
      const unit = g.units[u];
      if (!unit) continue;
      full += unit.stake;
      terms.push([s.q * unit.stake, x(u)], [s.p * unit.stake, d(unit.operator)]);
    }
    return { terms: [...terms, [-s.p * full, y(i)]], op: '>=', rhs: 0n };
  });
  g.units.forEach((unit, u) => {
    rows.push({
      terms: [
        [1n, x(u)],
        [1n, d(unit.operator)],
      ],
      op: '<=',
      rhs: 1n,
    });
    rows.push({
      terms: [
        [1n, x(u)],
        [-1n, 'z'],
      ],
      op: '<=',
      rhs: 0n,
    });
  });
  const shock = g.operators.map((o, i): Term => [psiDen * o.stake, d(i)]);
  rows.push({ terms: shock, op: '<=', rhs: psiNum * totalStake(g) });
  rows.push({ terms: [...b.profit, ...neg(b.stake), [-1n, 'z']], op: '>=', rhs: 0n });
  const program: Program = {
    sense: 'Maximize',
    objective: [...g.operators.map((o, i): Term => [o.stake, d(i)]), ...b.stake],
    rows,
    binaries: [...b.binaries, ...g.operators.map((_, i) => d(i)), 'z'],
  };
  const sol = await solveProgram(program, clock);
  if (sol === 'infeasible') throw new Error('the shock program is always feasible (D = B = ∅)');
  const lost = g.operators.map((_, i) => i).filter((i) => sol.ones.has(d(i)));
  return { lost, units: pick(sol.ones, b.units), exactCoefficients: sol.exactCoefficients };
}

/** The cheapest set of s's units that corrupts s on its own. */
export async function ilpMinCover(g: Graph, s: number, clock: Clock): Promise<IlpAnswer> {
  const service = g.services[s];
  const need = needs(g, noLoss(g))[s] ?? 0n;
  const terms = (service?.units ?? []).map((u): Term => [g.units[u]?.stake ?? 0n, x(u)]);
  const sol = await solveProgram(
    {
      sense: 'Minimize',
      objective: terms,
      rows: [{ terms, op: '>=', rhs: need }],
      binaries: terms.map(([, v]) => v),
    },
    clock,
  );
  if (sol === 'infeasible') throw new Error(`service ${service?.id} cannot be covered by its own stake`);
  return {
    units: (service?.units ?? []).filter((u) => sol.ones.has(x(u))),
    exactCoefficients: sol.exactCoefficients,
  };
}
