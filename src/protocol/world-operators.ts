// world@1 `operators` (shares, magnitudes, allocations per operator set) and `avs` (operator sets, members,
// slash counts, the AVS-level veto window and its slash requests), keyed by actor ids rather than addresses.
import type { Address } from 'viem';
import { actorIdOf, type Sandbox } from './sandbox.ts';
import { strategyName } from './actions/staker.ts';
import { STRATEGY_NAMES, view } from './world-read.ts';
import type {
  AllocationState,
  AvsState,
  OperatorState,
  SlashRequestState,
  SlashRequestStatus,
  StrategyName,
} from './world-types.ts';

interface OperatorSetRef {
  avs: Address;
  id: number;
}

export async function readOperators(sb: Sandbox): Promise<Record<string, OperatorState>> {
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
    // The batch views answer for every strategy in one call each.
    const strategies = STRATEGY_NAMES.map((n) => addresses.strategies[n]);
    const shares = await view<readonly bigint[]>(
      chain,
      addresses.delegationManager,
      'MiniDelegationManager',
      'getOperatorShares',
      [a.address, strategies],
    );
    const maxMagnitudes = await view<readonly bigint[]>(
      chain,
      am,
      'MiniAllocationManager',
      'getMaxMagnitudes',
      [a.address, strategies],
    );
    for (const [i, name] of STRATEGY_NAMES.entries()) {
      state.shares[name] = String(shares[i] ?? 0n);
      state.maxMagnitude[name] = String(maxMagnitudes[i] ?? 0n);
      state.encumberedMagnitude[name] = String(
        await view<bigint>(chain, am, 'MiniAllocationManager', 'getEncumberedMagnitude', [
          a.address,
          strategies[i],
        ]),
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

export async function readAvs(sb: Sandbox): Promise<Record<string, AvsState>> {
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
    const committee = await view<Address>(chain, a.contract, 'MiniAVS', 'vetoCommittee');
    out[a.id] = {
      sets,
      vetoWindowBlocks: String(await view<number>(chain, a.contract, 'MiniAVS', 'vetoWindowBlocks')),
      vetoCommittee: actorIdOf(sb, committee),
      slashRequests: await readSlashRequests(sb, a.id, a.contract),
    };
  }
  return out;
}

/** MiniAVS.SlashingStatus (None, Requested, Cancelled, Completed) in world@1's words. */
const STATUS: Record<number, SlashRequestStatus> = { 1: 'pending', 2: 'vetoed', 3: 'executed' };

async function readSlashRequests(
  sb: Sandbox,
  avsId: string,
  avs: Address,
): Promise<Record<string, SlashRequestState>> {
  const out: Record<string, SlashRequestState> = {};
  for (const [as, ref] of Object.entries(sb.names.slashRequests)) {
    if (ref.avs !== avsId) continue;
    const r = await view<{
      operator: Address;
      operatorSetId: number;
      requestBlock: number;
      executableAtBlock: number;
      status: number;
    }>(sb.chain, avs, 'MiniAVS', 'getSlashRequest', [ref.requestId]);
    const status = STATUS[r.status];
    if (status === undefined) throw new Error(`slash request "${as}" has no status (${r.status})`);
    out[as] = {
      operator: actorIdOf(sb, r.operator) ?? ref.operator,
      set: String(r.operatorSetId),
      requestBlock: String(r.requestBlock),
      vetoableUntilBlock: String(r.executableAtBlock - 1),
      status,
    };
  }
  return out;
}
