// Shared set-up for the core contracts' tests: a fresh chain with the core deployed (testnet-sized delays),
// a plain test token with its strategy, and small helpers that fail loudly when a transaction reverts.
import { expect } from 'vitest';
import type { Address } from 'viem';
import { advance, createChain, read, write, type Chain, type TxResult } from '../../runtime.ts';
import { BEACONCHAIN_ETH_STRAT, deployCore, deployStrategy, type CoreAddresses } from '../../deploy-core.ts';
import { deploy } from '../../runtime.ts';

export const WAD = 10n ** 18n;
export const ETH = 10n ** 18n;
export const NATIVE = BEACONCHAIN_ETH_STRAT;
export const D = 50n; // withdrawal delay (blocks)
export const DEALLOC = 60n; // deallocation delay (blocks)
export const CONFIG_DELAY = 75n; // allocation configuration delay (blocks)

export interface Fixture {
  chain: Chain;
  core: CoreAddresses;
  token: Address;
  strategy: Address;
  acct: Address[];
  /** Sends a transaction and asserts it succeeded. */
  ok: (
    from: Address,
    to: Address,
    contract: string,
    fn: string,
    args?: unknown[],
    value?: bigint,
  ) => Promise<TxResult & { result?: unknown }>;
  /** Sends a transaction and asserts it reverted with `error`. */
  fails: (
    error: string,
    from: Address,
    to: Address,
    contract: string,
    fn: string,
    args?: unknown[],
    value?: bigint,
  ) => Promise<TxResult>;
  view: <T>(to: Address, contract: string, fn: string, args?: unknown[]) => Promise<T>;
}

export async function setup(opts: { beaconPenaltyDivisor?: bigint } = {}): Promise<Fixture> {
  const chain = await createChain({ accounts: 10 });
  const acct = chain.accounts.map((a) => a.address);
  const core = await deployCore(chain, {
    withdrawalDelayBlocks: D,
    deallocationDelayBlocks: DEALLOC,
    allocationConfigurationDelayBlocks: CONFIG_DELAY,
    ...(opts.beaconPenaltyDivisor === undefined ? {} : { beaconPenaltyDivisor: opts.beaconPenaltyDivisor }),
  });
  const token = await deploy(chain, { from: core.deployer, contract: 'MiniTestToken' });
  const strategy = await deployStrategy(chain, core, token);
  const send = (
    from: Address,
    to: Address,
    contract: string,
    fn: string,
    args: unknown[] = [],
    value?: bigint,
  ) =>
    write(chain, { from, to, contract, functionName: fn, args, ...(value === undefined ? {} : { value }) });
  return {
    chain,
    core,
    token,
    strategy,
    acct,
    ok: async (from, to, contract, fn, args, value) => {
      const r = await send(from, to, contract, fn, args, value);
      if (!r.ok) throw new Error(`${contract}.${fn} reverted: ${r.error?.message ?? ''}`);
      return r;
    },
    fails: async (error, from, to, contract, fn, args, value) => {
      const r = await send(from, to, contract, fn, args, value);
      expect(r.ok, `${contract}.${fn} should revert with ${error}`).toBe(false);
      expect(r.error?.name).toBe(error);
      return r;
    },
    view: <T>(to: Address, contract: string, fn: string, args: unknown[] = []) =>
      read<T>(chain, { to, contract, functionName: fn, args }),
  };
}

/** Mints `amount` test tokens to `staker` and deposits them into the test strategy. */
export async function depositLst(f: Fixture, staker: Address, amount: bigint): Promise<TxResult> {
  await f.ok(staker, f.token, 'MiniTestToken', 'mint', [staker, amount]);
  await f.ok(staker, f.token, 'MiniTestToken', 'approve', [f.core.strategyManager, amount]);
  return f.ok(staker, f.core.strategyManager, 'MiniStrategyManager', 'depositIntoStrategy', [
    f.strategy,
    f.token,
    amount,
  ]);
}

export const registerOperator = (f: Fixture, op: Address, allocationDelay = 0) =>
  f.ok(op, f.core.delegationManager, 'MiniDelegationManager', 'registerAsOperator', [
    allocationDelay,
    'ipfs://op',
  ]);

export const delegate = (f: Fixture, staker: Address, op: Address) =>
  f.ok(staker, f.core.delegationManager, 'MiniDelegationManager', 'delegateTo', [op]);

/** An EOA AVS: registers metadata and creates set `id` over `strategies` with itself as slasher. */
export async function createSet(
  f: Fixture,
  avs: Address,
  id: number,
  strategies: Address[],
  recipient?: Address,
) {
  await f.ok(avs, f.core.allocationManager, 'MiniAllocationManager', 'updateAVSMetadataURI', [
    avs,
    'ipfs://avs',
  ]);
  const params = [{ operatorSetId: id, strategies, slasher: avs }];
  if (recipient === undefined) {
    await f.ok(avs, f.core.allocationManager, 'MiniAllocationManager', 'createOperatorSets', [avs, params]);
  } else {
    await f.ok(avs, f.core.allocationManager, 'MiniAllocationManager', 'createRedistributingOperatorSets', [
      avs,
      params,
      [recipient],
    ]);
  }
}

export const registerForSet = (f: Fixture, op: Address, avs: Address, id: number) =>
  f.ok(op, f.core.allocationManager, 'MiniAllocationManager', 'registerForOperatorSets', [
    op,
    { avs, operatorSetIds: [id], data: '0x' },
  ]);

export const allocate = (
  f: Fixture,
  op: Address,
  avs: Address,
  id: number,
  strategies: Address[],
  mags: bigint[],
) =>
  f.ok(op, f.core.allocationManager, 'MiniAllocationManager', 'modifyAllocations', [
    op,
    [{ operatorSet: { avs, id }, strategies, newMagnitudes: mags }],
  ]);

export const slash = (
  f: Fixture,
  avs: Address,
  op: Address,
  id: number,
  strategies: Address[],
  wads: bigint[],
) =>
  f.ok(avs, f.core.allocationManager, 'MiniAllocationManager', 'slashOperator', [
    avs,
    { operator: op, operatorSetId: id, strategies, wadsToSlash: wads, description: 'test slash' },
  ]);

export async function withdrawable(f: Fixture, staker: Address, strategy: Address): Promise<bigint> {
  const [w] = await f.view<[bigint[], bigint[]]>(
    f.core.delegationManager,
    'MiniDelegationManager',
    'getWithdrawableShares',
    [staker, [strategy]],
  );
  return w[0]!;
}

export const operatorShares = (f: Fixture, op: Address, strategy: Address) =>
  f.view<bigint>(f.core.delegationManager, 'MiniDelegationManager', 'operatorShares', [op, strategy]);

export const maxMagnitude = (f: Fixture, op: Address, strategy: Address) =>
  f.view<bigint>(f.core.allocationManager, 'MiniAllocationManager', 'getMaxMagnitude', [op, strategy]);

/** Mines nothing; moves the head so that the NEXT transaction lands in block `n`. */
export function nextTxAt(f: Fixture, n: bigint): void {
  const gap = n - 1n - f.chain.head.number;
  if (gap < 0n) throw new Error(`block ${n} is already past (head ${f.chain.head.number})`);
  advance(f.chain, { blocks: gap });
}

export function eventArgs(r: TxResult, name: string): Record<string, unknown>[] {
  return r.events.filter((e) => e.eventName === name).map((e) => e.args);
}
