// A 5000-step session (the most a sandbox holds) loads without freezing the page: no main-thread task over
// 200 ms while it is imported and drawn. Before, History drew all 5000 rows and laid them out in one task of
// several seconds; now it draws the rows in view, and the session arrives and is drawn in separate tasks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import { LONG, openApp, serveProductionBuild } from './app-helpers.ts';
import { tracedLongSessionLoad } from '../bench/long-session.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, 180_000);

afterAll(async () => {
  await site?.close();
});

const BOUND_MS = 200;

describe('a large session', () => {
  it(
    'loads with no main-thread task over 200 ms, and all of it is there',
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url);
      // A long task's length is wall time: on a shared machine (the tests run beside other work, load
      // averages above 10 on two cores) a 30 ms task of the page is often stretched past 200 ms while the
      // thread waits for a core. So the check is on the CPU time of each main-thread task, from Chromium's
      // own trace of the load (`tdur` of every task): the work the page itself does in one go, which is
      // what freezes it on a machine that is not busy with anything else. The long-task observer's figures
      // are shown with a failure, for comparison.
      const r = await tracedLongSessionLoad(site.browser, page, 5_000);
      const longestCpu = r.longestTaskCpuMs;
      const observed = `long-task observer: ${r.longTasks.map(Math.round).join(', ')} ms`;
      expect(longestCpu, `longest main-thread task's CPU time (${observed})`).toBeLessThan(BOUND_MS);
      expect(await page.getByTestId('position').textContent()).toBe('step 5000 of 5000');
      // Only the rows in view are drawn, and the current step, the last, is one of them.
      const steps = page.getByTestId('steps');
      await expect.poll(() => steps.locator('li.current').textContent()).toMatch(/^5000 · /);
      expect(await steps.locator('li.item').count()).toBeLessThan(100);
      // Scrolling to the top draws the start again.
      await steps.evaluate((el) => (el.scrollTop = 0));
      await expect.poll(() => steps.locator('li.item').first().textContent()).toBe('0 · start');
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG * 2,
  );
});
