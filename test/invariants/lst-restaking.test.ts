// Property test: random sequences of LST, strategy, delegation, withdrawal, allocation, slashing and vault
// actions by three stakers, two operators, two AVSs and a vault, with every invariant checked after every step.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSeed, seeds } from './actions.ts';
import type { Step } from '../../src/protocol/scenario-actions.ts';
import { bootWorld, DELAY, E, newTally, reset, runChecked, VAULT, WAD, type World0 } from './harness.ts';

let w: World0;
beforeAll(async () => {
  w = await bootWorld();
});

describe('invariants under random LST restaking sequences', () => {
  it('hold after every step', async () => {
    const tally = newTally();
    const arb = seeds(
      {
        'lst.stake': 2,
        'lst.report': 2,
        'strategy.deposit': 5,
        'staker.delegate': 2,
        'staker.undelegate': 1,
        'withdrawal.queue': 3,
        'withdrawal.complete': 5,
        'operator.allocate': 3,
        'chain.advance': 4,
        'avs.slash': 4,
        'slashing.clear': 2,
        'vault.deposit': 3,
        'vault.requestRedeem': 2,
        'vault.claim': 4,
      },
      8,
      18,
    );
    await fc.assert(
      fc.asyncProperty(arb, async (ss) => {
        await reset(w);
        await runChecked(w, (sb, i) => resolveSeed(sb, ss[i]!), ss.length, tally);
      }),
      { numRuns: Number(process.env['INV_RUNS'] ?? 20), seed: 42, endOnFailure: true },
    );
    console.log(JSON.stringify(tally));
    // Not vacuous: most resolved steps are accepted, and slashes, clears and completions really happened.
    expect(tally.ok / (tally.ok + tally.rejected)).toBeGreaterThan(0.6);
    expect(tally.byAction['avs.slash']?.ok).toBeGreaterThanOrEqual(10);
    expect(tally.byAction['slashing.clear']?.ok).toBeGreaterThanOrEqual(1);
    expect(tally.byAction['withdrawal.complete']?.ok).toBeGreaterThanOrEqual(1);
    expect(tally.byAction['vault.requestRedeem']?.ok).toBeGreaterThanOrEqual(1);
  }, 600_000);

  it('hold through a scripted redemption: slash and loss while queued, claim, completion as shares', async () => {
    await reset(w);
    const steps: Step[] = [
      { action: 'vault.deposit', by: 'alice', vault: VAULT, amount: 13n * E + 7n },
      { action: 'vault.requestRedeem', by: 'carol', vault: VAULT, amount: 11n * E, as: 'r1' },
      { action: 'withdrawal.queue', by: 'alice', strategy: 'stETH', shares: 20n * E + 3n, as: 'w1' },
      {
        action: 'avs.slash',
        by: 'avs2',
        operator: 'op1',
        set: 0,
        strategies: ['stETH'],
        wads: [WAD / 3n],
        as: 's1',
      },
      { action: 'lst.report', delta: -(E / 3n) },
      { action: 'vault.requestRedeem', by: 'alice', vault: VAULT, amount: 5n * E, as: 'r2' },
      { action: 'slashing.clear', by: 'bob', avs: 'avs2', set: 0, slash: 's1' },
      { action: 'chain.advance', blocks: DELAY + 1n },
      { action: 'vault.claim', by: 'carol', vault: VAULT, request: 'r1' },
      { action: 'lst.report', delta: E / 7n },
      { action: 'withdrawal.complete', by: 'alice', withdrawal: 'w1', receiveAsTokens: false },
      { action: 'vault.claim', by: 'alice', vault: VAULT, request: 'r2' },
      { action: 'vault.deposit', by: 'bob', vault: VAULT, amount: 3n * E },
    ];
    const tally = newTally();
    await runChecked(w, async (_sb, i) => steps[i] ?? null, steps.length, tally);
    expect(tally.rejected).toBe(0);
    expect(tally.ok).toBe(steps.length);
  }, 120_000);
});
