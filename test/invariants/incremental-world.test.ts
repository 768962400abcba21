// Property test: incremental world reads equal full reads. After every random step (accepted or rejected, of
// every action kind) the world read through the kept view results (src/chain/read-memo.ts) must equal a full
// read of the same state, made on a clone of the chain whose reads start with nothing kept. Then the chain
// jumps between the steps' snapshots, forward and back, telling each restore only the writes of the steps in
// between (as a session's history moves do), and the two reads must still agree.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cloneChain,
  readMemo,
  restore,
  snapshot,
  trackWrites,
  type Snapshot,
} from '../../src/chain/runtime.ts';
import { runStep } from '../../src/protocol/runner.ts';
import { cloneNames, type Names, type Sandbox } from '../../src/protocol/sandbox.ts';
import { readWorld } from '../../src/protocol/world.ts';
import type { World } from '../../src/protocol/world-types.ts';
import { resolveSeed, seeds } from './actions.ts';
import { ALL_KINDS } from './all-actions.ts';
import { bootWorld, reset, type World0 } from './harness.ts';

/** A full read: a clone of the chain at the same state, whose reads all run in the EVM. */
async function fullRead(sb: Sandbox): Promise<World> {
  const chain = await cloneChain(sb.chain);
  return readWorld({ ...sb, chain, names: cloneNames(sb.names) });
}

let w: World0;
beforeAll(async () => {
  w = await bootWorld();
});

describe('incremental world reads', () => {
  it('equal full reads after every step and after every jump between snapshots', async () => {
    let kept = 0;
    let steps = 0;
    const arb = fc.record({
      seeds: seeds(Object.fromEntries(ALL_KINDS.map((k) => [k, 1])), 6, 14),
      jumps: fc.array(fc.nat(), { minLength: 4, maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ seeds: ss, jumps }) => {
        await reset(w);
        const { sb } = w;
        expect(await readWorld(sb)).toEqual(await fullRead(sb));
        const points: { snap: Snapshot; names: Names; writes: ReadonlySet<string> }[] = [
          { snap: await snapshot(sb.chain), names: cloneNames(sb.names), writes: new Set() },
        ];
        for (const [i, seed] of ss.entries()) {
          const step = await resolveSeed(sb, seed);
          if (step === null) continue;
          const tracked = trackWrites(sb.chain);
          await runStep(sb, i, step);
          const writes = tracked.stop();
          const hitsBefore = readMemo(sb.chain).hits;
          expect(await readWorld(sb), step.action).toEqual(await fullRead(sb));
          kept += readMemo(sb.chain).hits - hitsBefore;
          steps++;
          points.push({ snap: await snapshot(sb.chain), names: cloneNames(sb.names), writes });
        }
        let at = points.length - 1;
        for (const j of jumps) {
          const to = j % points.length;
          const changed = new Set<string>();
          for (let k = Math.min(at, to) + 1; k <= Math.max(at, to); k++)
            for (const d of points[k]!.writes) changed.add(d);
          await restore(sb.chain, points[to]!.snap, changed);
          sb.names = cloneNames(points[to]!.names);
          expect(await readWorld(sb), `jump ${at} -> ${to}`).toEqual(await fullRead(sb));
          at = to;
        }
      }),
      { numRuns: Number(process.env['INV_RUNS'] ?? 6), seed: 11, endOnFailure: true },
    );
    // The reads were incremental: most view calls after a step returned a kept result.
    expect(steps).toBeGreaterThan(10);
    expect(kept).toBeGreaterThan(steps * 20);
  }, 600_000);
});
