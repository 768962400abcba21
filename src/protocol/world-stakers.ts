// world@1 `stakers`: every staker, operator and vault (a vault is one EigenLayer staker), with deposit versus
// withdrawable shares, scaling and slashing factors, the pod, and the named queued withdrawals.
import type { Address } from 'viem';
import { actorIdOf, type Actor, type Sandbox } from './sandbox.ts';
import { STRATEGY_NAMES, view } from './world-read.ts';
import type { PodState, StakerState, WithdrawalState } from './world-types.ts';

const ZERO = '0x0000000000000000000000000000000000000000';

/** The EigenLayer staker address of an actor: a vault stakes through its contract. */
export function stakerAddress(a: Actor): Address {
  return a.role === 'vault' && a.contract !== undefined ? a.contract : a.address;
}

async function readPod(sb: Sandbox, a: Actor, owner: Address): Promise<PodState | null> {
  const pod = await view<Address>(
    sb.chain,
    sb.addresses.eigenPodManager,
    'MiniEigenPodManager',
    'ownerToPod',
    [owner],
  );
  if (pod === ZERO) return null;
  let restaked = await view<bigint>(sb.chain, pod, 'MiniEigenPod', 'withdrawableRestakedExecutionLayerGwei');
  for (const v of Object.values(sb.names.validators)) {
    if (v.owner !== a.id) continue;
    const info = await view<{ restakedBalanceGwei: bigint; status: number }>(
      sb.chain,
      pod,
      'MiniEigenPod',
      'validatorInfoByIndex',
      [v.index],
    );
    if (info.status === 1) restaked += info.restakedBalanceGwei;
  }
  return {
    address: pod,
    activeValidators: String(await view<bigint>(sb.chain, pod, 'MiniEigenPod', 'activeValidatorCount')),
    restakedGwei: String(restaked),
    checkpointActive:
      (await view<bigint>(sb.chain, pod, 'MiniEigenPod', 'currentCheckpointTimestamp')) !== 0n,
  };
}

async function readWithdrawals(sb: Sandbox, id: string): Promise<Record<string, WithdrawalState>> {
  const out: Record<string, WithdrawalState> = {};
  for (const [as, w] of Object.entries(sb.names.withdrawals)) {
    if (w.staker !== id) continue;
    const pending = await view<boolean>(
      sb.chain,
      sb.addresses.delegationManager,
      'MiniDelegationManager',
      'pendingWithdrawals',
      [w.root],
    );
    out[as] = {
      strategy: w.strategy,
      scaledShares: String(w.struct.scaledShares[0] ?? 0n),
      startBlock: String(w.struct.startBlock),
      completableAfterBlock: String(BigInt(w.struct.startBlock) + sb.config.withdrawalDelayBlocks),
      completed: !pending,
    };
  }
  return out;
}

export async function readStakers(sb: Sandbox): Promise<Record<string, StakerState>> {
  const { chain, addresses } = sb;
  const dm = addresses.delegationManager;
  const strategies = STRATEGY_NAMES.map((n) => addresses.strategies[n]);
  const out: Record<string, StakerState> = {};
  for (const a of Object.values(sb.actors)) {
    if (a.role === 'avs') continue;
    const who = stakerAddress(a);
    const [withdrawable, deposit] = await view<[readonly bigint[], readonly bigint[]]>(
      chain,
      dm,
      'MiniDelegationManager',
      'getWithdrawableShares',
      [who, strategies],
    );
    const perStrategy: StakerState['strategies'] = {};
    for (const [i, name] of STRATEGY_NAMES.entries()) {
      perStrategy[name] = {
        depositShares: String(deposit[i] ?? 0n),
        withdrawableShares: String(withdrawable[i] ?? 0n),
        depositScalingFactor: String(
          await view<bigint>(chain, dm, 'MiniDelegationManager', 'depositScalingFactor', [
            who,
            strategies[i],
          ]),
        ),
      };
    }
    const operator = await view<Address>(chain, dm, 'MiniDelegationManager', 'delegatedTo', [who]);
    out[a.id] = {
      delegatedTo: actorIdOf(sb, operator),
      strategies: perStrategy,
      beaconChainSlashingFactor: String(
        await view<bigint>(
          chain,
          addresses.eigenPodManager,
          'MiniEigenPodManager',
          'beaconChainSlashingFactor',
          [who],
        ),
      ),
      pod: await readPod(sb, a, who),
      withdrawals: await readWithdrawals(sb, a.id),
    };
  }
  return out;
}
