// The analyzer against an independent brute force over every (services, validators) pair, on random
// small networks; then the theorems it relies on, checked on random networks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeNetwork } from './analyze.ts';
import { Rational } from './rational.ts';
import { attacks, brute, bruteWorstShock, lostOf, plain } from './testing/brute.ts';
import { networkArb } from './testing/arbitrary.ts';
import type { Network } from './network.ts';

const small = networkArb({ validators: [0, 5], services: [0, 3] });
const idx = (net: Network, ids: string[] | undefined, kind: 'validators' | 'services') =>
  (ids ?? []).map((id) =>
    (kind === 'services' ? net.services : net.validators).findIndex((x) => x.id === id),
  );

describe.each(['enumeration', 'integer-program'] as const)('analyzer vs brute force (%s)', (method) => {
  it('agrees on secure, max net profit and γ-slack, and its witness is a valid attack', async () => {
    await fc.assert(
      fc.asyncProperty(small, async (net) => {
        const a = await analyzeNetwork(net, { method });
        const p = plain(net);
        const b = brute(p);
        expect(a.secure).toBe(b.secure);
        expect(a.maxAttackNetProfit.eq(b.maxNet)).toBe(true);
        expect(a.gammaSlack?.toString() ?? null).toBe(b.gamma?.toString() ?? null);
        expect(a.maxAttackNetProfit.le(a.maxAttackNetProfitUpperBound)).toBe(true);
        if (a.witness) {
          const A = idx(net, a.witness.services, 'services');
          const B = idx(net, a.witness.validators, 'validators');
          expect(attacks(p, A, B, new Set())).toBe(true);
          expect(a.witness.profit.gt(a.witness.stake)).toBe(true);
        }
      }),
      { numRuns: method === 'enumeration' ? 200 : 60 },
    );
  });

  it('agrees on the worst cascade after a given shock and over every shock up to ψ', async () => {
    const withShock = fc.tuple(small, fc.array(fc.nat(4), { maxLength: 2 }), fc.integer({ min: 0, max: 5 }));
    await fc.assert(
      fc.asyncProperty(withShock, async ([net, picks, tenths]) => {
        const ids = [...new Set(picks.filter((i) => i < net.validators.length).map((i) => `v${i}`))];
        const p = plain(net);
        const given = await analyzeNetwork({ ...net, shock: { validators: ids } }, { method });
        const expected = brute(p, lostOf(p, net, ids)).maxValidLoss ?? Rational.zero;
        expect(given.cascade?.loss.eq(expected)).toBe(true);
        const psi = Rational.of(BigInt(tenths), 10n);
        const worst = await analyzeNetwork({ ...net, shock: { fraction: psi } }, { method });
        expect(worst.cascade?.totalLoss.toString()).toBe(bruteWorstShock(p, psi).toString());
      }),
      { numRuns: method === 'enumeration' ? 120 : 40 },
    );
  });
});

describe('theorems on random networks', () => {
  it('γ-slack is exact: (1 + γ)π_A ≤ σ_B for every attacking pair, with equality for the witness', async () => {
    await fc.assert(
      fc.asyncProperty(small, async (net) => {
        const a = await analyzeNetwork(net);
        const g = a.gammaSlack;
        if (g === null) return;
        const w = a.gammaWitness;
        expect(w && Rational.one.add(g).mul(w.profit).eq(w.stake)).toBe(true);
        // Corollary 2: the certified γ is a lower bound whenever every profitable service has stake.
        const cert = a.eigenlayerCondition.certifiedGamma;
        if (cert !== null) expect(cert.le(g)).toBe(true);
        if (a.eigenlayerCondition.holds && a.eigenlayerCondition.coversAllProfitableServices)
          expect(a.secure).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('Theorem 1: with γ-slack γ > 0, every shock of ψ loses less than (1 + 1/γ)ψ, in both readings', async () => {
    const arb = networkArb({ validators: [1, 6], services: [1, 3], shockFraction: true });
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(arb, async (net) => {
        const a = await analyzeNetwork(net);
        const c = a.cascade;
        if (!c || a.gammaSlack === null || a.gammaSlack.sign() <= 0 || c.theorem1Bound === null) return;
        checked++;
        const psi = c.shock.budget ?? Rational.zero;
        if (psi.isZero()) return;
        expect(c.totalLossFraction.lt(c.theorem1Bound)).toBe(true);
        expect(psi.add(c.lossFraction).lt(c.theorem1Bound)).toBe(true);
        // The proof's inequality γσ_B < σ_D, for the worst shock found.
        expect(a.gammaSlack.mul(c.loss).lt(c.shock.stake) || c.loss.isZero()).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('each displayed cascade round is valid on the graph left by the rounds before, and they add up to the witness', async () => {
    const arb = networkArb({ validators: [2, 7], services: [1, 4], shockFraction: true });
    await fc.assert(
      fc.asyncProperty(arb, async (net) => {
        const c = (await analyzeNetwork(net)).cascade;
        if (!c?.witness) return;
        const p = plain(net);
        const lost = lostOf(p, net, c.shock.validators);
        const used = new Set<string>();
        for (const round of c.sequence) {
          const A = idx(net, round.services, 'services');
          const B = idx(net, round.validators, 'validators');
          expect(attacks(p, A, B, lost)).toBe(true);
          expect(round.profit.gt(round.stake)).toBe(true);
          round.services.forEach((sv) => {
            expect(used.has(sv)).toBe(false); // each service is corrupted once
            used.add(sv);
          });
          B.forEach((v) => lost.add(v));
        }
        expect(c.sequence.flatMap((r) => r.validators).sort()).toEqual([...c.witness.validators].sort());
      }),
      { numRuns: 150 },
    );
  });
});
