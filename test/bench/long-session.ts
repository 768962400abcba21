// Benchmark rows for a long session: importing a 5000-step session@1 file (the most a sandbox holds) into the
// page, measuring the time to the session on screen and the longest main-thread task meanwhile (the target is
// no task over 200 ms). The probe is the one browser.bench.ts uses: the gap between turns of a MessageChannel
// ping loop, or a task Chromium's long-task observer reported, whichever is longer.
import type { Browser, Page } from 'playwright-core';
import { getPreset } from '../../src/protocol/scenarios/index.ts';
import { untilReady } from './page-wait.ts';

/** A session@1 document: the playground's steps, then one-block advances up to `steps` nodes in all. */
export function longSessionDoc(steps: number): Record<string, unknown> {
  const { steps: first, ...header } = structuredClone(getPreset('playground')?.json) as {
    steps: object[];
  } & Record<string, unknown>;
  const all = [
    ...first,
    ...Array.from({ length: steps - first.length }, () => ({ action: 'chain.advance', blocks: 1 })),
  ];
  return {
    format: 'restaking-sandbox/session@1',
    source: 'file long.session.json',
    scenario: header,
    nodes: all.map((step, i) => ({ id: i + 1, parent: i === 0 ? null : i, step })),
    branches: [{ id: 'main', name: 'main', head: all.length }],
    cursor: { branch: 'main', node: all.length },
  };
}

/**
 * Hands the file to the page before any clock starts: DevTools delivering a 1 MB argument is one long task of
 * its own (about 600 ms here, a few hundred ms of CPU), which is the harness's, not the page's.
 */
export async function handOverLongSession(page: Page, steps = 5_000): Promise<void> {
  await page.evaluate(
    (text) => {
      (window as unknown as { __longSession: string }).__longSession = text;
    },
    JSON.stringify(longSessionDoc(steps)),
  );
}

export async function longSessionLoad(
  page: Page,
  steps = 5_000,
): Promise<{ ms: number; longestTaskMs: number; longTasks: number[] }> {
  await handOverLongSession(page, steps);
  return loadHandedOver(page);
}

/** Imports the file handed over, timing it and watching the main thread's long tasks meanwhile. */
function loadHandedOver(page: Page): Promise<{ ms: number; longestTaskMs: number; longTasks: number[] }> {
  return page.evaluate(async () => {
    const file = (window as unknown as { __longSession: string }).__longSession;
    const app = window.sandbox?.app;
    if (app === undefined) throw new Error('no app');
    const long: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push(e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    let longestGap = 0;
    let stop = false;
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (!stop) channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    const t0 = performance.now();
    const ok = await app.importText(file, 'long.session.json');
    await new Promise((r) => requestAnimationFrame(r));
    const ms = performance.now() - t0;
    stop = true;
    observer.disconnect();
    if (!ok) throw new Error(`the long session was refused: ${app.problem?.message ?? ''}`);
    return { ms, longestTaskMs: Math.max(longestGap, ...long), longTasks: long };
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The page's main-thread tasks in a Chromium trace: wall time (what the long-task observer reports) and
 * thread time (the CPU the task itself used), in ms. On a shared machine a task's wall time includes the
 * time its thread waited for a core; its CPU time is the page's own work. A task's microtask checkpoint is
 * traced as a slice of its own right after the task (`BlinkScheduler_PerformMicrotaskCheckpoint`) and can be
 * the larger part (a Svelte update after a module loaded); it is counted with its task, as the long-task
 * observer counts it.
 */
export function mainThreadTasks(trace: Buffer): { wall: number; cpu: number }[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const slices = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'ThreadControllerImpl::RunTask' || e.name === CHECKPOINT) &&
        main.has(`${e.pid}:${e.tid}`),
    )
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: { wall: number; cpu: number }[] = [];
  let end = -Infinity;
  for (const e of slices) {
    const ts = e.ts ?? 0;
    const dur = e.dur ?? 0;
    // A slice inside the previous one is part of it (a checkpoint a task ran itself).
    if (ts < end) continue;
    const last = tasks.at(-1);
    // A checkpoint right after its task (within 50 µs) finishes that task.
    if (e.name === CHECKPOINT && last !== undefined && ts - end < 50) {
      last.wall += (ts + dur - end) / 1000;
      last.cpu += (e.tdur ?? 0) / 1000;
    } else tasks.push({ wall: dur / 1000, cpu: (e.tdur ?? 0) / 1000 });
    end = ts + dur;
  }
  return tasks;
}

const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';

/** longSessionLoad under a Chromium trace: also the CPU time of the longest main-thread task. */
export async function tracedLongSessionLoad(
  browser: Browser,
  page: Page,
  steps = 5_000,
): Promise<{ ms: number; longestTaskMs: number; longTasks: number[]; longestTaskCpuMs: number }> {
  // The trace starts after the hand-over, so it holds the page's tasks only.
  await handOverLongSession(page, steps);
  await browser.startTracing(page, { categories: ['toplevel'] });
  const r = await loadHandedOver(page);
  const tasks = mainThreadTasks(await browser.stopTracing());
  if (tasks.length === 0) throw new Error('the trace holds no main-thread task');
  return { ...r, longestTaskCpuMs: Math.max(...tasks.map((t) => t.cpu)) };
}

/**
 * A 2000-step session, imported and saved, then reloaded three times: each reload from navigation to usable
 * (the world at the cursor drawn and History showing "step 2000 of 2000", whichever comes later), then 20
 * undos and 20 redos on that freshly loaded page, the first undo included, each until its world is drawn.
 */
export async function longSessionReloads(
  browser: Browser,
  url: string,
  steps = 2_000,
): Promise<{ reloadMs: number[]; undoMs: number[] }> {
  const context = await browser.newContext();
  await context.addInitScript('globalThis.__name = (f) => f;');
  // Notes the moment History first shows the whole session (an observer set up before the page's own code).
  await context.addInitScript(`(() => {
    const seen = () => {
      const el = document.querySelector('[data-testid="position"]');
      if (el !== null && / of ${steps}$/.test(el.textContent ?? '')) {
        window.__historyShown = performance.now();
        return true;
      }
      return false;
    };
    const watch = new MutationObserver(() => { if (seen()) watch.disconnect(); });
    document.addEventListener('DOMContentLoaded', () =>
      watch.observe(document.body, { subtree: true, childList: true, characterData: true }));
  })();`);
  const page = await context.newPage();
  // Both waits add no Playwright script to the page while it starts (page-wait.ts).
  const ready = async () => {
    await untilReady(page);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const poll = () =>
            (window as unknown as { __historyShown?: number }).__historyShown !== undefined
              ? resolve()
              : setTimeout(poll, 50);
          poll();
        }),
    );
  };
  await page.goto(url);
  await untilReady(page);
  const text = JSON.stringify(longSessionDoc(steps));
  if (!(await page.evaluate((t) => window.sandbox?.app.importText(t, 'long.session.json'), text)))
    throw new Error('the long session was refused');
  // Saved, with its reload image taken a quiet moment later in the session's turn (a compare waits for it).
  const settle = async () => {
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.sandbox?.worker.compare('main', 'main'));
  };
  await settle();
  const reloadMs: number[] = [];
  const undoMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await ready();
    reloadMs.push(
      await page.evaluate(() =>
        Math.max(
          performance.getEntriesByName('sandbox-ready')[0]?.startTime ?? Infinity,
          (window as unknown as { __historyShown: number }).__historyShown,
        ),
      ),
    );
    const moves = [...Array<string>(20).fill('undo'), ...Array<string>(20).fill('redo')];
    const times = await page.evaluate(async (list) => {
      const app = window.sandbox?.app;
      if (app === undefined) throw new Error('no app');
      const out: number[] = [];
      for (const m of list) {
        const t0 = performance.now();
        if (!(await (m === 'undo' ? app.undo() : app.redo()))) throw new Error(`${m} was refused`);
        await new Promise((r) => requestAnimationFrame(r));
        out.push(performance.now() - t0);
      }
      return out;
    }, moves);
    undoMs.push(...times.slice(0, 20));
    await settle();
  }
  await context.close();
  return { reloadMs, undoMs };
}
