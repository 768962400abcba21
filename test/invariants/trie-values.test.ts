// Property test: world reads through the storage values kept by trie root (chain/trie-db.ts `trieValues`)
// equal, as text, the same reads on a sandbox whose state manager keeps none, so that every slot its caches do
// not hold walks its storage trie. Both sandboxes take the same random steps (accepted or rejected, of every action
// kind: reverts and checkpoints), snapshots taken at once or with their roots worked out later (deferred
// roots), and then the same jumps between those snapshots (history moves). Every read starts with nothing kept
// in the read memo, so every view call runs in the EVM and loads its slots.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from 'viem';
import {
  deferredSnapshot,
  forgetReads,
  restore,
  settleSnapshots,
  snapshot,
  type Snapshot,
} from '../../src/chain/runtime.ts';
import { trieValues } from '../../src/chain/trie-db.ts';
import { runStep } from '../../src/protocol/runner.ts';
import { cloneNames, type Names, type Sandbox } from '../../src/protocol/sandbox.ts';
import { readWorld } from '../../src/protocol/world.ts';
import { resolveSeed, seeds } from './actions.ts';
import { ALL_KINDS } from './all-actions.ts';
import { bootWorld, reset, type World0 } from './harness.ts';

async function coldRead(sb: Sandbox): Promise<string> {
  forgetReads(sb.chain);
  return JSON.stringify(await readWorld(sb));
}

let kept: World0;
let plain: World0;
beforeAll(async () => {
  kept = await bootWorld();
  plain = await bootWorld();
  plain.sb.chain.stateManager.trieValues = undefined;
}, 120_000);

describe('storage values kept by trie root', () => {
  it('give the world reads of a state manager without them, after random steps, deferred roots and moves', async () => {
    let compared = 0;
    const arb = fc.record({
      steps: seeds(Object.fromEntries(ALL_KINDS.map((k) => [k, 1])), 6, 12),
      deferred: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      jumps: fc.array(fc.nat(), { minLength: 3, maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ steps, deferred, jumps }) => {
        const both = [kept, plain];
        for (const w of both) await reset(w);
        const points: { snaps: Snapshot[]; names: Names }[] = [
          {
            snaps: await Promise.all(both.map((w) => snapshot(w.sb.chain))),
            names: cloneNames(kept.sb.names),
          },
        ];
        for (const [i, seed] of steps.entries()) {
          const step = await resolveSeed(kept.sb, seed);
          if (step === null) continue;
          for (const w of both) await runStep(w.sb, i, step);
          expect(await coldRead(kept.sb), `after ${step.action}`).toBe(await coldRead(plain.sb));
          compared++;
          const snaps: Snapshot[] = [];
          for (const w of both)
            snaps.push(await (deferred[i] ? deferredSnapshot(w.sb.chain) : snapshot(w.sb.chain)));
          points.push({ snaps, names: cloneNames(kept.sb.names) });
        }
        // The deferred roots worked out, on each chain as a session does before its first move.
        for (const [k, w] of both.entries())
          await settleSnapshots(
            w.sb.chain,
            points.map((p) => p.snaps[k]!),
          );
        for (const p of points)
          expect(bytesToHex(p.snaps[0]!.stateRoot)).toBe(bytesToHex(p.snaps[1]!.stateRoot));
        for (const j of jumps) {
          const p = points[j % points.length]!;
          for (const [k, w] of both.entries()) {
            await restore(w.sb.chain, p.snaps[k]!);
            w.sb.names = cloneNames(p.names);
          }
          expect(await coldRead(kept.sb), `jump to ${j % points.length}`).toBe(await coldRead(plain.sb));
        }
      }),
      { numRuns: Number(process.env['INV_RUNS'] ?? 5), seed: 31, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(10);
    expect(trieValues.size).toBeGreaterThan(0);
  }, 600_000);
});
