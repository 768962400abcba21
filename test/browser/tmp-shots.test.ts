import { afterAll, beforeAll, it } from 'vitest';
import type { Site } from './harness.ts';
import { LONG, openApp, serveProductionBuild } from './app-helpers.ts';
let site: Site;
beforeAll(async () => { site = await serveProductionBuild(); }, LONG);
afterAll(async () => site?.close());
it('shots', async () => {
  const sizes = [[1366, 768], [1280, 720], [768, 1024]] as const;
  const { context, page } = await openApp(site.browser, site.url, `${site.url}#lesson=06-slashing&step=5`, { viewport: { width: 1366, height: 768 } });
  await page.waitForTimeout(1500);
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    for (const theme of ['light', 'dark', 'contrast']) {
      await page.evaluate((t) => { document.documentElement.dataset['theme'] = t; }, theme);
      for (const tab of ['Flow', 'Inspector', 'Transactions', 'Charts']) {
        if (theme !== 'light' && tab === 'Charts') continue;
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(400);
        if (tab === 'Transactions') { const s = page.locator('li.step details:not([open]) summary').first(); if (await s.count()) await s.click(); await page.waitForTimeout(300); }
        if (tab === 'Inspector') { const b = page.locator('button.amount.dust').first(); if (await b.count()) { await b.focus(); await page.waitForTimeout(200); } }
        await page.locator('[role=tabpanel]').screenshot({ path: `test/.screenshots/i10a-${tab}-${w}x${h}-${theme}.png` });
      }
    }
  }
  await context.close();
}, LONG * 4);
