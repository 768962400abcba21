// world@1 `strategies`, `validators` and `burned`: where the tokens are.
import { actorIdOf, type Sandbox } from './sandbox.ts';
import { view } from './world-read.ts';
import type { StrategyState, ValidatorState } from './world-types.ts';

export async function readLedger(sb: Sandbox): Promise<{
  strategies: Record<string, StrategyState>;
  validators: Record<string, ValidatorState>;
  burned: Record<string, string>;
  lockedSlashedNativeShares: string;
}> {
  const { chain, addresses } = sb;
  const stETH = addresses.strategies.stETH;
  const strategies = {
    stETH: {
      totalShares: String(await view<bigint>(chain, stETH, 'MiniStrategy', 'totalShares')),
      underlyingBalance: String(await view<bigint>(chain, addresses.lst, 'MiniLST', 'balanceOf', [stETH])),
    },
  };
  const validators: Record<string, ValidatorState> = {};
  for (const [as, v] of Object.entries(sb.names.validators)) {
    const s = await view<{
      balanceGwei: bigint;
      effectiveBalanceGwei: bigint;
      slashed: boolean;
      exited: boolean;
    }>(chain, addresses.beaconChain, 'MockBeaconChain', 'getValidator', [v.index]);
    validators[as] = {
      owner: actorIdOf(sb, sb.actors[v.owner]?.address ?? v.owner) ?? v.owner,
      balanceGwei: String(s.balanceGwei),
      effectiveBalanceGwei: String(s.effectiveBalanceGwei),
      slashed: s.slashed,
      exited: s.exited,
    };
  }
  return {
    strategies,
    validators,
    burned: {
      stETH: String(
        await view<bigint>(chain, addresses.lst, 'MiniLST', 'balanceOf', [addresses.burnAddress]),
      ),
    },
    // AVS-slashed native ETH is not burned on mainnet either: it stays locked in the pods (burnableETHShares).
    lockedSlashedNativeShares: String(
      await view<bigint>(chain, addresses.eigenPodManager, 'MiniEigenPodManager', 'burnableETHShares'),
    ),
  };
}
