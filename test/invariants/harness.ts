// Shared harness for the property tests: one sandbox booted per test file (3 stakers, 2 operators, 2 AVSs with
// operator sets on stETH and beaconETH, one vault delegated to op1), a snapshot to restore before every
// fast-check run, a lean observation of the state the invariants need, and the invariants of mechanics.md §2.9
// plus token conservation and the vault's NAV identity. Every expected value is computed here from the formulas
// of mechanics.md and the contract headers, from raw reads; nothing is copied from the code's own output.
import type { Address } from 'viem';
import {
  getBalance,
  readBatch,
  readView,
  restore,
  snapshot,
  trackWrites,
  type Snapshot,
} from '../../src/chain/runtime.ts';
import { bootSandbox } from '../../src/protocol/boot.ts';
import { runStep, type RunFailure } from '../../src/protocol/runner.ts';
import { cloneNames, type Names, type Sandbox } from '../../src/protocol/sandbox.ts';
import type { Step } from '../../src/protocol/scenario-actions.ts';
import { resolveConfig } from '../../src/protocol/scenario-config.ts';

export const E = 10n ** 18n;
export const WAD = 10n ** 18n;
export const GWEI = 10n ** 9n;
/** MiniStrategy's SHARES_OFFSET = BALANCE_OFFSET (mechanics.md §1.2). */
export const OFFSET = 1000n;

export const STAKERS = ['alice', 'bob', 'carol'] as const;
export const OPERATORS = ['op1', 'op2'] as const;
export const VAULT = 'lrt';
/** Every EigenLayer staker: the three stakers, the operators (self-delegated) and the vault contract. */
export const ALL_STAKERS = [...STAKERS, ...OPERATORS, VAULT] as const;
export const STRATS = ['stETH', 'beaconETH'] as const;
export type Strat = (typeof STRATS)[number];
export type Op = (typeof OPERATORS)[number];
export type StakerId = (typeof ALL_STAKERS)[number];

export interface SetRef {
  avs: 'avs1' | 'avs2';
  set: number;
  strategies: Strat[];
}
/** The operator sets every file creates: avs1/0 over both strategies, avs2/0 over stETH, avs2/1 over beaconETH. */
export const SETS: readonly SetRef[] = [
  { avs: 'avs1', set: 0, strategies: ['stETH', 'beaconETH'] },
  { avs: 'avs2', set: 0, strategies: ['stETH'] },
  { avs: 'avs2', set: 1, strategies: ['beaconETH'] },
];
export const setKey = (s: SetRef) => `${s.avs}/${s.set}`;

const ZERO: Address = '0x0000000000000000000000000000000000000000';
const DEAD: Address = '0x000000000000000000000000000000000000dEaD';

/**
 * Classroom preset with the three delays compressed further (same formulas, shorter windows), so that random
 * sequences of ~20 steps reach withdrawal completion, vault claims and completed deallocations. Every
 * transaction mines a block, so a few steps plus a short advance pass a delay.
 */
export const DELAY = 8n;
export const CONFIG = resolveConfig({
  preset: 'classroom',
  withdrawalDelayBlocks: DELAY,
  deallocationDelayBlocks: DELAY,
  allocationConfigurationDelayBlocks: DELAY + 2n,
});

export const ACTORS = [
  ...STAKERS.map((id) => ({ id, role: 'staker' as const, eth: 1000n * E })),
  { id: 'op1', role: 'operator' as const, eth: 500n * E },
  { id: 'op2', role: 'operator' as const, eth: 500n * E },
  { id: 'avs1', role: 'avs' as const },
  { id: 'avs2', role: 'avs' as const },
  { id: VAULT, role: 'vault' as const, operator: 'op1' },
];

/** Runs a step that must succeed (set-up only). */
export async function must(sb: Sandbox, step: Step): Promise<void> {
  const r = await runStep(sb, 0, step);
  if (r.failure !== undefined) throw new Error(`set-up step failed: ${r.failure.message}`);
}

export interface World0 {
  sb: Sandbox;
  snap: Snapshot;
  names: Names;
  /** Σ ETH over every account the protocol can move ETH to, right after set-up. */
  ethTotal: bigint;
  /** The writes since the last reset: the next reset keeps every kept read they did not touch. */
  since?: { stop: () => ReadonlySet<string> };
}

/**
 * Boots the sandbox and runs the common set-up: both operators registered (op1 with allocation delay 0, op2 with
 * 3 so increases stay pending for a while), the three operator sets, every operator registered for every set,
 * some stETH staked, deposited and delegated, initial allocations, and one verified validator for alice.
 */
export async function bootWorld(): Promise<World0> {
  const sb = await bootSandbox({ config: CONFIG, actors: ACTORS });
  const steps: Step[] = [
    { action: 'operator.register', by: 'op1', allocationDelay: 0n },
    { action: 'operator.register', by: 'op2', allocationDelay: 3n },
    ...SETS.map((s): Step => ({
      action: 'avs.createOperatorSet',
      by: s.avs,
      set: s.set,
      strategies: s.strategies,
    })),
    ...OPERATORS.flatMap((op): Step[] => [
      { action: 'operator.registerForSets', by: op, avs: 'avs1', sets: [0] },
      { action: 'operator.registerForSets', by: op, avs: 'avs2', sets: [0, 1] },
    ]),
    ...[...STAKERS, ...OPERATORS].map((id): Step => ({ action: 'lst.stake', by: id, amount: 200n * E })),
    { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: 60n * E },
    { action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: 45n * E },
    { action: 'strategy.deposit', by: 'op2', strategy: 'stETH', amount: 10n * E },
    { action: 'staker.delegate', by: 'alice', operator: 'op1' },
    { action: 'staker.delegate', by: 'bob', operator: 'op2' },
    { action: 'vault.deposit', by: 'carol', vault: VAULT, amount: 30n * E },
    {
      action: 'operator.allocate',
      by: 'op1',
      avs: 'avs1',
      set: 0,
      strategy: 'stETH',
      magnitude: (3n * WAD) / 10n,
    },
    {
      action: 'operator.allocate',
      by: 'op1',
      avs: 'avs2',
      set: 0,
      strategy: 'stETH',
      magnitude: (4n * WAD) / 10n,
    },
    {
      action: 'operator.allocate',
      by: 'op1',
      avs: 'avs1',
      set: 0,
      strategy: 'beaconETH',
      magnitude: WAD / 2n,
    },
    { action: 'operator.allocate', by: 'op2', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: WAD / 2n },
    {
      action: 'operator.allocate',
      by: 'op2',
      avs: 'avs2',
      set: 1,
      strategy: 'beaconETH',
      magnitude: WAD / 4n,
    },
    { action: 'pod.stake', by: 'alice', as: 'alice-v0' },
    { action: 'pod.verifyCredentials', by: 'alice', validators: ['alice-v0'] },
    { action: 'chain.advance', blocks: 4n },
  ];
  for (const s of steps) await must(sb, s);
  const snap = await snapshot(sb.chain);
  return { sb, snap, names: cloneNames(sb.names), ethTotal: await ethTotal(sb) };
}

export async function reset(w: World0): Promise<void> {
  await restore(w.sb.chain, w.snap, w.since?.stop());
  w.sb.names = cloneNames(w.names);
  w.since = trackWrites(w.sb.chain);
}

// ---------------------------------------------------------------- reads

export function call<T>(
  sb: Sandbox,
  to: Address,
  contract: string,
  functionName: string,
  args: unknown[] = [],
) {
  // Incremental (src/chain/read-memo.ts): still a view call's answer, re-run whenever an input it read changed.
  return readView<T>(sb.chain, { to, contract, functionName, args });
}

export function stakerAddr(sb: Sandbox, id: string): Address {
  const a = sb.actors[id];
  if (a === undefined) throw new Error(`no actor ${id}`);
  return a.role === 'vault' ? (a.contract as Address) : a.address;
}

export function avsAddr(sb: Sandbox, id: string): Address {
  const a = sb.actors[id];
  if (a?.contract === undefined) throw new Error(`no avs ${id}`);
  return a.contract;
}

/** Every address ETH can reach in this protocol: accounts, contracts, pods, the LST's loss sink, burn and 0xdead. */
export async function ethAddresses(sb: Sandbox): Promise<Address[]> {
  const set = new Set<string>();
  for (const a of sb.chain.accounts) set.add(a.address.toLowerCase());
  for (const a of Object.values(sb.actors)) {
    set.add(a.address.toLowerCase());
    if (a.contract !== undefined) set.add(a.contract.toLowerCase());
  }
  const { strategies, ...rest } = sb.addresses;
  for (const v of Object.values(rest)) set.add(v.toLowerCase());
  for (const v of Object.values(strategies)) set.add(v.toLowerCase());
  for (const id of [...STAKERS, ...OPERATORS]) {
    const pod = await call<Address>(sb, sb.addresses.eigenPodManager, 'MiniEigenPodManager', 'ownerToPod', [
      stakerAddr(sb, id),
    ]);
    if (pod !== ZERO) set.add(pod.toLowerCase());
  }
  set.add(ZERO);
  set.add(DEAD.toLowerCase());
  return [...set] as Address[];
}

export async function ethTotal(sb: Sandbox): Promise<bigint> {
  let total = 0n;
  for (const a of await ethAddresses(sb)) total += await getBalance(sb.chain, a);
  return total;
}

/** stETH holders: every actor account, the vault, the strategy, the treasury (the oracle), burn, 0xdead, wstETH. */
export function lstHolders(sb: Sandbox): Address[] {
  const out: Address[] = [...STAKERS, ...OPERATORS].map((id) => stakerAddr(sb, id));
  out.push(
    stakerAddr(sb, VAULT),
    sb.addresses.strategies.stETH,
    sb.system.oracle,
    sb.system.deployer,
    sb.addresses.burnAddress,
    sb.addresses.wstETH,
    DEAD,
  );
  return out;
}

export interface AllocObs {
  cur: bigint;
  pd: bigint;
  eff: bigint;
}

export interface VaultRequestObs {
  id: bigint;
  valueAtRequest: bigint;
  scaledShares: bigint;
  startBlock: bigint;
  delegatedTo: Address;
  /** Max magnitude of the withdrawal's operator at min(startBlock + D, now), read from the history. */
  magnitude: bigint;
}

export interface Obs {
  block: bigint;
  mag: Record<Op, Record<Strat, bigint>>;
  enc: Record<Op, Record<Strat, bigint>>;
  opShares: Record<Op, Record<Strat, bigint>>;
  alloc: Record<Op, Record<string, Partial<Record<Strat, AllocObs>>>>;
  stakers: Record<
    StakerId,
    {
      delegatedTo: Address;
      deposit: Record<Strat, bigint>;
      withdrawable: Record<Strat, bigint>;
      bcsf: bigint;
    }
  >;
  lst: { pooled: bigint; totalShares: bigint; ethHeld: bigint; shares: bigint[]; balances: bigint[] };
  strategy: { totalShares: bigint; balance: bigint };
  eth: bigint;
  vault: {
    supply: bigint;
    totalValue: bigint;
    rate: bigint;
    idle: bigint;
    staked: bigint;
    queued: bigint;
    owed: bigint;
    requests: VaultRequestObs[];
  };
}

export function observe(sb: Sandbox): Promise<Obs> {
  return readBatch(sb.chain, () => observeAll(sb));
}

async function observeAll(sb: Sandbox): Promise<Obs> {
  const { addresses: ad } = sb;
  const stratAddrs = STRATS.map((s) => ad.strategies[s]);
  const am = ad.allocationManager;
  const dm = ad.delegationManager;
  const mag = {} as Obs['mag'];
  const enc = {} as Obs['enc'];
  const opShares = {} as Obs['opShares'];
  const alloc = {} as Obs['alloc'];
  for (const op of OPERATORS) {
    const who = stakerAddr(sb, op);
    const m = await call<readonly bigint[]>(sb, am, 'MiniAllocationManager', 'getMaxMagnitudes', [
      who,
      stratAddrs,
    ]);
    const sh = await call<readonly bigint[]>(sb, dm, 'MiniDelegationManager', 'getOperatorShares', [
      who,
      stratAddrs,
    ]);
    mag[op] = { stETH: m[0] ?? -1n, beaconETH: m[1] ?? -1n };
    opShares[op] = { stETH: sh[0] ?? -1n, beaconETH: sh[1] ?? -1n };
    enc[op] = { stETH: 0n, beaconETH: 0n };
    for (const s of STRATS) {
      enc[op][s] = await call<bigint>(sb, am, 'MiniAllocationManager', 'getEncumberedMagnitude', [
        who,
        ad.strategies[s],
      ]);
    }
    alloc[op] = {};
    for (const set of SETS) {
      const per: Partial<Record<Strat, AllocObs>> = {};
      for (const s of set.strategies) {
        const a = await call<{ currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }>(
          sb,
          am,
          'MiniAllocationManager',
          'getAllocation',
          [who, { avs: avsAddr(sb, set.avs), id: set.set }, ad.strategies[s]],
        );
        per[s] = { cur: a.currentMagnitude, pd: a.pendingDiff, eff: BigInt(a.effectBlock) };
      }
      alloc[op][setKey(set)] = per;
    }
  }
  const stakers = {} as Obs['stakers'];
  for (const id of ALL_STAKERS) {
    const who = stakerAddr(sb, id);
    const [w, d] = await call<[readonly bigint[], readonly bigint[]]>(
      sb,
      dm,
      'MiniDelegationManager',
      'getWithdrawableShares',
      [who, stratAddrs],
    );
    stakers[id] = {
      delegatedTo: await call<Address>(sb, dm, 'MiniDelegationManager', 'delegatedTo', [who]),
      deposit: { stETH: d[0] ?? -1n, beaconETH: d[1] ?? -1n },
      withdrawable: { stETH: w[0] ?? -1n, beaconETH: w[1] ?? -1n },
      bcsf: await call<bigint>(sb, ad.eigenPodManager, 'MiniEigenPodManager', 'beaconChainSlashingFactor', [
        who,
      ]),
    };
  }
  const holders = lstHolders(sb);
  const shares: bigint[] = [];
  const balances: bigint[] = [];
  for (const h of holders) {
    shares.push(await call<bigint>(sb, ad.lst, 'MiniLST', 'sharesOf', [h]));
    balances.push(await call<bigint>(sb, ad.lst, 'MiniLST', 'balanceOf', [h]));
  }
  const lst = {
    pooled: await call<bigint>(sb, ad.lst, 'MiniLST', 'totalPooledEther'),
    totalShares: await call<bigint>(sb, ad.lst, 'MiniLST', 'totalShares'),
    ethHeld: await getBalance(sb.chain, ad.lst),
    shares,
    balances,
  };
  const strategy = {
    totalShares: await call<bigint>(sb, ad.strategies.stETH, 'MiniStrategy', 'totalShares'),
    balance: balances[holders.indexOf(ad.strategies.stETH)] ?? -1n,
  };
  return {
    block: sb.chain.head.number,
    mag,
    enc,
    opShares,
    alloc,
    stakers,
    lst,
    strategy,
    eth: await ethTotal(sb),
    vault: await observeVault(sb),
  };
}

async function observeVault(sb: Sandbox): Promise<Obs['vault']> {
  const v = stakerAddr(sb, VAULT);
  const dm = sb.addresses.delegationManager;
  const D = sb.config.withdrawalDelayBlocks;
  const now = sb.chain.head.number;
  const get = (fn: string, args: unknown[] = []) => call<bigint>(sb, v, 'MiniLRT', fn, args);
  const ids = await call<readonly bigint[]>(sb, v, 'MiniLRT', 'getOpenRequestIds');
  const requests: VaultRequestObs[] = [];
  for (const id of ids) {
    const r = await call<{ valueAtRequest: bigint; withdrawalRoot: `0x${string}` }>(
      sb,
      v,
      'MiniLRT',
      'getRequest',
      [id],
    );
    const [w] = await call<
      [
        {
          delegatedTo: Address;
          startBlock: number;
          strategies: readonly Address[];
          scaledShares: readonly bigint[];
        },
      ]
    >(sb, dm, 'MiniDelegationManager', 'getQueuedWithdrawal', [r.withdrawalRoot]);
    const start = BigInt(w.startBlock);
    const at = start + D < now ? start + D : now;
    requests.push({
      id,
      valueAtRequest: r.valueAtRequest,
      scaledShares: w.scaledShares[0] ?? -1n,
      startBlock: start,
      delegatedTo: w.delegatedTo,
      magnitude: await call<bigint>(
        sb,
        sb.addresses.allocationManager,
        'MiniAllocationManager',
        'getMaxMagnitudeAtBlock',
        [w.delegatedTo, sb.addresses.strategies.stETH, Number(at)],
      ),
    });
  }
  return {
    supply: await get('totalSupply'),
    totalValue: await get('totalValue'),
    rate: await get('rate'),
    idle: await get('idleAssets'),
    staked: await get('stakedValue'),
    queued: await get('queuedValue'),
    owed: await get('owedToRedeemers'),
    requests,
  };
}

// ---------------------------------------------------------------- invariants

export class InvariantError extends Error {
  override name = 'InvariantError';
}

function check(cond: boolean, message: () => string): void {
  if (!cond) throw new InvariantError(message());
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** StrategyBase.sharesToUnderlyingView (mechanics.md §1.2), recomputed. */
export const sharesToUnderlying = (shares: bigint, balance: bigint, totalShares: bigint) =>
  ((balance + OFFSET) * shares) / (totalShares + OFFSET);

type Direction = 'none' | 'up' | 'down' | 'any';

/** How a successful step may move a staker's deposit shares (mechanics.md §0, §2.9). */
export function depositSharesMay(step: Step, sb: Sandbox, staker: StakerId, s: Strat): Direction {
  switch (step.action) {
    case 'strategy.deposit':
      return step.by === staker && s === 'stETH' ? 'up' : 'none';
    case 'withdrawal.queue':
      return step.by === staker && step.strategy === s ? 'down' : 'none';
    case 'staker.undelegate':
      return step.by === staker ? 'down' : 'none';
    case 'withdrawal.complete': {
      const w = sb.names.withdrawals[step.withdrawal];
      return !step.receiveAsTokens && step.by === staker && w?.strategy === s ? 'up' : 'none';
    }
    case 'pod.verifyCredentials':
    case 'pod.startCheckpoint':
    case 'pod.verifyCheckpoint':
      return step.by === staker && s === 'beaconETH' ? 'up' : 'none';
    case 'vault.deposit':
      return staker === VAULT && s === 'stETH' ? 'up' : 'none';
    case 'vault.requestRedeem':
      // Restakes idle stETH first (up), then queues a withdrawal (down).
      return staker === VAULT && s === 'stETH' ? 'any' : 'none';
    default:
      return 'none';
  }
}

/** Invariants of one observation on its own. */
export function checkState(o: Obs, sb: Sandbox): void {
  // 2. Allocations within max magnitude: Σ (current + pending increase) = encumbered ≤ max.
  for (const op of OPERATORS) {
    for (const s of STRATS) {
      let sum = 0n;
      for (const set of SETS) {
        const a = o.alloc[op][setKey(set)]?.[s];
        if (a === undefined) continue;
        check(
          a.cur >= 0n && a.cur + a.pd >= 0n,
          () => `${op} ${setKey(set)} ${s}: negative allocation ${a.cur}+${a.pd}`,
        );
        sum += a.cur + max(a.pd, 0n);
      }
      check(
        o.enc[op][s] <= o.mag[op][s],
        () => `${op} ${s}: encumbered ${o.enc[op][s]} > max ${o.mag[op][s]}`,
      );
      check(sum <= o.enc[op][s], () => `${op} ${s}: Σ allocations ${sum} > encumbered ${o.enc[op][s]}`);
      // mechanics.md §1.7: encumbered IS the sum of allocations incl. pending changes; nothing may leak.
      check(sum === o.enc[op][s], () => `${op} ${s}: encumbered ${o.enc[op][s]} ≠ Σ allocations ${sum}`);
    }
  }
  // 3. Operator shares ≥ Σ withdrawable shares of the stakers delegated to it (itself and the vault included).
  for (const op of OPERATORS) {
    const opAddr = stakerAddr(sb, op).toLowerCase();
    for (const s of STRATS) {
      let sum = 0n;
      const who: string[] = [];
      for (const id of ALL_STAKERS) {
        if (o.stakers[id].delegatedTo.toLowerCase() !== opAddr) continue;
        sum += o.stakers[id].withdrawable[s];
        who.push(`${id}=${o.stakers[id].withdrawable[s]}`);
      }
      check(
        o.opShares[op][s] >= sum,
        () => `${op} ${s}: operator shares ${o.opShares[op][s]} < Σ withdrawable ${sum} (${who.join(', ')})`,
      );
    }
  }
  // 5. Token conservation. MiniLST's header: address(this).balance == totalPooledEther at all times.
  check(
    o.lst.ethHeld === o.lst.pooled,
    () => `LST holds ${o.lst.ethHeld} wei but totalPooledEther=${o.lst.pooled}`,
  );
  const sumShares = o.lst.shares.reduce((a, b) => a + b, 0n);
  check(
    sumShares === o.lst.totalShares,
    () => `Σ LST shares of holders ${sumShares} ≠ totalShares ${o.lst.totalShares}`,
  );
  const sumBal = o.lst.balances.reduce((a, b) => a + b, 0n);
  // Each balance is ⌊shares·pooled/totalShares⌋, so the sum loses less than 1 wei per holder.
  check(
    sumBal <= o.lst.pooled && o.lst.pooled - sumBal < BigInt(o.lst.balances.length),
    () => `Σ stETH balances ${sumBal} vs totalPooledEther ${o.lst.pooled}`,
  );
  // 6. Vault NAV identity (MiniLRT header), every term recomputed from raw reads.
  const v = o.vault;
  const { balance, totalShares } = o.strategy;
  const idle = o.lst.balances[lstHolders(sb).indexOf(stakerAddr(sb, VAULT))] ?? -1n;
  const staked = sharesToUnderlying(o.stakers[VAULT].withdrawable.stETH, balance, totalShares);
  let queued = 0n;
  let owed = 0n;
  for (const r of v.requests) {
    const now = sharesToUnderlying((r.scaledShares * r.magnitude) / WAD, balance, totalShares);
    queued += now;
    owed += min(r.valueAtRequest, now);
  }
  check(v.idle === idle, () => `vault idleAssets ${v.idle} ≠ its stETH balance ${idle}`);
  check(v.staked === staked, () => `vault stakedValue ${v.staked} ≠ ⌊(bal+1e3)·w/(ts+1e3)⌋ = ${staked}`);
  check(v.queued === queued, () => `vault queuedValue ${v.queued} ≠ recomputed ${queued}`);
  check(v.owed === owed, () => `vault owedToRedeemers ${v.owed} ≠ recomputed ${owed}`);
  const tv = idle + staked + queued - owed;
  check(v.totalValue === tv, () => `vault totalValue ${v.totalValue} ≠ idle+staked+queued−owed = ${tv}`);
  const rate = v.supply === 0n ? WAD : (tv * WAD) / v.supply;
  check(v.rate === rate, () => `vault rate ${v.rate} ≠ ⌊totalValue·1e18/supply⌋ = ${rate}`);
}

/** Invariants between the observation before a step and after it (the step succeeded). */
export function checkTransition(before: Obs, after: Obs, step: Step, sb: Sandbox, ethTotal0: bigint): void {
  // 1. maxMagnitude never increases, and only a slash of that operator lowers it.
  for (const op of OPERATORS) {
    for (const s of STRATS) {
      const [b, a] = [before.mag[op][s], after.mag[op][s]];
      check(a <= b, () => `${op} ${s}: maxMagnitude rose ${b} → ${a}`);
      const slashed = step.action === 'avs.slash' && step.operator === op && step.strategies.includes(s);
      check(a === b || slashed, () => `${op} ${s}: maxMagnitude moved ${b} → ${a} on ${step.action}`);
    }
  }
  // 1. The beacon-chain slashing factor never increases; only a checkpoint finalisation lowers it.
  for (const id of ALL_STAKERS) {
    const [b, a] = [before.stakers[id].bcsf, after.stakers[id].bcsf];
    check(a <= b, () => `${id}: beaconChainSlashingFactor rose ${b} → ${a}`);
    const checkpoint =
      (step.action === 'pod.verifyCheckpoint' || step.action === 'pod.startCheckpoint') && step.by === id;
    check(
      a === b || checkpoint,
      () => `${id}: beaconChainSlashingFactor moved ${b} → ${a} on ${step.action}`,
    );
  }
  // 4. Deposit shares change only on deposit, queue, completion as shares, pod share updates (never slashing).
  for (const id of ALL_STAKERS) {
    for (const s of STRATS) {
      const [b, a] = [before.stakers[id].deposit[s], after.stakers[id].deposit[s]];
      const may = depositSharesMay(step, sb, id, s);
      const ok = a === b || may === 'any' || (may === 'up' && a > b) || (may === 'down' && a < b);
      check(ok, () => `${id} ${s}: deposit shares ${b} → ${a} on ${step.action} (allowed: ${may})`);
    }
  }
  // 5. ETH is conserved across every account and contract (gas is priced at zero; beacon rewards are paid out
  // of MockBeaconChain's own reserve, and LST losses go to the LST's ETH_SINK, address 0).
  check(
    after.eth === ethTotal0,
    () => `Σ ETH ${after.eth} ≠ ${ethTotal0} (moved by ${after.eth - ethTotal0})`,
  );
}

// ---------------------------------------------------------------- running sequences

export interface Tally {
  ok: number;
  rejected: number;
  skipped: number;
  byAction: Record<string, { ok: number; rejected: number }>;
  errors: Record<string, number>;
}

export const newTally = (): Tally => ({ ok: 0, rejected: 0, skipped: 0, byAction: {}, errors: {} });

export function show(step: Step): string {
  return JSON.stringify(step, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v));
}

/**
 * Runs resolved steps one by one, checking every invariant after each. A rejected step must leave the chain
 * exactly as it was (the runner rolls it back). Throws InvariantError with the steps so far on any violation.
 */
export async function runChecked(
  w: World0,
  resolve: (sb: Sandbox, i: number) => Promise<Step | null>,
  count: number,
  tally: Tally,
): Promise<void> {
  const { sb } = w;
  let before = await observe(sb);
  const log: string[] = [];
  for (let i = 0; i < count; i++) {
    const step = await resolve(sb, i);
    if (step === null) {
      tally.skipped++;
      continue;
    }
    const namesBefore = cloneNames(sb.names);
    const { failure } = await runStep(sb, i, step);
    const entry = (tally.byAction[step.action] ??= { ok: 0, rejected: 0 });
    try {
      if (failure !== undefined) {
        tally.rejected++;
        entry.rejected++;
        const key = errorKey(failure);
        tally.errors[key] = (tally.errors[key] ?? 0) + 1;
        log.push(`${show(step)} → rejected (${failure.message})`);
        if (process.env['INV_DEBUG'] !== undefined) console.log(`rejected: ${failure.message}`);
        check(
          failure.kind === 'revert' || isStepError(failure),
          () => `unexpected failure: ${failure.message}`,
        );
        const after = await observe(sb);
        check(same(before, after), () => `a rejected ${step.action} changed the state`);
        continue;
      }
      tally.ok++;
      entry.ok++;
      log.push(`${show(step)} → ok`);
      const after = await observe(sb);
      // Transition rules read names (the withdrawal a completion refers to) as they were before the step.
      const sbBefore = { ...sb, names: namesBefore };
      checkTransition(before, after, step, sbBefore, w.ethTotal);
      checkState(after, sb);
      before = after;
    } catch (e) {
      if (e instanceof InvariantError) {
        e.message += `\nafter steps:\n  ${log.join('\n  ')}`;
      }
      throw e;
    }
  }
}

function isStepError(f: RunFailure): boolean {
  // The runner words non-contract StepErrors as "step i (action): message" and crashes as "... failed: ...".
  return f.kind === 'error' && !/^step \d+ \([^)]*\) failed: /.test(f.message);
}

function errorKey(f: RunFailure): string {
  return f.error?.name ?? (f.kind === 'error' ? 'StepError' : f.kind);
}

function same(a: Obs, b: Obs): boolean {
  const j = (o: Obs) => JSON.stringify(o, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v));
  return j(a) === j(b);
}
