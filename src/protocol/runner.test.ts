import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from './runner.ts';
import { validateScenario, type Scenario } from './scenario-schema.ts';

const ETH = 10n ** 18n;
const example = JSON.parse(readFileSync('test/fixtures/scenarios/formats-example.json', 'utf8')) as {
  steps: unknown[];
} & Record<string, unknown>;

function scenario(steps: unknown[]): Scenario {
  const v = validateScenario({ ...example, steps });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.scenario;
}

describe('runScenario', () => {
  it("runs formats.md's example: a 20% slash of a 50% allocation costs alice 10% of 40 ETH", async () => {
    const r = await runScenario(scenario(example.steps));
    expect(r.failure).toBeUndefined();
    expect(r.ok).toBe(true);
    const alice = r.world.stakers['alice']!;
    // withdrawable = 40 · (1 − 0.5 · 0.2) = 36 ETH; deposit shares untouched by the slash
    expect(alice.strategies['stETH']!.withdrawableShares).toBe(String(36n * ETH));
    expect(alice.strategies['stETH']!.depositShares).toBe(String(40n * ETH));
    // max magnitude 1 − 0.5·0.2 = 0.9; the set keeps 0.5 − 0.1 = 0.4 of it
    expect(r.world.operators['op1']!.maxMagnitude['stETH']).toBe(String((9n * ETH) / 10n));
    expect(r.world.operators['op1']!.allocations['avs1/0']!['stETH']!.currentMagnitude).toBe(
      String((4n * ETH) / 10n),
    );
    expect(r.world.avs['avs1']!.sets['0']!.slashCount).toBe('1');
    expect(r.world.format).toBe('restaking-sandbox/world@1');
  });

  it('stops at a rejected step, names it with the decoded error, and keeps the world from before it', async () => {
    const steps = [
      { action: 'lst.stake', by: 'alice', amount: '1 ETH' },
      { action: 'staker.delegate', by: 'alice', operator: 'op1' }, // op1 never registered
    ];
    const r = await runScenario(scenario(steps));
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ step: 1, action: 'staker.delegate', kind: 'revert' });
    expect(r.failure?.error?.name).toBe('OperatorNotRegistered');
    expect(r.failure?.message).toContain('step 1 (staker.delegate)');
    expect(r.failure?.message).toContain('OperatorNotRegistered');
    expect(r.world.stakers['alice']!.delegatedTo).toBeNull();
    expect(r.world.accounts['alice']!.stETH).toBe(String(ETH)); // the first stake into an empty pool is 1:1
    expect(r.steps).toHaveLength(1);
  });

  it('continues past a step that reverts as expected, leaving no trace of it in the state', async () => {
    const steps = [
      { action: 'staker.delegate', by: 'alice', operator: 'op1', expectRevert: 'OperatorNotRegistered' },
      { action: 'operator.register', by: 'op1', allocationDelay: 0 },
      { action: 'staker.delegate', by: 'alice', operator: 'op1' },
      { action: 'expect', values: { 'stakers.alice.delegatedTo': 'op1' } },
    ];
    const r = await runScenario(scenario(steps));
    expect(r.failure).toBeUndefined();
    expect(r.steps[0]?.expectedRevert?.name).toBe('OperatorNotRegistered');
    expect(r.steps[0]?.txs).toEqual([]);
  });

  it('fails a step that was expected to revert but succeeded', async () => {
    const steps = [
      { action: 'operator.register', by: 'op1', allocationDelay: 0, expectRevert: 'ActivelyDelegated' },
    ];
    const r = await runScenario(scenario(steps));
    expect(r.failure).toMatchObject({ step: 0, kind: 'expectRevert' });
    expect(r.world.operators['op1']).toBeUndefined(); // rolled back: op1 is not an operator
  });

  it('reports a failed expect with the path, the expected and the actual value', async () => {
    const steps = [
      { action: 'lst.stake', by: 'alice', amount: '2 ETH' },
      { action: 'expect', values: { 'accounts.alice.eth': '99 ETH' } },
    ];
    const r = await runScenario(scenario(steps));
    expect(r.failure?.kind).toBe('expect');
    expect(r.failure?.message).toContain('accounts.alice.eth');
    expect(r.failure?.message).toContain('99 ETH');
    expect(r.failure?.message).toContain('98 ETH');
  });

  it('names the actor and the amounts when an account cannot pay what a step sends', async () => {
    const r = await runScenario(scenario([{ action: 'lst.stake', by: 'alice', amount: '1000 ETH' }]));
    expect(r.failure?.kind).toBe('error');
    expect(r.failure?.message).toBe('step 0 (lst.stake): alice has 100 ETH but submit sends 1000 ETH');
    expect(r.world.accounts['alice']!.eth).toBe(String(100n * ETH));
  });
});
