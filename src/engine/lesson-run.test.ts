// The lesson runtime over a real chain, in process: the page's SandboxApp talks to a Host as it would to
// the worker. Going back restores the chain with the step, progress survives a reload and a replaced
// sandbox, and a lesson link's replay lands on the asked step.
import { describe, expect, it } from 'vitest';
import { analyzeInNode } from '../../test/lessons/driver.ts';
import type { ChainClient } from './chain-client.ts';
import { Host } from './host.ts';
import { readProgress } from './lesson-progress.ts';
import { LessonRun } from './lesson-run.svelte.ts';
import { lessonSource } from './lessons.ts';
import { SandboxApp } from './sandbox-app.svelte.ts';
import { KEYS, memoryStore } from './store.ts';
import type { World } from '../protocol/world-types.ts';
import type { NetworkOptions } from '../protocol/network-from-world.ts';

const ID = '01-staking-and-lsts';

/** The worker's API, in process. */
function inProcess(host: Host): ChainClient {
  const api = {
    start: () => host.start(),
    presets: () => host.presets(),
    loadPreset: (id: string) => host.loadPreset(id),
    loadScenario: (json: unknown, source: string) => host.loadScenario(json, source),
    importSession: (json: unknown) => host.importSession(json),
    act: host.act.bind(host),
    goto: host.goto.bind(host),
    series: async () => [],
    exportSession: async () => host.exportSession(),
    analyzeWorld: (w: World, options: NetworkOptions) => analyzeInNode(w, { options }),
  };
  return api as unknown as ChainClient;
}

async function setup() {
  const store = memoryStore();
  const app = new SandboxApp(inProcess(new Host(memoryStore())));
  await app.start('');
  return { app, store };
}

const alice = (app: SandboxApp) => app.session?.world.accounts['alice'];

/** Lets the actor's "show me" acts and the saves finish. */
async function settle(run: LessonRun) {
  await run.idle();
  await run.flush();
}

describe('LessonRun', () => {
  it('runs lesson 01 on its own sandbox: a wrong action is explained, "show me" completes the step', async () => {
    const { app, store } = await setup();
    const run = await LessonRun.begin(app, store, ID);
    expect(run?.state).toBe('intro');
    if (run === null) return;
    expect(app.session?.source).toBe(lessonSource(ID));
    run.next();
    expect(run.state).toBe('stake');
    // Depositing into the strategy without stETH: refused by the chain, and the lesson says why.
    await app.act({ action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '1 ETH' });
    expect(run.state).toBe('stake');
    expect(run.context.feedback?.tone).toBe('wrong');
    expect(run.context.feedback?.text).toMatch(/refused strategy\.deposit/);
    run.show();
    await settle(run);
    expect(run.state).toBe('shares');
    expect(alice(app)?.stETH).toBe(4n * 10n ** 18n + '');
    expect(run.number).toBe(3);
  });

  it('going back restores the chain of the earlier step; forward brings the later one back', async () => {
    const { app, store } = await setup();
    const run = (await LessonRun.begin(app, store, ID)) as LessonRun;
    run.next();
    run.show();
    await settle(run);
    const after = app.session?.world;
    expect(await run.back()).toBe(true);
    expect(run.state).toBe('stake');
    expect(alice(app)?.stETH).toBe('0');
    expect(run.ahead.map((s) => s.state)).toEqual(['shares']);
    expect(await run.forward()).toBe(true);
    expect(run.state).toBe('shares');
    expect(app.session?.world).toEqual(after);
  });

  it('resumes saved progress after a reload, and after another sandbox replaced the lesson', async () => {
    const { app, store } = await setup();
    const run = (await LessonRun.begin(app, store, ID)) as LessonRun;
    run.next();
    run.show();
    await settle(run);
    run.next();
    run.answer('same');
    await settle(run);
    const world = app.session?.world;
    const saved = readProgress(store.data.get(KEYS.lesson));
    expect(saved?.ok).toBe(true);
    if (!saved?.ok) return;
    expect(saved.progress.steps.map((s) => s.state)).toEqual([
      'intro',
      'stake',
      'shares',
      'predictRebase',
      'report',
    ]);

    // The learner loads another preset in the free sandbox, then comes back to the lesson after a reload.
    run.leave();
    await run.flush();
    await app.loadPreset('playground');
    expect(app.session?.source).toBe('preset:playground');
    const again = readProgress(store.data.get(KEYS.lesson));
    if (!again?.ok) throw new Error('no progress');
    const resumed = (await LessonRun.resume(app, store, again.progress)) as LessonRun;
    expect(resumed.open).toBe(false);
    expect(await resumed.comeBack()).toBe(true);
    expect(resumed.state).toBe('report');
    expect(resumed.context.answers['predictRebase']).toEqual({ choice: 'same', correct: null });
    expect(app.session?.source).toBe(lessonSource(ID));
    expect(app.session?.world).toEqual(world);
  });

  it("replays the lesson's own walk-through to a linked step", async () => {
    const { app, store } = await setup();
    const run = new LessonRun(app, await import('./lessons.ts').then((m) => m.loadLesson(ID)), store);
    expect(await run.replayTo(5)).toBe(true);
    await settle(run);
    expect(run.state).toBe('report');
    expect(run.number).toBe(5);
    // The stake of "show me" is on the chain; the skipped question has no answer.
    expect(alice(app)?.stETH).toBe(4n * 10n ** 18n + '');
    expect(run.context.answers).toEqual({});
  });
});
