// Instant versus vetoable slashing (curriculum lesson 08) on the chain: MiniAVS's AVS-level veto window.
// Expected values by hand from mechanics.md §2.5–2.6, W = 1e18:
//   Alice deposits 40 stETH (1:1 into the empty strategy) and delegates to op1: op = 40, M = W.
//   op1 allocates c = 50% to avs1/0. A 20% slash: Δ = ⌈0.5·0.2⌉ = 10%, M' = 90%, c' = 40%;
//   a = 40·0.9 = 36; slashedOp = 40 − ⌈40·0.9⌉ = 4, so op = 36; clearing burns 4 and leaves 36 in the strategy;
//   allocatedStake = ⌊36e18·⌊0.4·W/0.9⌋/W⌋ = 36·444444444444444444 = 15999999999999999984 wei.
//   A second 20% slash: Δ = ⌈0.4·0.2⌉ = 8%, M'' = 82%: a = 40·0.82 = 32.8, op = 36 − (36 − ⌈36·0.82/0.9⌉) = 32.8.
//   A vetoed request changes no number at all: a = op = 40, M = W, c = 50%, slashCount 0.
// Blocks: each transaction mines the next block (head + 1); a rolled-back step mines nothing. A request in
//   block R with a 72-block window can be vetoed in blocks ≤ R + 71 and executed in blocks ≥ R + 72.
import { describe, expect, it } from 'vitest';
import { bootSandbox } from './boot.ts';
import { runStep } from './runner.ts';
import { validateScenario } from './scenario-schema.ts';
import { readWorld } from './world.ts';
import type { World } from './world-types.ts';

const ETH = 10n ** 18n;
const eth = (n: bigint) => String(n * ETH);
const setup = [
  { action: 'lst.stake', by: 'alice', amount: '40 ETH' },
  { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '40 ETH' },
  { action: 'operator.register', by: 'op1', allocationDelay: 0 },
  { action: 'staker.delegate', by: 'alice', operator: 'op1' },
  { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
  { action: 'operator.registerForSets', by: 'op1', avs: 'avs1', sets: [0] },
  { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: '50%' },
  { action: 'chain.advance', blocks: 1 },
];
const slash20 = { by: 'avs1', operator: 'op1', set: 0, strategies: ['stETH'], wads: ['20%'] };
const veto72 = { action: 'avs.configureVeto', by: 'avs1', blocks: 72, committee: 'council' };

/** Runs setup + steps; returns the world after each of `steps` (keyed by its index in `steps`). */
async function play(steps: Record<string, unknown>[]): Promise<World[]> {
  const v = validateScenario({
    format: 'restaking-sandbox/scenario@1',
    title: 'veto',
    config: { preset: 'classroom' },
    actors: [
      { id: 'alice', role: 'staker', eth: '100 ETH' },
      { id: 'council', role: 'staker' },
      { id: 'op1', role: 'operator' },
      { id: 'avs1', role: 'avs' },
    ],
    steps: [...setup, ...steps],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const sb = await bootSandbox(v.scenario);
  const worlds: World[] = [];
  for (const [i, step] of v.scenario.steps.entries()) {
    const { failure } = await runStep(sb, i, step);
    if (failure !== undefined) throw new Error(failure.message);
    if (i >= setup.length) worlds.push(await readWorld(sb));
  }
  return worlds;
}

/** The numbers a slash changes, for comparing the instant and the vetoable rule. */
const slashed = (w: World) => ({
  withdrawable: w.stakers['alice']!.strategies['stETH']!.withdrawableShares,
  deposit: w.stakers['alice']!.strategies['stETH']!.depositShares,
  op: w.operators['op1']!.shares['stETH'],
  maxMagnitude: w.operators['op1']!.maxMagnitude['stETH'],
  current: w.operators['op1']!.allocations['avs1/0']!['stETH']!.currentMagnitude,
  allocatedStake: w.operators['op1']!.allocations['avs1/0']!['stETH']!.allocatedStake,
  slashCount: w.avs['avs1']!.sets['0']!.slashCount,
  burned: w.burned['stETH'],
  totalShares: w.strategies['stETH']!.totalShares,
});
const untouched = {
  withdrawable: eth(40n),
  deposit: eth(40n),
  op: eth(40n),
  maxMagnitude: String(ETH),
  current: String(ETH / 2n),
  allocatedStake: eth(20n),
  slashCount: '0',
  burned: '0',
  totalShares: eth(40n),
};
const afterOneSlash = {
  ...untouched,
  withdrawable: eth(36n),
  op: eth(36n),
  maxMagnitude: String((9n * ETH) / 10n),
  current: String((4n * ETH) / 10n),
  allocatedStake: '15999999999999999984',
  slashCount: '1',
};
const cleared = { ...afterOneSlash, burned: eth(4n), totalShares: eth(36n) };

describe('instant slashing (no veto window)', () => {
  it('takes effect in the slash transaction; the AVS shows no window, no committee, no requests', async () => {
    const [w0, w1, w2] = await play([
      { action: 'expect', values: { 'avs.avs1.vetoWindowBlocks': '0', 'avs.avs1.vetoCommittee': null } },
      { action: 'avs.slash', ...slash20, as: 's1' },
      { action: 'slashing.clear', by: 'alice', avs: 'avs1', set: 0, slash: 's1' },
    ]);
    expect(w0!.avs['avs1']).toMatchObject({ vetoWindowBlocks: '0', vetoCommittee: null, slashRequests: {} });
    expect(slashed(w1!)).toEqual(afterOneSlash);
    expect(slashed(w2!)).toEqual(cleared);
  });
});

describe('vetoable slashing (a 72-block window and a committee)', () => {
  it('a vetoed request leaves every number intact, and the stake withdraws in full', async () => {
    const w = await play([
      veto72,
      { action: 'avs.slash', ...slash20, expectRevert: 'VetoWindowEnabled' },
      { action: 'avs.requestSlash', ...slash20, description: 'disputed', as: 'r1' },
      { action: 'avs.executeSlash', by: 'avs1', request: 'r1', expectRevert: 'VetoPeriodNotPassed' },
      { action: 'chain.advance', blocks: 70 },
      { action: 'avs.veto', by: 'alice', avs: 'avs1', request: 'r1', expectRevert: 'OnlyVetoCommittee' },
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r1' },
      { action: 'avs.executeSlash', by: 'avs1', request: 'r1', expectRevert: 'SlashingRequestIsCancelled' },
      {
        action: 'avs.veto',
        by: 'council',
        avs: 'avs1',
        request: 'r1',
        expectRevert: 'SlashingRequestNotRequested',
      },
      { action: 'withdrawal.queue', by: 'alice', strategy: 'stETH', shares: '40 ETH', as: 'w' },
      { action: 'chain.advance', blocks: 337 },
      { action: 'withdrawal.complete', by: 'alice', withdrawal: 'w', receiveAsTokens: true },
    ]);
    const requested = w[2]!;
    const R = BigInt(requested.block);
    expect(requested.avs['avs1']).toEqual({
      sets: requested.avs['avs1']!.sets,
      vetoWindowBlocks: '72',
      vetoCommittee: 'council',
      slashRequests: {
        r1: {
          operator: 'op1',
          set: '0',
          requestBlock: String(R),
          vetoableUntilBlock: String(R + 71n),
          status: 'pending',
        },
      },
    });
    expect(slashed(w[1]!)).toEqual(untouched); // the instant rule is off
    expect(w[3]!.block).toBe(String(R)); // the rejected execution mined nothing
    const vetoed = w[6]!;
    expect(vetoed.block).toBe(String(R + 71n)); // the veto landed in the window's last block
    expect(vetoed.avs['avs1']!.slashRequests['r1']!.status).toBe('vetoed');
    expect(slashed(vetoed)).toEqual(untouched);
    expect(slashed(w[8]!)).toEqual(untouched);
    expect(w[11]!.accounts['alice']!.stETH).toBe(eth(40n));
    expect(w[11]!.stakers['alice']!.strategies['stETH']!.withdrawableShares).toBe('0');
  });

  it('an unvetoed request executes after the window and then equals the instant slash', async () => {
    const w = await play([
      veto72,
      { action: 'avs.requestSlash', ...slash20, as: 'r2' },
      { action: 'chain.advance', blocks: 70 },
      { action: 'avs.executeSlash', by: 'avs1', request: 'r2', expectRevert: 'VetoPeriodNotPassed' },
      { action: 'chain.advance', blocks: 1 },
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r2', expectRevert: 'VetoPeriodPassed' },
      { action: 'avs.executeSlash', by: 'avs1', request: 'r2', as: 's2' },
      { action: 'slashing.clear', by: 'alice', avs: 'avs1', set: 0, slash: 's2' },
      // Switching back to the instant rule: window 0.
      { ...veto72, blocks: 0 },
      { action: 'avs.slash', ...slash20 },
      { action: 'avs.requestSlash', ...slash20, as: 'r3' },
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r3', expectRevert: 'VetoPeriodPassed' },
    ]);
    const R = BigInt(w[1]!.block);
    expect(slashed(w[5]!)).toEqual(untouched); // still pending at R + 71
    expect(w[5]!.avs['avs1']!.slashRequests['r2']!.status).toBe('pending');
    expect(w[6]!.block).toBe(String(R + 72n));
    expect(w[6]!.avs['avs1']!.slashRequests['r2']!.status).toBe('executed');
    expect(slashed(w[6]!)).toEqual(afterOneSlash);
    expect(slashed(w[7]!)).toEqual(cleared);
    expect(w[8]!.avs['avs1']!.vetoWindowBlocks).toBe('0');
    const second = w[9]!;
    expect(second.stakers['alice']!.strategies['stETH']!.withdrawableShares).toBe(String((328n * ETH) / 10n));
    expect(second.operators['op1']!.shares['stETH']).toBe(String((328n * ETH) / 10n));
    expect(second.operators['op1']!.maxMagnitude['stETH']).toBe(String((82n * ETH) / 100n));
    // Requested with no window: vetoable until the block before it, executable at once.
    const r3 = w[11]!.avs['avs1']!.slashRequests['r3']!;
    expect(BigInt(r3.vetoableUntilBlock)).toBe(BigInt(r3.requestBlock) - 1n);
    expect(r3.status).toBe('pending');
  });
});
