// Test fixture for the periphery contracts: a chain with the core, the stETH-like token and its strategy, a
// rewards coordinator and one AVS, plus small helpers that throw on an unexpected revert. Test-only.
import type { Address } from 'viem';
import { createChain, read, write, type Chain, type TxResult } from '../../runtime.ts';
import { deployCore, TESTNET_DELAYS } from '../../deploy-core.ts';
import { deployAvs, deployLst, deployRewardsCoordinator } from '../../deploy-periphery.ts';

export const ETH = 10n ** 18n;
export const WAD = 10n ** 18n;

export type Call = (
  to: Address,
  contract: string,
  functionName: string,
  args?: readonly unknown[],
) => Promise<unknown>;

export interface Fixture {
  chain: Chain;
  deployer: Address;
  treasury: Address;
  operator: Address;
  avsOwner: Address;
  committee: Address;
  alice: Address;
  bob: Address;
  carol: Address;
  lst: Address;
  strategy: Address;
  core: Awaited<ReturnType<typeof deployCore>>;
  rewardsCoordinator: Address;
  avs: Address;
  /** A transaction that must succeed; returns its result. */
  tx: (
    from: Address,
    to: Address,
    contract: string,
    functionName: string,
    args?: readonly unknown[],
    value?: bigint,
  ) => Promise<TxResult & { result?: unknown }>;
  /** A transaction that may revert (the result says which error). */
  attempt: Fixture['tx'];
  call: <T = bigint>(
    to: Address,
    contract: string,
    functionName: string,
    args?: readonly unknown[],
  ) => Promise<T>;
}

export async function fixture(opts: { rewardsActivationDelay?: number } = {}): Promise<Fixture> {
  const chain = await createChain({ accounts: 8 });
  const [deployer, treasury, operator, avsOwner, committee, alice, bob, carol] = chain.accounts.map(
    (a) => a.address,
  ) as [Address, Address, Address, Address, Address, Address, Address, Address];
  const { lst } = await deployLst(chain, { oracle: deployer, treasury });
  const core = await deployCore(chain, { deployer, ...TESTNET_DELAYS, tokens: { stETH: lst } });
  const strategy = core.strategies.stETH;
  if (strategy === undefined) throw new Error('no stETH strategy');
  const rewardsCoordinator = await deployRewardsCoordinator(chain, core, {
    activationDelayBlocks: opts.rewardsActivationDelay ?? 10,
  });
  const avs = await deployAvs(chain, core, avsOwner, { rewardsCoordinator });

  const attempt: Fixture['tx'] = (from, to, contract, functionName, args = [], value) =>
    write(chain, { from, to, contract, functionName, args, ...(value === undefined ? {} : { value }) });
  const tx: Fixture['tx'] = async (from, to, contract, functionName, args = [], value) => {
    const r = await attempt(from, to, contract, functionName, args, value);
    if (!r.ok) throw new Error(`${contract}.${functionName} reverted: ${r.error?.message ?? ''}`);
    return r;
  };
  const call = <T = bigint>(
    to: Address,
    contract: string,
    functionName: string,
    args: readonly unknown[] = [],
  ) => read<T>(chain, { to, contract, functionName, args });
  return {
    chain,
    deployer,
    treasury,
    operator,
    avsOwner,
    committee,
    alice,
    bob,
    carol,
    lst,
    strategy,
    core,
    rewardsCoordinator,
    avs,
    tx,
    attempt,
    call,
  };
}

/** `who` stakes `amount` ETH in the LST and deposits all of it into the stETH strategy. */
export async function stakeAndDeposit(f: Fixture, who: Address, amount: bigint): Promise<void> {
  await f.tx(who, f.lst, 'MiniLST', 'submit', [], amount);
  await f.tx(who, f.lst, 'MiniLST', 'approve', [f.core.strategyManager, amount]);
  await f.tx(who, f.core.strategyManager, 'MiniStrategyManager', 'depositIntoStrategy', [
    f.strategy,
    f.lst,
    amount,
  ]);
}

export async function registerOperator(f: Fixture, operator: Address): Promise<void> {
  await f.tx(operator, f.core.delegationManager, 'MiniDelegationManager', 'registerAsOperator', [0, '']);
}

export async function delegate(f: Fixture, staker: Address, operator: Address): Promise<void> {
  await f.tx(staker, f.core.delegationManager, 'MiniDelegationManager', 'delegateTo', [operator]);
}

export async function createSet(f: Fixture, id: number): Promise<void> {
  await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'createOperatorSet', [id, [f.strategy], ZERO]);
}

/** Allocates `magnitude` (WAD) of the operator's stETH stake to set `id` (allocation delay 0: effective now). */
export async function allocate(f: Fixture, operator: Address, id: number, magnitude: bigint): Promise<void> {
  await f.tx(operator, f.core.allocationManager, 'MiniAllocationManager', 'modifyAllocations', [
    operator,
    [{ operatorSet: { avs: f.avs, id }, strategies: [f.strategy], newMagnitudes: [magnitude] }],
  ]);
}

export function registerForSets(f: Fixture, operator: Address, ids: number[]) {
  return f.attempt(operator, f.core.allocationManager, 'MiniAllocationManager', 'registerForOperatorSets', [
    operator,
    { avs: f.avs, operatorSetIds: ids, data: '0x' },
  ]);
}

export function withdrawable(f: Fixture, staker: Address): Promise<bigint> {
  return f
    .call<readonly [readonly bigint[], readonly bigint[]]>(
      f.core.delegationManager,
      'MiniDelegationManager',
      'getWithdrawableShares',
      [staker, [f.strategy]],
    )
    .then(([w]) => w[0] ?? 0n);
}

export const ZERO: Address = '0x0000000000000000000000000000000000000000';
