// Property test: random sequences of LST, strategy, delegation, withdrawal, allocation, slashing and vault
// actions by three stakers, two operators, two AVSs and a vault, with every invariant checked after every step.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSeed, seeds } from './actions.ts';
import { bootWorld, newTally, reset, runChecked, type World0 } from './harness.ts';

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
        'withdrawal.complete': 3,
        'operator.allocate': 3,
        'chain.advance': 4,
        'avs.slash': 4,
        'slashing.clear': 2,
        'vault.deposit': 3,
        'vault.requestRedeem': 2,
        'vault.claim': 2,
      },
      10,
      20,
    );
    await fc.assert(
      fc.asyncProperty(arb, async (ss) => {
        await reset(w);
        await runChecked(w, (sb, i) => resolveSeed(sb, ss[i]!), ss.length, tally);
      }),
      { numRuns: Number(process.env['INV_RUNS'] ?? 25), seed: 42, endOnFailure: true },
    );
    console.log(JSON.stringify(tally, null, 1));
    expect(tally.ok).toBeGreaterThan(0);
  }, 600_000);
});
