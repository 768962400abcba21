// A learner takes lesson 01 in Chromium through the page itself: the lesson list, a wrong action explained,
// both hints, a prediction judged by the chain, a reload in the middle that resumes at the same step on
// the same chain, and a presenter stepping with the clicker's keys (forward performs, back restores).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Site } from './harness.ts';
import {
  LONG,
  POLL,
  actPanel,
  choose,
  openApp,
  send,
  serveProductionBuild,
  settled,
  worldOf,
} from './app-helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await serveProductionBuild();
}, LONG);
afterAll(async () => site?.close());

const lesson = (page: Page) => page.getByTestId('lesson');
const atStep = (page: Page, state: string) =>
  expect.poll(() => lesson(page).getAttribute('data-state'), POLL).toBe(state);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test/.screenshots/lesson-${name}.png`, fullPage: true });

async function fill(page: Page, label: RegExp, value: string) {
  await actPanel(page).getByLabel(label).fill(value);
}

describe('lesson 01 in the browser', () => {
  it(
    'is completed as a learner would, survives a reload, and steps by presenter keys',
    async () => {
      const { context, page, errors, external } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1400, height: 1000 },
      });

      await page.getByTestId('lessons').click();
      await page.getByTestId('start-01-staking-and-lsts').click();
      await atStep(page, 'intro');
      await shot(page, 'intro');
      expect(await page.evaluate(() => window.sandbox!.app.session!.source)).toMatch(
        /^lesson:01-staking-and-lsts#/,
      );
      await page.getByTestId('lesson-next').click();
      await atStep(page, 'stake');

      // A wrong action: wrapping before holding any stETH. The chain refuses it and the lesson says why.
      await choose(page, 'alice', 'lst.wrap');
      await fill(page, /stETH to wrap/, '1');
      await send(page, 'refused');
      await expect
        .poll(() => lesson(page).getByTestId('lesson-feedback').textContent(), POLL)
        .toMatch(/refused lst\.wrap/);
      await atStep(page, 'stake');

      // The hints: a nudge, then the exact action.
      await page.getByTestId('lesson-hint').click();
      await expect
        .poll(() => page.getByTestId('lesson-hint-1').textContent(), POLL)
        .toMatch(/liquid staking/);
      await page.getByTestId('lesson-hint').click();
      await expect
        .poll(() => page.getByTestId('lesson-hint-2').textContent(), POLL)
        .toMatch(/alice: lst\.stake/);
      await shot(page, 'hints');

      // The right action, through the ordinary form.
      await choose(page, 'alice', 'lst.stake');
      await fill(page, /ETH to stake/, '4');
      await send(page, 'landed');
      await atStep(page, 'shares');
      expect((await worldOf(page)).accounts['alice']?.stETH).toBe(4n * 10n ** 18n + '');
      // Undo in History takes the lesson back with the chain; redo brings both forward.
      await page.getByRole('button', { name: 'Undo' }).click();
      await atStep(page, 'stake');
      await page.getByRole('button', { name: 'Redo' }).click();
      await atStep(page, 'shares');

      // The prediction, asked before the report.
      await page.getByTestId('lesson-next').click();
      await atStep(page, 'predictRebase');
      await page.getByTestId('choice-same').click();
      await atStep(page, 'report');

      // Reload in the middle: the same step, the same chain, the same answer.
      const before = await worldOf(page);
      // Saving takes a moment (a worker call, then IndexedDB): a reload in the same instant would lose it.
      await page.evaluate(() => window.sandbox?.lesson?.flush());
      await page.reload();
      await settled(page);
      await atStep(page, 'report');
      expect(await worldOf(page)).toEqual(before);
      expect(await lesson(page).getAttribute('data-step')).toBe('5');

      // Presenter mode: Page Down performs the step ("show me"), and the chain judges the prediction.
      await page.getByTestId('presenter').click();
      expect(await page.evaluate(() => 'presenter' in document.documentElement.dataset)).toBe(true);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('PageDown');
      await atStep(page, 'fee');
      await expect
        .poll(() => lesson(page).getByTestId('lesson-feedback').textContent(), POLL)
        .toMatch(/You predicted it/);
      const afterReport = await worldOf(page);
      expect(BigInt(afterReport.lst.totalPooledEther)).toBeGreaterThan(BigInt(before.lst.totalPooledEther));
      await shot(page, 'presenter');

      // Page Up goes back a step with its chain; Page Down brings the later step back as it was.
      await page.keyboard.press('PageUp');
      await atStep(page, 'report');
      await expect
        .poll(async () => (await worldOf(page)).lst.totalPooledEther, POLL)
        .toBe(before.lst.totalPooledEther);
      await page.keyboard.press('PageDown');
      await atStep(page, 'fee');
      expect(await worldOf(page)).toEqual(afterReport);

      // On to the end with the keys alone.
      for (const state of ['wrap', 'wrapped', 'debrief']) {
        await page.keyboard.press('PageDown');
        await atStep(page, state);
      }
      const end = await worldOf(page);
      expect(BigInt(end.accounts['alice']?.wstETH ?? '0')).toBeGreaterThan(0n);
      await shot(page, 'debrief');
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await context.close();
    },
    LONG * 2,
  );

  it(
    "opens a presenter's step link on a student's machine at the same step",
    async () => {
      const teacher = await openApp(site.browser, site.url);
      await teacher.page.getByTestId('lessons').click();
      await teacher.page.getByTestId('start-01-staking-and-lsts').click();
      for (const state of ['stake', 'shares', 'predictRebase', 'report']) {
        await teacher.page.getByTestId('lesson-forward').click();
        await atStep(teacher.page, state);
      }
      await teacher.page.getByText('Lesson options').click();
      const link = await teacher.page.getByTestId('lesson-link').inputValue();
      expect(link).toMatch(/#lesson=01-staking-and-lsts&step=5$/);
      await expect
        .poll(
          () => teacher.page.getByRole('img', { name: 'QR code of the link to this lesson step' }).count(),
          POLL,
        )
        .toBe(1);
      await teacher.context.close();

      // A fresh browser: the lesson's own walk-through brings the chain to step 5.
      const student = await openApp(site.browser, site.url, link);
      await atStep(student.page, 'report');
      expect(await lesson(student.page).getAttribute('data-step')).toBe('5');
      expect((await worldOf(student.page)).accounts['alice']?.stETH).toBe(4n * 10n ** 18n + '');
      // A broken lesson link is refused with its reason, and the sandbox stays usable.
      await student.page.goto(`${site.url}#lesson=99-nothing&step=2`);
      await settled(student.page);
      await expect
        .poll(() => student.page.getByRole('alert').first().textContent(), POLL)
        .toMatch(/99-nothing/);
      expect(student.errors).toEqual([]);
      await student.context.close();
    },
    LONG * 2,
  );

  it(
    "judges lesson 05's steps with the analyzer in the page's worker",
    async () => {
      // Step 5 of lesson 05: its walk-through asks the analyzer twice on the way (one service, then eleven).
      const { context, page, errors } = await openApp(
        site.browser,
        site.url,
        `${site.url}#lesson=05-pooled-security&step=5`,
      );
      await atStep(page, 'analyzeSets');
      // The whitepaper's example: two of the four operators (2 ETH each) corrupt all eleven 2 ETH services,
      // gaining 22 ETH for 4 ETH slashed: a net gain of 18.
      await expect
        .poll(() => lesson(page).getByTestId('lesson-feedback').textContent(), POLL)
        .toMatch(/Not secure: .*all 11 services.*net gain of 18 ETH/);
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG * 2,
  );
});
