// `restaking-sandbox run [--json] [--trace] [--budget SECONDS] FILE`: runs a scenario@1 file on a fresh
// in-process chain. Exit 0 on success, 1 on a failed expect or an unexpected revert, 2 on an invalid file,
// 3 when the time budget ran out first (the world so far is printed, and which step was next). Progress goes
// to stderr every few seconds.
import type { TxResult } from '../chain/runtime.ts';
import { BootStopped } from '../protocol/boot.ts';
import { runScenario, type RunResult, type StepRecord } from '../protocol/runner.ts';
import { formatIssues, validateScenario } from '../protocol/scenario-schema.ts';
import { readWorld } from '../protocol/world.ts';
import { summarizeWorld } from '../protocol/world-summary.ts';
import { RUN_USAGE } from './usage.ts';
import { budgetOption, EXIT_INCOMPLETE, readJsonFile, toJson, type Io } from './io.ts';

export { RUN_USAGE } from './usage.ts';
/** Ten minutes: 100,000 steps take longer, and say so, rather than running all afternoon. */
export const RUN_BUDGET_MS = 600_000;
const PROGRESS_EVERY_MS = 5_000;

/** The format of a saved session file, or null when the JSON is not one. */
function sessionFile(json: unknown): string | null {
  if (json === null || typeof json !== 'object') return null;
  const format = (json as { format?: unknown }).format;
  if (typeof format === 'string' && format.includes('/session@')) return format;
  return 'nodes' in json && 'branches' in json ? 'a session without its format' : null;
}

function traceTx(tx: TxResult) {
  return {
    hash: tx.hash,
    unsigned: tx.unsigned,
    block: tx.block,
    from: tx.from,
    to: tx.to,
    ...(tx.call === undefined
      ? {}
      : { call: `${tx.call.contract}.${tx.call.functionName}`, args: tx.call.args }),
    gasUsed: tx.gasUsed,
    events: tx.events.map((e) => ({ event: e.eventName, address: e.address, args: e.args })),
  };
}

export async function runCommand(allArgs: readonly string[], io: Io): Promise<number> {
  const budget = budgetOption(allArgs, RUN_BUDGET_MS);
  if (!budget.ok) {
    io.stderr(`${budget.message}\n${RUN_USAGE}`);
    return 2;
  }
  const args = budget.rest;
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => !['--json', '--trace', '--impersonate'].includes(f));
  if (unknown.length > 0 || files.length !== 1 || (flags.has('--json') && flags.has('--trace'))) {
    io.stderr(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${RUN_USAGE}` : RUN_USAGE);
    return 2;
  }
  const file = files[0]!;
  const loaded = await readJsonFile(file);
  if (!loaded.ok) {
    io.stderr(loaded.message);
    return 2;
  }
  const kind = sessionFile(loaded.json);
  if (kind !== null) {
    io.stderr(
      `${file} is a saved session (${kind}), not a scenario: run takes a scenario@1 file. In the page, "Export scenario" writes one.`,
    );
    return 2;
  }
  const checked = validateScenario(loaded.json);
  if (!checked.ok) {
    io.stderr(`${file} is not a valid scenario:\n${formatIssues(checked.issues)}`);
    return 2;
  }
  const trace = flags.has('--trace');
  const total = checked.scenario.steps.length;
  const onStep = trace
    ? async (
        r: StepRecord,
        sb: Parameters<NonNullable<Parameters<typeof runScenario>[1]>['onStep'] & object>[1],
      ) => {
        const line = {
          step: r.index,
          action: r.action,
          txs: r.txs.map(traceTx),
          ...(r.expectedRevert === undefined ? {} : { expectedRevert: r.expectedRevert }),
          world: await readWorld(sb),
        };
        io.stdout(toJson(line));
        io.progress?.(r.index + 1, total);
      }
    : io.progress === undefined
      ? undefined
      : (r: StepRecord) => io.progress?.(r.index + 1, total);
  // --impersonate: unsigned transactions from impersonated senders, for bulk replay (hashes marked unsigned).
  const started = performance.now();
  let reported = started;
  io.stderr(`run: starting the chain with ${checked.scenario.actors.length} actors, then ${total} steps`);
  const shouldStop = (index: number) => {
    const now = performance.now();
    // A terminal gets the progress line; a pipe or a log gets a line every few seconds.
    if (io.progress === undefined && now - reported >= PROGRESS_EVERY_MS) {
      reported = now;
      io.stderr(`run: step ${index} of ${total} (${((now - started) / 1000).toFixed(0)} s)`);
    }
    return now - started >= budget.ms;
  };
  // Starting the chain is inside the budget too: 20,000 actors take minutes to set up.
  const actors = checked.scenario.actors.length;
  const shouldStopBoot = (done: number) => {
    const now = performance.now();
    if (now - reported >= PROGRESS_EVERY_MS) {
      reported = now;
      io.stderr(
        `run: starting the chain, actor ${done} of ${actors} (${((now - started) / 1000).toFixed(0)} s)`,
      );
    }
    return now - started >= budget.ms;
  };
  let result: RunResult;
  try {
    result = await runScenario(checked.scenario, {
      shouldStop,
      shouldStopBoot,
      ...(onStep === undefined ? {} : { onStep }),
      ...(flags.has('--impersonate') ? { impersonate: true } : {}),
    });
  } catch (e) {
    if (!(e instanceof BootStopped)) throw e;
    io.stderr(
      `run: the time budget of ${budget.ms / 1000} s ran out while starting the chain: ${e.message}; no step was run. Give more time with --budget SECONDS.`,
    );
    return EXIT_INCOMPLETE;
  }
  io.progress?.(total, total); // clears the progress line
  if (flags.has('--json')) io.stdout(toJson(result.world, 2));
  else if (!trace) io.stdout(summarizeWorld(checked.scenario.title, result.world, result.steps));
  if (result.stoppedAt !== undefined) {
    io.stderr(
      `run: the time budget of ${budget.ms / 1000} s ran out before step ${result.stoppedAt} of ${total}; the world shown is ${result.stoppedAt === 0 ? 'the start, before any step' : `after step ${result.stoppedAt - 1}`}. Give more time with --budget SECONDS.`,
    );
    return EXIT_INCOMPLETE;
  }
  if (!result.ok) {
    io.stderr(`scenario failed at ${result.failure?.message ?? 'an unknown step'}`);
    return 1;
  }
  if (!flags.has('--json') && !trace) io.stdout(`ok: ${result.steps.length} steps`);
  return 0;
}
