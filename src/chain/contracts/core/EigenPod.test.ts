// Native restaking on the real EVM: pods, the mock beacon chain, checkpoints and the beacon-chain slashing
// factor. The dual-slashing numbers are EigenLayer's own (docs/core/accounting/DualSlashingEdgeCase.md).
import { describe, expect, it } from 'vitest';
import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import { getBalance } from '../../runtime.ts';
import {
  allocate,
  createSet,
  D,
  delegate,
  ETH,
  eventArgs,
  NATIVE,
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

const pubkey = (name: string): Hex => `${keccak256(stringToHex(name))}${'00'.repeat(16)}` as Hex;

async function stake(f: Fixture, owner: Address, name: string): Promise<number> {
  const r = await f.ok(
    owner,
    f.core.eigenPodManager,
    'MiniEigenPodManager',
    'stake',
    [pubkey(name)],
    32n * ETH,
  );
  return Number(eventArgs(r, 'ValidatorDeposited')[0]!['validatorIndex']);
}

const podOf = (f: Fixture, owner: Address) =>
  f.view<Address>(f.core.eigenPodManager, 'MiniEigenPodManager', 'ownerToPod', [owner]);

async function verify(f: Fixture, owner: Address, indices: number[]) {
  return f.ok(owner, await podOf(f, owner), 'MiniEigenPod', 'verifyWithdrawalCredentials', [indices]);
}

async function checkpoint(f: Fixture, owner: Address, indices: number[]) {
  const pod = await podOf(f, owner);
  await f.ok(owner, pod, 'MiniEigenPod', 'startCheckpoint', [false]);
  return f.ok(f.acct[9]!, pod, 'MiniEigenPod', 'verifyCheckpointProofs', [indices]);
}

const bcsf = (f: Fixture, owner: Address) =>
  f.view<bigint>(f.core.eigenPodManager, 'MiniEigenPodManager', 'beaconChainSlashingFactor', [owner]);

/** Steps 1–3 of the doc: Alice verifies 32 ETH, her operator is slashed 75%, the beacon chain slashes 16 ETH. */
async function dualSlashingStart() {
  // A penalty divisor of 2 makes the beacon-chain slash exactly 16 of 32 ETH, as in the doc.
  const f = await setup({ beaconPenaltyDivisor: 2n });
  const [alice, op, avs] = [f.acct[1]!, f.acct[2]!, f.acct[3]!];
  await registerOperator(f, op, 0);
  await createSet(f, avs, 1, [NATIVE]);
  await registerForSet(f, op, avs, 1);
  await allocate(f, op, avs, 1, [NATIVE], [WAD]);
  const v1 = await stake(f, alice, 'v1');
  await verify(f, alice, [v1]);
  await delegate(f, alice, op);
  expect(await withdrawable(f, alice, NATIVE)).toBe(32n * ETH);
  await slash(f, avs, op, 1, [NATIVE], [(WAD * 3n) / 4n]);
  expect(await withdrawable(f, alice, NATIVE)).toBe(8n * ETH);
  // Native ETH slashed by an AVS is only counted, never burned: 32 − ⌈32·0.25⌉ = 24.
  expect(await f.view(f.core.eigenPodManager, 'MiniEigenPodManager', 'burnableETHShares')).toBe(24n * ETH);
  await f.ok(f.acct[8]!, f.core.beaconChain, 'MockBeaconChain', 'slash', [v1]);
  // Nothing changes on EigenLayer until a checkpoint proves it.
  expect(await withdrawable(f, alice, NATIVE)).toBe(8n * ETH);
  return { f, alice, op, v1 };
}

describe('DualSlashingEdgeCase', () => {
  it('scenario A: verify a second validator, then checkpoint → 40, then 30 ETH', async () => {
    const { f, alice, op, v1 } = await dualSlashingStart();
    const v2 = await stake(f, alice, 'v2');
    await verify(f, alice, [v2]);
    // DSF = 40/64/0.25 = 2.5
    expect(
      await f.view(f.core.delegationManager, 'MiniDelegationManager', 'depositScalingFactor', [
        alice,
        NATIVE,
      ]),
    ).toBe((5n * WAD) / 2n);
    expect(await withdrawable(f, alice, NATIVE)).toBe(40n * ETH);
    const r = await checkpoint(f, alice, [v1, v2]);
    // R = 64, δ = 16: BCSF = 48/64 = 0.75 → 64·2.5·0.25·0.75 = 30
    expect(eventArgs(r, 'BeaconChainSlashingFactorDecreased')).toEqual([
      { staker: alice, prevBeaconChainSlashingFactor: WAD, newBeaconChainSlashingFactor: (3n * WAD) / 4n },
    ]);
    expect(await withdrawable(f, alice, NATIVE)).toBe(30n * ETH);
    expect(await operatorShares(f, op, NATIVE)).toBe(30n * ETH);
    // Deposit shares are untouched by the beacon-chain loss.
    expect(
      await f.view(f.core.eigenPodManager, 'MiniEigenPodManager', 'podOwnerDepositShares', [alice]),
    ).toBe(64n * ETH);
  });

  it('scenario B: checkpoint first, then verify the second validator → 4, then 36 ETH', async () => {
    const { f, alice, op, v1 } = await dualSlashingStart();
    await checkpoint(f, alice, [v1]);
    expect(await bcsf(f, alice)).toBe(WAD / 2n); // 16/32
    expect(await withdrawable(f, alice, NATIVE)).toBe(4n * ETH);
    const v2 = await stake(f, alice, 'v2');
    await verify(f, alice, [v2]);
    // DSF = 36/64/0.125 = 4.5 → 64·4.5·0.125 = 36
    expect(
      await f.view(f.core.delegationManager, 'MiniDelegationManager', 'depositScalingFactor', [
        alice,
        NATIVE,
      ]),
    ).toBe((9n * WAD) / 2n);
    expect(await withdrawable(f, alice, NATIVE)).toBe(36n * ETH);
    expect(await operatorShares(f, op, NATIVE)).toBe(36n * ETH);
  });
});

describe('MiniEigenPod', () => {
  it('stakes exactly 32 ETH, credits effective balance only after credentials are verified', async () => {
    const f = await setup();
    const alice = f.acct[1]!;
    await f.fails(
      'MsgValueNot32ETH',
      alice,
      f.core.eigenPodManager,
      'MiniEigenPodManager',
      'stake',
      [pubkey('x')],
      31n * ETH,
    );
    const v = await stake(f, alice, 'v');
    expect(
      await f.view(f.core.eigenPodManager, 'MiniEigenPodManager', 'podOwnerDepositShares', [alice]),
    ).toBe(0n);
    await verify(f, alice, [v]);
    expect(await withdrawable(f, alice, NATIVE)).toBe(32n * ETH);
    await f.fails(
      'CredentialsAlreadyVerified',
      alice,
      await podOf(f, alice),
      'MiniEigenPod',
      'verifyWithdrawalCredentials',
      [[v]],
    );
    // Someone else's validator: credentials point elsewhere.
    const bob = f.acct[2]!;
    const vb = await stake(f, bob, 'vb');
    await f.fails(
      'WithdrawalCredentialsNotForEigenPod',
      alice,
      await podOf(f, alice),
      'MiniEigenPod',
      'verifyWithdrawalCredentials',
      [[vb]],
    );
  });

  it('anyone may prove a slashed validator stale, which starts a checkpoint (default penalty 1/4096)', async () => {
    const f = await setup();
    const [alice, watcher] = [f.acct[1]!, f.acct[7]!];
    const v = await stake(f, alice, 'v');
    await verify(f, alice, [v]);
    const pod = await podOf(f, alice);
    await f.fails('ValidatorNotSlashedOnBeaconChain', watcher, pod, 'MiniEigenPod', 'verifyStaleBalance', [
      v,
    ]);
    await f.ok(watcher, f.core.beaconChain, 'MockBeaconChain', 'slash', [v]);
    await f.ok(watcher, pod, 'MiniEigenPod', 'verifyStaleBalance', [v]);
    await f.fails('CheckpointAlreadyActive', alice, pod, 'MiniEigenPod', 'startCheckpoint', [false]);
    await f.ok(watcher, pod, 'MiniEigenPod', 'verifyCheckpointProofs', [[v]]);
    // 32 ETH − 32/4096 ETH = 31.9921875 ETH; BCSF = ⌊1e18·31.9921875/32⌋ = 0.999755859375e18
    expect(await bcsf(f, alice)).toBe(999_755_859_375_000_000n);
    expect(await withdrawable(f, alice, NATIVE)).toBe(31_992_187_500_000_000_000n);
  });

  it('exit, checkpoint, queue and complete as tokens: the ETH is paid from the pod', async () => {
    const f = await setup();
    const alice = f.acct[1]!;
    const v = await stake(f, alice, 'v');
    await verify(f, alice, [v]);
    await f.ok(f.acct[8]!, f.core.beaconChain, 'MockBeaconChain', 'accrueRewards', [v, 500_000_000n]); // +0.5 ETH
    await f.ok(f.acct[8]!, f.core.beaconChain, 'MockBeaconChain', 'exit', [v]);
    const pod = await podOf(f, alice);
    expect(await getBalance(f.chain, pod)).toBe(32n * ETH + ETH / 2n);
    const r = await checkpoint(f, alice, [v]);
    // Pod balance 32.5 credited, validator 32 → 0: Δ = +0.5 ETH of new shares.
    expect(eventArgs(r, 'CheckpointFinalized')[0]?.['totalShareDeltaWei']).toBe(ETH / 2n);
    expect(await f.view(pod, 'MiniEigenPod', 'withdrawableRestakedExecutionLayerGwei')).toBe(32_500_000_000n);
    const q = await f.ok(alice, f.core.delegationManager, 'MiniDelegationManager', 'queueWithdrawals', [
      [{ strategies: [NATIVE], depositShares: [32n * ETH + ETH / 2n] }],
    ]);
    const w = eventArgs(q, 'SlashingWithdrawalQueued')[0]!['withdrawal'];
    nextTxAt(f, q.block + D + 1n);
    const before = await getBalance(f.chain, alice);
    await f.ok(alice, f.core.delegationManager, 'MiniDelegationManager', 'completeQueuedWithdrawal', [
      w,
      true,
    ]);
    expect((await getBalance(f.chain, alice)) - before).toBe(32n * ETH + ETH / 2n); // gas is priced at 0
    expect(await getBalance(f.chain, pod)).toBe(0n);
  });

  it("pays every reward out of the issuance reserve, so one exit can never spend another validator's principal", async () => {
    const f = await setup();
    const owner = f.acct[3]!;
    await f.ok(owner, f.core.eigenPodManager, 'MiniEigenPodManager', 'createPod');
    const v1 = await stake(f, owner, 'reserve-1');
    const v2 = await stake(f, owner, 'reserve-2');
    const reserve = await f.view<bigint>(f.core.beaconChain, 'MockBeaconChain', 'issuanceReserveWei');
    expect(reserve).toBe(10_000n * ETH); // deployCore's default funding
    const tooMuch = (reserve / 10n ** 9n + 1n) as bigint;
    await f.fails(
      'InsufficientIssuanceReserve',
      f.acct[8]!,
      f.core.beaconChain,
      'MockBeaconChain',
      'accrueRewards',
      [v1, tooMuch],
    );
    await f.ok(f.acct[8]!, f.core.beaconChain, 'MockBeaconChain', 'accrueRewards', [v1, 1_000_000_000n]); // +1 ETH
    expect(await f.view<bigint>(f.core.beaconChain, 'MockBeaconChain', 'issuanceReserveWei')).toBe(
      reserve - ETH,
    );
    await f.ok(f.acct[8]!, f.core.beaconChain, 'MockBeaconChain', 'exit', [v1]);
    await f.ok(f.acct[8]!, f.core.beaconChain, 'MockBeaconChain', 'exit', [v2]);
    // both exits paid in full: 33 + 32 ETH reached the pod
    expect(await getBalance(f.chain, await podOf(f, owner))).toBe(65n * ETH);
  });

  it('finalizes a checkpoint with nothing to prove before announcing it, as EigenPod does', async () => {
    const f = await setup();
    const owner = f.acct[4]!;
    await f.ok(owner, f.core.eigenPodManager, 'MiniEigenPodManager', 'createPod');
    const pod = await podOf(f, owner);
    const r = await f.ok(owner, pod, 'MiniEigenPod', 'startCheckpoint', [false]);
    expect(r.events.filter((e) => e.address === pod).map((e) => e.eventName)).toEqual([
      'CheckpointFinalized',
      'CheckpointCreated',
    ]);
    expect(await f.view<bigint>(pod, 'MiniEigenPod', 'currentCheckpointTimestamp')).toBe(0n);
  });
});
