// The lens read (readWorld: one SandboxLens eth_call) against the pre-lens reader kept as an oracle (one
// eth_call per number): after boot and after every step of every scenario, the two worlds must serialize to
// the same bytes. Covers the presets, the formats.md example, and a scenario built to reach every corner of
// the world: pods (verified and unverified validators, an active checkpoint), a vault with redemption
// requests, an undelegation, a pending deallocation, two operator sets, an AVS with no sets and an operator
// actor that never registers.
import { describe, expect, it } from 'vitest';
import { bootSandbox } from './boot.ts';
import { runStep } from './runner.ts';
import type { Sandbox } from './sandbox.ts';
import { validateScenario, type Scenario } from './scenario-schema.ts';
import { SCENARIO_PRESETS } from './scenarios/index.ts';
import { readWorld } from './world.ts';
import { readWorldReference } from './world-reference.test-helpers.ts';
import type { World } from './world-types.ts';

function scenarioOf(json: unknown): Scenario {
  const r = validateScenario(json);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

async function expectSameWorld(sb: Sandbox, when: string): Promise<World> {
  const lens = await readWorld(sb);
  const reference = await readWorldReference(sb);
  expect(lens, when).toStrictEqual(reference);
  // Same key order too: the world is shown and saved as JSON.
  expect(JSON.stringify(lens), when).toBe(JSON.stringify(reference));
  return lens;
}

/** Runs every step, comparing the two readers after boot and after each step; returns the worlds compared. */
async function runCompared(scenario: Scenario): Promise<World[]> {
  const sb = await bootSandbox(scenario);
  const worlds = [await expectSameWorld(sb, 'after boot')];
  for (const [i, step] of scenario.steps.entries()) {
    const { failure } = await runStep(sb, i, step);
    expect(failure, `step ${i} (${step.action})`).toBeUndefined();
    // An expect step changes nothing: the world after it is the one already compared.
    if (step.action === 'expect') continue;
    worlds.push(await expectSameWorld(sb, `after step ${i} (${step.action})`));
  }
  return worlds;
}

// formats.md "Scenario" example, verbatim.
const FORMATS_EXAMPLE = {
  format: 'restaking-sandbox/scenario@1',
  title: 'One AVS slashes an operator',
  description: 'Markdown shown beside the sandbox.',
  config: { preset: 'classroom' },
  actors: [
    { id: 'alice', role: 'staker', eth: '100 ETH' },
    { id: 'op1', role: 'operator', eth: '10 ETH' },
    { id: 'avs1', role: 'avs' },
    { id: 'lrt', role: 'vault', operator: 'op1' },
  ],
  steps: [
    { action: 'lst.stake', by: 'alice', amount: '40 ETH' },
    { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '40 ETH' },
    { action: 'operator.register', by: 'op1', allocationDelay: 0 },
    { action: 'staker.delegate', by: 'alice', operator: 'op1' },
    { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
    { action: 'operator.registerForSets', by: 'op1', avs: 'avs1', sets: [0] },
    {
      action: 'operator.allocate',
      by: 'op1',
      avs: 'avs1',
      set: 0,
      strategy: 'stETH',
      magnitude: '50%',
    },
    { action: 'chain.advance', blocks: 1 },
    {
      action: 'avs.slash',
      by: 'avs1',
      operator: 'op1',
      set: 0,
      strategies: ['stETH'],
      wads: ['20%'],
      as: 's1',
    },
    { action: 'expect', values: { 'stakers.alice.strategies.stETH.withdrawableShares': '36 ETH' } },
  ],
};

const EVERY_CORNER = {
  format: 'restaking-sandbox/scenario@1',
  title: 'Every corner of the world',
  description:
    'Pods with verified and unverified validators and a checkpoint in flight, a vault with redemption ' +
    'requests, an undelegation, a pending deallocation, two operator sets, an idle AVS, an unregistered operator.',
  config: { preset: 'classroom' },
  actors: [
    { id: 'alice', role: 'staker', eth: '200 ETH' },
    { id: 'bob', role: 'staker', eth: '100 ETH' },
    { id: 'op1', role: 'operator', eth: '10 ETH' },
    { id: 'op2', role: 'operator', eth: '10 ETH' },
    { id: 'avs1', role: 'avs' },
    { id: 'avs2', role: 'avs' },
    { id: 'lrt', role: 'vault', operator: 'op1' },
  ],
  steps: [
    { action: 'operator.register', by: 'op1', allocationDelay: 0 },
    { action: 'lst.stake', by: 'alice', amount: '60 ETH' },
    { action: 'lst.wrap', by: 'alice', amount: '5 ETH' },
    { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '20 ETH' },
    { action: 'pod.create', by: 'alice' },
    { action: 'pod.stake', by: 'alice', as: 'v1' },
    { action: 'pod.verifyCredentials', by: 'alice', validators: ['v1'] },
    { action: 'pod.stake', by: 'alice', as: 'v2' },
    { action: 'staker.delegate', by: 'alice', operator: 'op1' },
    { action: 'lst.stake', by: 'bob', amount: '50 ETH' },
    { action: 'vault.deposit', by: 'bob', vault: 'lrt', amount: '30 ETH' },
    { action: 'token.transfer', by: 'bob', token: 'lrt', to: 'alice', amount: '1 ETH' },
    { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH', 'beaconETH'] },
    { action: 'avs.createOperatorSet', by: 'avs1', set: 1, strategies: ['stETH'] },
    { action: 'operator.registerForSets', by: 'op1', avs: 'avs1', sets: [0, 1] },
    { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: '50%' },
    { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 0, strategy: 'beaconETH', magnitude: '60%' },
    { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 1, strategy: 'stETH', magnitude: '30%' },
    { action: 'chain.advance', blocks: 1 },
    {
      action: 'avs.slash',
      by: 'avs1',
      operator: 'op1',
      set: 0,
      strategies: ['stETH', 'beaconETH'],
      wads: ['10%', '20%'],
      as: 's1',
    },
    { action: 'slashing.clear', by: 'avs1', avs: 'avs1', set: 0, slash: 's1' },
    // A decrease waits out the deallocation delay: pendingDiff is negative until then.
    { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 1, strategy: 'stETH', magnitude: '10%' },
    { action: 'vault.requestRedeem', by: 'bob', vault: 'lrt', amount: '10 ETH', as: 'r1' },
    { action: 'vault.requestRedeem', by: 'alice', vault: 'lrt', amount: '1 ETH', as: 'r2' },
    { action: 'beacon.reward', validator: 'v1', amount: '0.5 ETH' },
    { action: 'beacon.penalty', validator: 'v2', amount: '1 ETH' },
    { action: 'pod.startCheckpoint', by: 'alice' },
    { action: 'pod.verifyCheckpoint', by: 'alice' },
    { action: 'beacon.slash', validator: 'v1' },
    { action: 'staker.undelegate', by: 'alice', as: 'u' },
    { action: 'chain.advance', blocks: 400 },
    { action: 'withdrawal.complete', by: 'alice', withdrawal: 'u/stETH', receiveAsTokens: true },
    { action: 'vault.claim', by: 'bob', vault: 'lrt', request: 'r1' },
    { action: 'beacon.exit', validator: 'v2' },
  ],
};

const TIMEOUT = 300_000;

describe('readWorld through SandboxLens equals the one-call-per-number reader', () => {
  it.each(SCENARIO_PRESETS.map((p) => [p.id, p.json] as const))(
    'preset %s, after every step',
    async (_id, json) => {
      await runCompared(scenarioOf(json));
    },
    TIMEOUT,
  );

  it(
    'the formats.md example, after every step',
    async () => {
      const worlds = await runCompared(scenarioOf(FORMATS_EXAMPLE));
      expect(worlds.at(-1)?.stakers['alice']?.strategies['stETH']?.withdrawableShares).toBe(
        String(36n * 10n ** 18n),
      );
    },
    TIMEOUT,
  );

  it(
    'pods, validators, vault requests, undelegation and pending deallocations, after every step',
    async () => {
      const worlds = await runCompared(scenarioOf(EVERY_CORNER));
      // The scenario really reached the corners it is meant to cover.
      expect(worlds.some((w) => w.stakers['alice']?.pod?.checkpointActive === true)).toBe(true);
      expect(worlds.some((w) => Number(w.stakers['alice']?.pod?.activeValidators ?? 0) > 0)).toBe(true);
      expect(
        worlds.some((w) =>
          (w.operators['op1']?.allocations['avs1/1']?.['stETH']?.pendingDiff ?? '').startsWith('-'),
        ),
      ).toBe(true);
      const last = worlds.at(-1);
      expect(last?.operators['op2']).toBeUndefined();
      expect(last?.avs['avs2']).toEqual({ sets: {} });
      expect(last?.vaults['lrt']?.requests['r1']?.claimed).toBe(true);
      expect(last?.vaults['lrt']?.requests['r2']?.claimed).toBe(false);
      expect(last?.stakers['alice']?.withdrawals['u/stETH']?.completed).toBe(true);
      expect(last?.stakers['alice']?.withdrawals['u/beaconETH']?.completed).toBe(false);
      expect(last?.validators['v1']?.slashed).toBe(true);
      expect(last?.validators['v2']?.exited).toBe(true);
      expect(last?.stakers['alice']?.delegatedTo).toBeNull();
      expect(Object.keys(last?.stakers ?? {})).toEqual(['alice', 'bob', 'op1', 'op2', 'lrt']);
    },
    TIMEOUT,
  );
});
