// The key quantities of one world for the time-series charts: an operator's delegated stake, a vault's
// rate, an operator set's slashable stake. Exact sums of the world's decimal strings.
import type { World } from '../protocol/world-types.ts';
import type { SeriesPoint } from './session-types.ts';

const sum = (values: Iterable<string>): string => {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total.toString();
};

export function seriesPoint(world: World, position: number, node: number | null): SeriesPoint {
  const operatorStake: Record<string, string> = {};
  const slashable = new Map<string, bigint>();
  for (const [id, op] of Object.entries(world.operators)) {
    // One line per strategy: shares of different strategies are different things and are never added.
    for (const [strategy, shares] of Object.entries(op.shares)) operatorStake[`${id} · ${strategy}`] = shares;
    for (const [set, per] of Object.entries(op.allocations)) {
      const stake = BigInt(sum(Object.values(per).map((a) => a.allocatedStake)));
      slashable.set(set, (slashable.get(set) ?? 0n) + stake);
    }
  }
  for (const [avs, a] of Object.entries(world.avs))
    for (const set of Object.keys(a.sets))
      if (!slashable.has(`${avs}/${set}`)) slashable.set(`${avs}/${set}`, 0n);
  const vaultRate = Object.fromEntries(Object.entries(world.vaults).map(([id, v]) => [id, v.rate]));
  const slashableStake = Object.fromEntries([...slashable].map(([k, v]) => [k, v.toString()]));
  return { position, node, block: world.block, operatorStake, vaultRate, slashableStake };
}
