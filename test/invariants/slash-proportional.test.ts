// Targeted properties of one AVS slash (mechanics.md §2.5, §2.6): a slash of p of an allocation c out of max
// magnitude M takes Δ = ⌈c·p/W⌉ of magnitude, cuts every delegator's withdrawable shares by the same factor
// M'/M up to floor rounding, takes ⌊op·(1 − M'/M)⌋ from the operator and the same share of the queue, and never
// touches deposit shares or deposit scaling factors. Expected values are computed here with BigInt from the
// formulas, from the deposit shares and factors read before the slash.
import fc from 'fast-check';
import type { Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootSandbox } from '../../src/protocol/boot.ts';
import { runStep } from '../../src/protocol/runner.ts';
import { emptyNames, type Sandbox } from '../../src/protocol/sandbox.ts';
import type { Step } from '../../src/protocol/scenario-actions.ts';
import { resolveConfig } from '../../src/protocol/scenario-config.ts';
import { restore, snapshot, type Snapshot } from '../../src/chain/runtime.ts';
import { avsAddr, call, E, must, stakerAddr, WAD } from './harness.ts';

const STAKERS = ['alice', 'bob', 'carol'] as const;
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

let sb: Sandbox;
let snap: Snapshot;

beforeAll(async () => {
  sb = await bootSandbox({
    config: resolveConfig({ preset: 'classroom' }),
    actors: [
      ...STAKERS.map((id) => ({ id, role: 'staker' as const, eth: 5000n * E })),
      { id: 'op1', role: 'operator' as const, eth: 10n * E },
      { id: 'avs1', role: 'avs' as const },
    ],
  });
  const setup: Step[] = [
    { action: 'operator.register', by: 'op1', allocationDelay: 0n },
    { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
    { action: 'avs.createOperatorSet', by: 'avs1', set: 1, strategies: ['stETH'] },
    { action: 'operator.registerForSets', by: 'op1', avs: 'avs1', sets: [0, 1] },
    ...STAKERS.map((id): Step => ({ action: 'lst.stake', by: id, amount: 4000n * E })),
  ];
  for (const s of setup) await must(sb, s);
  snap = await snapshot(sb.chain);
});

async function fresh(): Promise<void> {
  await restore(sb.chain, snap);
  sb.names = emptyNames();
}

const dm = () => sb.addresses.delegationManager;
const am = () => sb.addresses.allocationManager;
const stETH = () => sb.addresses.strategies.stETH;
const set = (id: number) => ({ avs: avsAddr(sb, 'avs1'), id });

async function stakerView(id: string) {
  const who = stakerAddr(sb, id);
  const [[w], [s]] = await call<[readonly bigint[], readonly bigint[]]>(
    sb,
    dm(),
    'MiniDelegationManager',
    'getWithdrawableShares',
    [who, [stETH()]],
  );
  const k = await call<bigint>(sb, dm(), 'MiniDelegationManager', 'depositScalingFactor', [who, stETH()]);
  return { w: w ?? -1n, s: s ?? -1n, k };
}

async function operatorView() {
  const op = stakerAddr(sb, 'op1');
  const alloc = async (id: number) =>
    (
      await call<{ currentMagnitude: bigint }>(sb, am(), 'MiniAllocationManager', 'getAllocation', [
        op,
        set(id),
        stETH(),
      ])
    ).currentMagnitude;
  return {
    shares: await call<bigint>(sb, dm(), 'MiniDelegationManager', 'operatorShares', [op, stETH()]),
    M: await call<bigint>(sb, am(), 'MiniAllocationManager', 'getMaxMagnitude', [op, stETH()]),
    E: await call<bigint>(sb, am(), 'MiniAllocationManager', 'getEncumberedMagnitude', [op, stETH()]),
    c0: await alloc(0),
    c1: await alloc(1),
  };
}

async function ok(step: Step): Promise<void> {
  const r = await runStep(sb, 0, step);
  expect(r.failure?.message).toBeUndefined();
}

const amount = fc.bigInt({ min: 10n ** 6n, max: 1000n * E });
const magnitude = fc.bigInt({ min: 1n, max: WAD / 2n });
const wad = fc.oneof(fc.bigInt({ min: 1n, max: WAD }), fc.constantFrom(1n, WAD / 2n, WAD));

describe('one AVS slash, computed independently (mechanics.md §2.5–2.6)', () => {
  it('cuts magnitudes, operator shares, the queue and every delegator by the same factor', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          deposits: fc.tuple(amount, amount, amount),
          extra: amount,
          a0: magnitude,
          a1: magnitude,
          pre: fc.option(wad, { nil: undefined }),
          queueBp: fc.integer({ min: 0, max: 10_000 }),
          p: wad,
        }),
        async ({ deposits, extra, a0, a1, pre, queueBp, p }) => {
          await fresh();
          const [d0, d1, d2] = deposits;
          await ok({ action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: d0 });
          await ok({ action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: d1 });
          await ok({ action: 'staker.delegate', by: 'alice', operator: 'op1' });
          await ok({ action: 'staker.delegate', by: 'bob', operator: 'op1' });
          await ok({
            action: 'operator.allocate',
            by: 'op1',
            avs: 'avs1',
            set: 0,
            strategy: 'stETH',
            magnitude: a0,
          });
          await ok({
            action: 'operator.allocate',
            by: 'op1',
            avs: 'avs1',
            set: 1,
            strategy: 'stETH',
            magnitude: a1,
          });
          await ok({ action: 'chain.advance', blocks: 1n });
          // An earlier slash of the other set makes M < W, so later deposits and delegations get DSFs ≠ W.
          if (pre !== undefined) {
            const slash: Step = {
              action: 'avs.slash',
              by: 'avs1',
              operator: 'op1',
              set: 1,
              strategies: ['stETH'],
              wads: [pre],
            };
            await ok(slash);
          }
          await ok({ action: 'strategy.deposit', by: 'carol', strategy: 'stETH', amount: d2 });
          await ok({ action: 'staker.delegate', by: 'carol', operator: 'op1' });
          await ok({ action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: extra });
          // A withdrawal queued inside the slashable window is slashed with the operator.
          const aliceShares = (await stakerView('alice')).s;
          const queued = (aliceShares * BigInt(queueBp)) / 10_000n;
          if (queued > 0n)
            await ok({ action: 'withdrawal.queue', by: 'alice', strategy: 'stETH', shares: queued, as: 'w' });
          const wd = sb.names.withdrawals['w'];
          const q = wd?.struct.scaledShares[0] ?? 0n;

          const before = await operatorView();
          const stakers = await Promise.all(STAKERS.map((id) => stakerView(id)));
          await ok({
            action: 'avs.slash',
            by: 'avs1',
            operator: 'op1',
            set: 0,
            strategies: ['stETH'],
            wads: [p],
            as: 'main',
          });
          const after = await operatorView();

          // §2.5: Δ = ⌈c·p/W⌉ comes off the allocation, max and encumbered magnitude; the other set keeps its own.
          const { M, c0 } = before;
          const delta = ceilDiv(c0 * p, WAD);
          const M2 = M - delta;
          expect(after.c0).toBe(c0 - delta);
          expect(after.M).toBe(M2);
          expect(after.E).toBe(before.E - delta);
          expect(after.c1).toBe(before.c1);

          // §2.6: the operator keeps ⌈op·M'/M⌉.
          expect(after.shares).toBe(ceilDiv(before.shares * M2, M));

          // §2.3: each delegator's withdrawable shares become ⌊⌊s·k/W⌋·M'/W⌋ with s and k untouched, which is
          // the old amount times M'/M up to floor rounding: ⌊w·M'/M⌋ ≤ w' < (w+1)·M'/M.
          for (const [i, id] of STAKERS.entries()) {
            const b = stakers[i]!;
            const a = await stakerView(id);
            expect(a.s).toBe(b.s);
            expect(a.k).toBe(b.k);
            expect(a.w).toBe((((b.s * b.k) / WAD) * M2) / WAD);
            expect(a.w >= (b.w * M2) / M).toBe(true);
            expect(a.w * M < (b.w + 1n) * M2 || (a.w === 0n && b.w === 0n)).toBe(true);
          }

          // The queued withdrawal now pays ⌊q·M'/W⌋, and the slashed shares handed over for burning are the
          // operator's cut plus the queue's: ⌊Q·M/W⌋ − ⌈⌊Q·M/W⌋·M'/M⌉ with Q = q (the only one in the window).
          if (wd !== undefined) {
            const [, [now]] = await call<[unknown, readonly bigint[]]>(
              sb,
              dm(),
              'MiniDelegationManager',
              'getQueuedWithdrawal',
              [wd.root],
            );
            expect(now).toBe((q * M2) / WAD);
          }
          const qM = (q * M) / WAD;
          const burn = before.shares - after.shares + (qM - ceilDiv(qM * M2, M));
          const ref = sb.names.slashes['main']!;
          const pending = await call<bigint>(
            sb,
            sb.addresses.strategyManager,
            'MiniStrategyManager',
            'getBurnOrRedistributableSharesByStrategy',
            [set(0), ref.slashId, stETH()],
          );
          expect(pending).toBe(burn);

          // Clearing withdraws exactly those strategy shares to the burn address at the strategy's price
          // ⌊(balance+1e3)·shares/(totalShares+1e3)⌋ (the LST never rebased here, so stETH moves 1:1).
          const strat = stETH();
          const ts = await call<bigint>(sb, strat, 'MiniStrategy', 'totalShares');
          const bal = await call<bigint>(sb, sb.addresses.lst, 'MiniLST', 'balanceOf', [strat]);
          const burned = (a: Address) => call<bigint>(sb, sb.addresses.lst, 'MiniLST', 'balanceOf', [a]);
          const burnedBefore = await burned(sb.addresses.burnAddress);
          await ok({ action: 'slashing.clear', by: 'carol', avs: 'avs1', set: 0, slash: 'main' });
          expect(await call<bigint>(sb, strat, 'MiniStrategy', 'totalShares')).toBe(ts - burn);
          const out = ((bal + 1000n) * burn) / (ts + 1000n);
          expect((await burned(sb.addresses.burnAddress)) - burnedBefore).toBe(out);
        },
      ),
      { numRuns: Number(process.env['INV_RUNS'] ?? 30), seed: 2025, endOnFailure: true },
    );
  }, 300_000);

  it('after a 100% slash of a full allocation (M = 0) delegators have nothing and cannot add shares', async () => {
    await fresh();
    await ok({ action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: 7n * E });
    await ok({ action: 'staker.delegate', by: 'alice', operator: 'op1' });
    await ok({
      action: 'operator.allocate',
      by: 'op1',
      avs: 'avs1',
      set: 0,
      strategy: 'stETH',
      magnitude: WAD,
    });
    await ok({ action: 'chain.advance', blocks: 1n });
    await ok({
      action: 'avs.slash',
      by: 'avs1',
      operator: 'op1',
      set: 0,
      strategies: ['stETH'],
      wads: [WAD],
    });
    expect((await operatorView()).M).toBe(0n);
    const alice = await stakerView('alice');
    expect(alice).toEqual({ w: 0n, s: 7n * E, k: WAD });
    expect((await operatorView()).shares).toBe(0n);
    const deposit = await runStep(sb, 0, {
      action: 'strategy.deposit',
      by: 'alice',
      strategy: 'stETH',
      amount: E,
    });
    expect(deposit.failure?.error?.name).toBe('FullySlashed');
    await ok({ action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: E });
    const delegate = await runStep(sb, 0, { action: 'staker.delegate', by: 'bob', operator: 'op1' });
    expect(delegate.failure?.error?.name).toBe('FullySlashed');
    // Rejected steps are rolled back: bob is still undelegated with his 1 stETH of shares intact.
    expect(await stakerView('bob')).toEqual({ w: E, s: E, k: WAD });
  });
});
