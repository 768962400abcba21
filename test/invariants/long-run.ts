// `npm run test:invariants:long`: the long invariant run. SEQUENCES random sequences over every action kind
// (all-actions.ts), split across WORKERS worker threads, each its own chain and its own fast-check seed
// (SEED + worker index), every invariant checked after every step. Prints the tally and the time; exits 1 with
// the counterexample (its seed and path, to replay) on the first violation. Record each long run in README.md.
//   SEQUENCES=10000 WORKERS=2 SEED=<n> npm run test:invariants:long
import fc from 'fast-check';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { allActionsProperty } from './all-actions.ts';
import { bootWorld, newTally, type Tally } from './harness.ts';

interface Job {
  index: number;
  runs: number;
  seed: number;
}
/** A worker's first script: Node 20 starts a worker only from JavaScript, so it registers tsx, then loads us. */
const BOOT = `import('tsx/esm/api').then((t) => { t.register(); return import(require('node:worker_threads').workerData.url); })`;

type Report =
  | { kind: 'progress'; index: number; done: number }
  | { kind: 'done'; index: number; tally: Tally; failure: string | null };

async function work(job: Job): Promise<void> {
  const w = await bootWorld();
  // Unsigned transactions from impersonated senders (as `run --impersonate` replays): the contracts see the
  // same senders and do the same thing; only the signing (about a tenth of the time) is skipped.
  w.sb.impersonate = true;
  const tally = newTally();
  let done = 0;
  const property = allActionsProperty(w, tally).afterEach(() => {
    if (++done % 25 === 0) parentPort?.postMessage({ kind: 'progress', index: job.index, done });
  });
  const out = await fc.check(property, { numRuns: job.runs, seed: job.seed, endOnFailure: true });
  const failure = out.failed
    ? `seed ${job.seed}, path "${out.counterexamplePath ?? ''}": ${String(out.errorInstance)}`
    : null;
  parentPort?.postMessage({ kind: 'done', index: job.index, tally, failure } satisfies Report);
}

function merge(into: Tally, t: Tally): void {
  into.ok += t.ok;
  into.rejected += t.rejected;
  into.skipped += t.skipped;
  for (const [a, c] of Object.entries(t.byAction)) {
    const e = (into.byAction[a] ??= { ok: 0, rejected: 0 });
    e.ok += c.ok;
    e.rejected += c.rejected;
  }
  for (const [k, n] of Object.entries(t.errors)) into.errors[k] = (into.errors[k] ?? 0) + n;
}

async function lead(): Promise<void> {
  const sequences = Number(process.env['SEQUENCES'] ?? 10_000);
  const workers = Number(process.env['WORKERS'] ?? availableParallelism());
  const seed = Number(process.env['SEED'] ?? Date.now() % 2 ** 31);
  const started = performance.now();
  const progress = new Array<number>(workers).fill(0);
  const tty = process.stderr.isTTY;
  const tally = newTally();
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: workers }, (_, index) => {
      const runs = Math.floor(sequences / workers) + (index < sequences % workers ? 1 : 0);
      const job: Job = { index, runs, seed: seed + index };
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(BOOT, { eval: true, workerData: { ...job, url: import.meta.url } });
        worker.on('message', (r: Report) => {
          if (r.kind === 'progress') {
            progress[r.index] = r.done;
            const done = progress.reduce((a, b) => a + b, 0);
            if (tty) process.stderr.write(`\r${done} / ${sequences} sequences`);
            return;
          }
          merge(tally, r.tally);
          if (r.failure !== null) failures.push(r.failure);
          void worker.terminate().then(() => resolve());
        });
        worker.on('error', reject);
      });
    }),
  );
  const minutes = (performance.now() - started) / 60_000;
  if (tty) process.stderr.write('\r\x1b[K');
  console.log(JSON.stringify(tally));
  console.log(
    JSON.stringify({
      seed,
      workers,
      sequences,
      steps: tally.ok + tally.rejected,
      minutes: +minutes.toFixed(1),
    }),
  );
  if (failures.length > 0) {
    console.error(`invariant violated:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

if (isMainThread) await lead();
else await work(workerData as Job);
