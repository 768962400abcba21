// Derives a network@1 (the restaking graph the security analyzer reads) from a live world@1: operators are
// validators, operator sets are services. Stakes come from the chain (operator shares and allocated stake,
// valued in ETH exactly as the strategy values them); the profit from corrupting each service and its
// corruption threshold are not on-chain facts, so the caller enters them per AVS (or per operator set).
import { formatUnits } from 'viem';
import type { World } from './world-types.ts';

export interface ServiceParams {
  /** Profit from corrupting the service, in ETH, as an exact rational string ("12", "2.5", "1/3"). */
  profit: string;
  /** Fraction of the service's stake needed to corrupt it, in (0, 1] ("1/2", "0.67"). */
  threshold: string;
}

export interface NetworkOptions {
  /**
   * `unique` (EigenLayer operator sets: each allocation is a slice only its set can slash) or `shared` (the
   * papers' model: an operator's whole delegated stake backs every set it is registered for).
   */
  stakeModel?: 'unique' | 'shared';
  /** Parameters by AVS id (`avs1`) or by operator set (`avs1/0`, which wins). */
  params: Record<string, ServiceParams>;
  shock?: { validators: string[] } | { fraction: string };
}

const eth = (wei: bigint) => formatUnits(wei, 18);
const sum = (values: Iterable<bigint>) => [...values].reduce((a, v) => a + v, 0n);

/** StrategyBase's virtual offsets (MiniStrategy's SHARES_OFFSET and BALANCE_OFFSET). */
const OFFSET = 10n ** 3n;

/**
 * What strategy shares are worth in ETH, as the strategy's sharesToUnderlyingView rounds it (down). A stETH
 * balance is ETH after every rebase, so after rewards a share is worth more than 1 wei; beaconETH shares
 * are wei. Slashing burns what shares are worth, so this is the stake at risk.
 */
function underlying(world: World, strategy: string, shares: bigint): bigint {
  const s = world.strategies[strategy];
  if (strategy === 'beaconETH' || s === undefined) return shares;
  return (shares * (BigInt(s.underlyingBalance) + OFFSET)) / (BigInt(s.totalShares) + OFFSET);
}

const worth = (world: World, per: Record<string, string>) =>
  sum(Object.entries(per).map(([strategy, shares]) => underlying(world, strategy, BigInt(shares))));

/** The network@1 JSON document (validate it with analysis' validateNetwork before analysing). */
export function networkFromWorld(world: World, options: NetworkOptions): Record<string, unknown> {
  const model = options.stakeModel ?? 'unique';
  const validators = Object.entries(world.operators).map(([id, o]) => ({
    id,
    stake: eth(worth(world, o.shares)),
  }));
  const services: { id: string; profit: string; threshold: string }[] = [];
  const missing: string[] = [];
  for (const [avs, a] of Object.entries(world.avs)) {
    for (const set of Object.keys(a.sets)) {
      const id = `${avs}/${set}`;
      const p = options.params[id] ?? options.params[avs];
      if (p === undefined) missing.push(id);
      else services.push({ id, profit: p.profit, threshold: p.threshold });
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `no profit and threshold given for ${missing.join(', ')}; enter them per AVS or per operator set`,
    );
  }
  const doc: Record<string, unknown> = {
    format: 'restaking-sandbox/network@1',
    title: `Derived from the sandbox at block ${world.block}`,
    stakeModel: model,
    validators,
    services,
  };
  if (model === 'unique') {
    doc['allocations'] = Object.entries(world.operators).flatMap(([id, o]) =>
      Object.entries(o.allocations)
        .map(([service, per]) => ({
          validator: id,
          service,
          stake: worth(world, Object.fromEntries(Object.entries(per).map(([k, x]) => [k, x.allocatedStake]))),
        }))
        .filter((x) => x.stake > 0n && services.some((s) => s.id === x.service))
        .map((x) => ({ ...x, stake: eth(x.stake) })),
    );
  } else {
    doc['edges'] = Object.entries(world.avs).flatMap(([avs, a]) =>
      Object.entries(a.sets).flatMap(([set, s]) =>
        s.operators.filter((op) => world.operators[op] !== undefined).map((op) => [op, `${avs}/${set}`]),
      ),
    );
  }
  if (options.shock !== undefined) doc['shock'] = options.shock;
  return doc;
}
