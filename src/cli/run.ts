// `restaking-sandbox run [--json] [--trace] FILE`: runs a scenario@1 file on a fresh in-process chain.
// Exit 0 on success, 1 on a failed expect or an unexpected revert, 2 on an invalid file.
import { readFile } from 'node:fs/promises';
import type { TxResult } from '../chain/runtime.ts';
import { runScenario, type StepRecord } from '../protocol/runner.ts';
import { formatIssues, validateScenario } from '../protocol/scenario-schema.ts';
import { readWorld } from '../protocol/world.ts';
import { summarizeWorld } from '../protocol/world-summary.ts';
import { toJson, type Io } from './io.ts';

export const RUN_USAGE = 'usage: restaking-sandbox run [--json | --trace] [--impersonate] FILE';

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

async function loadJson(file: string): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read ${file}: ${(e as Error).message}` };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `${file} is not valid JSON: ${(e as Error).message}` };
  }
}

export async function runCommand(args: readonly string[], io: Io): Promise<number> {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => !['--json', '--trace', '--impersonate'].includes(f));
  if (unknown.length > 0 || files.length !== 1 || (flags.has('--json') && flags.has('--trace'))) {
    io.stderr(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${RUN_USAGE}` : RUN_USAGE);
    return 2;
  }
  const file = files[0]!;
  const loaded = await loadJson(file);
  if (!loaded.ok) {
    io.stderr(loaded.message);
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
  const result = await runScenario(checked.scenario, {
    ...(onStep === undefined ? {} : { onStep }),
    ...(flags.has('--impersonate') ? { impersonate: true } : {}),
  });
  io.progress?.(total, total); // clears the progress line
  if (flags.has('--json')) io.stdout(toJson(result.world, 2));
  else if (!trace) io.stdout(summarizeWorld(checked.scenario.title, result.world, result.steps));
  if (!result.ok) {
    io.stderr(`scenario failed at ${result.failure?.message ?? 'an unknown step'}`);
    return 1;
  }
  if (!flags.has('--json') && !trace) io.stdout(`ok: ${result.steps.length} steps`);
  return 0;
}
