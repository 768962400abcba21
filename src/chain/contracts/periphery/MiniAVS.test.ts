// MiniAVS on the real EVM with the core: registrar rule, immediate slash, and the AVS-level veto window.
// Expected values from mechanics.md §1.8 and §2.5: a slash of wad p on a full allocation (magnitude 1e18)
// lowers max magnitude by ⌈1e18·p/1e18⌉, so a staker's withdrawable shares become s·(1e18 − p)/1e18.
import { describe, expect, it } from 'vitest';
import { advance } from '../../runtime.ts';
import {
  allocate,
  createSet,
  delegate,
  ETH,
  fixture,
  registerForSets,
  registerOperator,
  stakeAndDeposit,
  withdrawable,
  type Fixture,
} from './fixture.ts';

const TEN_PERCENT = ETH / 10n;

/** Operator with alice's 100 ETH delegated, set 0 created; allocation and registration left to the test. */
async function setup(): Promise<Fixture> {
  const f = await fixture();
  await registerOperator(f, f.operator);
  await stakeAndDeposit(f, f.alice, 100n * ETH);
  await delegate(f, f.alice, f.operator);
  await createSet(f, 0);
  return f;
}

async function slashableSetup(): Promise<Fixture> {
  const f = await setup();
  await allocate(f, f.operator, 0, ETH);
  const r = await registerForSets(f, f.operator, [0]);
  expect(r.ok).toBe(true);
  return f;
}

const slashArgs = (f: Fixture, wad: bigint) =>
  [f.operator, 0, [f.strategy], [wad], 'double signing'] as const;

describe('MiniAVS registrar', () => {
  it('creates sets with itself as slasher and rejects operators below minStake', async () => {
    const f = await setup();
    const set = { avs: f.avs, id: 0 };
    expect(await f.call(f.core.allocationManager, 'MiniAllocationManager', 'getSlasher', [set])).toBe(f.avs);
    expect(await f.call(f.avs, 'MiniAVS', 'getOperatorSetIds')).toEqual([0]);
    await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'setMinStake', [60n * ETH]);
    await allocate(f, f.operator, 0, ETH / 2n);
    // Allocated stake = ⌊100e18·⌊0.5e18·1e18/1e18⌋/1e18⌋ = 50 ETH < 60 ETH.
    const low = await registerForSets(f, f.operator, [0]);
    expect(low.error).toMatchObject({
      name: 'InsufficientStake',
      args: [f.operator, 0, 50n * ETH, 60n * ETH],
    });
    await allocate(f, f.operator, 0, ETH);
    const ok = await registerForSets(f, f.operator, [0]);
    expect(ok.ok).toBe(true);
    const accepted = ok.events.find((e) => e.eventName === 'OperatorAccepted');
    expect(accepted?.args).toEqual({ operator: f.operator, operatorSetId: 0, allocatedStake: 100n * ETH });
  });

  it('only lets the allocation manager call the registrar and only the owner configure', async () => {
    const f = await setup();
    const direct = await f.attempt(f.operator, f.avs, 'MiniAVS', 'registerOperator', [
      f.operator,
      f.avs,
      [0],
      '0x',
    ]);
    expect(direct.error?.name).toBe('OnlyAllocationManager');
    const notOwner = await f.attempt(f.alice, f.avs, 'MiniAVS', 'setMinStake', [1n]);
    expect(notOwner.error?.name).toBe('OnlyOwner');
  });
});

describe('MiniAVS slashing', () => {
  it('slashes immediately when no veto window is configured', async () => {
    const f = await slashableSetup();
    const r = await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'slash', slashArgs(f, TEN_PERCENT));
    expect(r.result).toBe(1n); // the set's first slash id
    const slashed = r.events.find((e) => e.eventName === 'OperatorSlashed');
    expect(slashed?.args).toMatchObject({ operator: f.operator, wadSlashed: [TEN_PERCENT] });
    expect(await withdrawable(f, f.alice)).toBe(90n * ETH);
    const notOwner = await f.attempt(f.alice, f.avs, 'MiniAVS', 'slash', slashArgs(f, TEN_PERCENT));
    expect(notOwner.error?.name).toBe('OnlyOwner');
  });

  it('lets the veto committee cancel a requested slash inside the window', async () => {
    const f = await slashableSetup();
    await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'configureVeto', [5, f.committee]);
    const direct = await f.attempt(f.avsOwner, f.avs, 'MiniAVS', 'slash', slashArgs(f, TEN_PERCENT));
    expect(direct.error).toMatchObject({ name: 'VetoWindowEnabled', args: [5] });

    const req = await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'requestSlash', slashArgs(f, TEN_PERCENT));
    const executableAt = Number(req.block) + 5;
    expect(req.result).toBe(0n);
    expect(req.events.map((e) => [e.eventName, e.args])).toEqual([
      [
        'SlashingRequested',
        {
          requestId: 0n,
          operator: f.operator,
          operatorSetId: 0,
          wadsToSlash: [TEN_PERCENT],
          description: 'double signing',
        },
      ],
    ]);
    const early = await f.attempt(f.avsOwner, f.avs, 'MiniAVS', 'executeSlash', [0n]);
    expect(early.error).toMatchObject({ name: 'VetoPeriodNotPassed', args: [0n, executableAt] });
    const stranger = await f.attempt(f.alice, f.avs, 'MiniAVS', 'veto', [0n]);
    expect(stranger.error?.name).toBe('OnlyVetoCommittee');

    advance(f.chain, { blocks: BigInt(executableAt) - f.chain.head.number - 2n });
    const v = await f.tx(f.committee, f.avs, 'MiniAVS', 'veto', [0n]);
    expect(v.block).toBe(BigInt(executableAt) - 1n); // the last block of the window
    expect(v.events.map((e) => e.eventName)).toEqual(['SlashingRequestCancelled']);

    advance(f.chain, { blocks: 10n });
    const after = await f.attempt(f.avsOwner, f.avs, 'MiniAVS', 'executeSlash', [0n]);
    expect(after.error).toMatchObject({ name: 'SlashingRequestIsCancelled', args: [0n] });
    expect(await withdrawable(f, f.alice)).toBe(100n * ETH); // the vetoed slash left the stake intact
  });

  it('executes a request that was not vetoed once the window has closed', async () => {
    const f = await slashableSetup();
    await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'configureVeto', [5, f.committee]);
    const req = await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'requestSlash', slashArgs(f, 2n * TEN_PERCENT));
    const executableAt = req.block + 5n;
    advance(f.chain, { blocks: executableAt - f.chain.head.number - 1n });
    const late = await f.attempt(f.committee, f.avs, 'MiniAVS', 'veto', [0n]);
    expect(late.block).toBe(executableAt);
    expect(late.error).toMatchObject({ name: 'VetoPeriodPassed', args: [0n, Number(executableAt)] });
    const ex = await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'executeSlash', [0n]);
    expect(ex.result).toBe(1n);
    expect(ex.events.find((e) => e.eventName === 'SlashingRequestFulfilled')?.args).toEqual({
      requestId: 0n,
      slashId: 1n,
    });
    // 20% of a full allocation: 100·0.8 = 80 ETH withdrawable.
    expect(await withdrawable(f, f.alice)).toBe(80n * ETH);
    const again = await f.attempt(f.avsOwner, f.avs, 'MiniAVS', 'executeSlash', [0n]);
    expect(again.error).toMatchObject({ name: 'SlashingRequestNotRequested', args: [0n] });
  });

  it('freezes the veto configuration while a request is open, so the slasher cannot dodge the committee', async () => {
    const f = await slashableSetup();
    await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'configureVeto', [5, f.committee]);
    await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'requestSlash', slashArgs(f, TEN_PERCENT));
    const swap = await f.attempt(f.avsOwner, f.avs, 'MiniAVS', 'configureVeto', [5, f.avsOwner]);
    expect(swap.error).toMatchObject({ name: 'SlashRequestsOpen', args: [1n] });
    const off = await f.attempt(f.avsOwner, f.avs, 'MiniAVS', 'configureVeto', [0, f.committee]);
    expect(off.error?.name).toBe('SlashRequestsOpen');
    await f.tx(f.committee, f.avs, 'MiniAVS', 'veto', [0n]);
    // once nothing is open the AVS may change its rules again (for requests made afterwards)
    await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'configureVeto', [0, f.committee]);
    expect(await withdrawable(f, f.alice)).toBe(100n * ETH);
  });
});
