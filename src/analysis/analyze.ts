// Network in, analysis out (analysis@1). Security follows Durvasula and Roughgarden: (A, B) attacks when
// σ_{B∩N(s)} ≥ α_s σ_{N(s)} for all s ∈ A, and is valid when π_A > σ_B; a tie is not an attack.
// The searches (engine.ts) only propose coalitions; every number reported is recomputed exactly here.
import { type Attack, type Cascade, analyzeShock, names } from './cascade.ts';
import { eigenlayerCondition, netProfitUpperBound, type EigenlayerCondition } from './eigenlayer.ts';
import { type Method, chooseEngine } from './engine.ts';
import { type Graph, type Outcome, available, buildGraph, evaluate, noLoss, unscale } from './graph.ts';
import type { Network } from './network.ts';
import { Rational } from './rational.ts';
import { type SingleServiceAttack, COVER_ENUMERATION_LIMIT, singleServiceAttacks } from './single.ts';

export const ANALYSIS_FORMAT = 'restaking-sandbox/analysis@1';
export const TIE_CONVENTION =
  'Durvasula-Roughgarden: an attack must be strictly profitable (profit > stake slashed); a tie is not an attack. ' +
  'A coalition corrupts a service when its stake on it is at least the threshold (>=).';

export type Verdict = 'exhaustive-search' | 'attack-witness' | 'eigenlayer-bound' | 'solver-optimality';

export interface Analysis {
  format: typeof ANALYSIS_FORMAT;
  stakeModel: 'shared' | 'unique';
  convention: string;
  method: Method;
  secure: boolean;
  /** One valid attack (the most profitable found), or null when secure. */
  witness: Attack | null;
  maxAttackNetProfit: Rational;
  /** Exact upper bound on the net profit of any attack, from the EigenLayer loads. */
  maxAttackNetProfitUpperBound: Rational;
  /** min over coalitions corrupting something profitable of σ_B / π_A, minus 1; null when there is none. */
  gammaSlack: Rational | null;
  gammaWitness: Attack | null;
  eigenlayerCondition: EigenlayerCondition;
  singleServiceAttacks: SingleServiceAttack[];
  cascade?: Cascade;
  certificate: { verdict: Verdict; exactCoefficients: boolean; notes: string[] };
}

export interface AnalyzeOptions {
  /** 'auto' enumerates up to 20 units (validators, or slices under unique stake) and solves an ILP beyond. */
  method?: Method | 'auto';
}

const asAttack = (g: Graph, o: Outcome): Attack => ({
  ...names(g, o.units, o.services),
  profit: unscale(g, o.profit),
  stake: unscale(g, o.stake),
});
const net = (o: Outcome) => o.profit - o.stake;

export async function analyzeNetwork(network: Network, options: AnalyzeOptions = {}): Promise<Analysis> {
  const g = buildGraph(network);
  const engine = chooseEngine(g, options.method);
  const none = noLoss(g);
  const { attacks, covers } = await singleServiceAttacks(g, engine.method === 'integer-program');
  const usedCoverSolver =
    engine.method === 'integer-program' && g.services.some((s) => s.units.length > COVER_ENUMERATION_LIMIT);

  let best: Outcome;
  let ratio: Outcome | null;
  if (g.unique) {
    // Slices serve one service each, so cost and profit add up service by service (§3): the best
    // attack takes every profitable service alone, and the best ratio is one service's.
    best = evaluate(g, covers.filter((_, s) => attacks[s]?.profitable).flat(), none);
    ratio = null;
    for (const cover of covers) {
      const o = evaluate(g, cover, none);
      if (o.profit > 0n && (ratio === null || o.stake * ratio.profit < ratio.stake * o.profit)) ratio = o;
    }
  } else {
    best = evaluate(g, await engine.bestAttack(none), none);
    const r = await engine.minRatio();
    ratio = r === null ? null : evaluate(g, r, none);
  }
  // Any exact outcome with π > σ is a valid attack, whichever search proposed it.
  const candidates = [best, evaluate(g, [], none), ...(ratio ? [ratio] : [])];
  best = candidates.reduce((a, b) => (net(b) > net(a) ? b : a));
  const secure = net(best) <= 0n;
  const gammaSlack = ratio === null ? null : Rational.of(ratio.stake, ratio.profit).sub(Rational.one);

  const eigen = eigenlayerCondition(g);
  const bound = netProfitUpperBound(g, eigen);
  const maxNet = unscale(g, net(best) > 0n ? net(best) : 0n);
  if (maxNet.gt(bound)) throw new Error('internal: an attack beats the exact EigenLayer bound');
  const exhaustive = g.unique ? !usedCoverSolver : engine.method === 'enumeration';
  const verdict: Verdict = exhaustive
    ? 'exhaustive-search'
    : !secure
      ? 'attack-witness'
      : bound.isZero()
        ? 'eigenlayer-bound'
        : 'solver-optimality';

  const analysis: Analysis = {
    format: ANALYSIS_FORMAT,
    stakeModel: network.stakeModel,
    convention: TIE_CONVENTION,
    method: engine.method,
    secure,
    witness: secure ? null : asAttack(g, best),
    maxAttackNetProfit: maxNet,
    maxAttackNetProfitUpperBound: bound,
    gammaSlack,
    gammaWitness: ratio === null ? null : asAttack(g, ratio),
    eigenlayerCondition: eigen,
    singleServiceAttacks: attacks,
    certificate: { verdict, exactCoefficients: engine.exactCoefficients, notes: notes(g, verdict) },
  };
  if (network.shock !== undefined)
    analysis.cascade = await analyzeShock(g, engine, network.shock, gammaSlack);
  analysis.certificate.exactCoefficients = engine.exactCoefficients;
  return analysis;
}

function notes(g: Graph, verdict: Verdict): string[] {
  const out = [
    {
      'exhaustive-search': 'Every coalition was examined exactly.',
      'attack-witness': 'Insecure: the witness was re-checked exactly with integers.',
      'eigenlayer-bound': 'Secure: certified exactly by the EigenLayer-load upper bound (it is 0).',
      'solver-optimality':
        'Secure by the HiGHS integer program (exact integer coefficients); optimality rests on the solver, all reported coalitions were re-checked exactly.',
    }[verdict],
    'A service whose remaining stake is zero counts as corrupted by the empty coalition (literal reading of the threshold).',
  ];
  if (g.unique)
    out.push('Unique stake: each allocation is a slice "validator@service" slashable only by its service.');
  if (available(g, noLoss(g)).length === 0) out.push('The network has no stake.');
  return out;
}

/** analysis@1 as plain JSON: every rational becomes its "p/q" string. */
export function toAnalysisJson(a: Analysis): unknown {
  return JSON.parse(JSON.stringify(a)) as unknown;
}
