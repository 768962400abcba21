// CI's short seeded run of the property the long run (npm run test:invariants:long) checks ten thousand times:
// random sequences over every action kind, every invariant after every step.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_KINDS, allActionsProperty } from './all-actions.ts';
import { bootWorld, newTally, type World0 } from './harness.ts';

let w: World0;
beforeAll(async () => {
  w = await bootWorld();
});

describe('invariants under random sequences of every action kind', () => {
  it('hold after every step', async () => {
    const tally = newTally();
    await fc.assert(allActionsProperty(w, tally), {
      numRuns: Number(process.env['INV_RUNS'] ?? 12),
      seed: 2026,
      endOnFailure: true,
    });
    console.log(JSON.stringify(tally));
    expect(tally.ok / (tally.ok + tally.rejected)).toBeGreaterThan(0.3);
    expect(Object.keys(tally.byAction).length).toBeGreaterThanOrEqual(ALL_KINDS.length - 4);
  }, 600_000);
});
