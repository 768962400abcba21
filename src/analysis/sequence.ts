// A step-by-step cascade for display. The worst loss needs no simulation (Corollary 1: it is one
// valid attack on the shocked graph), but a learner understands it as rounds: the cheapest profitable
// attack first, its stake slashed, thresholds shrinking, the next attack. Each round here is a valid
// attack on G↓(shock ∪ earlier rounds) against services not yet corrupted, and the rounds together
// are exactly the worst coalition. When the remainder cannot stand alone, it is merged into the round
// before; that always ends, because the whole coalition is one valid attack.
import { type Graph, type Lost, evaluate } from './graph.ts';

export interface Round {
  units: number[];
  services: number[];
  stake: bigint;
  profit: bigint;
}

const SUBSET_LIMIT = 12;

function step(g: Graph, candidate: number[], lost: Lost, corrupted: Set<number>): Round | null {
  const out = evaluate(g, candidate, lost);
  const services = out.services.filter((s) => !corrupted.has(s));
  const profit = services.reduce((acc, s) => acc + (g.services[s]?.profit ?? 0n), 0n);
  return profit > out.stake ? { units: out.units, services, stake: out.stake, profit } : null;
}

/** The cheapest valid round made of some of `rest`, or null. */
function cheapest(g: Graph, rest: number[], lost: Lost, corrupted: Set<number>): Round | null {
  if (rest.length > SUBSET_LIMIT) return step(g, rest, lost, corrupted);
  let best: Round | null = null;
  for (let mask = 1; mask < 2 ** rest.length; mask++) {
    const r = step(
      g,
      rest.filter((_, k) => (mask & (1 << k)) !== 0),
      lost,
      corrupted,
    );
    if (
      r &&
      (best === null ||
        r.stake < best.stake ||
        (r.stake === best.stake && r.units.length < best.units.length))
    )
      best = r;
  }
  return best;
}

export function cascadeRounds(g: Graph, shockLost: Lost, coalition: number[]): Round[] {
  const rounds: Round[] = [];
  const stateBefore = (k: number) => {
    const lost = [...shockLost];
    const corrupted = new Set<number>();
    for (const r of rounds.slice(0, k)) {
      r.units.forEach((u) => (lost[u] = true));
      r.services.forEach((s) => corrupted.add(s));
    }
    return { lost, corrupted };
  };
  let rest = [...coalition];
  while (rest.length > 0) {
    const { lost, corrupted } = stateBefore(rounds.length);
    const next = cheapest(g, rest, lost, corrupted);
    if (next) {
      rounds.push(next);
      rest = rest.filter((u) => !next.units.includes(u));
      continue;
    }
    let merged = rest;
    for (;;) {
      const previous = rounds.pop();
      if (!previous) throw new Error('internal: the cascade coalition is not a valid attack');
      merged = [...previous.units, ...merged];
      const before = stateBefore(rounds.length);
      const whole = step(g, merged, before.lost, before.corrupted);
      if (whole) {
        rounds.push(whole);
        break;
      }
    }
    rest = [];
  }
  return rounds;
}
