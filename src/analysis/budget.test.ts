// A stopped analysis answers with what it proved: the exact bound always, an attack when one was found
// (re-checked exactly), "undecided" otherwise, never a guess.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from './analyze.ts';
import type { Stage } from './budget.ts';
import { type Network, validateNetwork } from './network.ts';

function load(name: string): Network {
  const url = new URL(`../../test/fixtures/networks/${name}.json`, import.meta.url);
  const r = validateNetwork(JSON.parse(readFileSync(url, 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.network;
}

/** A clock that runs out once the analysis enters `stage`. */
function outOfTimeAt(stage: Stage) {
  let now = 0;
  return {
    ms: 1_000,
    now: () => now,
    onProgress: (p: { stage: Stage }) => {
      if (p.stage === stage) now = 10_000;
    },
  };
}

describe('analysis budget', () => {
  it('past the budget after the single-service attacks: the attack found is the answer, marked incomplete', async () => {
    // DR Fig. 4: an insecure network; what a stopped run may claim depends on its single-service attacks.
    const full = await analyzeNetwork(load('dr-fig4-overcollateralized-service'));
    expect(full.incomplete).toBeNull();
    const a = await analyzeNetwork(load('dr-fig4-overcollateralized-service'), {
      budget: outOfTimeAt('best attack'),
    });
    expect(a.incomplete).toMatchObject({ stage: 'best attack', why: 'time', budgetMs: 1000 });
    expect(a.maxAttackNetProfitUpperBound.toString()).toBe(full.maxAttackNetProfitUpperBound.toString());
    expect(a.singleServiceAttacks).toEqual(full.singleServiceAttacks);
    const singleProfitable = full.singleServiceAttacks.some((s) => s.profitable);
    // Only what the finished stage proved: a profitable single-service attack makes it insecure for sure.
    expect(a.secure).toBe(singleProfitable ? false : a.maxAttackNetProfitUpperBound.isZero() ? true : null);
    expect(a.certificate.notes[0]).toMatch(
      /^Incomplete: the time budget of 1 s ran out during best attack\./,
    );
    expect(a.gammaSlack).toBeNull();
  });

  it('cancelled at once: undecided, with the exact bound, and the reason', async () => {
    const a = await analyzeNetwork(load('wp-3.4.1-same-restakers-10-other-avs'), {
      budget: { ms: 60_000, cancelled: () => true },
    });
    expect(a.incomplete).toMatchObject({ stage: 'bounds', why: 'cancelled' });
    expect(a.secure).toBeNull();
    expect(a.witness).toBeNull();
    expect(a.certificate.verdict).toBe('incomplete');
    expect(a.maxAttackNetProfitUpperBound.toString()).toBe(
      (
        await analyzeNetwork(load('wp-3.4.1-same-restakers-10-other-avs'))
      ).maxAttackNetProfitUpperBound.toString(),
    );
  });

  it('reports its stages in order', async () => {
    const stages: Stage[] = [];
    await analyzeNetwork(load('dr-abstract-10pct-buffer-0.1pct-shock'), {
      budget: { ms: 60_000, onProgress: (p) => stages.push(p.stage) },
    });
    expect(stages).toEqual(['bounds', 'single-service attacks', 'best attack', 'γ-slack', 'cascade']);
  });
});
