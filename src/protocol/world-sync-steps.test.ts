import { describe, expect, it } from 'vitest';
import { forgetReads, stateRoot, useOriginalLoop } from '../chain/runtime.ts';
import { bootSandbox } from './boot.ts';
import { runStep } from './runner.ts';
import { getPreset } from './scenarios/index.ts';
import { validateScenario } from './scenario-schema.ts';
import { readWorld } from './world.ts';

// chain/evm-sync-steps.ts runs most opcodes without a promise each. The original interpreter loop is the
// reference: every preset's steps, read cold after each step, give the same transactions (gas, events,
// errors), the same worlds and the same state root on both loops.
async function run(name: string, original: boolean, worldEvery: number) {
  const v = validateScenario(getPreset(name)?.json);
  if (!v.ok) throw new Error(`${name} is invalid`);
  const sb = await bootSandbox(v.scenario);
  useOriginalLoop(sb.chain.vm, original);
  const seen: unknown[] = [];
  for (const [i, step] of v.scenario.steps.entries()) {
    const { record, failure } = await runStep(sb, i, step);
    seen.push(
      record?.txs.map((t) => [t.ok, t.gasUsed, t.events, t.error, t.returnData]),
      failure,
    );
    if (i % worldEvery !== 0) continue;
    forgetReads(sb.chain);
    seen.push(await readWorld(sb));
  }
  forgetReads(sb.chain);
  seen.push(await readWorld(sb), await stateRoot(sb.chain));
  return seen;
}

describe('world reads on the synchronous interpreter loop', () => {
  // A cold world after every step of one preset, and after the last of another (a busy machine is slow).
  it.each([
    ['redistributing-set', 1],
    ['single-avs-slash', 100],
  ] as const)(
    '%s: the same transactions, worlds and root as on the original loop',
    async (name, worldEvery) => {
      expect(await run(name, false, worldEvery)).toEqual(await run(name, true, worldEvery));
    },
    300_000,
  );
});
