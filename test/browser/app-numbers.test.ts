// Readable numbers (issue 10): right after lesson 06's slash, no default view shows a number with ten or more
// decimals or a raw integer of sixteen or more digits; rounding dust is named instead, the exact value is one
// focus away, the transaction log decodes its events into units, and Compare tells dust from real differences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Site } from './harness.ts';
import { LONG, POLL, move, openApp, serveProductionBuild, slashViaForm } from './app-helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await serveProductionBuild();
}, LONG);
afterAll(async () => site?.close());

const LONG_DECIMALS = /\d\.\d{10,}/;
const RAW_INTEGER = /\d{16,}/;

/** Every piece of text a person can see: rendered HTML text (closed details and popovers are not rendered) and SVG labels. */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const svg = [...document.querySelectorAll('svg text')]
      .filter((t) => (t as SVGGraphicsElement).getBBox().width > 0)
      .map((t) => t.textContent ?? '');
    return [document.body.innerText, ...svg].join('\n');
  });

/** The offending numbers in the text, with a little context, so a failure names them. */
const offenders = (text: string) =>
  text
    .replace(/0x[0-9a-fA-F]+/g, '0x…')
    .split('\n')
    .filter((line) => LONG_DECIMALS.test(line) || RAW_INTEGER.test(line))
    .map((line) => line.trim().slice(0, 160));

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected'), POLL).toBe('true');
}

describe('readable numbers after lesson 06’s slash', () => {
  it(
    'shows no long decimals or raw integers in any default view, names dust, and keeps the exact value reachable',
    async () => {
      // Step 5 of lesson 06 ("everyone"): its walk-through has performed the slash.
      const { context, page, errors } = await openApp(
        site.browser,
        site.url,
        `${site.url}#lesson=06-slashing&step=5`,
        { viewport: { width: 1366, height: 768 } },
      );
      await expect.poll(() => page.getByTestId('lesson').getAttribute('data-state'), POLL).toBe('everyone');

      for (const tab of ['Flow', 'Charts', 'Inspector', 'Transactions', 'Analyzer']) {
        await openTab(page, tab);
        if (tab === 'Charts') await expect.poll(() => page.getByTestId('charts').count(), POLL).toBe(1);
        expect({ tab, offenders: offenders(await visibleText(page)) }).toEqual({ tab, offenders: [] });
      }

      // The stake flow names the slash's rounding dust in wei rather than printing 18 decimals.
      await openTab(page, 'Flow');
      const flow = await visibleText(page);
      expect(flow).toMatch(/shares[\s\u00a0][−+][\s\u00a0]\d+[\s\u00a0]wei/);

      // The newest transaction, opened: its slash event reads in percent, and its raw values are kept.
      await openTab(page, 'Transactions');
      await page.locator('li.step summary').first().click();
      await expect.poll(() => page.locator('article.tx').count(), POLL).toBeGreaterThan(0);
      const log = await visibleText(page);
      expect(offenders(log)).toEqual([]);
      expect(log).toMatch(/wadSlashed\s*\[\d+(\.\d+)?%\]/);
      await page.locator('details.raw summary').first().click();
      expect(await visibleText(page)).toMatch(/wadSlashed: \[\d{15,}\]/);

      // The inspector: a value with dust is a button; focusing it shows every digit and the dust in words.
      await openTab(page, 'Inspector');
      const dusty = page.locator('button.amount.dust').first();
      await expect.poll(() => dusty.count(), POLL).toBe(1);
      await dusty.focus();
      const tip = page.locator('[role="tooltip"]:popover-open');
      await expect.poll(() => tip.count(), POLL).toBe(1);
      expect(await tip.innerText()).toMatch(/Exactly \d+\.\d{10,}[\s\S]*rounding dust[\s\S]*Raw: \d{16,}/);
      await page.keyboard.press('Tab');
      await expect.poll(() => tip.count(), POLL).toBe(0);

      // Compare: undo the slash and slash 10% instead; the two branches differ for real, dust told apart.
      await move(page, 'undo');
      await slashViaForm(page, 'avs1', 'op1', '10%');
      await openTab(page, 'Compare');
      const summary = page.getByTestId('compare-summary');
      await expect.poll(() => summary.count(), POLL).toBe(1);
      expect(await summary.innerText()).toMatch(/values? differs? between/);
      // The Act form the slash was typed into shows, by design, the raw WAD the chain receives; the views do not.
      expect(offenders(await page.getByRole('tabpanel').innerText())).toEqual([]);

      expect(errors).toEqual([]);
      await page.screenshot({ path: 'test/.screenshots/numbers-compare.png', fullPage: true });
      await context.close();
    },
    LONG * 3,
  );
});
