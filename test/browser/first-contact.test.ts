// First contact, in real Chromium on the production build: the start screen and its one-click lesson 1, a
// returning visitor resuming, presenter mode on the free sandbox with stake-flow labels a projector can
// show, short share links, the lesson's instruction in view while acting, stale feedback gone, and History
// following the cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actPanel, LONG, move, openApp, POLL, serveProductionBuild, snapshot } from './app-helpers.ts';
import type { Site } from './harness.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, 180_000);

afterAll(async () => {
  await site?.close();
});

const idle = (page: Page) => page.waitForFunction(() => !window.sandbox!.app.busy, null, POLL);

/** Every stake-flow label line: its font size on screen (the SVG may be scaled) and its box. */
function flowLabels(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="flow"] svg');
    if (svg === null) return [];
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll<SVGTextElement>('text')].flatMap((t) => {
      const lines = t.querySelectorAll('tspan');
      return [...(lines.length > 0 ? lines : [t])].map((l) => {
        const r = l.getBoundingClientRect();
        const size = Number(l.getAttribute('font-size') ?? t.getAttribute('font-size') ?? NaN) * scale;
        return {
          text: l.textContent ?? '',
          size,
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
        };
      });
    });
  });
}

describe('a first visit', () => {
  it(
    'offers lesson 1, the free sandbox and presenting in the first viewport; lesson 1 is one click',
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1366, height: 768 },
      });
      const start = page.getByTestId('start-screen');
      await start.waitFor(POLL);
      for (const id of ['start-lesson-1', 'start-sandbox', 'start-present']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect((box?.y ?? Infinity) + (box?.height ?? 0), id).toBeLessThanOrEqual(768);
      }
      // Lessons lead the top bar, filled with the accent colour (the one primary control there).
      const lessons = page.getByTestId('lessons');
      expect(await lessons.getAttribute('class')).toContain('primary');

      await page.getByTestId('start-lesson-1').click();
      const lesson = page.getByTestId('lesson');
      await lesson.waitFor(POLL);
      expect(await lesson.getAttribute('data-step')).toBe('1');
      expect(await page.getByRole('heading', { name: /Staking and liquid staking tokens/ }).count()).toBe(1);
      expect(await start.count()).toBe(0);

      // A returning visitor resumes where they were: no start screen, the same lesson at the same step.
      await page.getByTestId('lesson-next').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="lesson"]')?.getAttribute('data-step') === '2',
      );
      await page.waitForTimeout(500);
      await page.reload();
      await lesson.waitFor(POLL);
      expect(await lesson.getAttribute('data-step')).toBe('2');
      expect(await start.count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG,
  );

  it(
    'keeps the lesson instruction in view while acting, and clears stale feedback',
    async () => {
      const { context, page } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1366, height: 768 },
      });
      await page.getByTestId('start-lesson-1').click();
      await page.getByTestId('lesson').waitFor(POLL);
      await page.getByTestId('lesson-next').click();
      await page.getByTestId('lesson-show').waitFor(POLL);
      // Filling the form: its send button scrolled into view, the step's prose must still be on screen.
      await actPanel(page)
        .getByRole('button', { name: /^(Send as |Perform)/ })
        .scrollIntoViewIfNeeded();
      const prose = await page.getByTestId('lesson-prose').boundingBox();
      expect(prose).not.toBeNull();
      expect(prose?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect(prose?.y ?? Infinity).toBeLessThan(768 / 2);

      // "Show me" stakes: the verdict shows on the step it leads to, and is gone after the next move.
      await page.getByTestId('lesson-show').click();
      await page.getByTestId('lesson-feedback').waitFor(POLL);
      expect(await page.getByTestId('lesson-feedback').textContent()).toMatch(/You now hold/);
      await page.getByTestId('lesson-next').click();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="lesson"]')?.getAttribute('data-state')?.startsWith('predict'),
      );
      expect(await page.getByTestId('lesson-feedback').count()).toBe(0);
      await context.close();
    },
    LONG,
  );
});

describe('presenter mode on the free sandbox', () => {
  it(
    'scales the page, steps with the clicker and draws every flow label at 18 px or more, none overlapping',
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1280, height: 720 },
      });
      await page.getByTestId('start-present').click();
      expect(await page.evaluate(() => 'presenter' in document.documentElement.dataset)).toBe(true);
      await page.getByTestId('presenter-strip').waitFor(POLL);
      await page.waitForTimeout(1000);
      const labels = await flowLabels(page);
      expect(labels.length).toBeGreaterThan(8);
      const smallest = Math.min(...labels.map((l) => l.size));
      const shortest = Math.min(...labels.map((l) => l.bottom - l.top));
      console.log(
        `presenter flow labels at 1280x720: ${labels.length} lines, font ≥ ${smallest.toFixed(1)} px, boxes ≥ ${shortest.toFixed(1)} px tall`,
      );
      expect(smallest).toBeGreaterThanOrEqual(18);
      expect(shortest).toBeGreaterThanOrEqual(18);
      // The whole diagram is on the projected screen without scrolling: the room would see half of it.
      const flow = await page.getByTestId('flow').locator('svg').first().boundingBox();
      expect(flow).not.toBeNull();
      expect((flow?.y ?? 0) + (flow?.height ?? 0)).toBeLessThanOrEqual(720);
      for (const [i, a] of labels.entries())
        for (const b of labels.slice(i + 1)) {
          const overlap =
            a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          expect(overlap, `"${a.text}" and "${b.text}"`).toBe(false);
        }

      // The clicker walks the history of the free sandbox: Page Up is an undo, Page Down a redo.
      await page.locator('body').press('PageUp');
      await idle(page);
      expect((await snapshot(page)).position).toBe('step 19 of 20');
      await page.locator('body').press('PageDown');
      await idle(page);
      expect((await snapshot(page)).position).toBe('step 20 of 20');
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG,
  );
});

describe('short share links', () => {
  it(
    'carries the playground and three steps in at most 300 characters, and opens to the same world',
    async () => {
      const a = await openApp(site.browser, site.url);
      for (const step of [
        { action: 'lst.stake', by: 'alice', amount: '5 ETH' },
        { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '5 ETH' },
        { action: 'operator.allocate', by: 'op2', avs: 'avs2', set: 0, strategy: 'stETH', magnitude: '70%' },
      ])
        expect(await a.page.evaluate((s) => window.sandbox!.app.act(s), step)).toBe(true);
      const shared = await snapshot(a.page);
      await a.page.getByTestId('share').click();
      const link = await a.page.getByTestId('share-link').inputValue();
      console.log(`share link, playground + 3 steps: ${link.length} characters: ${link}`);
      expect(link).toMatch(
        /#p=playground&s=stk,alice,5_ETH~dep,alice,stETH,5_ETH~al,op2,avs2,!0,stETH,70%25&at=23$/,
      );
      expect(link.length).toBeLessThanOrEqual(300);
      await a.context.close();

      const b = await openApp(site.browser, site.url, link);
      const opened = await snapshot(b.page);
      expect(opened.position).toBe('step 23 of 23');
      expect(opened.world).toEqual(shared.world);
      expect(b.errors).toEqual([]);
      await b.context.close();
    },
    LONG,
  );

  it(
    "names lesson 6 and carries only the walk-through's steps",
    async () => {
      const a = await openApp(site.browser, site.url);
      await a.page.getByTestId('start-lesson-1').waitFor(POLL);
      await a.page.getByTestId('lessons').click();
      await a.page.getByTestId('start-06-slashing').click();
      await a.page.getByTestId('lesson').waitFor(POLL);
      // The whole walk-through, as a presenter's clicker takes it.
      for (let i = 0; i < 60; i++) {
        const done = await a.page.evaluate(async () => {
          const run = window.sandbox!.lesson!;
          if (!run.done) await run.forward();
          return run.done;
        });
        if (done) break;
        await idle(a.page);
      }
      expect(await a.page.evaluate(() => window.sandbox!.lesson!.done)).toBe(true);
      await idle(a.page);
      const shared = await snapshot(a.page);
      await a.page.getByTestId('share').click();
      const link = await a.page.getByTestId('share-link').inputValue();
      console.log(`share link, lesson 6 walk-through: ${link.length} characters: ${link}`);
      expect(link).toMatch(/#l=06-slashing&s=[^&]+&at=\d+$/);
      expect(link.length).toBeLessThanOrEqual(600);
      await a.context.close();

      const b = await openApp(site.browser, site.url, link);
      expect((await snapshot(b.page)).world).toEqual(shared.world);
      await b.context.close();
    },
    LONG,
  );
});

describe('History follows the cursor', () => {
  it(
    'keeps the current step in the list in view after every move',
    async () => {
      const { context, page } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1366, height: 768 },
      });
      await page.getByTestId('start-sandbox').click();
      const inView = () =>
        page.evaluate(() => {
          const list = document.querySelector('[data-testid="steps"]')!;
          const item = list.querySelector('li.current')!.getBoundingClientRect();
          const box = list.getBoundingClientRect();
          return item.top >= box.top - 1 && item.bottom <= box.bottom + 1;
        });
      expect(await inView()).toBe(true);
      await page.evaluate(() => window.sandbox!.app.gotoPosition(0));
      await idle(page);
      expect(await inView()).toBe(true);
      await move(page, 'redo');
      await page.evaluate(() => window.sandbox!.app.gotoPosition(20));
      await idle(page);
      expect(await inView()).toBe(true);
      await context.close();
    },
    LONG,
  );

  it(
    'follows steps landing one after another, and a scroll by the person still draws the rows it shows',
    async () => {
      const { context, page } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1366, height: 768 },
      });
      await page.getByTestId('start-sandbox').click();
      const list = page.getByTestId('steps');
      const inView = () =>
        list.evaluate((el) => {
          const item = el.querySelector('li.current')?.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return item !== undefined && item.top >= box.top - 1 && item.bottom <= box.bottom + 1;
        });
      // Thirty steps in a row, each awaited as the benchmark does: the list scrolls itself to the last.
      await page.evaluate(async () => {
        for (let i = 0; i < 30; i++) await window.sandbox!.app.act({ action: 'chain.advance', blocks: 1 });
      });
      await idle(page);
      await expect.poll(inView).toBe(true);
      expect(await list.locator('li.current').textContent()).toMatch(/^\d+ · /);
      // The person scrolls to the top: the rows there are drawn (the list's own scrolls are told apart).
      await list.evaluate((el) => (el.scrollTop = 0));
      await expect.poll(() => list.locator('li.item').first().textContent()).toBe('0 · start');
      // And the next step brings the cursor back into view.
      await page.evaluate(() => window.sandbox!.app.act({ action: 'chain.advance', blocks: 1 }));
      await idle(page);
      await expect.poll(inView).toBe(true);
      await context.close();
    },
    LONG,
  );
});

/** Words split across lines inside table headers, and boxes wider than their panel (or the page). */
function layoutFaults(page: Page) {
  return page.evaluate(() => {
    const faults: string[] = [];
    for (const th of document.querySelectorAll('th')) {
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) faults.push(`header word "${m[0]}" split over ${lines.size} lines`);
        }
      }
    }
    const panels = ['header.bar', 'aside.left', 'section.center', 'aside.right', '[role="tabpanel"]'];
    for (const selector of panels) {
      const el = document.querySelector(selector);
      if (el !== null && el.scrollWidth > el.clientWidth + 1)
        faults.push(`${selector} holds something ${el.scrollWidth - el.clientWidth} px wider than itself`);
    }
    const page = document.documentElement;
    if (page.scrollWidth > window.innerWidth + 1)
      faults.push(`the page scrolls sideways by ${page.scrollWidth - window.innerWidth} px`);
    return faults;
  });
}

describe.each([
  { name: '1366x768', width: 1366, height: 768, presenter: false },
  { name: '1280x720 presenter', width: 1280, height: 720, presenter: true },
  { name: '768x1024', width: 768, height: 1024, presenter: false },
  { name: '1024x768', width: 1024, height: 768, presenter: false },
])('layout at $name', ({ width, height, presenter }) => {
  it(
    'splits no header word and lets nothing overflow its panel, in every view and palette',
    async () => {
      const { context, page } = await openApp(site.browser, site.url, site.url, {
        viewport: { width, height },
      });
      await page.getByTestId(presenter ? 'start-present' : 'start-sandbox').click();
      // Two branches (for Compare) and a slash (for the flow's caption and the longest amounts).
      await move(page, 'undo');
      const slash = {
        action: 'avs.slash',
        by: 'avs1',
        operator: 'op1',
        set: 0,
        strategies: ['stETH'],
        wads: ['20%'],
        as: 's1',
      };
      expect(await page.evaluate((s) => window.sandbox!.app.act(s), slash)).toBe(true);
      await page.getByRole('tab', { name: 'Analyzer' }).click();
      await page.getByTestId('analyze').click();
      await page.getByTestId('verdict').waitFor(POLL);
      const faults: string[] = [];
      for (const theme of ['light', 'dark', 'contrast']) {
        await page.getByTestId('theme').selectOption(theme);
        for (const tab of ['Flow', 'Charts', 'Inspector', 'Transactions', 'Compare', 'Analyzer']) {
          await page.getByRole('tab', { name: tab }).click();
          await page.waitForTimeout(400);
          faults.push(...(await layoutFaults(page)).map((f) => `${theme} ${tab}: ${f}`));
        }
      }
      expect(faults).toEqual([]);
      await context.close();
    },
    LONG,
  );
});
