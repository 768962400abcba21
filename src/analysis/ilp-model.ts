// A 0-1 integer program written as CPLEX LP text for HiGHS. Every coefficient is an integer (the graph
// is scaled), and each row is divided by its gcd so that coefficients stay small: HiGHS computes in
// doubles, which are exact on integers below 2^53. The solver's answer is still only a proposal: the
// callers re-evaluate the returned coalition exactly with integers before reporting anything.
import type { Clock } from './budget.ts';
import { loadHighs } from './highs.ts';
import { gcd } from './rational.ts';

export type Term = readonly [coefficient: bigint, variable: string];
export interface Row {
  terms: Term[];
  op: '>=' | '<=';
  rhs: bigint;
}
export interface Program {
  sense: 'Maximize' | 'Minimize';
  objective: Term[];
  rows: Row[];
  binaries: string[];
}
export interface Solution {
  /** Variables at 1 in the solver's answer. */
  ones: Set<string>;
  /** False when some coefficient exceeded 2^53, so the solver saw a rounded model. */
  exactCoefficients: boolean;
}

const SAFE = 2n ** 53n;

function reduce(terms: Term[], rhs = 0n): { terms: Term[]; rhs: bigint } {
  const kept = terms.filter(([c]) => c !== 0n);
  const factor = kept.reduce((g, [c]) => gcd(g === 0n ? c : g, c), rhs);
  const f = factor === 0n ? 1n : factor;
  return { terms: kept.map(([c, x]) => [c / f, x] as const), rhs: rhs / f };
}

function linear(terms: Term[]): string {
  const parts = terms.map(([c, x], i) => `${c < 0n ? '-' : i === 0 ? '' : '+'} ${c < 0n ? -c : c} ${x}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(' '));
  return lines.join('\n   ');
}

export async function solveProgram(p: Program, clock: Clock): Promise<Solution | 'infeasible'> {
  await clock.checkpoint();
  const highs = await loadHighs();
  let exactCoefficients = true;
  const check = (c: bigint) => {
    if (c >= SAFE || -c >= SAFE) exactCoefficients = false;
  };
  const obj = reduce(p.objective);
  const objTerms = obj.terms.length > 0 ? obj.terms : [[0n, p.binaries[0] ?? 'unused'] as const];
  const text = [`${p.sense}`, ` obj: ${linear(objTerms)}`, 'Subject To'];
  p.rows.forEach((row, i) => {
    const r = reduce(row.terms, row.rhs);
    if (r.terms.length === 0) return;
    r.terms.forEach(([c]) => check(c));
    check(r.rhs);
    text.push(` c${i}: ${linear(r.terms)} ${row.op} ${r.rhs}`);
  });
  objTerms.forEach(([c]) => check(c));
  text.push('Binary', ...p.binaries.map((b) => ` ${b}`), 'End');
  const result = highs.solve(text.join('\n'), {
    output_flag: false,
    mip_rel_gap: 0,
    mip_feasibility_tolerance: 1e-9,
    primal_feasibility_tolerance: 1e-9,
    // The solver runs synchronously: it must stop by itself when the analysis's budget is spent.
    time_limit: clock.remainingSeconds(),
  });
  if (result.Status === 'Time limit reached') throw clock.spent();
  if (result.Status === 'Infeasible') return 'infeasible';
  if (result.Status !== 'Optimal') throw new Error(`HiGHS stopped with status "${result.Status}"`);
  // Only which binaries are at 1 is read back; every reported number is recomputed exactly from them.
  const ones = new Set<string>();
  for (const [name, col] of Object.entries(result.Columns))
    if ('Primal' in col && col.Primal > 0.5) ones.add(name);
  return { ones, exactCoefficients };
}
