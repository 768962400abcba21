// Property test: random sequences of native restaking (pods, validators on the simulated beacon chain,
// credential proofs, checkpoints, beacon rewards, penalties, slashing and exits) mixed with delegation,
// withdrawals, allocations and AVS slashes of beaconETH, with every invariant checked after every step.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSeed, seeds } from './actions.ts';
import { bootWorld, newTally, reset, runChecked, type World0 } from './harness.ts';

let w: World0;
beforeAll(async () => {
  w = await bootWorld();
});

describe('invariants under random native restaking sequences', () => {
  it('hold after every step, and most steps are accepted', async () => {
    const tally = newTally();
    const arb = seeds(
      {
        'pod.create': 1,
        'pod.stake': 3,
        'pod.verifyCredentials': 4,
        'pod.startCheckpoint': 4,
        'pod.verifyCheckpoint': 4,
        'beacon.reward': 2,
        'beacon.penalty': 3,
        'beacon.slash': 2,
        'beacon.exit': 2,
        'staker.delegate': 2,
        'staker.undelegate': 1,
        'withdrawal.queue': 2,
        'withdrawal.complete': 4,
        'operator.allocate': 2,
        'chain.advance': 3,
        'avs.slash': 4,
        'strategy.deposit': 1,
      },
      8,
      18,
    );
    await fc.assert(
      fc.asyncProperty(arb, async (ss) => {
        await reset(w);
        await runChecked(w, (sb, i) => resolveSeed(sb, ss[i]!), ss.length, tally);
      }),
      { numRuns: Number(process.env['INV_RUNS'] ?? 20), seed: 7, endOnFailure: true },
    );
    console.log(JSON.stringify(tally));
    expect(tally.ok / (tally.ok + tally.rejected)).toBeGreaterThan(0.6);
    for (const a of [
      'avs.slash',
      'pod.verifyCredentials',
      'pod.verifyCheckpoint',
      'beacon.slash',
      'beacon.exit',
    ])
      expect(tally.byAction[a]?.ok, a).toBeGreaterThanOrEqual(1);
    expect(tally.byAction['withdrawal.complete']?.ok).toBeGreaterThanOrEqual(1);
  }, 600_000);
});
