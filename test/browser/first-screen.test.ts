// A first visit's page does not wait for the chain's code: the page's worker answers the first screen and
// its moves (first-screen.ts, first-screen-moves.ts) while the chain's worker is still loading, then the
// chain takes over at the cursor those moves left. Here the chain's code is held back on purpose.
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import { getPreset } from '../../src/protocol/scenarios/index.ts';
import { headlessWorld, LONG, POLL, serveProductionBuild, worldOf } from './app-helpers.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, LONG);

afterAll(async () => {
  await site?.close();
});

/** The chain's code: the chain worker's own entry and the chunk it loads. */
const CHAIN_CODE = /\/assets\/chain-worker(-core-|\.chain-worker-api-)[\w-]+\.js$/;

const ready = { timeout: LONG };
const isReady = () => document.documentElement.dataset['ready'] === 'true';

describe("a first visit's first screen", () => {
  it('is on screen and answers moves before the chain has loaded; the chain then goes on from there', async () => {
    const context = await site.browser.newContext();
    const held: Route[] = [];
    let release = false;
    await context.route(CHAIN_CODE, (route) => (release ? route.continue() : void held.push(route)));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    await page.waitForFunction(isReady, null, ready);
    // The chain's code was asked for and is still held back: everything below comes from the first screen.
    await expect.poll(() => held.length, POLL).toBeGreaterThan(0);
    const title = await page.getByRole('heading', { level: 1 }).first().textContent();
    expect(title?.length ?? 0).toBeGreaterThan(0);
    const last = await page.evaluate(() => window.sandbox?.app.session?.cursor.node ?? null);
    expect(last).not.toBeNull();
    const moved = await page.evaluate(async () => {
      const app = window.sandbox?.app;
      if (app === undefined) throw new Error('no app');
      return [await app.undo(), await app.undo(), await app.redo()];
    });
    expect(moved).toEqual([true, true, true]);
    expect(await page.evaluate(() => window.sandbox?.app.session?.cursor.node)).toBe((last ?? 0) - 1);
    // The world shown is the chain's at that step: the playground run headless without its last step.
    const playground = structuredClone(getPreset('playground')?.json) as { steps: object[] };
    playground.steps.pop();
    expect(await worldOf(page)).toEqual(await headlessWorld(playground));
    // A step needs the chain: it waits for it, and lands after the moves, on the step the cursor is at.
    const acted = page.evaluate(
      async () => (await window.sandbox?.app.act({ action: 'chain.advance', blocks: 1 })) ?? false,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(held.length).toBeGreaterThan(0);
    release = true;
    for (const r of held.splice(0)) await r.continue();
    expect(await acted).toBe(true);
    const session = await page.evaluate(() => {
      const s = window.sandbox?.app.session;
      if (s === null || s === undefined) throw new Error('no session');
      const node = s.cursor.node ?? -1;
      return { node, parent: s.nodes[node]?.parent, branches: s.branches.length };
    });
    // The step was made where the moves had left the chain: one before the end, so on a new branch.
    expect(session.parent).toBe((last ?? 0) - 1);
    expect(session.branches).toBe(2);
    // And it survives a reload, as any step does.
    await page.reload();
    await page.waitForFunction(isReady, null, ready);
    expect(await page.evaluate(() => window.sandbox?.app.session?.cursor.node)).toBe(session.node);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('goes on answering moves while the chain catches up with them, and the chain ends where they left it', async () => {
    const context = await site.browser.newContext();
    const held: Route[] = [];
    let release = false;
    await context.route(CHAIN_CODE, (route) => (release ? route.continue() : void held.push(route)));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    await page.waitForFunction(isReady, null, ready);
    await expect.poll(() => held.length, POLL).toBeGreaterThan(0);
    const last = await page.evaluate(() => window.sandbox?.app.session?.cursor.node ?? null);
    expect(await page.evaluate(() => window.sandbox?.app.undo())).toBe(true);
    // The chain's code arrives while the learner keeps moving: undos and redos, one a frame, for as long as
    // the chain takes to load, open the sandbox and catch up (each of its moves there lands behind them).
    release = true;
    for (const r of held.splice(0)) await r.continue();
    const moved = await page.evaluate(async () => {
      const app = window.sandbox?.app;
      if (app === undefined) throw new Error('no app');
      const out: boolean[] = [];
      for (let i = 0; i < 60; i++) {
        out.push(await (i % 4 < 2 ? app.undo() : app.redo()));
        await new Promise((r) => requestAnimationFrame(r));
      }
      return out;
    });
    expect(moved.every((ok) => ok)).toBe(true);
    // 60 moves, as many undos as redos, after one undo: one step before the end.
    const at = await page.evaluate(() => window.sandbox?.app.session?.cursor.node);
    expect(at).toBe((last ?? 0) - 1);
    // A step needs the chain: it lands where the moves left the cursor, so the chain followed every one.
    expect(
      await page.evaluate(
        async () => (await window.sandbox?.app.act({ action: 'chain.advance', blocks: 1 })) ?? false,
      ),
    ).toBe(true);
    const session = await page.evaluate(() => {
      const s = window.sandbox?.app.session;
      const node = s?.cursor.node ?? -1;
      return { parent: s?.nodes[node]?.parent, branches: s?.branches.length };
    });
    expect(session).toEqual({ parent: at, branches: 2 });
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('loads the chain only once the first moves pause, and the chain then starts where they left the cursor', async () => {
    const context = await site.browser.newContext();
    // When the chain's code was first asked for (the Node clock; a request is seen here after it was made).
    let requested: number | null = null;
    await context.route(CHAIN_CODE, (route) => {
      requested ??= Date.now();
      return route.continue();
    });
    // A learner trying undo at once: moves from the frame the first session is on the page, one a frame,
    // for a second and a half (undo, undo, redo, redo, ...), as the benchmark's first moves come.
    await context.addInitScript(() => {
      const w = window as unknown as {
        sandbox?: Window['sandbox'];
        __moves?: { ok: boolean; count: number; last: number; node: number | null };
      };
      const go = async () => {
        const app = w.sandbox?.app;
        if (app?.session == null) return void requestAnimationFrame(() => void go());
        const t0 = Date.now();
        const out: boolean[] = [];
        while (Date.now() - t0 < 1500) {
          out.push(await (out.length % 4 < 2 ? app.undo() : app.redo()));
          await new Promise((r) => requestAnimationFrame(r));
        }
        w.__moves = {
          ok: out.every((x) => x),
          count: out.length,
          last: Date.now(),
          node: app.session?.cursor.node ?? null,
        };
      };
      requestAnimationFrame(() => void go());
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    await page.waitForFunction(isReady, null, ready);
    const moves = await page.waitForFunction(
      () => (window as unknown as { __moves?: unknown }).__moves ?? null,
      null,
      ready,
    );
    const done = (await moves.jsonValue()) as { ok: boolean; count: number; last: number; node: number };
    expect(done.ok).toBe(true);
    expect(done.count).toBeGreaterThan(4);
    // Nothing of the chain's code was asked for while they came; it is, once they paused.
    await expect.poll(() => requested, POLL).not.toBeNull();
    expect(requested ?? 0).toBeGreaterThanOrEqual(done.last);
    // A step lands where the moves left the cursor.
    expect(
      await page.evaluate(
        async () => (await window.sandbox?.app.act({ action: 'chain.advance', blocks: 1 })) ?? false,
      ),
    ).toBe(true);
    const parent = await page.evaluate(() => {
      const s = window.sandbox?.app.session;
      return s?.nodes[s.cursor.node ?? -1]?.parent;
    });
    expect(parent).toBe(done.node);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('says the chain could not start when its code cannot load, instead of showing a dead sandbox', async () => {
    const context = await site.browser.newContext();
    await context.route(CHAIN_CODE, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(site.url);
    await expect
      .poll(() => page.getByText('The chain could not start in this page').count(), POLL)
      .toBeGreaterThan(0);
    await context.close();
  }, 240_000);
});
