// The one typed view call that every world reader goes through.
import type { Address } from 'viem';
import { readView, type Chain } from '../chain/runtime.ts';
import type { StrategyName } from './world-types.ts';

export function view<T>(
  chain: Chain,
  to: Address,
  contract: string,
  functionName: string,
  args: unknown[] = [],
) {
  return readView<T>(chain, { to, contract, functionName, args });
}

export const STRATEGY_NAMES: readonly StrategyName[] = ['stETH', 'beaconETH'];
