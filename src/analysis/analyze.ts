// Network in, analysis out (analysis@1). Security follows Durvasula and Roughgarden: (A, B) attacks when
// σ_{B∩N(s)} ≥ α_s σ_{N(s)} for all s ∈ A, and is valid when π_A > σ_B; a tie is not an attack.
// The searches (engine.ts) only propose coalitions; every number reported is recomputed exactly here.
import { type Budget, BudgetSpent, Clock, type Stage } from './budget.ts';
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

export type Verdict =
  'exhaustive-search' | 'attack-witness' | 'eigenlayer-bound' | 'solver-optimality' | 'incomplete';

/** Why an analysis stopped before it finished, and where. */
export interface Incomplete {
  stage: Stage;
  why: 'time' | 'cancelled';
  elapsedMs: number;
  budgetMs: number;
}

export interface Analysis {
  format: typeof ANALYSIS_FORMAT;
  stakeModel: 'shared' | 'unique';
  convention: string;
  method: Method;
  /** null only when the analysis stopped (see `incomplete`) before it could decide. */
  secure: boolean | null;
  /** Set when the time budget ran out or the caller cancelled: the numbers are what was proved by then. */
  incomplete: Incomplete | null;
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
  /** Time budget, progress and cancellation (budget.ts); DEFAULT_BUDGET_MS when absent. */
  budget?: Budget;
}

const asAttack = (g: Graph, o: Outcome): Attack => ({
  ...names(g, o.units, o.services),
  profit: unscale(g, o.profit),
  stake: unscale(g, o.stake),
});
const net = (o: Outcome) => o.profit - o.stake;

export async function analyzeNetwork(network: Network, options: AnalyzeOptions = {}): Promise<Analysis> {
  const clock = new Clock(options.budget);
  const g = buildGraph(network);
  const engine = chooseEngine(g, clock, options.method);
  const none = noLoss(g);
  // The exact bound first: it is cheap, and it is what a stopped analysis can still promise.
  clock.report('bounds');
  const eigen = eigenlayerCondition(g);
  const bound = netProfitUpperBound(g, eigen);
  const found = { attacks: [] as SingleServiceAttack[], covers: [] as number[][] };
  let best = evaluate(g, [], none);
  try {
    await clock.checkpoint();
    return await complete(network, g, engine, clock, { eigen, bound, found });
  } catch (e) {
    if (!(e instanceof BudgetSpent)) throw e;
    // What was proved by then: each finished single-service attack is a valid attack, exactly evaluated.
    for (const [s, cover] of found.covers.entries())
      if (found.attacks[s]?.profitable) {
        const o = evaluate(g, cover, none);
        if (net(o) > net(best)) best = o;
      }
    const insecure = net(best) > 0n;
    const secure = insecure ? false : bound.isZero() ? true : null;
    const verdict: Verdict = insecure ? 'attack-witness' : secure ? 'eigenlayer-bound' : 'incomplete';
    const incomplete: Incomplete = {
      stage: e.stage,
      why: e.why,
      elapsedMs: Math.round(clock.elapsedMs()),
      budgetMs: clock.budgetMs,
    };
    return {
      format: ANALYSIS_FORMAT,
      stakeModel: network.stakeModel,
      convention: TIE_CONVENTION,
      method: engine.method,
      secure,
      incomplete,
      witness: insecure ? asAttack(g, best) : null,
      maxAttackNetProfit: unscale(g, insecure ? net(best) : 0n),
      maxAttackNetProfitUpperBound: bound,
      gammaSlack: null,
      gammaWitness: null,
      eigenlayerCondition: eigen,
      singleServiceAttacks: found.attacks,
      certificate: {
        verdict,
        exactCoefficients: engine.exactCoefficients,
        notes: [incompleteNote(incomplete, insecure), ...notes(g, verdict)],
      },
    };
  }
}

function incompleteNote(i: Incomplete, insecure: boolean): string {
  const stop =
    i.why === 'time'
      ? `Incomplete: the time budget of ${i.budgetMs / 1000} s ran out during ${i.stage}`
      : `Incomplete: cancelled during ${i.stage}`;
  return `${stop}. ${insecure ? 'The attack shown is real (re-checked exactly), but a more profitable one may exist.' : 'No attack was found in time; the upper bound on any attack’s net profit is exact.'} γ-slack was not computed.`;
}

async function complete(
  network: Network,
  g: Graph,
  engine: ReturnType<typeof chooseEngine>,
  clock: Clock,
  known: {
    eigen: EigenlayerCondition;
    bound: Rational;
    found: { attacks: SingleServiceAttack[]; covers: number[][] };
  },
): Promise<Analysis> {
  const none = noLoss(g);
  await clock.enter('single-service attacks');
  const { attacks, covers } = await singleServiceAttacks(
    g,
    engine.method === 'integer-program',
    clock,
    known.found,
  );
  const usedCoverSolver =
    engine.method === 'integer-program' && g.services.some((s) => s.units.length > COVER_ENUMERATION_LIMIT);

  let best: Outcome;
  let ratio: Outcome | null;
  await clock.enter('best attack');
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
    await clock.enter('γ-slack');
    const r = await engine.minRatio();
    ratio = r === null ? null : evaluate(g, r, none);
  }
  // Any exact outcome with π > σ is a valid attack, whichever search proposed it.
  const candidates = [best, evaluate(g, [], none), ...(ratio ? [ratio] : [])];
  best = candidates.reduce((a, b) => (net(b) > net(a) ? b : a));
  const secure = net(best) <= 0n;
  const gammaSlack = ratio === null ? null : Rational.of(ratio.stake, ratio.profit).sub(Rational.one);

  const { eigen, bound } = known;
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
    incomplete: null,
    witness: secure ? null : asAttack(g, best),
    maxAttackNetProfit: maxNet,
    maxAttackNetProfitUpperBound: bound,
    gammaSlack,
    gammaWitness: ratio === null ? null : asAttack(g, ratio),
    eigenlayerCondition: eigen,
    singleServiceAttacks: attacks,
    certificate: { verdict, exactCoefficients: engine.exactCoefficients, notes: notes(g, verdict) },
  };
  if (network.shock !== undefined) {
    await clock.enter('cascade');
    analysis.cascade = await analyzeShock(g, engine, network.shock, gammaSlack);
  }
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
      incomplete: 'Undecided: the analysis stopped before it could tell whether the network is secure.',
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
