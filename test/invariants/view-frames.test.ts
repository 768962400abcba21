// Property test: the world read through this project's fast paths is, as text, the world the library's own
// code reads. After every random step (accepted or rejected, of every action kind) the world is read twice:
// on the chain as it runs (each view call a static frame without a checkpoint of its own, evm-call-frame.ts
// `runViewFrame`; calldata encoded once and answers decoded from the EVM's bytes, call.ts; kept results,
// read-memo.ts), and on a clone of the same state with nothing kept, whose EVM runs every call through the
// library's `runCall`, its own call frames and its own interpreter loop (`useOriginalLoop`).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneChain } from '../../src/chain/runtime.ts';
import { useOriginalLoop } from '../../src/chain/evm-sync-steps.ts';
import { runStep } from '../../src/protocol/runner.ts';
import { cloneNames, type Sandbox } from '../../src/protocol/sandbox.ts';
import { readWorld } from '../../src/protocol/world.ts';
import { resolveSeed, seeds } from './actions.ts';
import { ALL_KINDS } from './all-actions.ts';
import { bootWorld, reset, type World0 } from './harness.ts';

/** The world as the library's own code reads it, as text (key order included). */
async function libraryRead(sb: Sandbox): Promise<string> {
  const chain = await cloneChain(sb.chain);
  useOriginalLoop(chain.vm, true);
  return JSON.stringify(await readWorld({ ...sb, chain, names: cloneNames(sb.names) }));
}

let w: World0;
beforeAll(async () => {
  w = await bootWorld();
});

describe('world reads on the fast view frames', () => {
  it('equal, as text, the reads of the library’s own runCall, frames and loop after every random step', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(seeds(Object.fromEntries(ALL_KINDS.map((k) => [k, 1])), 6, 14), async (ss) => {
        await reset(w);
        const { sb } = w;
        expect(JSON.stringify(await readWorld(sb))).toBe(await libraryRead(sb));
        for (const [i, seed] of ss.entries()) {
          const step = await resolveSeed(sb, seed);
          if (step === null) continue;
          await runStep(sb, i, step);
          expect(JSON.stringify(await readWorld(sb)), step.action).toBe(await libraryRead(sb));
          compared++;
        }
      }),
      { numRuns: Number(process.env['INV_RUNS'] ?? 5), seed: 23, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(10);
  }, 600_000);
});
