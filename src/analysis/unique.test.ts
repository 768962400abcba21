// Unique stake (ELIP-002 operator sets, security-theory.md §3): the network is secure exactly when
// every operator set is secure on its own, and the analysis equals that of the explicit slice graph.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeNetwork } from './analyze.ts';
import type { Network } from './network.ts';
import { Rational } from './rational.ts';
import { brute, plain } from './testing/brute.ts';
import { networkArb } from './testing/arbitrary.ts';

/** The same network written as shared stake over one validator per allocation. */
function sliceGraph(net: Network): Network {
  const ids = net.allocations.map((a) => `${a.validator}@${a.service}`);
  return {
    stakeModel: 'shared',
    validators: net.allocations.map((a, i) => ({ id: ids[i] ?? '', stake: a.stake })),
    services: net.services,
    edges: net.allocations.map((a, i): [string, string] => [ids[i] ?? '', a.service]),
    allocations: [],
  };
}

/** One service with only its own allocations. */
function alone(net: Network, service: string): Network {
  const allocations = net.allocations.filter((a) => a.service === service);
  return { ...net, services: net.services.filter((s) => s.id === service), allocations };
}

describe('unique stake', () => {
  const arb = networkArb({ validators: [1, 5], services: [1, 4], unique: true });

  it('decomposes: secure iff each service is secure alone, net profit adds up, γ is the worst service', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async (net) => {
        const a = await analyzeNetwork(net);
        const parts = net.services.map((s) => brute(plain(alone(net, s.id))));
        expect(a.secure).toBe(parts.every((p) => p.secure));
        const total = parts.reduce((acc, p) => acc.add(p.maxNet), Rational.zero);
        expect(a.maxAttackNetProfit.toString()).toBe(total.toString());
        const gammas = parts.flatMap((p) => (p.gamma === null ? [] : [p.gamma]));
        const worst = gammas.reduce<Rational | null>((m, g) => (m === null || g.lt(m) ? g : m), null);
        expect(a.gammaSlack?.toString() ?? null).toBe(worst?.toString() ?? null);
      }),
      { numRuns: 150 },
    );
  });

  it('matches the shared-stake analysis of its slice graph', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async (net) => {
        const a = await analyzeNetwork(net);
        const b = await analyzeNetwork(sliceGraph(net));
        expect(a.secure).toBe(b.secure);
        expect(a.maxAttackNetProfit.toString()).toBe(b.maxAttackNetProfit.toString());
        expect(a.gammaSlack?.toString() ?? null).toBe(b.gammaSlack?.toString() ?? null);
      }),
      { numRuns: 100 },
    );
  });

  it('removes the multi-service attack of WP §3.4.1: the same stake table, split per service, is secure', async () => {
    // Shared: 4 of 8 restakers (stake 4) corrupt 3 services worth 2 each, 6 > 4. Unique: each operator
    // puts 1 into each service's set (stake 3 each); a service alone then costs 4 > 2.
    const validators = [...Array(8).keys()].map((i) => ({ id: `r${i}`, stake: Rational.of(3n) }));
    const services = ['a', 'b', 'c'].map((id) => ({
      id,
      profit: Rational.of(2n),
      threshold: Rational.of(1n, 2n),
    }));
    const shared: Network = {
      stakeModel: 'shared',
      validators: validators.map((v) => ({ ...v, stake: Rational.one })),
      services,
      edges: validators.flatMap((v) => services.map((s): [string, string] => [v.id, s.id])),
      allocations: [],
    };
    const unique: Network = {
      stakeModel: 'unique',
      validators,
      services,
      edges: [],
      allocations: validators.flatMap((v) =>
        services.map((s) => ({ validator: v.id, service: s.id, stake: Rational.one })),
      ),
    };
    expect((await analyzeNetwork(shared)).secure).toBe(false);
    const u = await analyzeNetwork(unique);
    expect(u.secure).toBe(true);
    expect(u.gammaSlack?.toString()).toBe('1'); // 4 / 2 − 1
  });
});
