// The scenario runner: boots a sandbox for a validated scenario and performs its steps in order. A step the
// contracts reject is rolled back (the world stays as it was before that step) and, unless the step expected
// that revert, the run stops with a message naming the step, the action and the decoded custom error.
import { checkpoint, type DecodedError, type TxResult } from '../chain/runtime.ts';
import { perform } from './actions/index.ts';
import { bootSandbox } from './boot.ts';
import { cloneNames, StepError, type Sandbox } from './sandbox.ts';
import type { Scenario, Step } from './scenario-schema.ts';
import { readWorld } from './world.ts';
import { compareExpected, type World } from './world-types.ts';

export interface StepRecord {
  index: number;
  action: Step['action'];
  txs: TxResult[];
  /** The revert this step expected and got (its transactions were rolled back). */
  expectedRevert?: DecodedError;
}

export interface RunFailure {
  step: number;
  action: string;
  kind: 'revert' | 'expect' | 'expectRevert' | 'error';
  message: string;
  error?: DecodedError;
}

export interface RunResult {
  ok: boolean;
  sandbox: Sandbox;
  steps: StepRecord[];
  /** The world after the last successful step (before the failing one, on failure). */
  world: World;
  failure?: RunFailure;
  /** Set when `shouldStop` ended the run early: the index of the first step not run. */
  stoppedAt?: number;
}

export interface RunOptions {
  /** Asked before each step: true ends the run there (a time budget), with the world so far. */
  shouldStop?: (index: number) => boolean;
  /** Asked before each actor is set up while the chain starts: true ends the boot with BootStopped. */
  shouldStopBoot?: (actorsDone: number) => boolean;
  /** Called after each step that succeeded (or reverted as expected). */
  onStep?: (record: StepRecord, sandbox: Sandbox) => void | Promise<void>;
  /** Unsigned transactions from impersonated senders, for bulk replay. */
  impersonate?: boolean;
}

function label(index: number, step: Step): string {
  return `step ${index} (${step.action})`;
}

/** Runs one step on a live sandbox. Rolls the chain back when the step fails in any way. */
export async function runStep(
  sb: Sandbox,
  index: number,
  step: Step,
): Promise<{ record?: StepRecord; failure?: RunFailure }> {
  if (step.action === 'expect') {
    const world = await readWorld(sb);
    const misses = step.values
      .map((e) => compareExpected(world, e.path, e.expected))
      .flatMap((r) => (r.ok ? [] : [r.message]));
    if (misses.length > 0) {
      return {
        failure: {
          step: index,
          action: step.action,
          kind: 'expect',
          message: `${label(index, step)}: ${misses.join('; ')}`,
        },
      };
    }
    return { record: { index, action: step.action, txs: [] } };
  }
  const cp = await checkpoint(sb.chain);
  const names = cloneNames(sb.names);
  const rollback = async () => {
    await cp.rollback();
    sb.names = names;
  };
  try {
    const out = await perform(sb, step);
    if (step.expectRevert === undefined) await cp.keep();
    else {
      await rollback();
      const message = `${label(index, step)} was expected to revert with ${step.expectRevert} but succeeded`;
      return { failure: { step: index, action: step.action, kind: 'expectRevert', message } };
    }
    return { record: { index, action: step.action, txs: out.txs } };
  } catch (e) {
    await rollback();
    if (!(e instanceof StepError)) {
      const message = `${label(index, step)} failed: ${e instanceof Error ? e.message : String(e)}`;
      return { failure: { step: index, action: step.action, kind: 'error', message } };
    }
    if (e.revert !== undefined && step.expectRevert === e.revert.name) {
      return { record: { index, action: step.action, txs: [], expectedRevert: e.revert } };
    }
    const wanted = step.expectRevert === undefined ? '' : ` (expected ${step.expectRevert})`;
    return {
      failure: {
        step: index,
        action: step.action,
        kind: e.revert === undefined ? 'error' : step.expectRevert === undefined ? 'revert' : 'expectRevert',
        message: `${label(index, step)}: ${e.message}${wanted}`,
        ...(e.revert === undefined ? {} : { error: e.revert }),
      },
    };
  }
}

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const sandbox = await bootSandbox(scenario, options.shouldStopBoot);
  if (options.impersonate === true) sandbox.impersonate = true;
  const steps: StepRecord[] = [];
  for (const [index, step] of scenario.steps.entries()) {
    if (options.shouldStop?.(index) === true)
      return { ok: false, sandbox, steps, world: await readWorld(sandbox), stoppedAt: index };
    const { record, failure } = await runStep(sandbox, index, step);
    if (failure !== undefined) return { ok: false, sandbox, steps, world: await readWorld(sandbox), failure };
    if (record !== undefined) {
      steps.push(record);
      await options.onStep?.(record, sandbox);
    }
  }
  return { ok: true, sandbox, steps, world: await readWorld(sandbox) };
}
