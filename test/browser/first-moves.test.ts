// A first visit's first moves share the machine with nothing the page could do later: the offline cache's
// install (every file fetched, every script compiled for the code cache) waits until the sandbox is on
// screen and a few seconds more, and the first undo answers at once and is saved right after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import { LONG, openApp, POLL, serveProductionBuild } from './app-helpers.ts';
import { KEYS } from '../../src/engine/store.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, LONG);

afterAll(async () => {
  await site?.close();
});

describe("a first visit's first moves", () => {
  it('the offline cache installs only after the sandbox is on screen, and then it does', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true', null, {
      timeout: LONG,
    });
    const registered = () =>
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null);
    expect(await registered()).toBeNull();
    // Undos right away, as a visitor trying the sandbox would: none of them shares the CPU with the install.
    const moved = await page.evaluate(async () => {
      const app = window.sandbox?.app;
      if (app === undefined) throw new Error('no app');
      return [await app.undo(), await app.undo(), await app.redo()];
    });
    expect(moved).toEqual([true, true, true]);
    expect(await registered()).toBeNull();
    // It is not dropped: it installs a few seconds later and takes over the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LONG });
    expect(await registered()).not.toBeNull();
    await context.close();
  }, 240_000);

  it('the first undo after a reload answers, and its save follows: the saved record holds the undone cursor', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    await page.evaluate(async () => {
      const app = window.sandbox?.app;
      if (!(await app?.act({ action: 'chain.advance', blocks: 1 }))) throw new Error('step refused');
    });
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true', null, {
      timeout: LONG,
    });
    // The answer comes first; the record with the new cursor is written right after it.
    const cursor = await page.evaluate(async () => {
      const app = window.sandbox?.app;
      if (app === undefined || !(await app.undo())) throw new Error('undo refused');
      return app.session?.cursor.node ?? null;
    });
    expect(cursor).toBe(20);
    await expect
      .poll(
        () =>
          page.evaluate(async (key) => {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const open = indexedDB.open('restaking-sandbox');
              open.onsuccess = () => resolve(open.result);
              open.onerror = () => reject(open.error);
            });
            const names = [...db.objectStoreNames];
            const tx = db.transaction(names[0] ?? '', 'readonly');
            const got = await new Promise<unknown>((resolve) => {
              const r = tx.objectStore(names[0] ?? '').get(key);
              r.onsuccess = () => resolve(r.result);
            });
            db.close();
            return typeof got === 'string'
              ? (JSON.parse(got) as { cursor: { node: number } }).cursor.node
              : null;
          }, KEYS.session),
        POLL,
      )
      .toBe(20);
    await context.close();
  }, 240_000);
});
