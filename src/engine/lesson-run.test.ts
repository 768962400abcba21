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

/** The worker's API, in process (`analyze` stands in for the worker's analyzer when given). */
function inProcess(
  host: Host,
  analyze = (w: World, options: NetworkOptions) => analyzeInNode(w, { options }),
): ChainClient {
  const api = {
    start: () => host.start(),
    // A page opened without a link: the worker opens the saved or default sandbox itself.
    linkFirst: async () => null,
    presets: async () => host.presets(),
    loadPreset: (id: string) => host.loadPreset(id),
    loadScenario: (json: unknown, source: string) => host.loadScenario(json, source),
    importSession: (json: unknown) => host.importSession(json),
    act: host.act.bind(host),
    goto: host.goto.bind(host),
    series: async () => [],
    exportSession: async () => host.exportSession(),
    analyzeWorld: analyze,
    restorePrevious: () => host.restorePrevious(),
    undo: () => host.undo(),
    redo: () => host.redo(),
  };
  return api as unknown as ChainClient;
}

async function setup(analyze?: (w: World, options: NetworkOptions) => Promise<unknown>) {
  const store = memoryStore();
  const host = new Host(memoryStore());
  const app = new SandboxApp(analyze === undefined ? inProcess(host) : inProcess(host, analyze as never));
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
    expect(app.session?.source).toBe(run.source);
    expect(run.source.startsWith(`${lessonSource(ID)}#`)).toBe(true);
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

  it('a tab that does not save the sandbox leaves the lesson progress to the tab that does', async () => {
    const { app, store } = await setup();
    const run = await LessonRun.begin(app, store, ID);
    if (run === null) throw new Error('lesson 01 did not start');
    await run.flush();
    const leaderSaved = await store.get(KEYS.lesson);
    expect(readProgress(leaderSaved)).toMatchObject({ ok: true, progress: { steps: [{ state: 'intro' }] } });
    // Another tab leads now: this tab's next step is not written over the leader's progress.
    app.saveStatus = { unsaved: null, leads: false, tabEvent: 'lost' };
    run.next();
    expect(run.state).toBe('stake');
    await run.flush();
    expect(await store.get(KEYS.lesson)).toBe(leaderSaved);
    // Leading again (taken over): the step reached is written.
    app.saveStatus = { unsaved: null, leads: true, tabEvent: 'took-over' };
    run.next();
    await run.flush();
    expect(readProgress(await store.get(KEYS.lesson))).toMatchObject({
      ok: true,
      progress: { steps: [{}, {}] },
    });
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
    expect(app.session?.source).toBe(resumed.source);
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

  it('follows an undo and a redo in History: the lesson moves with the chain', async () => {
    const { app, store } = await setup();
    const run = (await LessonRun.begin(app, store, ID)) as LessonRun;
    run.next();
    run.show();
    await settle(run);
    expect(run.state).toBe('shares');
    await app.undo();
    run.followChain();
    expect(run.state).toBe('stake');
    expect(run.ahead.map((r) => r.state)).toEqual(['shares']);
    await app.redo();
    run.followChain();
    expect(run.state).toBe('shares');
    expect(run.offTrack).toBe(false);
  });

  it('is off track on a position that is no step of it: nothing counts until the chain is put back', async () => {
    const { app, store } = await setup();
    const run = (await LessonRun.begin(app, store, ID)) as LessonRun;
    run.next();
    // Undoing past where the lesson began (Carol's stake of the scenario itself).
    await app.undo();
    run.followChain();
    expect(run.offTrack).toBe(true);
    await app.act({ action: 'lst.stake', by: 'alice', amount: '4 ETH' });
    expect(run.state).toBe('stake');
    expect(await run.realign()).toBe(true);
    expect(run.offTrack).toBe(false);
    expect(app.session?.cursor).toEqual(run.steps.at(-1)?.cursor);
    await app.act({ action: 'lst.stake', by: 'alice', amount: '4 ETH' });
    expect(run.state).toBe('shares');
  });

  it('restarts on its own sandbox, so the sandbox it replaced can still be brought back', async () => {
    const { app, store } = await setup();
    const run = (await LessonRun.begin(app, store, ID)) as LessonRun;
    run.next();
    run.show();
    await settle(run);
    expect(await run.restart()).toBe(true);
    expect(run.state).toBe('intro');
    expect(alice(app)?.stETH).toBe('0');
    expect(app.previousAvailable).toBe(true);
    await app.restorePrevious();
    expect(app.session?.source).toBe('preset:playground');
  });

  it("turns an analyzer that fails into the lesson's own explanation, not a stuck step", async () => {
    const { app, store } = await setup(() => Promise.reject(new Error('the worker stopped')));
    const run = (await LessonRun.begin(app, store, '05-pooled-security')) as LessonRun;
    run.next();
    expect(run.meta?.kind).toBe('analyze');
    run.analyze();
    for (let i = 0; i < 100 && run.meta?.kind === 'wait'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(run.meta?.kind).toBe('analyze');
    expect(run.context.feedback?.text).toMatch(/the worker stopped/);
  });

  it('walks every lesson to its debrief, back to its start and forward again, chain and all', async () => {
    const { LESSON_DOCS } = await import('./lessons.ts');
    for (const doc of LESSON_DOCS) {
      const { app, store } = await setup();
      const run = (await LessonRun.begin(app, store, doc.id)) as LessonRun;
      await run.advanceTo(run.total);
      expect(run.done, `${doc.id} reaches its debrief`).toBe(true);
      const end = app.session?.world;
      const walked = run.steps.map((r) => r.state);
      expect(walked.at(-1)).toBe('debrief');
      const firstWorld = run.steps[0];
      while (run.number > 1) expect(await run.back()).toBe(true);
      expect(app.session?.cursor).toEqual(firstWorld?.cursor);
      while (!run.done) expect(await run.forward()).toBe(true);
      expect(run.steps.map((r) => r.state)).toEqual(walked);
      expect(app.session?.world, `${doc.id} ends on the same chain`).toEqual(end);
      await run.close();
    }
  }, 240_000);
});
