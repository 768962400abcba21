// Two interchangeable exact searches behind one interface: enumeration of every coalition (small
// networks) and the HiGHS integer program (large ones). Both only propose coalitions; analyze.ts
// evaluates each proposal exactly, so a solver slip can make an answer weaker but never wrong.
import type { Clock } from './budget.ts';
import { ENUMERATION_LIMIT, scan } from './enumerate.ts';
import {
  type Graph,
  type Lost,
  available,
  evaluate,
  lostWith,
  noLoss,
  operatorStake,
  totalStake,
} from './graph.ts';
import { ilpBestAttack, ilpMaxValid, ilpRatioStep, ilpWorstShock } from './ilp.ts';

export type Method = 'enumeration' | 'integer-program';

export interface Engine {
  method: Method;
  /** A coalition with the largest π(T_c(B)) − σ_B on G↓lost. */
  bestAttack(lost: Lost): Promise<number[]>;
  /** A coalition with the smallest σ_B / π(T_c(B)) among those with π > 0, or null. */
  minRatio(): Promise<number[] | null>;
  /** The valid attack with the largest σ_B on G↓lost, or null. */
  maxValid(lost: Lost): Promise<number[] | null>;
  /** The shock (operators, σ_D ≤ ψ·σ_V) and valid attack after it losing the most stake in total. */
  worstShock(psiNum: bigint, psiDen: bigint): Promise<{ operators: number[]; units: number[] }>;
  /** False when the integer program saw a coefficient above 2^53 (its answer is still verified). */
  exactCoefficients: boolean;
}

/** Every operator set within the budget, or undefined when there are more than `cap`. */
export function shocksWithin(
  g: Graph,
  budget: (stake: bigint) => boolean,
  cap: number,
): number[][] | undefined {
  const out: number[][] = [];
  const walk = (from: number, chosen: number[], stake: bigint): boolean => {
    if (out.length >= cap) return false;
    out.push(chosen);
    for (let o = from; o < g.operators.length; o++) {
      const next = stake + (g.operators[o]?.stake ?? 0n);
      if (budget(next) && !walk(o + 1, [...chosen, o], next)) return false;
    }
    return true;
  };
  return walk(0, [], 0n) ? out : undefined;
}

export const enumerationEngine = (g: Graph, clock: Clock): Engine => ({
  method: 'enumeration',
  exactCoefficients: true,
  bestAttack: (lost) => Promise.resolve(scan(g, lost).bestNetUnits),
  minRatio: () => Promise.resolve(scan(g, noLoss(g)).minRatio?.units ?? null),
  maxValid: (lost) => Promise.resolve(scan(g, lost).maxValid?.units ?? null),
  async worstShock(psiNum, psiDen) {
    const limit = psiNum * totalStake(g);
    const shocks = shocksWithin(g, (s) => psiDen * s <= limit, 1 << 16);
    // The pairs (D, B) number up to 3^n; past about 2^23 of them the integer program is faster.
    const work = (list: number[][]) => list.reduce((acc, ops) => acc + 2 ** (g.units.length - ops.length), 0);
    if (shocks === undefined || work(shocks) > 2 ** 23) return ilpEngine(g, clock).worstShock(psiNum, psiDen);
    let best = { operators: [] as number[], units: [] as number[], total: -1n, cascade: -1n };
    for (const ops of shocks) {
      await clock.checkpoint();
      const lost = lostWith(g, ops);
      const found = scan(g, lost).maxValid;
      const cascade = found?.stake ?? 0n;
      const total = operatorStake(g, ops) + cascade;
      if (total > best.total || (total === best.total && cascade > best.cascade)) {
        best = { operators: ops, units: found?.units ?? [], total, cascade };
      }
    }
    return { operators: best.operators, units: best.units };
  },
});

/** Drops members whose removal keeps every corrupted service: cheaper for the same profit. */
export function dropIdle(g: Graph, units: number[]): number[] {
  const none = noLoss(g);
  const profit = evaluate(g, units, none).profit;
  const heavier = (a: number, b: number) => {
    const d = (g.units[b]?.stake ?? 0n) - (g.units[a]?.stake ?? 0n);
    return d > 0n ? 1 : d < 0n ? -1 : a - b;
  };
  let kept = [...units].sort(heavier);
  for (const u of [...kept]) {
    const without = kept.filter((k) => k !== u);
    if (evaluate(g, without, none).profit >= profit) kept = without;
  }
  return kept.sort((a, b) => a - b);
}

export function ilpEngine(g: Graph, clock: Clock): Engine {
  let cachedBest: number[] | undefined;
  const engine: Engine = {
    method: 'integer-program',
    exactCoefficients: true,
    async bestAttack(lost) {
      // minRatio starts from the unshocked best attack, which analyze.ts has already asked for.
      const shocked = lost.some((x) => x);
      if (!shocked && cachedBest !== undefined) return cachedBest;
      const units = note(await ilpBestAttack(g, lost, clock));
      if (!shocked) cachedBest = units;
      return units;
    },
    async minRatio() {
      // Dinkelbach: from any B with π > 0, ask for B' with σ_B'/π_B' < σ_B/π_B until none exists.
      // Starting from the best attack, when it corrupts something, saves most of the steps.
      const start = dropIdle(g, await engine.bestAttack(noLoss(g)));
      let current = evaluate(g, start, noLoss(g));
      if (current.profit === 0n) current = evaluate(g, available(g, noLoss(g)), noLoss(g));
      if (current.profit === 0n) return null;
      for (;;) {
        const step = dropIdle(g, note(await ilpRatioStep(g, current.stake, current.profit, clock)));
        const next = evaluate(g, step, noLoss(g));
        if (next.profit === 0n || next.stake * current.profit >= current.stake * next.profit)
          return current.units;
        current = next;
      }
    },
    async maxValid(lost) {
      const found = await ilpMaxValid(g, lost, clock);
      return found === null ? null : note(found);
    },
    async worstShock(psiNum, psiDen) {
      const found = await ilpWorstShock(g, psiNum, psiDen, clock);
      engine.exactCoefficients &&= found.exactCoefficients;
      return { operators: found.lost, units: found.units };
    },
  };
  const note = (a: { units: number[]; exactCoefficients: boolean }) => {
    engine.exactCoefficients &&= a.exactCoefficients;
    return a.units;
  };
  return engine;
}

export function chooseEngine(g: Graph, clock: Clock, method: Method | 'auto' = 'auto'): Engine {
  if (method === 'enumeration' || (method === 'auto' && g.units.length <= ENUMERATION_AUTO))
    return enumerationEngine(g, clock);
  return ilpEngine(g, clock);
}

/** Up to this many units the exhaustive search is fast (2^20 coalitions in about 0.15 s). */
export const ENUMERATION_AUTO = Math.min(20, ENUMERATION_LIMIT);
