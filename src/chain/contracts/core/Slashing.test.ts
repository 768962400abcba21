// AVS slashing through AllocationManager and DelegationManager on the real EVM. Every expected number is worked
// out by hand from mechanics.md §2 (or taken from EigenLayer's public examples) — never read back from the code.
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import {
  allocate,
  createSet,
  D,
  DEALLOC,
  delegate,
  depositLst,
  eventArgs,
  maxMagnitude,
  nextTxAt,
  operatorShares,
  registerForSet,
  registerOperator,
  setup,
  slash,
  WAD,
  withdrawable,
  type Fixture,
} from './fixture.ts';

const E = 10n ** 18n;

/** Operator `op` with allocation delay 0, registered to `avs`'s set 1 over the test strategy, allocating `mag`. */
async function slashableOperator(f: Fixture, op: Address, avs: Address, mag: bigint, setId = 1) {
  await registerOperator(f, op, 0);
  await createSet(f, avs, setId, [f.strategy]);
  await registerForSet(f, op, avs, setId);
  await allocate(f, op, avs, setId, [f.strategy], [mag]);
}

async function queueAll(f: Fixture, staker: Address, shares: bigint) {
  const r = await f.ok(staker, f.core.delegationManager, 'MiniDelegationManager', 'queueWithdrawals', [
    [{ strategies: [f.strategy], depositShares: [shares] }],
  ]);
  const q = eventArgs(r, 'SlashingWithdrawalQueued')[0]!;
  return { root: q['withdrawalRoot'] as `0x${string}`, withdrawal: q['withdrawal'], block: r.block };
}

describe('ELIP-002 worked example', () => {
  it('200 delegated, 20% allocated to AVS_1, slashed 50%: magnitude 1 → 0.9, stake 200 → 180', async () => {
    const f = await setup();
    const [op, staker, avs1, avs2] = [f.acct[1]!, f.acct[2]!, f.acct[3]!, f.acct[4]!];
    await slashableOperator(f, op, avs1, (WAD * 2n) / 10n);
    await createSet(f, avs2, 1, [f.strategy]);
    await registerForSet(f, op, avs2, 1);
    await allocate(f, op, avs2, 1, [f.strategy], [(WAD * 3n) / 10n]);
    await depositLst(f, staker, 200n * E);
    await delegate(f, staker, op);
    expect(await operatorShares(f, op, f.strategy)).toBe(200n * E);

    const r = await slash(f, avs1, op, 1, [f.strategy], [WAD / 2n]);
    // Δ = ⌈0.2·0.5⌉ = 0.1 (of WAD); wadSlashed = 0.1/1 of the operator's total magnitude.
    const s = eventArgs(r, 'OperatorSlashed')[0]!;
    expect(s['wadSlashed']).toEqual([WAD / 10n]);
    expect(await maxMagnitude(f, op, f.strategy)).toBe((WAD * 9n) / 10n);
    expect(await operatorShares(f, op, f.strategy)).toBe(180n * E);
    expect(await withdrawable(f, staker, f.strategy)).toBe(180n * E);
    // Deposit shares are never slashed.
    const [, dep] = await f.view<[bigint[], bigint[]]>(
      f.core.delegationManager,
      'MiniDelegationManager',
      'getWithdrawableShares',
      [staker, [f.strategy]],
    );
    expect(dep[0]).toBe(200n * E);
    // AVS_1 keeps 0.1; AVS_2's nominal magnitude is untouched (its share of the total rose from 0.3 to 0.3/0.9).
    const a1 = await f.view<{ currentMagnitude: bigint }>(
      f.core.allocationManager,
      'MiniAllocationManager',
      'getAllocation',
      [op, { avs: avs1, id: 1 }, f.strategy],
    );
    const a2 = await f.view<{ currentMagnitude: bigint }>(
      f.core.allocationManager,
      'MiniAllocationManager',
      'getAllocation',
      [op, { avs: avs2, id: 1 }, f.strategy],
    );
    expect(a1.currentMagnitude).toBe(WAD / 10n);
    expect(a2.currentMagnitude).toBe((WAD * 3n) / 10n);
    // AVS_2's allocated stake: ⌊180e18·⌊0.3e18·1e18/0.9e18⌋/1e18⌋ = ⌊180e18·333333333333333333/1e18⌋
    const stake = await f.view<bigint[][]>(
      f.core.allocationManager,
      'MiniAllocationManager',
      'getAllocatedStake',
      [{ avs: avs2, id: 1 }, [op], [f.strategy]],
    );
    expect(stake[0]![0]).toBe(59_999_999_999_999_999_940n);
    // The 20 slashed shares wait for burning under (set, slashId 1); anyone clears them to 0x…e16e4.
    expect(
      await f.view(
        f.core.strategyManager,
        'MiniStrategyManager',
        'getBurnOrRedistributableSharesByStrategy',
        [{ avs: avs1, id: 1 }, 1n, f.strategy],
      ),
    ).toBe(20n * E);
    await f.ok(
      f.acct[9]!,
      f.core.strategyManager,
      'MiniStrategyManager',
      'clearBurnOrRedistributableShares',
      [{ avs: avs1, id: 1 }, 1n],
    );
    // strategy: 200e18 shares over 200e18 tokens → ⌊(200e18+1e3)·20e18/(200e18+1e3)⌋ = 20e18 tokens burned
    expect(await f.view(f.token, 'MiniTestToken', 'balanceOf', [f.core.burnAddress])).toBe(20n * E);
    expect(await f.view(f.strategy, 'MiniStrategy', 'totalShares')).toBe(180n * E);
  });
});

describe('deposit scaling factor', () => {
  it('new deposit after a 50% slash: k = 1.5, withdrawable 150', async () => {
    const f = await setup();
    const [op, staker, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!];
    await slashableOperator(f, op, avs, WAD);
    await depositLst(f, staker, 100n * E);
    await delegate(f, staker, op);
    await slash(f, avs, op, 1, [f.strategy], [WAD / 2n]);
    expect(await withdrawable(f, staker, f.strategy)).toBe(50n * E);
    const r = await depositLst(f, staker, 100n * E);
    expect(eventArgs(r, 'DepositScalingFactorUpdated')[0]?.['newDepositScalingFactor']).toBe((3n * WAD) / 2n);
    expect(await withdrawable(f, staker, f.strategy)).toBe(150n * E);
    expect(await operatorShares(f, op, f.strategy)).toBe(150n * E);
  });

  it('a staker delegating to an already-slashed operator is forgiven (k = 1/m)', async () => {
    const f = await setup();
    const [op, staker, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!];
    await slashableOperator(f, op, avs, WAD);
    await slash(f, avs, op, 1, [f.strategy], [WAD / 4n]); // m = 0.75
    await depositLst(f, staker, 60n * E);
    await delegate(f, staker, op);
    expect(
      await f.view(f.core.delegationManager, 'MiniDelegationManager', 'depositScalingFactor', [
        staker,
        f.strategy,
      ]),
    ).toBe(
      1_333_333_333_333_333_333n, // ⌊1e18·1e18/0.75e18⌋
    );
    // ⌊⌊60e18·1333333333333333333/1e18⌋·0.75e18/1e18⌋ = ⌊79999999999999999980·0.75⌋
    expect(await withdrawable(f, staker, f.strategy)).toBe(59_999_999_999_999_999_985n);
    expect(await operatorShares(f, op, f.strategy)).toBe(60n * E);
  });
});

describe('queued withdrawals', () => {
  it('are slashed through startBlock + D (inclusive) and pay ⌊q·m/W⌋ at completion', async () => {
    const f = await setup();
    const [op, staker, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!];
    await slashableOperator(f, op, avs, WAD);
    await depositLst(f, staker, 100n * E);
    await delegate(f, staker, op);
    const q = await queueAll(f, staker, 100n * E);
    expect(await operatorShares(f, op, f.strategy)).toBe(0n);
    expect(
      await f.view(f.core.delegationManager, 'MiniDelegationManager', 'getSlashableSharesInQueue', [
        op,
        f.strategy,
      ]),
    ).toBe(100n * E);
    nextTxAt(f, q.block + D - 1n);
    await f.fails(
      'WithdrawalDelayNotElapsed',
      staker,
      f.core.delegationManager,
      'MiniDelegationManager',
      'completeQueuedWithdrawal',
      [q.withdrawal, true],
    );
    // This slash lands in block startBlock + D: the last block in which the queued shares are slashable.
    const r = await slash(f, avs, op, 1, [f.strategy], [WAD / 2n]);
    expect(r.block).toBe(q.block + D);
    expect(eventArgs(r, 'OperatorSharesSlashed')[0]?.['totalSlashedShares']).toBe(50n * E);
    const [, shares] = await f.view<[unknown, bigint[]]>(
      f.core.delegationManager,
      'MiniDelegationManager',
      'getQueuedWithdrawal',
      [q.root],
    );
    expect(shares[0]).toBe(50n * E);
    await f.ok(staker, f.core.delegationManager, 'MiniDelegationManager', 'completeQueuedWithdrawal', [
      q.withdrawal,
      true,
    ]);
    expect(await f.view(f.token, 'MiniTestToken', 'balanceOf', [staker])).toBe(50n * E);
  });

  it('are out of reach one block after the window: a later slash takes nothing from them', async () => {
    const f = await setup();
    const [op, staker, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!];
    await slashableOperator(f, op, avs, WAD);
    await depositLst(f, staker, 100n * E);
    await delegate(f, staker, op);
    const q = await queueAll(f, staker, 100n * E);
    nextTxAt(f, q.block + D);
    await f.fails(
      'WithdrawalDelayNotElapsed',
      staker,
      f.core.delegationManager,
      'MiniDelegationManager',
      'completeQueuedWithdrawal',
      [q.withdrawal, true],
    );
    const r = await slash(f, avs, op, 1, [f.strategy], [WAD / 2n]);
    expect(eventArgs(r, 'OperatorSharesSlashed')[0]?.['totalSlashedShares']).toBe(0n);
    await f.ok(staker, f.core.delegationManager, 'MiniDelegationManager', 'completeQueuedWithdrawal', [
      q.withdrawal,
      true,
    ]);
    expect(await f.view(f.token, 'MiniTestToken', 'balanceOf', [staker])).toBe(100n * E);
  });

  it('undelegation queues everything; completing as shares re-delegates to the new operator with a fresh DSF', async () => {
    const f = await setup();
    const [op1, op2, staker, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!, f.acct[4]!];
    await registerOperator(f, op1, 0);
    await slashableOperator(f, op2, avs, WAD);
    await slash(f, avs, op2, 1, [f.strategy], [WAD / 2n]); // op2: m = 0.5
    await depositLst(f, staker, 100n * E);
    await delegate(f, staker, op1);
    const u = await f.ok(staker, f.core.delegationManager, 'MiniDelegationManager', 'undelegate', [staker]);
    const q = eventArgs(u, 'SlashingWithdrawalQueued')[0]!;
    expect(eventArgs(u, 'StakerUndelegated')).toEqual([{ staker, operator: op1 }]);
    await delegate(f, staker, op2);
    nextTxAt(f, u.block + D + 1n);
    await f.ok(staker, f.core.delegationManager, 'MiniDelegationManager', 'completeQueuedWithdrawal', [
      q['withdrawal'],
      false,
    ]);
    // Re-entry after reset: k = ⌊1e18·1e18/0.5e18⌋ = 2e18, so 100·2·0.5 = 100 withdrawable under op2.
    expect(
      await f.view(f.core.delegationManager, 'MiniDelegationManager', 'depositScalingFactor', [
        staker,
        f.strategy,
      ]),
    ).toBe(2n * WAD);
    expect(await withdrawable(f, staker, f.strategy)).toBe(100n * E);
    expect(await operatorShares(f, op2, f.strategy)).toBe(100n * E);
    expect(await operatorShares(f, op1, f.strategy)).toBe(0n);
    expect(
      await f.view(f.core.delegationManager, 'MiniDelegationManager', 'getDelegatedStakers', [op2]),
    ).toContain(staker);
  });

  it('operators cannot undelegate, others cannot force a staker out', async () => {
    const f = await setup();
    const [op, staker, other] = [f.acct[1]!, f.acct[2]!, f.acct[3]!];
    await registerOperator(f, op, 0);
    await depositLst(f, staker, 10n * E);
    await delegate(f, staker, op);
    await f.fails(
      'OperatorsCannotUndelegate',
      op,
      f.core.delegationManager,
      'MiniDelegationManager',
      'undelegate',
      [op],
    );
    await f.fails(
      'CallerCannotUndelegate',
      other,
      f.core.delegationManager,
      'MiniDelegationManager',
      'undelegate',
      [staker],
    );
    await f.fails(
      'ActivelyDelegated',
      staker,
      f.core.delegationManager,
      'MiniDelegationManager',
      'delegateTo',
      [op],
    );
    const r = await f.ok(op, f.core.delegationManager, 'MiniDelegationManager', 'undelegate', [staker]);
    expect(eventArgs(r, 'StakerForceUndelegated')).toEqual([{ staker, operator: op }]);
  });
});

describe('allocations and deallocations', () => {
  it('a deallocation stays slashable until its effect block, then frees the (reduced) magnitude', async () => {
    const f = await setup();
    const [op, staker, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!];
    await slashableOperator(f, op, avs, WAD);
    await depositLst(f, staker, 100n * E);
    await delegate(f, staker, op);
    const d = await allocate(f, op, avs, 1, [f.strategy], [0n]);
    const effect = d.block + DEALLOC + 1n;
    expect(eventArgs(d, 'AllocationUpdated')[0]?.['effectBlock']).toBe(Number(effect));
    nextTxAt(f, effect - 1n);
    await slash(f, avs, op, 1, [f.strategy], [WAD / 2n]);
    expect(await withdrawable(f, staker, f.strategy)).toBe(50n * E);
    // pending −1 → −1 + ⌈1·0.5⌉ = −0.5: current 0.5 and pending −0.5 until the effect block.
    const a = await f.view<{ currentMagnitude: bigint; pendingDiff: bigint }>(
      f.core.allocationManager,
      'MiniAllocationManager',
      'getAllocation',
      [op, { avs, id: 1 }, f.strategy],
    );
    expect([a.currentMagnitude, a.pendingDiff]).toEqual([WAD / 2n, -WAD / 2n]);
    nextTxAt(f, effect);
    const r = await slash(f, avs, op, 1, [f.strategy], [WAD / 2n]); // nothing allocated any more: skipped
    expect(eventArgs(r, 'OperatorSlashed')[0]?.['wadSlashed']).toEqual([0n]);
    expect(await withdrawable(f, staker, f.strategy)).toBe(50n * E);
    expect(
      await f.view(f.core.allocationManager, 'MiniAllocationManager', 'getAllocatableMagnitude', [
        op,
        f.strategy,
      ]),
    ).toBe(WAD / 2n);
  });

  it('rounds the slashed magnitude and the pending-deallocation reduction up', async () => {
    const f = await setup();
    const [op, staker, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!];
    await slashableOperator(f, op, avs, 10n); // 10 wei of magnitude
    await depositLst(f, staker, 100n * E);
    await delegate(f, staker, op);
    await allocate(f, op, avs, 1, [f.strategy], [3n]); // pending −7
    const third = WAD / 3n;
    const r = await slash(f, avs, op, 1, [f.strategy], [third]);
    // Δ = ⌈10/3⌉ = 4 → current 6, max W−4; pending −7 + ⌈7/3⌉ = −4; wadSlashed = ⌊4·W/W⌋ = 4.
    expect(eventArgs(r, 'OperatorSlashed')[0]?.['wadSlashed']).toEqual([4n]);
    const a = await f.view<{ currentMagnitude: bigint; pendingDiff: bigint }>(
      f.core.allocationManager,
      'MiniAllocationManager',
      'getAllocation',
      [op, { avs, id: 1 }, f.strategy],
    );
    expect([a.currentMagnitude, a.pendingDiff]).toEqual([6n, -4n]);
    expect(await maxMagnitude(f, op, f.strategy)).toBe(WAD - 4n);
    // op: 100e18 − ⌈100e18·(W−4)/W⌉ = 400 wei slashed
    expect(await operatorShares(f, op, f.strategy)).toBe(100n * E - 400n);
  });

  it('increases wait for the allocation delay; magnitude cannot be over-allocated', async () => {
    const f = await setup();
    const [op, avs] = [f.acct[1]!, f.acct[2]!];
    await registerOperator(f, op, 5);
    await createSet(f, avs, 1, [f.strategy]);
    await registerForSet(f, op, avs, 1);
    const r = await allocate(f, op, avs, 1, [f.strategy], [WAD / 2n]);
    expect(eventArgs(r, 'AllocationUpdated')[0]?.['effectBlock']).toBe(Number(r.block + 5n));
    const a = await f.view<{ currentMagnitude: bigint }>(
      f.core.allocationManager,
      'MiniAllocationManager',
      'getAllocation',
      [op, { avs, id: 1 }, f.strategy],
    );
    expect(a.currentMagnitude).toBe(0n);
    await f.fails(
      'ModificationAlreadyPending',
      op,
      f.core.allocationManager,
      'MiniAllocationManager',
      'modifyAllocations',
      [op, [{ operatorSet: { avs, id: 1 }, strategies: [f.strategy], newMagnitudes: [WAD] }]],
    );
    await createSet(f, f.acct[3]!, 1, [f.strategy]);
    await f.fails(
      'InsufficientMagnitude',
      op,
      f.core.allocationManager,
      'MiniAllocationManager',
      'modifyAllocations',
      [
        op,
        [
          {
            operatorSet: { avs: f.acct[3]!, id: 1 },
            strategies: [f.strategy],
            newMagnitudes: [WAD / 2n + 1n],
          },
        ],
      ],
    );
  });

  it('deregistration keeps the operator slashable for DEALLOCATION_DELAY blocks', async () => {
    const f = await setup();
    const [op, avs] = [f.acct[1]!, f.acct[2]!];
    await slashableOperator(f, op, avs, WAD);
    const r = await f.ok(
      op,
      f.core.allocationManager,
      'MiniAllocationManager',
      'deregisterFromOperatorSets',
      [{ operator: op, avs, operatorSetIds: [1] }],
    );
    nextTxAt(f, r.block + DEALLOC);
    await slash(f, avs, op, 1, [f.strategy], [WAD / 10n]);
    await f.fails(
      'OperatorNotSlashable',
      avs,
      f.core.allocationManager,
      'MiniAllocationManager',
      'slashOperator',
      [
        avs,
        {
          operator: op,
          operatorSetId: 1,
          strategies: [f.strategy],
          wadsToSlash: [WAD / 10n],
          description: '',
        },
      ],
    );
  });
});

describe('full slashing and slash checks', () => {
  it('a 100% slash zeroes stake; delegated deposits and new delegations revert FullySlashed', async () => {
    const f = await setup();
    const [op, staker, newcomer, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!, f.acct[4]!];
    await slashableOperator(f, op, avs, WAD);
    await depositLst(f, staker, 100n * E);
    await delegate(f, staker, op);
    const r = await slash(f, avs, op, 1, [f.strategy], [WAD]);
    expect(eventArgs(r, 'OperatorSlashed')[0]?.['wadSlashed']).toEqual([WAD]);
    expect(await maxMagnitude(f, op, f.strategy)).toBe(0n);
    expect(await withdrawable(f, staker, f.strategy)).toBe(0n);
    expect(await operatorShares(f, op, f.strategy)).toBe(0n);
    await f.ok(staker, f.token, 'MiniTestToken', 'mint', [staker, E]);
    await f.ok(staker, f.token, 'MiniTestToken', 'approve', [f.core.strategyManager, E]);
    await f.fails(
      'FullySlashed',
      staker,
      f.core.strategyManager,
      'MiniStrategyManager',
      'depositIntoStrategy',
      [f.strategy, f.token, E],
    );
    await depositLst(f, newcomer, E);
    await f.fails('FullySlashed', newcomer, f.core.delegationManager, 'MiniDelegationManager', 'delegateTo', [
      op,
    ]);
  });

  it('only the slasher may slash, with valid wads, in ascending strategy order', async () => {
    const f = await setup();
    const [op, avs] = [f.acct[1]!, f.acct[2]!];
    await slashableOperator(f, op, avs, WAD);
    const p = (wads: bigint[], strategies = [f.strategy]) => [
      avs,
      { operator: op, operatorSetId: 1, strategies, wadsToSlash: wads, description: '' },
    ];
    await f.fails(
      'InvalidCaller',
      op,
      f.core.allocationManager,
      'MiniAllocationManager',
      'slashOperator',
      p([WAD]),
    );
    await f.fails(
      'InvalidWadToSlash',
      avs,
      f.core.allocationManager,
      'MiniAllocationManager',
      'slashOperator',
      p([0n]),
    );
    await f.fails(
      'InvalidWadToSlash',
      avs,
      f.core.allocationManager,
      'MiniAllocationManager',
      'slashOperator',
      p([WAD + 1n]),
    );
    await f.fails(
      'StrategiesMustBeInAscendingOrder',
      avs,
      f.core.allocationManager,
      'MiniAllocationManager',
      'slashOperator',
      p([1n, 1n], [f.strategy, f.strategy]),
    );
    const r = await slash(f, avs, op, 1, [f.strategy], [1n]);
    // slashCount increments per set and tags the burnable shares.
    expect(eventArgs(r, 'BurnOrRedistributableSharesIncreased')[0]?.['slashId']).toBe(1n);
    expect(
      await f.view(f.core.allocationManager, 'MiniAllocationManager', 'getSlashCount', [{ avs, id: 1 }]),
    ).toBe(1n);
  });

  it('a redistributing set sends the cleared tokens to its recipient', async () => {
    const f = await setup();
    const [op, staker, avs, recipient] = [f.acct[1]!, f.acct[2]!, f.acct[3]!, f.acct[5]!];
    await registerOperator(f, op, 0);
    await createSet(f, avs, 7, [f.strategy], recipient);
    await registerForSet(f, op, avs, 7);
    await allocate(f, op, avs, 7, [f.strategy], [WAD]);
    await depositLst(f, staker, 40n * E);
    await delegate(f, staker, op);
    await slash(f, avs, op, 7, [f.strategy], [WAD / 4n]);
    await f.ok(
      f.acct[9]!,
      f.core.strategyManager,
      'MiniStrategyManager',
      'clearBurnOrRedistributableShares',
      [{ avs, id: 7 }, 1n],
    );
    expect(await f.view(f.token, 'MiniTestToken', 'balanceOf', [recipient])).toBe(10n * E);
    expect(
      await f.view(f.core.strategyManager, 'MiniStrategyManager', 'getPendingSlashIds', [{ avs, id: 7 }]),
    ).toEqual([]);
  });
});
