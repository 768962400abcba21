// Random actions for the property tests. fast-check generates "seeds" (which action, which actor, which
// fraction); each seed is resolved into a scenario step against the live sandbox just before it runs, so amounts
// are fractions of what the actor actually holds and references (withdrawals, validators, slashes, requests)
// point at things earlier steps created. Sequences therefore stay meaningful, and shrink well.
import fc from 'fast-check';
import type { Sandbox } from '../../src/protocol/sandbox.ts';
import type { Step } from '../../src/protocol/scenario-actions.ts';
import {
  call,
  DELAY,
  E,
  GWEI,
  OPERATORS,
  SETS,
  stakerAddr,
  STAKERS,
  STRATS,
  VAULT,
  WAD,
  type Strat,
} from './harness.ts';

/** Actors that act as restakers: the three stakers and the operators (which may deposit like any staker). */
const RESTAKERS = [...STAKERS, ...OPERATORS] as const;
/** Native restakers: the three stakers and op1. */
const POD_OWNERS = ['alice', 'bob', 'carol', 'op1'] as const;

export type Seed =
  | { k: 'lst.stake'; who: number; bp: number }
  | { k: 'lst.report'; gain: boolean; ppm: number }
  | { k: 'strategy.deposit'; who: number; bp: number; wei: bigint }
  | { k: 'staker.delegate'; who: number; op: number }
  | { k: 'staker.undelegate'; who: number }
  | { k: 'withdrawal.queue'; who: number; strat: number; bp: number }
  | { k: 'withdrawal.complete'; who: number; pick: number; asTokens: boolean }
  | { k: 'operator.allocate'; op: number; set: number; strat: number; bp: number }
  | { k: 'chain.advance'; blocks: bigint }
  | { k: 'avs.slash'; op: number; set: number; both: boolean; wads: [bigint, bigint] }
  | { k: 'slashing.clear'; pick: number }
  | { k: 'pod.create'; who: number }
  | { k: 'pod.stake'; who: number }
  | { k: 'pod.verifyCredentials'; who: number; pick: number }
  | { k: 'pod.startCheckpoint'; who: number }
  | { k: 'pod.verifyCheckpoint'; who: number }
  | { k: 'beacon.reward'; pick: number; gwei: bigint }
  | { k: 'beacon.penalty'; pick: number; gwei: bigint }
  | { k: 'beacon.slash'; pick: number }
  | { k: 'beacon.exit'; pick: number }
  | { k: 'vault.deposit'; who: number; bp: number }
  | { k: 'vault.requestRedeem'; who: number; bp: number }
  | { k: 'vault.claim'; who: number; pick: number };

export type Kind = Seed['k'];

const idx = (n: number) => fc.nat({ max: n - 1 });
/** Basis points of what is available, biased to the ends (tiny amounts and "everything" find rounding edges). */
const bp = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 10_000) },
);
/** A slash: any fraction of the allocation in (0, 1e18], with 100% and 1 wei favoured. */
const wad = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: 1n, max: WAD }) },
  { weight: 1, arbitrary: fc.constantFrom(WAD, 1n, WAD / 2n) },
);

const ARBS: Record<Kind, fc.Arbitrary<Seed>> = {
  'lst.stake': fc.record({ k: fc.constant('lst.stake' as const), who: idx(RESTAKERS.length), bp }),
  'lst.report': fc.record({
    k: fc.constant('lst.report' as const),
    gain: fc.boolean(),
    ppm: fc.integer({ min: 1, max: 5_000 }),
  }),
  'strategy.deposit': fc.record({
    k: fc.constant('strategy.deposit' as const),
    who: idx(RESTAKERS.length),
    bp,
    wei: fc.bigInt({ min: 0n, max: 999n }),
  }),
  'staker.delegate': fc.record({
    k: fc.constant('staker.delegate' as const),
    who: idx(STAKERS.length),
    op: idx(OPERATORS.length),
  }),
  'staker.undelegate': fc.record({ k: fc.constant('staker.undelegate' as const), who: idx(STAKERS.length) }),
  'withdrawal.queue': fc.record({
    k: fc.constant('withdrawal.queue' as const),
    who: idx(RESTAKERS.length),
    strat: idx(2),
    bp,
  }),
  'withdrawal.complete': fc.record({
    k: fc.constant('withdrawal.complete' as const),
    who: idx(RESTAKERS.length),
    pick: fc.nat(),
    asTokens: fc.boolean(),
  }),
  'operator.allocate': fc.record({
    k: fc.constant('operator.allocate' as const),
    op: idx(OPERATORS.length),
    set: idx(SETS.length),
    strat: idx(2),
    bp: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(10_000)),
  }),
  'chain.advance': fc.record({
    k: fc.constant('chain.advance' as const),
    blocks: fc.oneof(
      { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: 5n }) },
      { weight: 1, arbitrary: fc.constantFrom(DELAY, DELAY + 1n, 3n * DELAY) },
    ),
  }),
  'avs.slash': fc.record({
    k: fc.constant('avs.slash' as const),
    op: idx(OPERATORS.length),
    set: idx(SETS.length),
    both: fc.boolean(),
    wads: fc.tuple(wad, wad),
  }),
  'slashing.clear': fc.record({ k: fc.constant('slashing.clear' as const), pick: fc.nat() }),
  'pod.create': fc.record({ k: fc.constant('pod.create' as const), who: idx(POD_OWNERS.length) }),
  'pod.stake': fc.record({ k: fc.constant('pod.stake' as const), who: idx(POD_OWNERS.length) }),
  'pod.verifyCredentials': fc.record({
    k: fc.constant('pod.verifyCredentials' as const),
    who: idx(POD_OWNERS.length),
    pick: fc.nat(),
  }),
  'pod.startCheckpoint': fc.record({
    k: fc.constant('pod.startCheckpoint' as const),
    who: idx(POD_OWNERS.length),
  }),
  'pod.verifyCheckpoint': fc.record({
    k: fc.constant('pod.verifyCheckpoint' as const),
    who: idx(POD_OWNERS.length),
  }),
  'beacon.reward': fc.record({
    k: fc.constant('beacon.reward' as const),
    pick: fc.nat(),
    gwei: fc.bigInt({ min: 1n, max: 2n * GWEI }),
  }),
  'beacon.penalty': fc.record({
    k: fc.constant('beacon.penalty' as const),
    pick: fc.nat(),
    gwei: fc.bigInt({ min: 1n, max: 3n * GWEI }),
  }),
  'beacon.slash': fc.record({ k: fc.constant('beacon.slash' as const), pick: fc.nat() }),
  'beacon.exit': fc.record({ k: fc.constant('beacon.exit' as const), pick: fc.nat() }),
  'vault.deposit': fc.record({ k: fc.constant('vault.deposit' as const), who: idx(RESTAKERS.length), bp }),
  'vault.requestRedeem': fc.record({
    k: fc.constant('vault.requestRedeem' as const),
    who: idx(RESTAKERS.length),
    bp,
  }),
  'vault.claim': fc.record({
    k: fc.constant('vault.claim' as const),
    who: idx(RESTAKERS.length),
    pick: fc.nat(),
  }),
};

/** A sequence of seeds, drawing actions by weight. */
export function seeds(weights: Partial<Record<Kind, number>>, minLength: number, maxLength: number) {
  const arbs = Object.entries(weights).map(([k, weight]) => ({ weight, arbitrary: ARBS[k as Kind] }));
  return fc.array(fc.oneof(...arbs), { minLength, maxLength });
}

const pick = <T>(xs: readonly T[], i: number): T | undefined =>
  xs.length === 0 ? undefined : xs[i % xs.length];
const frac = (x: bigint, bps: number) => (x * BigInt(bps)) / 10_000n;

async function lstBalance(sb: Sandbox, id: string): Promise<bigint> {
  return call<bigint>(sb, sb.addresses.lst, 'MiniLST', 'balanceOf', [stakerAddr(sb, id)]);
}

const ZERO = '0x0000000000000000000000000000000000000000';

async function podOf(sb: Sandbox, id: string): Promise<`0x${string}` | null> {
  const pod = await call<`0x${string}`>(
    sb,
    sb.addresses.eigenPodManager,
    'MiniEigenPodManager',
    'ownerToPod',
    [stakerAddr(sb, id)],
  );
  return pod === ZERO ? null : pod;
}

/** The seed's pod owner if it has a pod, else the next owner (cyclically) that has one. */
async function ownerWithPod(sb: Sandbox, who: number): Promise<string | null> {
  for (let i = 0; i < POD_OWNERS.length; i++) {
    const id = POD_OWNERS[(who + i) % POD_OWNERS.length] ?? 'alice';
    if ((await podOf(sb, id)) !== null) return id;
  }
  return null;
}

/** Named validators, optionally only those a pod has not verified yet, and only those not exited. */
async function liveValidators(sb: Sandbox, owner?: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of Object.keys(sb.names.validators).sort()) {
    const v = sb.names.validators[name];
    if (v === undefined || (owner !== undefined && v.owner !== owner)) continue;
    const b = await call<{ exited: boolean }>(
      sb,
      sb.addresses.beaconChain,
      'MockBeaconChain',
      'getValidator',
      [v.index],
    );
    if (b.exited) continue;
    if (owner !== undefined) {
      const pod = await podOf(sb, owner);
      if (pod === null) continue;
      const info = await call<{ status: number }>(sb, pod, 'MiniEigenPod', 'validatorInfoByIndex', [v.index]);
      if (info.status !== 0) continue;
    }
    out.push(name);
  }
  return out;
}

/** Counter for `as` names, so each created thing gets a fresh name within a run. */
let counter = 0;

/** Turns a seed into a scenario step against the current state; null when it has nothing to refer to. */
export async function resolveSeed(sb: Sandbox, seed: Seed): Promise<Step | null> {
  const n = ++counter;
  switch (seed.k) {
    case 'lst.stake': {
      const by = RESTAKERS[seed.who] ?? 'alice';
      return { action: 'lst.stake', by, amount: frac(50n * E, seed.bp) };
    }
    case 'lst.report': {
      const pooled = await call<bigint>(sb, sb.addresses.lst, 'MiniLST', 'totalPooledEther');
      // Gains up to 0.5% of the pool; losses up to 0.05% (a small negative rebase).
      const delta = seed.gain
        ? (pooled * BigInt(seed.ppm)) / 1_000_000n
        : -(pooled * BigInt(seed.ppm)) / 10_000_000n;
      return { action: 'lst.report', delta };
    }
    case 'strategy.deposit': {
      const by = RESTAKERS[seed.who] ?? 'alice';
      const bal = await lstBalance(sb, by);
      const amount = frac(bal, seed.bp);
      return {
        action: 'strategy.deposit',
        by,
        strategy: 'stETH',
        amount: amount > seed.wei ? amount - seed.wei : amount,
      };
    }
    case 'staker.delegate':
      return {
        action: 'staker.delegate',
        by: STAKERS[seed.who] ?? 'alice',
        operator: OPERATORS[seed.op] ?? 'op1',
      };
    case 'staker.undelegate':
      return { action: 'staker.undelegate', by: STAKERS[seed.who] ?? 'alice', as: `u${n}` };
    case 'withdrawal.queue': {
      const by = RESTAKERS[seed.who] ?? 'alice';
      const strategy: Strat = STRATS[seed.strat] ?? 'stETH';
      const [, dep] = await call<[readonly bigint[], readonly bigint[]]>(
        sb,
        sb.addresses.delegationManager,
        'MiniDelegationManager',
        'getWithdrawableShares',
        [stakerAddr(sb, by), [sb.addresses.strategies[strategy]]],
      );
      let shares = frac(dep[0] ?? 0n, seed.bp);
      // Native shares are paid in whole gwei: queue whole gwei unless everything goes.
      if (strategy === 'beaconETH' && seed.bp !== 10_000) shares -= shares % GWEI;
      return { action: 'withdrawal.queue', by, strategy, shares, as: `w${n}` };
    }
    case 'withdrawal.complete': {
      // Any named withdrawal, completed by its staker (`who` is unused: withdrawals are few).
      const mine = Object.keys(sb.names.withdrawals).sort();
      // Prefer withdrawals still pending whose delay has passed (the next block is > start + D).
      const ready: string[] = [];
      for (const k of mine) {
        const w = sb.names.withdrawals[k]!;
        const pending = await call<boolean>(
          sb,
          sb.addresses.delegationManager,
          'MiniDelegationManager',
          'pendingWithdrawals',
          [w.root],
        );
        if (pending && sb.chain.head.number + 1n > BigInt(w.struct.startBlock) + DELAY) ready.push(k);
      }
      // Nothing matured yet: let time pass instead (the next completion seed then finds it ready).
      if (ready.length === 0 && mine.length > 0 && seed.pick % 2 === 0)
        return { action: 'chain.advance', blocks: DELAY + 1n };
      const withdrawal = pick(ready.length > 0 ? ready : mine, seed.pick);
      const by = withdrawal === undefined ? undefined : sb.names.withdrawals[withdrawal]?.staker;
      if (withdrawal === undefined || by === undefined) return null;
      return { action: 'withdrawal.complete', by, withdrawal, receiveAsTokens: seed.asTokens };
    }
    case 'operator.allocate': {
      const set = SETS[seed.set] ?? SETS[0]!;
      const strategy = set.strategies[seed.strat % set.strategies.length] ?? 'stETH';
      return {
        action: 'operator.allocate',
        by: OPERATORS[seed.op] ?? 'op1',
        avs: set.avs,
        set: set.set,
        strategy,
        magnitude: frac(WAD, seed.bp),
      };
    }
    case 'chain.advance':
      return { action: 'chain.advance', blocks: seed.blocks };
    case 'avs.slash': {
      const set = SETS[seed.set] ?? SETS[0]!;
      const strategies = seed.both ? set.strategies : set.strategies.slice(0, 1);
      return {
        action: 'avs.slash',
        by: set.avs,
        operator: OPERATORS[seed.op] ?? 'op1',
        set: set.set,
        strategies,
        wads: seed.wads.slice(0, strategies.length),
        as: `s${n}`,
      };
    }
    case 'slashing.clear': {
      const names = Object.keys(sb.names.slashes).sort();
      const slash = pick(names, seed.pick);
      const ref = slash === undefined ? undefined : sb.names.slashes[slash];
      if (slash === undefined || ref === undefined) return null;
      return { action: 'slashing.clear', by: 'carol', avs: ref.avs, set: ref.set, slash };
    }
    case 'pod.create':
      return { action: 'pod.create', by: POD_OWNERS[seed.who] ?? 'alice' };
    case 'pod.stake': {
      const by = POD_OWNERS[seed.who] ?? 'alice';
      return { action: 'pod.stake', by, as: `${by}-v${n}` };
    }
    case 'pod.verifyCredentials': {
      // Any validator some pod has not verified yet (owner, name), picked by the seed.
      const pairs: [string, string][] = [];
      for (const owner of POD_OWNERS) {
        for (const v of await liveValidators(sb, owner)) pairs.push([owner, v]);
      }
      const p = pick(pairs, seed.pick);
      return p === undefined ? null : { action: 'pod.verifyCredentials', by: p[0], validators: [p[1]] };
    }
    case 'pod.startCheckpoint':
      return ownerWithPod(sb, seed.who).then((by) => (by === null ? null : { action: seed.k, by }));
    case 'pod.verifyCheckpoint': {
      // Prefer an owner whose pod has a checkpoint in progress.
      for (let i = 0; i < POD_OWNERS.length; i++) {
        const id = POD_OWNERS[(seed.who + i) % POD_OWNERS.length] ?? 'alice';
        const pod = await podOf(sb, id);
        if (pod === null) continue;
        if ((await call<bigint>(sb, pod, 'MiniEigenPod', 'currentCheckpointTimestamp')) !== 0n)
          return { action: seed.k, by: id };
      }
      return null;
    }
    case 'beacon.reward':
    case 'beacon.penalty':
    case 'beacon.slash':
    case 'beacon.exit': {
      const validator = pick(await liveValidators(sb), seed.pick);
      if (validator === undefined) return null;
      if (seed.k === 'beacon.reward') return { action: seed.k, validator, amount: seed.gwei * GWEI };
      if (seed.k === 'beacon.penalty') return { action: seed.k, validator, amount: seed.gwei * GWEI };
      return { action: seed.k, validator };
    }
    case 'vault.deposit': {
      const by = RESTAKERS[seed.who] ?? 'alice';
      return { action: 'vault.deposit', by, vault: VAULT, amount: frac(await lstBalance(sb, by), seed.bp) };
    }
    case 'vault.requestRedeem': {
      const by = RESTAKERS[seed.who] ?? 'alice';
      const vault = stakerAddr(sb, VAULT);
      const held = await call<bigint>(sb, vault, 'MiniLRT', 'balanceOf', [stakerAddr(sb, by)]);
      return { action: 'vault.requestRedeem', by, vault: VAULT, amount: frac(held, seed.bp), as: `r${n}` };
    }
    case 'vault.claim': {
      // Any named request, claimed by its owner.
      const mine = Object.keys(sb.names.requests).sort();
      const ready: string[] = [];
      for (const k of mine) {
        const r = await call<{ claimed: boolean; completableAfterBlock: number }>(
          sb,
          stakerAddr(sb, VAULT),
          'MiniLRT',
          'getRequest',
          [sb.names.requests[k]!.id],
        );
        if (!r.claimed && sb.chain.head.number + 1n > BigInt(r.completableAfterBlock)) ready.push(k);
      }
      if (ready.length === 0 && mine.length > 0 && seed.pick % 2 === 0)
        return { action: 'chain.advance', blocks: DELAY + 1n };
      const request = pick(ready.length > 0 ? ready : mine, seed.pick);
      const by = request === undefined ? undefined : sb.names.requests[request]?.owner;
      return request === undefined || by === undefined
        ? null
        : { action: 'vault.claim', by, vault: VAULT, request };
    }
  }
}
