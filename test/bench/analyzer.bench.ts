// npm run bench:analyzer: the security analyzer on deterministic seeded networks. The last line is one
// JSON object: enum20Ms (20 operators × 10 services, shared stake, exhaustive enumeration; target < 1000),
// ilp200Ms (200 operators × 50 services, HiGHS integer program; target < 10000), worstShock12Ms
// (12 operators, worst case over every shock of at most 10% of stake; target < 2000).
import { analyzeNetwork } from '../../src/analysis/analyze.ts';
import { loadHighs } from '../../src/analysis/highs.ts';
import type { Network } from '../../src/analysis/network.ts';
import { Rational } from '../../src/analysis/rational.ts';

/** mulberry32: a tiny seeded generator, so every run analyses the same networks. */
function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/**
 * Heavy-tailed stakes (a few large operators, many small ones, as on mainnet), each service on `degree`
 * random operators with a profit between 60% and 110% of the stake it needs: networks near the
 * security boundary, where the search has to work.
 */
function network(seed: number, operators: number, services: number, degree: number): Network {
  const r = rng(seed);
  const net: Network = { stakeModel: 'shared', validators: [], services: [], edges: [], allocations: [] };
  for (let i = 0; i < operators; i++) {
    net.validators.push({ id: `op${i}`, stake: Rational.of(BigInt((1 + r(100)) * 2 ** r(10)), 10n) });
  }
  for (let j = 0; j < services; j++) {
    const threshold = Rational.of(BigInt(1 + r(2)), 3n);
    const chosen = new Set<number>();
    while (chosen.size < degree) chosen.add(r(operators));
    for (const i of chosen) net.edges.push([`op${i}`, `avs${j}`]);
    const staked = [...chosen].reduce(
      (acc, i) => acc.add(net.validators[i]?.stake ?? Rational.zero),
      Rational.zero,
    );
    const profit = Rational.of(
      staked
        .mul(threshold)
        .mul(Rational.of(BigInt(600 + r(500))))
        .ceil(),
      1000n,
    );
    net.services.push({ id: `avs${j}`, profit, threshold });
  }
  return net;
}

async function time(label: string, net: Network): Promise<number> {
  const start = performance.now();
  const a = await analyzeNetwork(net);
  const ms = Math.round(performance.now() - start);
  const c = a.cascade ? `, worst total loss ${a.cascade.totalLossFraction}` : '';
  console.log(
    `${label}: ${ms} ms (${a.method}; secure ${a.secure}, γ ${a.gammaSlack}, net ${a.maxAttackNetProfit}${c})`,
  );
  return ms;
}

await loadHighs(); // wasm start-up is a one-off cost, not part of a solve
const enum20Ms = await time('enum20 (20 operators, 10 services)', network(20, 20, 10, 8));
const ilp200Ms = await time('ilp200 (200 operators, 50 services)', network(200, 200, 50, 8));
const worstShock12Ms = await time('worstShock12 (12 operators, ψ = 1/10)', {
  ...network(12, 12, 6, 5),
  shock: { fraction: Rational.of(1n, 10n) },
});
console.log(JSON.stringify({ enum20Ms, ilp200Ms, worstShock12Ms }));
