// Never losing work in a real browser: two tabs on one origin, and hostile files and links 10,000 levels
// deep. (A leader tab closing and a full disk are in tabs-and-storage.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deflateRawSync } from 'node:zlib';
import type { Site } from './harness.ts';
import { LONG, POLL, openApp, settled, serveProductionBuild, watch } from './app-helpers.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, 180_000);

afterAll(async () => {
  await site?.close();
});

/** Acts through the page's own state, as the forms do, and waits for the answer. */
const act = (page: Page, step: object) =>
  page.evaluate((s) => window.sandbox!.app.act(s as { action: string }), step);
const lastStep = (page: Page) =>
  page.evaluate(() => {
    const s = window.sandbox!.app.session!;
    return s.cursor.node === null ? null : s.nodes[s.cursor.node]?.step;
  });

describe('never losing work', () => {
  it(
    'two tabs: the second is told it is not saving, cannot overwrite the first, and can take over',
    async () => {
      const a = await openApp(site.browser, site.url);
      expect(await act(a.page, { action: 'lst.stake', by: 'carol', amount: '4 ETH' })).toBe(true);
      const b = await a.context.newPage();
      const bSeen = watch(b, site.url);
      await b.goto(site.url);
      await settled(b);
      await expect.poll(() => b.getByTestId('tab-notice').isVisible(), POLL).toBe(true);
      expect(await a.page.getByTestId('tab-notice').count()).toBe(0);
      expect(await act(b, { action: 'lst.stake', by: 'carol', amount: '9 ETH' })).toBe(true);
      // A reloads: its own step is there, B's did not overwrite it.
      await a.page.reload();
      await settled(a.page);
      expect(await lastStep(a.page)).toMatchObject({ amount: '4 ETH' });
      // A leads again once its old page has let go of the lock, and goes on working (and saving): B's copy
      // no longer has A's latest step.
      await expect.poll(() => a.page.evaluate(() => window.sandbox!.app.saveStatus?.leads), POLL).toBe(true);
      expect(await act(a.page, { action: 'chain.advance', blocks: 5 })).toBe(true);
      // B takes over: A is told, and A's last save is kept in B's Kept sandboxes.
      await b.getByTestId('take-over').click();
      await expect.poll(() => b.getByTestId('tab-notice').count(), POLL).toBe(0);
      await expect
        .poll(() => a.page.getByTestId('tab-notice').textContent(), POLL)
        .toMatch(/Another tab took over saving this sandbox/);
      await expect
        .poll(
          () => b.evaluate(() => JSON.stringify([window.sandbox!.app.saveStatus, window.sandbox!.app.kept])),
          POLL,
        )
        .toMatch(/Another tab saved this sandbox/);
      await b.getByTestId('kept-open').click();
      expect(await b.getByTestId('kept-item').count()).toBe(1);
      expect(await b.getByTestId('kept-item').textContent()).toMatch(/Another tab saved this sandbox/);
      expect(await b.getByTestId('kept-item').textContent()).toMatch(/22 steps/);
      // B's work is what a fresh load of the page now finds.
      await b.reload();
      await settled(b);
      expect(await lastStep(b)).toMatchObject({ amount: '9 ETH' });
      expect([...a.errors, ...bSeen.errors]).toEqual([]);
      await a.context.close();
    },
    LONG * 2,
  );

  it(
    '10,000-level nesting through Import… and a link gets a message, and the sandbox stays',
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url);
      const before = await page.evaluate(() => window.sandbox!.app.session!.world);
      await page.getByTestId('import-file').setInputFiles({
        name: 'deep.json',
        mimeType: 'application/json',
        buffer: Buffer.from('['.repeat(10_000) + ']'.repeat(10_000)),
      });
      await expect
        .poll(() => page.getByTestId('problem-message').textContent(), POLL)
        .toMatch(/^deep\.json nests lists and objects more than 32 levels deep/);
      await page.getByTestId('problem').getByRole('button', { name: 'Dismiss' }).click();
      // A share link's scenario is deflated JSON in base64url (share.ts); this one nests 10,000 objects.
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const fragment = `scenario=${deflateRawSync(Buffer.from(deep)).toString('base64url')}`;
      await page.goto(`${site.url}#${fragment}`);
      await settled(page);
      expect(await page.getByTestId('problem-message').textContent()).toMatch(
        /^The shared link nests lists and objects more than 32 levels deep/,
      );
      expect(await page.evaluate(() => window.sandbox!.app.session!.world)).toEqual(before);
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG,
  );
});
