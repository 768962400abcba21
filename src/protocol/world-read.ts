// The one chain read behind readWorld(): a single eth_call of SandboxLens.readWorld. The sandbox, not the
// chain, knows the scenario's names (actors, `as` names of withdrawals, validators, redemption requests), so
// this module plans the query from them, and the mappers (world.ts, world-stakers.ts, world-operators.ts,
// world-ledger.ts) walk the same plan to put each returned number under its name. One call instead of one
// per number: each eth_call costs about a millisecond of fixed overhead in the JS EVM.
import type { Address, Hex } from 'viem';
import { read } from '../chain/runtime.ts';
import type { Actor, Names, Sandbox, WithdrawalRef } from './sandbox.ts';
import type { StrategyName } from './world-types.ts';

export const STRATEGY_NAMES: readonly StrategyName[] = ['stETH', 'beaconETH'];

type RequestRef = Names['requests'][string];
type ValidatorRef = Names['validators'][string];

/** What the lens is asked about, in the order its answer comes back. */
export interface WorldPlan {
  /** Every actor, as a token holder. */
  holders: Actor[];
  /** Vault actors that have their MiniLRT contract. */
  vaults: Actor[];
  /** Every actor but AVSs: an EigenLayer staker (a vault through its contract). */
  stakers: Actor[];
  operators: Actor[];
  /** AVS actors that have their MiniAVS contract. */
  avss: Actor[];
  withdrawals: [string, WithdrawalRef][];
  /** Per vault of `vaults`: its named redemption requests. */
  requests: [string, RequestRef][][];
  validators: [string, ValidatorRef][];
}

/** The EigenLayer staker address of an actor: a vault stakes through its contract. */
export function stakerAddress(a: Actor): Address {
  return a.role === 'vault' && a.contract !== undefined ? a.contract : a.address;
}

export function planWorld(sb: Sandbox): WorldPlan {
  const actors = Object.values(sb.actors);
  const vaults = actors.filter((a) => a.role === 'vault' && a.contract !== undefined);
  const requests = Object.entries(sb.names.requests);
  return {
    holders: actors,
    vaults,
    stakers: actors.filter((a) => a.role !== 'avs'),
    operators: actors.filter((a) => a.role === 'operator'),
    avss: actors.filter((a) => a.role === 'avs' && a.contract !== undefined),
    withdrawals: Object.entries(sb.names.withdrawals),
    requests: vaults.map((v) => requests.filter(([, ref]) => ref.vault === v.id)),
    validators: Object.entries(sb.names.validators),
  };
}

// The decoded SandboxLens.World (viem: uint ≤ 48 bits decode to number, wider ones to bigint).

export interface LensPod {
  pod: Address;
  activeValidators: bigint;
  restakedGwei: bigint;
  checkpointActive: boolean;
}

export interface LensStaker {
  delegatedTo: Address;
  depositShares: readonly bigint[];
  withdrawableShares: readonly bigint[];
  depositScalingFactors: readonly bigint[];
  beaconChainSlashingFactor: bigint;
  pod: LensPod;
}

export interface LensAllocation {
  strategy: Address;
  currentMagnitude: bigint;
  pendingDiff: bigint;
  effectBlock: number;
  allocatedStake: bigint;
}

export interface LensOperator {
  isOperator: boolean;
  allocationDelay: number;
  shares: readonly bigint[];
  maxMagnitudes: readonly bigint[];
  encumberedMagnitudes: readonly bigint[];
  sets: readonly { avs: Address; id: number; allocations: readonly LensAllocation[] }[];
}

export interface LensOperatorSet {
  id: number;
  strategies: readonly Address[];
  members: readonly Address[];
  slashCount: bigint;
}

export interface LensVault {
  supply: bigint;
  totalValue: bigint;
  rate: bigint;
  requests: readonly {
    owner: Address;
    valueAtRequest: bigint;
    completableAfterBlock: number;
    claimed: boolean;
  }[];
}

export interface LensWorld {
  accounts: readonly { eth: bigint; stETH: bigint; wstETH: bigint; vaultTokens: readonly bigint[] }[];
  stakers: readonly LensStaker[];
  operators: readonly LensOperator[];
  avs: readonly (readonly LensOperatorSet[])[];
  vaults: readonly LensVault[];
  validators: readonly {
    balanceGwei: bigint;
    effectiveBalanceGwei: bigint;
    slashed: boolean;
    exited: boolean;
  }[];
  withdrawalPending: readonly boolean[];
  ledger: {
    stETHStrategyTotalShares: bigint;
    stETHStrategyBalance: bigint;
    lstTotalPooledEther: bigint;
    lstTotalShares: bigint;
    burnedStETH: bigint;
    lockedSlashedNativeShares: bigint;
  };
}

/** The lens answers with arrays parallel to the plan's; a missing entry means the two disagree. */
export function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`world lens: no entry ${i} in an answer of ${xs.length}`);
  return x;
}

function contractOf(a: Actor): Address {
  if (a.contract === undefined) throw new Error(`actor ${a.id} has no contract`);
  return a.contract;
}

/** The single eth_call of a world read. */
export function readLens(sb: Sandbox, plan: WorldPlan): Promise<LensWorld> {
  const { addresses } = sb;
  const query = {
    protocol: {
      delegationManager: addresses.delegationManager,
      allocationManager: addresses.allocationManager,
      eigenPodManager: addresses.eigenPodManager,
      beaconChain: addresses.beaconChain,
      lst: addresses.lst,
      wstETH: addresses.wstETH,
      stETHStrategy: addresses.strategies.stETH,
      burnAddress: addresses.burnAddress,
    },
    strategies: STRATEGY_NAMES.map((n) => addresses.strategies[n]),
    holders: plan.holders.map(stakerAddress),
    vaults: plan.vaults.map(contractOf),
    stakers: plan.stakers.map(stakerAddress),
    stakerValidators: plan.stakers.map((a) =>
      plan.validators.filter(([, v]) => v.owner === a.id).map(([, v]) => v.index),
    ),
    operators: plan.operators.map((a) => a.address),
    avss: plan.avss.map(contractOf),
    withdrawalRoots: plan.withdrawals.map(([, w]): Hex => w.root),
    vaultRequestIds: plan.requests.map((rs) => rs.map(([, r]) => r.id)),
    validators: plan.validators.map(([, v]) => v.index),
  };
  return read<LensWorld>(sb.chain, {
    to: addresses.lens,
    contract: 'SandboxLens',
    functionName: 'readWorld',
    args: [query],
  });
}
