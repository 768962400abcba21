// How the app looks and reads: screenshots of the stake-flow view (light, dark, tablet width) for a person to
// look at, and axe-core on every tab with no serious or critical violation, in both themes.
import { mkdirSync, statSync } from 'node:fs';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import { LONG, POLL, choose, openApp, send, slashViaForm, serveProductionBuild } from './app-helpers.ts';

let site: Site;
const SHOTS = 'test/.screenshots';

beforeAll(async () => {
  site = await serveProductionBuild();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await site?.close();
});

/** Each tab, and what shows that its content has been drawn. */
const TABS: [string, (page: Page) => Promise<unknown>][] = [
  ['Flow', (page) => page.getByTestId('flow').locator('svg').first().waitFor()],
  ['Charts', (page) => page.getByTestId('charts').waitFor({ timeout: LONG })],
  ['Inspector', (page) => page.locator('[data-section="restakers"]').waitFor()],
  ['Transactions', (page) => page.getByRole('heading', { name: 'Transactions' }).waitFor()],
  ['Compare', (page) => page.locator('[aria-labelledby="compare-h"][aria-busy="false"]').waitFor()],
  [
    'Analyzer',
    async (page) => {
      await page.getByTestId('analyze').click();
      await page.getByTestId('verdict').waitFor({ timeout: LONG });
    },
  ],
];

async function useTheme(page: Page, theme: 'light' | 'dark' | 'contrast'): Promise<void> {
  await page.getByTestId('theme').selectOption(theme);
  await page.waitForFunction((t) => document.documentElement.dataset['theme'] === t, theme);
}

/** The serious and critical axe violations on every tab, one line per rule and tab with its elements. */
async function axeTabs(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const [tab, drawn] of TABS) {
    await page.getByRole('tab', { name: tab }).click();
    await drawn(page);
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        // The summary's second line is the finding itself (its first says "Fix any of the following").
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
      }));
    });
    for (const v of violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        found.push(`${tab}: ${v.id} (${v.impact}) at ${v.nodes.join('; ')}`);
  }
  return found;
}

describe('the look and the accessibility of the app', () => {
  it('draws the stake flow after a slash in light and dark, and fits a tablet', async () => {
    const { context, page, errors } = await openApp(site.browser, site.url, site.url, {
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      colorScheme: 'light',
    });
    await slashViaForm(page, 'avs1', 'op1', '20%');
    const caption = page.getByTestId('flow').locator('figcaption');
    await expect.poll(() => caption.textContent(), POLL).toContain('slashed op1');
    const stage = page.locator('#stage');
    await stage.screenshot({ path: `${SHOTS}/flow.png` });
    await useTheme(page, 'dark');
    await stage.screenshot({ path: `${SHOTS}/flow-dark.png` });

    await useTheme(page, 'light');
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/tablet.png` });
    // Nothing is wider than the screen: no sideways scrolling on a tablet.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    for (const shot of ['flow', 'flow-dark', 'tablet'])
      expect(statSync(`${SHOTS}/${shot}.png`).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('keeps the Act panel inside its column, with long contract names and refusals', async () => {
    const { context, page } = await openApp(site.browser, site.url, site.url, {
      viewport: { width: 1280, height: 900 },
    });
    const overflow = () =>
      page.evaluate(() => {
        const aside = document.querySelector('aside.left');
        return aside === null ? -1 : aside.scrollWidth - aside.clientWidth;
      });
    // The longest summary: "StrategyManager.clearBurnOrRedistributableShares: ...".
    await choose(page, 'avs1', 'slashing.clear');
    expect(await overflow()).toBe(0);
    // A refusal names the contract and its function in one long word.
    const panel = await choose(page, 'op1', 'operator.allocate');
    await panel.getByLabel('AVS', { exact: true }).selectOption('avs2');
    await panel.getByLabel('New magnitude', { exact: true }).fill('75%');
    await send(page, 'refused');
    expect(await overflow()).toBe(0);
    await context.close();
  }, 120_000);

  for (const theme of ['light', 'dark'] as const)
    it(`has no serious or critical axe violation on any tab (${theme} theme, after a slash)`, async () => {
      // The page's policy forbids inline scripts; bypassing it lets the test inject axe.
      const { context, page } = await openApp(site.browser, site.url, site.url, {
        bypassCSP: true,
        reducedMotion: 'reduce',
        colorScheme: 'light',
      });
      await useTheme(page, theme);
      // A slash puts its caption on the flow view and a second point on the charts.
      await slashViaForm(page, 'avs1', 'op1', '20%');
      await page.addScriptTag({ content: axe.source });
      expect(await axeTabs(page)).toEqual([]);
      await context.close();
    }, 120_000);

  it('reads well with a lesson open in presenter mode and the high-contrast theme', async () => {
    const { context, page, errors } = await openApp(site.browser, site.url, site.url, {
      bypassCSP: true,
      reducedMotion: 'reduce',
      viewport: { width: 1280, height: 900 },
    });
    await useTheme(page, 'contrast');
    await page.getByTestId('lessons').click();
    await page.getByTestId('start-01-staking-and-lsts').click();
    await page.getByTestId('lesson-next').click();
    // A refusal explained, both hints open: everything the panel can show at once.
    await choose(page, 'alice', 'lst.wrap');
    await page
      .getByRole('complementary', { name: 'Act' })
      .getByLabel(/stETH to wrap/)
      .fill('1');
    await send(page, 'refused');
    await page.getByTestId('lesson-hint').click();
    await page.getByTestId('lesson-hint').click();
    await page.getByTestId('presenter').click();
    // Presenter mode scales the root font, so every rem-sized part grows with it.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('22px');
    await page.screenshot({ path: `${SHOTS}/lesson-contrast-presenter.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.addScriptTag({ content: axe.source });
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
