import { describe, expect, it } from 'vitest';
import type { AccountState, StakerState, World } from '../protocol/world-types.ts';
import { diffWorlds, slashAttribution } from './world-diff.ts';

const E = 10n ** 18n;
const eth = (n: bigint): string => String(n * E);

function account(role: AccountState['role'], n: number): AccountState {
  return {
    address: `0x${String(n).padStart(40, '0')}`,
    role,
    eth: eth(10n),
    stETH: '0',
    stETHShares: '0',
    wstETH: '0',
    vaultTokens: { lrt: '0' },
    rewardsEarned: '0',
    rewardsClaimable: '0',
  };
}

function staker(operator: string | null, stETHShares: bigint): StakerState {
  const s = String(stETHShares);
  return {
    delegatedTo: operator,
    strategies: {
      stETH: { depositShares: s, withdrawableShares: s, depositScalingFactor: eth(1n) },
      beaconETH: { depositShares: '0', withdrawableShares: '0', depositScalingFactor: eth(1n) },
    },
    beaconChainSlashingFactor: eth(1n),
    pod: null,
    withdrawals: {},
  };
}

/**
 * alice (40 ETH), op1 itself (10 ETH) and the vault lrt (20 ETH) are delegated to op1, which allocates 50% of
 * its stETH magnitude to avs1's set 0; bob (30 ETH) is delegated to op2, which avs1 cannot slash.
 */
function base(): World {
  return {
    format: 'restaking-sandbox/world@1',
    block: '1000010',
    timestamp: '1700000120',
    accounts: {
      alice: account('staker', 1),
      bob: account('staker', 2),
      carol: account('staker', 3),
      op1: account('operator', 4),
      op2: account('operator', 5),
      avs1: account('avs', 6),
      lrt: account('vault', 7),
    },
    stakers: {
      alice: staker('op1', 40n * E),
      bob: staker('op2', 30n * E),
      op1: staker('op1', 10n * E),
      op2: staker('op2', 0n),
      lrt: staker('op1', 20n * E),
    },
    operators: {
      op1: {
        allocationDelay: '0',
        shares: { stETH: eth(70n), beaconETH: '0' },
        maxMagnitude: { stETH: eth(1n), beaconETH: eth(1n) },
        encumberedMagnitude: { stETH: String(E / 2n), beaconETH: '0' },
        allocations: {
          'avs1/0': {
            stETH: {
              currentMagnitude: String(E / 2n),
              pendingDiff: '0',
              effectBlock: '0',
              allocatedStake: eth(35n),
            },
          },
        },
      },
      op2: {
        allocationDelay: '0',
        shares: { stETH: eth(30n), beaconETH: '0' },
        maxMagnitude: { stETH: eth(1n), beaconETH: eth(1n) },
        encumberedMagnitude: { stETH: '0', beaconETH: '0' },
        allocations: {},
      },
    },
    avs: {
      avs1: {
        sets: { '0': { strategies: ['stETH'], operators: ['op1'], slashCount: '0' } },
        vetoWindowBlocks: '0',
        vetoCommittee: null,
        slashRequests: {},
      },
    },
    strategies: { stETH: { totalShares: eth(100n), underlyingBalance: eth(100n) } },
    lst: { totalPooledEther: eth(200n), totalShares: eth(200n) },
    vaults: {
      lrt: {
        operator: 'op1',
        supply: eth(20n),
        totalValue: eth(20n),
        rate: eth(1n),
        stETHPrice: eth(1n),
        requests: {},
      },
    },
    validators: {},
    burned: { stETH: '0' },
    lockedSlashedNativeShares: '0',
  };
}

/**
 * avs1 slashes 20% of op1's 50% allocation, by hand (mechanics.md §2.5–2.6): Δ = ⌈0.5·0.2⌉ = 10% of magnitude,
 * so max 100% → 90%, current and encumbered 50% → 40%; operator shares 70 − ⌈70·0.9⌉ = 7 slashed → 63; every
 * delegated staker keeps 90%: alice 36, op1 9, lrt 18 (its NAV 20 → 18, rate 1 → 0.9). Allocated stake
 * ⌊63e18·⌊0.4e18·1e18/0.9e18⌋/1e18⌋ = 63·444444444444444444 = 27999999999999999972.
 */
function slashed(): World {
  const w = base();
  w.block = '1000011';
  w.timestamp = '1700000132';
  w.stakers.alice!.strategies.stETH!.withdrawableShares = eth(36n);
  w.stakers.op1!.strategies.stETH!.withdrawableShares = eth(9n);
  w.stakers.lrt!.strategies.stETH!.withdrawableShares = eth(18n);
  const op1 = w.operators.op1!;
  op1.shares.stETH = eth(63n);
  op1.maxMagnitude.stETH = String((9n * E) / 10n);
  op1.encumberedMagnitude.stETH = String((4n * E) / 10n);
  op1.allocations['avs1/0']!.stETH!.currentMagnitude = String((4n * E) / 10n);
  op1.allocations['avs1/0']!.stETH!.allocatedStake = '27999999999999999972';
  w.avs.avs1!.sets['0']!.slashCount = '1';
  w.vaults.lrt!.totalValue = eth(18n);
  w.vaults.lrt!.rate = String((9n * E) / 10n);
  return w;
}

describe('diffWorlds', () => {
  it('finds nothing between equal worlds', () => {
    expect(diffWorlds(base(), base())).toEqual([]);
  });

  it('lists every changed leaf of a slash, in world order, with exact signed deltas', () => {
    expect(diffWorlds(base(), slashed())).toEqual([
      { path: 'block', before: '1000010', after: '1000011', delta: '+1' },
      { path: 'timestamp', before: '1700000120', after: '1700000132', delta: '+12' },
      {
        path: 'stakers.alice.strategies.stETH.withdrawableShares',
        before: '40000000000000000000',
        after: '36000000000000000000',
        delta: '-4000000000000000000',
      },
      {
        path: 'stakers.op1.strategies.stETH.withdrawableShares',
        before: '10000000000000000000',
        after: '9000000000000000000',
        delta: '-1000000000000000000',
      },
      {
        path: 'stakers.lrt.strategies.stETH.withdrawableShares',
        before: '20000000000000000000',
        after: '18000000000000000000',
        delta: '-2000000000000000000',
      },
      {
        path: 'operators.op1.shares.stETH',
        before: '70000000000000000000',
        after: '63000000000000000000',
        delta: '-7000000000000000000',
      },
      {
        path: 'operators.op1.maxMagnitude.stETH',
        before: '1000000000000000000',
        after: '900000000000000000',
        delta: '-100000000000000000',
      },
      {
        path: 'operators.op1.encumberedMagnitude.stETH',
        before: '500000000000000000',
        after: '400000000000000000',
        delta: '-100000000000000000',
      },
      {
        path: 'operators.op1.allocations.avs1/0.stETH.currentMagnitude',
        before: '500000000000000000',
        after: '400000000000000000',
        delta: '-100000000000000000',
      },
      {
        path: 'operators.op1.allocations.avs1/0.stETH.allocatedStake',
        before: '35000000000000000000',
        after: '27999999999999999972',
        delta: '-7000000000000000028',
      },
      { path: 'avs.avs1.sets.0.slashCount', before: '0', after: '1', delta: '+1' },
      {
        path: 'vaults.lrt.totalValue',
        before: '20000000000000000000',
        after: '18000000000000000000',
        delta: '-2000000000000000000',
      },
      {
        path: 'vaults.lrt.rate',
        before: '1000000000000000000',
        after: '900000000000000000',
        delta: '-100000000000000000',
      },
    ]);
  });

  it('lists objects that appear or vanish leaf by leaf, and non-numbers without a delta', () => {
    const before = base();
    before.stakers.bob!.withdrawals.old = {
      strategy: 'stETH',
      scaledShares: '5',
      startBlock: '999000',
      completableAfterBlock: '999336',
      completed: true,
    };
    const after = base();
    after.stakers.alice!.delegatedTo = null;
    after.stakers.alice!.withdrawals['u/stETH'] = {
      strategy: 'stETH',
      scaledShares: eth(40n),
      startBlock: '1000010',
      completableAfterBlock: '1000346',
      completed: false,
    };
    after.stakers.carol = staker(null, 0n);
    after.stakers.bob!.pod = {
      address: '0x00000000000000000000000000000000000000bb',
      activeValidators: '0',
      restakedGwei: '0',
      checkpointActive: false,
    };
    after.operators.op1!.allocations['avs1/0']!.stETH!.pendingDiff = '-100000000000000000';
    after.avs.avs1!.sets['0']!.operators = ['op1', 'op2'];
    after.accounts.alice!.address = '0x00000000000000000000000000000000000000aa';
    const changes = diffWorlds(before, after);
    expect(changes).toEqual([
      {
        path: 'accounts.alice.address',
        before: '0x0000000000000000000000000000000000000001',
        after: '0x00000000000000000000000000000000000000aa',
        delta: null,
      },
      { path: 'stakers.alice.delegatedTo', before: 'op1', after: null, delta: null },
      { path: 'stakers.alice.withdrawals.u/stETH.strategy', before: null, after: 'stETH', delta: null },
      {
        path: 'stakers.alice.withdrawals.u/stETH.scaledShares',
        before: null,
        after: '40000000000000000000',
        delta: null,
      },
      { path: 'stakers.alice.withdrawals.u/stETH.startBlock', before: null, after: '1000010', delta: null },
      {
        path: 'stakers.alice.withdrawals.u/stETH.completableAfterBlock',
        before: null,
        after: '1000346',
        delta: null,
      },
      { path: 'stakers.alice.withdrawals.u/stETH.completed', before: null, after: 'false', delta: null },
      {
        path: 'stakers.bob.pod.address',
        before: null,
        after: '0x00000000000000000000000000000000000000bb',
        delta: null,
      },
      { path: 'stakers.bob.pod.activeValidators', before: null, after: '0', delta: null },
      { path: 'stakers.bob.pod.restakedGwei', before: null, after: '0', delta: null },
      { path: 'stakers.bob.pod.checkpointActive', before: null, after: 'false', delta: null },
      { path: 'stakers.bob.withdrawals.old.strategy', before: 'stETH', after: null, delta: null },
      { path: 'stakers.bob.withdrawals.old.scaledShares', before: '5', after: null, delta: null },
      { path: 'stakers.bob.withdrawals.old.startBlock', before: '999000', after: null, delta: null },
      {
        path: 'stakers.bob.withdrawals.old.completableAfterBlock',
        before: '999336',
        after: null,
        delta: null,
      },
      { path: 'stakers.bob.withdrawals.old.completed', before: 'true', after: null, delta: null },
      // carol is only in `after`: listed after the stakers both worlds have.
      ...['stETH', 'beaconETH'].flatMap((s) => [
        { path: `stakers.carol.strategies.${s}.depositShares`, before: null, after: '0', delta: null },
        { path: `stakers.carol.strategies.${s}.withdrawableShares`, before: null, after: '0', delta: null },
        {
          path: `stakers.carol.strategies.${s}.depositScalingFactor`,
          before: null,
          after: eth(1n),
          delta: null,
        },
      ]),
      { path: 'stakers.carol.beaconChainSlashingFactor', before: null, after: eth(1n), delta: null },
      {
        path: 'operators.op1.allocations.avs1/0.stETH.pendingDiff',
        before: '0',
        after: '-100000000000000000',
        delta: '-100000000000000000',
      },
      { path: 'avs.avs1.sets.0.operators', before: '["op1"]', after: '["op1","op2"]', delta: null },
    ]);
  });
});

describe('slashAttribution', () => {
  it('names who lost what in the slash, and that nothing is burned yet', () => {
    expect(slashAttribution(base(), slashed(), { operator: 'op1', avs: 'avs1', set: '0' })).toEqual({
      operator: 'op1',
      avs: 'avs1',
      set: '0',
      strategies: ['stETH'],
      magnitudes: [{ strategy: 'stETH', before: eth(1n), after: '900000000000000000' }],
      losses: [
        { who: 'alice', what: 'withdrawableShares', strategy: 'stETH', amount: eth(4n) },
        { who: 'op1', what: 'withdrawableShares', strategy: 'stETH', amount: eth(1n) },
        { who: 'lrt', what: 'withdrawableShares', strategy: 'stETH', amount: eth(2n) },
        { who: 'lrt', what: 'vaultValue', strategy: null, amount: eth(2n) },
        { who: 'op1', what: 'operatorShares', strategy: 'stETH', amount: eth(7n) },
      ],
      burned: '0',
      lockedNative: '0',
      redistributed: [],
    });
  });

  it('after slashing.clear: the 7 slashed ETH are burned, nobody loses more', () => {
    const cleared = slashed();
    cleared.block = '1000012';
    cleared.strategies.stETH = { totalShares: eth(93n), underlyingBalance: eth(93n) };
    cleared.burned.stETH = eth(7n);
    const a = slashAttribution(slashed(), cleared, { operator: 'op1', avs: 'avs1', set: '0' });
    expect(a.losses).toEqual([]);
    expect(a.burned).toBe('7000000000000000000');
    expect(a.redistributed).toEqual([]);
    // From before the slash to after the clear, both the losses and the burn show.
    const whole = slashAttribution(base(), cleared, { operator: 'op1', avs: 'avs1', set: '0' });
    expect(whole.losses).toHaveLength(5);
    expect(whole.burned).toBe('7000000000000000000');
  });

  it('a redistributing set: the recipient gains what was slashed, nothing is burned', () => {
    const cleared = slashed();
    cleared.accounts.carol!.stETH = eth(7n);
    const ref = { operator: 'op1', avs: 'avs1', set: '0' };
    expect(slashAttribution(slashed(), cleared, { ...ref, recipient: 'carol' }).redistributed).toEqual([
      { to: 'carol', amount: '7000000000000000000' },
    ]);
    expect(slashAttribution(slashed(), cleared, { ...ref, recipient: 'carol' }).burned).toBe('0');
    // Without a named recipient nothing is guessed.
    expect(slashAttribution(slashed(), cleared, ref).redistributed).toEqual([]);
  });

  it('native ETH: the slashed shares are locked in the pods, not burned', () => {
    const before = base();
    before.avs.avs1!.sets['0']!.strategies = ['beaconETH'];
    before.stakers.alice!.strategies.beaconETH!.withdrawableShares = eth(32n);
    before.operators.op1!.shares.beaconETH = eth(32n);
    const after = structuredClone(before);
    // A 10% cut of op1's beaconETH magnitude: 32 → 28.8 ETH; 3.2 ETH locked.
    after.stakers.alice!.strategies.beaconETH!.withdrawableShares = '28800000000000000000';
    after.operators.op1!.shares.beaconETH = '28800000000000000000';
    after.operators.op1!.maxMagnitude.beaconETH = '900000000000000000';
    after.lockedSlashedNativeShares = '3200000000000000000';
    const a = slashAttribution(before, after, { operator: 'op1', avs: 'avs1', set: '0' });
    expect(a.strategies).toEqual(['beaconETH']);
    expect(a.losses).toEqual([
      { who: 'alice', what: 'withdrawableShares', strategy: 'beaconETH', amount: '3200000000000000000' },
      { who: 'op1', what: 'operatorShares', strategy: 'beaconETH', amount: '3200000000000000000' },
    ]);
    expect(a.lockedNative).toBe('3200000000000000000');
    expect(a.burned).toBe('0');
  });

  it('ignores stakers of other operators, strategies outside the set, and gains', () => {
    const after = slashed();
    after.stakers.bob!.strategies.stETH!.withdrawableShares = eth(1n);
    after.stakers.alice!.strategies.beaconETH!.withdrawableShares = '5';
    after.stakers.op1!.strategies.stETH!.withdrawableShares = eth(50n);
    const whos = slashAttribution(base(), after, { operator: 'op1', avs: 'avs1', set: '0' }).losses.map(
      (l) => `${l.who}:${l.what}`,
    );
    expect(whos).toEqual([
      'alice:withdrawableShares',
      'lrt:withdrawableShares',
      'lrt:vaultValue',
      'op1:operatorShares',
    ]);
  });
});
