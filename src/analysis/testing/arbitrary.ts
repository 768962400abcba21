// fast-check generators of small valid networks. Small integer and tenth-valued amounts make ties
// (at the threshold and at the profit) common, which is where analyzers go wrong.
import fc from 'fast-check';
import type { Network } from '../network.ts';
import { Rational } from '../rational.ts';

const amount = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(1n, 1n, 2n, 10n))
  .map(([n, d]) => Rational.of(BigInt(n), d));
const threshold = fc
  .integer({ min: 1, max: 4 })
  .chain((q) => fc.integer({ min: 1, max: q }).map((p) => Rational.of(BigInt(p), BigInt(q))));

export function networkArb(opts: {
  validators: [number, number];
  services: [number, number];
  unique?: boolean;
  shockFraction?: boolean;
}): fc.Arbitrary<Network> {
  const [vMin, vMax] = opts.validators;
  const [sMin, sMax] = opts.services;
  return fc
    .record({
      stakes: fc.array(amount, { minLength: vMin, maxLength: vMax }),
      services: fc.array(fc.tuple(amount, threshold), { minLength: sMin, maxLength: sMax }),
      links: fc.array(fc.array(fc.boolean(), { minLength: sMax, maxLength: sMax }), {
        minLength: vMax,
        maxLength: vMax,
      }),
      shares: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: sMax, maxLength: sMax }), {
        minLength: vMax,
        maxLength: vMax,
      }),
      psi: fc.integer({ min: 0, max: 4 }).map((k) => Rational.of(BigInt(k), 10n)),
    })
    .map(({ stakes, services, links, shares, psi }) => {
      const validators = stakes.map((stake, i) => ({ id: `v${i}`, stake }));
      const svcs = services.map(([profit, t], j) => ({ id: `s${j}`, profit, threshold: t }));
      const net: Network = {
        stakeModel: opts.unique ? 'unique' : 'shared',
        validators,
        services: svcs,
        edges: [],
        allocations: [],
      };
      validators.forEach((v, i) =>
        svcs.forEach((s, j) => {
          if (!(links[i]?.[j] ?? false)) return;
          if (!opts.unique) net.edges.push([v.id, s.id]);
          // A validator splits its stake in quarters; the shares never exceed the whole.
          else
            net.allocations.push({
              validator: v.id,
              service: s.id,
              stake: v.stake.mul(Rational.of(BigInt(shares[i]?.[j] ?? 0), 4n * BigInt(svcs.length))),
            });
        }),
      );
      if (opts.shockFraction) net.shock = { fraction: psi };
      return net;
    });
}
