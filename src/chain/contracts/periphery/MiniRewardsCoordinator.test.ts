// MiniRewardsCoordinator on the real EVM. Expected values by hand: each operator's reward is
// ⌊amount·allocatedStake_i/Σ allocatedStake⌋; the operator takes 10% (1000 bips) of it, and its delegated stakers
// share the other 90% by their allocated stake (withdrawable shares × the allocated fraction).
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { advance, getBalance } from '../../runtime.ts';
import {
  allocate,
  createSet,
  delegate,
  ETH,
  fixture,
  registerForSets,
  registerOperator,
  stakeAndDeposit,
  type Fixture,
} from './fixture.ts';

const RC = 'MiniRewardsCoordinator';

/**
 * op1 (operator): alice 30 ETH + bob 10 ETH delegated, 50% allocated → allocated stake 20 ETH.
 * op2 (carol): 10 ETH of her own, 100% allocated → allocated stake 10 ETH.
 */
async function setup(): Promise<Fixture> {
  const f = await fixture({ rewardsActivationDelay: 10 });
  await registerOperator(f, f.operator);
  await registerOperator(f, f.carol);
  await stakeAndDeposit(f, f.alice, 30n * ETH);
  await stakeAndDeposit(f, f.bob, 10n * ETH);
  await stakeAndDeposit(f, f.carol, 10n * ETH);
  await delegate(f, f.alice, f.operator);
  await delegate(f, f.bob, f.operator);
  await createSet(f, 0);
  await allocate(f, f.operator, 0, ETH / 2n);
  await allocate(f, f.carol, 0, ETH);
  expect((await registerForSets(f, f.operator, [0])).ok).toBe(true);
  expect((await registerForSets(f, f.carol, [0])).ok).toBe(true);
  return f;
}

const submit = (f: Fixture, amount: bigint) =>
  f.tx(f.avsOwner, f.avs, 'MiniAVS', 'submitRewards', [0], amount);
const claimable = (f: Fixture, who: Address) => f.call(f.rewardsCoordinator, RC, 'claimable', [who]);

describe('MiniRewardsCoordinator (simplified, on-chain)', () => {
  it('splits by allocated stake, 10% to the operator first, the rest to its stakers', async () => {
    const f = await setup();
    const r = await submit(f, 3n * ETH);
    expect(r.result).toBe(0n);
    const credited = r.events
      .filter((e) => e.eventName === 'EarningsCredited')
      .map((e) => [e.args.earner, e.args.amount, e.args.asOperator]);
    // op1: 3·20/30 = 2 ETH → 0.2 commission; 1.8 split 15:5 (alice 30·0.5, bob 10·0.5) = 1.35 and 0.45.
    // op2: 1 ETH → 0.1 commission; 0.9 to carol as op2's only staker.
    expect(credited).toEqual(
      expect.arrayContaining([
        [f.alice, 1_350_000_000_000_000_000n, false],
        [f.bob, 450_000_000_000_000_000n, false],
        [f.operator, 200_000_000_000_000_000n, true],
        [f.carol, 900_000_000_000_000_000n, false],
        [f.carol, 100_000_000_000_000_000n, true],
      ]),
    );
    expect(credited).toHaveLength(5);
    expect(await f.call(f.rewardsCoordinator, RC, 'pendingEarnings', [f.carol])).toBe(ETH);
    expect(await getBalance(f.chain, f.rewardsCoordinator)).toBe(3n * ETH);
  });

  it('pays only after the activation delay, and only cumulative minus claimed', async () => {
    const f = await setup();
    const s = await submit(f, 3n * ETH);
    const activatedAt = s.block + 10n;
    expect(await claimable(f, f.alice)).toBe(0n);
    advance(f.chain, { blocks: activatedAt - f.chain.head.number - 2n });
    const early = await f.attempt(f.alice, f.rewardsCoordinator, RC, 'claim');
    expect(early.block).toBe(activatedAt - 1n);
    expect(early.error?.name).toBe('NothingToClaim');

    const before = await getBalance(f.chain, f.alice);
    const c = await f.tx(f.alice, f.rewardsCoordinator, RC, 'claim');
    expect(c.block).toBe(activatedAt);
    expect(c.result).toBe(1_350_000_000_000_000_000n);
    expect((await getBalance(f.chain, f.alice)) - before).toBe(1_350_000_000_000_000_000n); // gas is free
    expect(await f.call(f.rewardsCoordinator, RC, 'cumulativeClaimed', [f.alice])).toBe(
      1_350_000_000_000_000_000n,
    );
    expect((await f.attempt(f.alice, f.rewardsCoordinator, RC, 'claim')).error?.name).toBe('NothingToClaim');

    // A second submission adds to the cumulative earnings; the claim pays just the difference.
    await submit(f, 3n * ETH);
    advance(f.chain, { blocks: 10n });
    expect(await f.call(f.rewardsCoordinator, RC, 'cumulativeEarnings', [f.alice])).toBe(
      2_700_000_000_000_000_000n,
    );
    const c2 = await f.tx(f.alice, f.rewardsCoordinator, RC, 'claim');
    expect(c2.result).toBe(1_350_000_000_000_000_000n);
  });

  it('returns the rounding dust to the AVS owner', async () => {
    const f = await setup();
    const before = await getBalance(f.chain, f.avsOwner);
    await submit(f, 100n); // op1 ⌊100·20/30⌋ = 66, op2 ⌊100·10/30⌋ = 33: 1 wei back
    expect(await getBalance(f.chain, f.rewardsCoordinator)).toBe(99n);
    expect(before - (await getBalance(f.chain, f.avsOwner))).toBe(99n);
  });

  it('applies a new operator split only after the activation delay', async () => {
    const f = await setup();
    const set = { avs: f.avs, id: 0 };
    const r = await f.tx(f.carol, f.rewardsCoordinator, RC, 'setOperatorSetSplit', [f.carol, set, 5000]);
    expect(await f.call(f.rewardsCoordinator, RC, 'operatorSplitBips', [f.carol, set])).toBe(1000);
    const again = await f.attempt(f.carol, f.rewardsCoordinator, RC, 'setOperatorSetSplit', [
      f.carol,
      set,
      0,
    ]);
    expect(again.error?.name).toBe('PreviousSplitPending');
    // Still pending in the activation block itself: the real contract requires block > activatedAt.
    advance(f.chain, { blocks: r.block + 9n - f.chain.head.number });
    const atActivation = await f.attempt(f.carol, f.rewardsCoordinator, RC, 'setOperatorSetSplit', [
      f.carol,
      set,
      0,
    ]);
    expect(atActivation.block).toBe(r.block + 10n);
    expect(atActivation.error?.name).toBe('PreviousSplitPending');
    advance(f.chain, { blocks: r.block + 10n - f.chain.head.number });
    expect(await f.call(f.rewardsCoordinator, RC, 'operatorSplitBips', [f.carol, set])).toBe(5000);
    const s = await submit(f, 3n * ETH);
    const carol = s.events
      .filter((e) => e.eventName === 'EarningsCredited' && e.args.earner === f.carol)
      .map((e) => [e.args.amount, e.args.asOperator]);
    // op2's 1 ETH: 50% commission, 50% to carol as staker.
    expect(carol).toEqual([
      [ETH / 2n, false],
      [ETH / 2n, true],
    ]);
  });

  it('accepts submissions only from the set’s AVS', async () => {
    const f = await setup();
    const r = await f.attempt(
      f.avsOwner,
      f.rewardsCoordinator,
      RC,
      'createUniqueStakeRewardsSubmission',
      [{ avs: f.avs, id: 0 }],
      ETH,
    );
    expect(r.error?.name).toBe('InvalidCaller');
  });
});
