// The integer program (HiGHS) against the exhaustive enumeration on random medium networks, where
// brute force over (A, B) pairs would be too slow but enumerating every B is still exact.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeNetwork } from './analyze.ts';
import { networkArb } from './testing/arbitrary.ts';

describe('enumeration and integer program agree', () => {
  it('on security, net profit, γ-slack, and the worst shock of up to ψ', async () => {
    const medium = networkArb({ validators: [8, 13], services: [2, 7], shockFraction: true });
    await fc.assert(
      fc.asyncProperty(medium, async (net) => {
        const e = await analyzeNetwork(net, { method: 'enumeration' });
        const i = await analyzeNetwork(net, { method: 'integer-program' });
        expect(i.method).toBe('integer-program');
        expect(i.secure).toBe(e.secure);
        expect(i.maxAttackNetProfit.toString()).toBe(e.maxAttackNetProfit.toString());
        expect(i.gammaSlack?.toString() ?? null).toBe(e.gammaSlack?.toString() ?? null);
        expect(i.cascade?.totalLoss.toString()).toBe(e.cascade?.totalLoss.toString());
        expect(i.singleServiceAttacks.map((s) => s.cost.toString())).toEqual(
          e.singleServiceAttacks.map((s) => s.cost.toString()),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('on the largest cascade after a given shock', async () => {
    const medium = networkArb({ validators: [10, 14], services: [3, 6] });
    await fc.assert(
      fc.asyncProperty(medium, fc.nat(9), async (net, k) => {
        const shocked = {
          ...net,
          shock: { validators: net.validators.slice(k % 3, (k % 3) + 1 + (k % 2)).map((v) => v.id) },
        };
        const e = await analyzeNetwork(shocked, { method: 'enumeration' });
        const i = await analyzeNetwork(shocked, { method: 'integer-program' });
        expect(i.cascade?.loss.toString()).toBe(e.cascade?.loss.toString());
        expect(i.cascade?.witness === null).toBe(e.cascade?.witness === null);
      }),
      { numRuns: 25 },
    );
  });
});
