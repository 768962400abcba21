// Never losing work across tabs and on a full disk, in a real browser: a follower tab takes the lead when the
// leading tab closes (and saves from then on), and a full disk makes saves fail: the failure is shown at once
// with what to do, retried, and nothing is lost once there is room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Site } from './harness.ts';
import { LONG, POLL, openApp, settled, serveProductionBuild, watch } from './app-helpers.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, 180_000);

afterAll(async () => {
  await site?.close();
});

const act = (page: Page, step: object) =>
  page.evaluate((s) => window.sandbox!.app.act(s as { action: string }), step);
const lastStep = (page: Page) =>
  page.evaluate(() => {
    const s = window.sandbox!.app.session!;
    return s.cursor.node === null ? null : s.nodes[s.cursor.node]?.step;
  });
const leads = (page: Page) => page.evaluate(() => window.sandbox!.app.saveStatus?.leads ?? null);
/** The follower waits out the leader's grace period (tab-lock.ts HANDOVER_MS, 8 s) before it leads. */
const HANDOVER = { timeout: 60_000 };

describe('tabs', () => {
  it(
    'when the leading tab closes, the follower leads, says so, and its next step survives a reload',
    async () => {
      const a = await openApp(site.browser, site.url);
      expect(await act(a.page, { action: 'lst.stake', by: 'carol', amount: '4 ETH' })).toBe(true);
      const b = await a.context.newPage();
      const seen = watch(b, site.url);
      await b.goto(site.url);
      await settled(b);
      await expect.poll(() => b.getByTestId('tab-notice').isVisible(), POLL).toBe(true);
      // A starting tab waits up to START_WAIT_MS (2 s) for the lock, so that a reloading leader goes on
      // leading; the hand-over is what happens after that.
      await b.waitForTimeout(3_000);
      expect(await leads(b)).toBe(false);
      await a.page.close();
      await expect
        .poll(() => b.evaluate(() => JSON.stringify(window.sandbox!.app.saveStatus)), HANDOVER)
        .toMatch(/"leads":true,"tabEvent":"inherited"|"tabEvent":"inherited".*"leads":true/);
      await expect.poll(() => b.getByTestId('tab-inherited').isVisible(), POLL).toBe(true);
      expect(await b.getByTestId('tab-notice').count()).toBe(0);
      expect(await act(b, { action: 'lst.stake', by: 'carol', amount: '9 ETH' })).toBe(true);
      await b.reload();
      await settled(b);
      expect(await lastStep(b)).toMatchObject({ amount: '9 ETH' });
      await expect.poll(() => leads(b), POLL).toBe(true);
      expect([...a.errors, ...seen.errors]).toEqual([]);
      await a.context.close();
    },
    LONG * 2,
  );
});

describe('a full disk', () => {
  it(
    'a save refused for want of room is shown at once, retried, and nothing is lost once there is room',
    async () => {
      // DevTools' Storage.overrideQuotaForOrigin does take effect in a persistent profile (getUsageAndQuota
      // reports the override, and the Cache API then refuses a write with QuotaExceededError), but this
      // Chromium's IndexedDB commits writes past the quota regardless. So the chain worker's IndexedDB is
      // made to refuse writes the way a full disk does: put() throws QuotaExceededError while `__full` is set.
      const { context, page, errors } = await openApp(site.browser, site.url);
      // The worker the chain runs in, behind the page's own (chain-worker.ts): it is the one that saves. On a
      // first visit it starts a moment after the first screen (once no move came for a while).
      const core = () => page.workers().find((w) => w.url().includes('chain-worker-core'));
      await expect.poll(() => core() !== undefined, POLL).toBe(true);
      const worker = core();
      if (worker === undefined) throw new Error('no chain worker');
      await worker.evaluate(() => {
        const g = globalThis as unknown as { __full: boolean };
        g.__full = true;
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
          if (g.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        };
      });
      expect(await act(page, { action: 'lst.stake', by: 'carol', amount: '4 ETH' })).toBe(true);
      // Shown at once: the failed save of this step, before anything else happens.
      await expect.poll(() => page.getByTestId('save-failed').isVisible(), POLL).toBe(true);
      const notice = await page.getByTestId('save-failed').textContent();
      expect(notice).toMatch(
        /Your latest change is not saved: the browser refused to store it \(QuotaExceededError/,
      );
      expect(notice).toMatch(/export the session/);
      expect(await act(page, { action: 'lst.stake', by: 'carol', amount: '5 ETH' })).toBe(true);
      // Retrying while the disk is still full says so again.
      await page.getByTestId('retry-save').click();
      await expect.poll(() => page.getByTestId('save-failed').isVisible(), POLL).toBe(true);
      // Room again: the retry saves everything, and a reload finds the last step.
      await worker.evaluate(() => {
        (globalThis as unknown as { __full: boolean }).__full = false;
      });
      await page.getByTestId('retry-save').click();
      await expect.poll(() => page.getByTestId('save-failed').count(), POLL).toBe(0);
      await page.reload();
      await settled(page);
      expect(await lastStep(page)).toMatchObject({ amount: '5 ETH' });
      expect(await page.getByTestId('position').textContent()).toBe('step 22 of 22');
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG * 2,
  );
});
