// world@1 `stakers`: every staker, operator and vault (a vault is one EigenLayer staker), with deposit versus
// withdrawable shares, scaling and slashing factors, the pod, and the named queued withdrawals.
import { actorIdOf, type Sandbox } from './sandbox.ts';
import { at, STRATEGY_NAMES, type LensPod, type LensWorld, type WorldPlan } from './world-read.ts';
import type { PodState, StakerState, WithdrawalState } from './world-types.ts';

export { stakerAddress } from './world-read.ts';

const ZERO = '0x0000000000000000000000000000000000000000';

function podState(p: LensPod): PodState | null {
  if (p.pod === ZERO) return null;
  return {
    address: p.pod,
    activeValidators: String(p.activeValidators),
    restakedGwei: String(p.restakedGwei),
    checkpointActive: p.checkpointActive,
  };
}

function withdrawals(
  sb: Sandbox,
  plan: WorldPlan,
  lens: LensWorld,
  id: string,
): Record<string, WithdrawalState> {
  const out: Record<string, WithdrawalState> = {};
  for (const [i, [as, w]] of plan.withdrawals.entries()) {
    if (w.staker !== id) continue;
    out[as] = {
      strategy: w.strategy,
      scaledShares: String(w.struct.scaledShares[0] ?? 0n),
      startBlock: String(w.struct.startBlock),
      completableAfterBlock: String(BigInt(w.struct.startBlock) + sb.config.withdrawalDelayBlocks),
      completed: !at(lens.withdrawalPending, i),
    };
  }
  return out;
}

export function mapStakers(sb: Sandbox, plan: WorldPlan, lens: LensWorld): Record<string, StakerState> {
  const out: Record<string, StakerState> = {};
  for (const [i, a] of plan.stakers.entries()) {
    const s = at(lens.stakers, i);
    const perStrategy: StakerState['strategies'] = {};
    for (const [j, name] of STRATEGY_NAMES.entries()) {
      perStrategy[name] = {
        depositShares: String(s.depositShares[j] ?? 0n),
        withdrawableShares: String(s.withdrawableShares[j] ?? 0n),
        depositScalingFactor: String(at(s.depositScalingFactors, j)),
      };
    }
    out[a.id] = {
      delegatedTo: actorIdOf(sb, s.delegatedTo),
      strategies: perStrategy,
      beaconChainSlashingFactor: String(s.beaconChainSlashingFactor),
      pod: podState(s.pod),
      withdrawals: withdrawals(sb, plan, lens, a.id),
    };
  }
  return out;
}
