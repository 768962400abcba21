// Test oracle only (never imported by production code): the world reader as it was before SandboxLens, one
// eth_call per number through the protocol's own view functions. world-lens.test.ts checks that the lens
// read (world.ts) produces exactly this object, so the lens can neither drop nor reinterpret a number.
import type { Address } from 'viem';
import { getBalance, read, type Chain } from '../chain/runtime.ts';
import { strategyName } from './actions/staker.ts';
import { actorIdOf, type Actor, type Sandbox } from './sandbox.ts';
import { WORLD_FORMAT } from './world.ts';
import type {
  AccountState,
  AllocationState,
  AvsState,
  LstState,
  OperatorState,
  PodState,
  StakerState,
  StrategyName,
  StrategyState,
  ValidatorState,
  VaultState,
  WithdrawalState,
  World,
} from './world-types.ts';

const STRATEGY_NAMES: readonly StrategyName[] = ['stETH', 'beaconETH'];
const ZERO = '0x0000000000000000000000000000000000000000';

function view<T>(chain: Chain, to: Address, contract: string, functionName: string, args: unknown[] = []) {
  return read<T>(chain, { to, contract, functionName, args });
}

function stakerAddress(a: Actor): Address {
  return a.role === 'vault' && a.contract !== undefined ? a.contract : a.address;
}

// ---------------------------------------------------------------- accounts, lst, vaults

async function readAccounts(sb: Sandbox): Promise<Record<string, AccountState>> {
  const { chain, addresses } = sb;
  const vaults = Object.values(sb.actors).filter((a) => a.role === 'vault');
  const accounts: Record<string, AccountState> = {};
  for (const a of Object.values(sb.actors)) {
    const holder = a.role === 'vault' && a.contract !== undefined ? a.contract : a.address;
    const vaultTokens: Record<string, string> = {};
    for (const v of vaults) {
      if (v.contract === undefined) continue;
      vaultTokens[v.id] = String(await view<bigint>(chain, v.contract, 'MiniLRT', 'balanceOf', [holder]));
    }
    accounts[a.id] = {
      address: holder,
      role: a.role,
      eth: String(await getBalance(chain, holder)),
      stETH: String(await view<bigint>(chain, addresses.lst, 'MiniLST', 'balanceOf', [holder])),
      wstETH: String(await view<bigint>(chain, addresses.wstETH, 'MiniWstETH', 'balanceOf', [holder])),
      vaultTokens,
    };
  }
  return accounts;
}

async function readLst(sb: Sandbox): Promise<LstState> {
  const { chain, addresses } = sb;
  return {
    totalPooledEther: String(await view<bigint>(chain, addresses.lst, 'MiniLST', 'totalPooledEther')),
    totalShares: String(await view<bigint>(chain, addresses.lst, 'MiniLST', 'totalShares')),
  };
}

async function readVaults(sb: Sandbox): Promise<Record<string, VaultState>> {
  const out: Record<string, VaultState> = {};
  for (const v of Object.values(sb.actors)) {
    if (v.role !== 'vault' || v.contract === undefined) continue;
    const requests: VaultState['requests'] = {};
    for (const [as, ref] of Object.entries(sb.names.requests)) {
      if (ref.vault !== v.id) continue;
      const r = await view<{
        owner: Address;
        valueAtRequest: bigint;
        completableAfterBlock: number;
        claimed: boolean;
      }>(sb.chain, v.contract, 'MiniLRT', 'getRequest', [ref.id]);
      requests[as] = {
        owner: actorIdOf(sb, r.owner) ?? ref.owner,
        valueAtRequest: String(r.valueAtRequest),
        completableAfterBlock: String(r.completableAfterBlock),
        claimed: r.claimed,
      };
    }
    out[v.id] = {
      operator: v.operator ?? '',
      supply: String(await view<bigint>(sb.chain, v.contract, 'MiniLRT', 'totalSupply')),
      totalValue: String(await view<bigint>(sb.chain, v.contract, 'MiniLRT', 'totalValue')),
      rate: String(await view<bigint>(sb.chain, v.contract, 'MiniLRT', 'rate')),
      requests,
    };
  }
  return out;
}

// ---------------------------------------------------------------- stakers

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

async function readStakers(sb: Sandbox): Promise<Record<string, StakerState>> {
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

// ---------------------------------------------------------------- operators and AVSs

interface OperatorSetRef {
  avs: Address;
  id: number;
}

async function readOperators(sb: Sandbox): Promise<Record<string, OperatorState>> {
  const { chain, addresses } = sb;
  const am = addresses.allocationManager;
  const out: Record<string, OperatorState> = {};
  for (const a of Object.values(sb.actors)) {
    if (a.role !== 'operator') continue;
    const isOperator = await view<boolean>(
      chain,
      addresses.delegationManager,
      'MiniDelegationManager',
      'isOperator',
      [a.address],
    );
    if (!isOperator) continue;
    const [, delay] = await view<[boolean, number]>(
      chain,
      am,
      'MiniAllocationManager',
      'getAllocationDelay',
      [a.address],
    );
    const state: OperatorState = {
      allocationDelay: String(delay),
      shares: {},
      maxMagnitude: {},
      encumberedMagnitude: {},
      allocations: {},
    };
    for (const name of STRATEGY_NAMES) {
      const s = addresses.strategies[name];
      state.shares[name] = String(
        await view<bigint>(chain, addresses.delegationManager, 'MiniDelegationManager', 'operatorShares', [
          a.address,
          s,
        ]),
      );
      state.maxMagnitude[name] = String(
        await view<bigint>(chain, am, 'MiniAllocationManager', 'getMaxMagnitude', [a.address, s]),
      );
      state.encumberedMagnitude[name] = String(
        await view<bigint>(chain, am, 'MiniAllocationManager', 'getEncumberedMagnitude', [a.address, s]),
      );
    }
    const sets = await view<readonly OperatorSetRef[]>(
      chain,
      am,
      'MiniAllocationManager',
      'getAllocatedSets',
      [a.address],
    );
    for (const set of sets) {
      const key = `${actorIdOf(sb, set.avs)}/${set.id}`;
      const per: Record<string, AllocationState> = {};
      const strategies = await view<readonly Address[]>(
        chain,
        am,
        'MiniAllocationManager',
        'getAllocatedStrategies',
        [a.address, set],
      );
      for (const s of strategies) {
        const alloc = await view<{ currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }>(
          chain,
          am,
          'MiniAllocationManager',
          'getAllocation',
          [a.address, set, s],
        );
        const [[stake]] = (await view<readonly (readonly bigint[])[]>(
          chain,
          am,
          'MiniAllocationManager',
          'getAllocatedStake',
          [set, [a.address], [s]],
        )) as unknown as [[bigint]];
        per[strategyName(sb, s)] = {
          currentMagnitude: String(alloc.currentMagnitude),
          pendingDiff: String(alloc.pendingDiff),
          effectBlock: String(alloc.effectBlock),
          allocatedStake: String(stake),
        };
      }
      state.allocations[key] = per;
    }
    out[a.id] = state;
  }
  return out;
}

async function readAvs(sb: Sandbox): Promise<Record<string, AvsState>> {
  const { chain, addresses } = sb;
  const am = addresses.allocationManager;
  const out: Record<string, AvsState> = {};
  for (const a of Object.values(sb.actors)) {
    if (a.role !== 'avs' || a.contract === undefined) continue;
    const ids = await view<readonly number[]>(chain, a.contract, 'MiniAVS', 'getOperatorSetIds');
    const sets: AvsState['sets'] = {};
    for (const id of ids) {
      const set = { avs: a.contract, id };
      const strategies = await view<readonly Address[]>(
        chain,
        am,
        'MiniAllocationManager',
        'getStrategiesInOperatorSet',
        [set],
      );
      const members = await view<readonly Address[]>(chain, am, 'MiniAllocationManager', 'getMembers', [set]);
      sets[String(id)] = {
        strategies: strategies.map((s): StrategyName => strategyName(sb, s)),
        operators: members.map((m) => actorIdOf(sb, m) ?? m),
        slashCount: String(await view<bigint>(chain, am, 'MiniAllocationManager', 'getSlashCount', [set])),
      };
    }
    out[a.id] = { sets };
  }
  return out;
}

// ---------------------------------------------------------------- strategies, validators, burned

async function readLedger(sb: Sandbox): Promise<{
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
    lockedSlashedNativeShares: String(
      await view<bigint>(chain, addresses.eigenPodManager, 'MiniEigenPodManager', 'burnableETHShares'),
    ),
  };
}

/** The pre-lens readWorld: one eth_call per number. */
export async function readWorldReference(sb: Sandbox): Promise<World> {
  const ledger = await readLedger(sb);
  return {
    format: WORLD_FORMAT,
    block: String(sb.chain.head.number),
    timestamp: String(sb.chain.head.timestamp),
    accounts: await readAccounts(sb),
    stakers: await readStakers(sb),
    operators: await readOperators(sb),
    avs: await readAvs(sb),
    strategies: ledger.strategies,
    lst: await readLst(sb),
    vaults: await readVaults(sb),
    validators: ledger.validators,
    burned: ledger.burned,
    lockedSlashedNativeShares: ledger.lockedSlashedNativeShares,
  };
}
