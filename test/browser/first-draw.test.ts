// The page's own part of the first start: its first bundle carries only the first screen (the other tabs and
// the side panels are chunks of their own), and the first stake flow is drawn once, at its real width, with
// no motion, before the page marks itself ready. Later changes still move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import { LONG, openApp, POLL, serveProductionBuild } from './app-helpers.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, LONG);

afterAll(async () => {
  await site?.close();
});

/** Each flow node's rectangle, by node id: x, y, width, height. */
function nodeBoxes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of document.querySelectorAll('[data-testid="flow"] [data-id]')) {
    const r = g.querySelector('rect');
    out[g.getAttribute('data-id') ?? ''] = ['x', 'y', 'width', 'height']
      .map((a) => r?.getAttribute(a))
      .join(' ');
  }
  return out;
}

describe("the page's first screen", () => {
  it('draws the first stake flow still, at its width, by the time it is marked ready', async () => {
    const context = await site.browser.newContext();
    // What the page holds at the very moment it marks itself ready (a mutation callback runs before the
    // browser paints or runs anything else).
    await context.addInitScript(`{
      globalThis.__name ??= (f) => f;
      const boxes = ${nodeBoxes.toString()};
      new MutationObserver((_, self) => {
        if (document.documentElement.dataset['ready'] !== 'true') return;
        self.disconnect();
        const svg = document.querySelector('[data-testid="flow"] svg');
        window.__atReady = {
          viewBox: svg?.getAttribute('viewBox') ?? null,
          figureWidth: svg?.parentElement?.clientWidth ?? null,
          boxes: boxes(),
        };
      // The document has no root element yet when this runs: watch the whole document for the attribute.
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    }`);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.url().split('/').pop() ?? '');
    });
    await page.goto(site.url);
    await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true', null, {
      timeout: LONG,
    });
    const atReady = (await page.evaluate(() => (window as unknown as { __atReady: unknown }).__atReady)) as {
      viewBox: string | null;
      figureWidth: number;
      boxes: Record<string, string>;
    };
    expect(atReady.viewBox).toBe(`0 0 ${Math.max(360, atReady.figureWidth)} 420`);
    expect(Object.keys(atReady.boxes).length).toBeGreaterThan(5);
    // No grow-in: what was drawn at ready is what stays once any motion would have ended (700 ms).
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(nodeBoxes)).toEqual(atReady.boxes);
    // The flow's table (closed) gets its rows after the first picture: every flow its summary counts.
    const table = await page.evaluate(() => ({
      summary: document.querySelector('[data-testid="flow"] details summary')?.textContent ?? '',
      rows: document.querySelectorAll('[data-testid="flow"] tr[data-amount]').length,
    }));
    expect(table.rows).toBeGreaterThan(5);
    expect(table.summary).toBe(`Stake flows as a table (${table.rows})`);
    // The stage's other tabs are not part of the first screen's code: one is fetched when first opened.
    expect(scripts.some((s) => s.startsWith('Charts-'))).toBe(false);
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByTestId('charts').or(page.getByText('Reading the history…')).first().waitFor();
    expect(scripts.some((s) => s.startsWith('Charts-'))).toBe(true);
    await context.close();
  }, 240_000);

  it('a step after the first picture still moves the flow, and the Flow tab comes back drawn at once', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    // The page's policy allows no eval; the DevTools protocol defines the reader in it.
    await page.evaluate(`globalThis.__name ??= (f) => f; window.__boxes = ${nodeBoxes.toString()}`);
    await page.evaluate(async () => {
      if (!(await window.sandbox?.app.act({ action: 'lst.stake', by: 'bob', amount: '40 ETH' })))
        throw new Error('step refused');
    });
    await page.waitForTimeout(1_000);
    const before = await page.evaluate(nodeBoxes);
    // Sample the drawing on every frame while a deposit changes amounts: motion means frames in between.
    const frames = await page.evaluate(async () => {
      const boxes = (window as unknown as { __boxes: () => Record<string, string> }).__boxes;
      const seen = new Set<string>();
      const app = window.sandbox?.app;
      if (app === undefined) throw new Error('no app');
      const sampling = (async () => {
        const end = performance.now() + 1_200;
        while (performance.now() < end) {
          await new Promise((r) => requestAnimationFrame(r));
          seen.add(JSON.stringify(boxes()));
        }
      })();
      const step = { action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: '40 ETH' };
      if (!(await app.act(step))) throw new Error('step refused');
      await sampling;
      return seen.size;
    });
    // Settled: the motion has ended (a loaded machine may start it late).
    const still = async () => {
      const a = JSON.stringify(await page.evaluate(nodeBoxes));
      await page.waitForTimeout(400);
      return a === JSON.stringify(await page.evaluate(nodeBoxes));
    };
    await expect.poll(still, POLL).toBe(true);
    const after = await page.evaluate(nodeBoxes);
    expect(after).not.toEqual(before);
    expect(frames).toBeGreaterThan(2);
    // Back from another tab, the flow is in the page before the next frame's callbacks run.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByTestId('flow').waitFor({ state: 'detached' });
    const drawnAtOnce = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          document.getElementById('tab-Flow')?.click();
          requestAnimationFrame(() =>
            resolve(document.querySelector('[data-testid="flow"] svg [data-id]') !== null),
          );
        }),
    );
    expect(drawnAtOnce).toBe(true);
    expect(await page.evaluate(nodeBoxes)).toEqual(after);
    await context.close();
  }, 240_000);
});
