// world@1 `strategies`, `lst`, `validators` and `burned`: where the tokens are.
import { actorIdOf, type Sandbox } from './sandbox.ts';
import { at, type LensWorld, type WorldPlan } from './world-read.ts';
import type { LstState, StrategyState, ValidatorState } from './world-types.ts';

export function mapLedger(
  sb: Sandbox,
  plan: WorldPlan,
  lens: LensWorld,
): {
  strategies: Record<string, StrategyState>;
  lst: LstState;
  validators: Record<string, ValidatorState>;
  burned: Record<string, string>;
  lockedSlashedNativeShares: string;
} {
  const l = lens.ledger;
  const validators: Record<string, ValidatorState> = {};
  for (const [i, [as, v]] of plan.validators.entries()) {
    const s = at(lens.validators, i);
    validators[as] = {
      owner: actorIdOf(sb, sb.actors[v.owner]?.address ?? v.owner) ?? v.owner,
      balanceGwei: String(s.balanceGwei),
      effectiveBalanceGwei: String(s.effectiveBalanceGwei),
      slashed: s.slashed,
      exited: s.exited,
    };
  }
  return {
    strategies: {
      stETH: {
        totalShares: String(l.stETHStrategyTotalShares),
        underlyingBalance: String(l.stETHStrategyBalance),
      },
    },
    lst: { totalPooledEther: String(l.lstTotalPooledEther), totalShares: String(l.lstTotalShares) },
    validators,
    burned: { stETH: String(l.burnedStETH) },
    // AVS-slashed native ETH is not burned on mainnet either: it stays locked in the pods (burnableETHShares).
    lockedSlashedNativeShares: String(l.lockedSlashedNativeShares),
  };
}
