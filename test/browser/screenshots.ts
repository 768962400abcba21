// Screenshots of every view at the sizes people use, in the three palettes, for a person to look at:
// `npx tsx test/browser/screenshots.ts [filter]` (a size-theme prefix, `view:<tab>`, or `view:editor` for
// the lesson editor and a custom lesson only) writes test/.screenshots/<size>-<theme>-<view>.png (git-ignored).
// Not a test: what it checks is what a designer sees. first-contact.test.ts checks what a script can.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveBuild } from './harness.ts';
import { settled, slashViaForm } from './app-helpers.ts';

const OUT = 'test/.screenshots';
const SIZES = [
  { name: '1366x768', width: 1366, height: 768, presenter: false },
  { name: '1280x720-presenter', width: 1280, height: 720, presenter: true },
  { name: '768x1024', width: 768, height: 1024, presenter: false },
  { name: '1024x768', width: 1024, height: 768, presenter: false },
];
const THEMES = ['light', 'dark', 'contrast'];
const TABS = ['Flow', 'Charts', 'Inspector', 'Transactions', 'Compare', 'Analyzer'];
const filter = process.argv[2] ?? '';

async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  if (name === 'Analyzer') {
    const run = page.getByRole('button', { name: /analy[sz]e/i }).first();
    if (await run.isVisible()) await run.click();
  }
  if (name === 'Compare') {
    const compare = page.getByRole('button', { name: /^Compare/ }).first();
    if (await compare.isVisible().catch(() => false)) await compare.click();
  }
  await page.waitForTimeout(1200);
}

/**
 * The lesson editor on three steps acted in the free sandbox (with a prediction and the closing note's
 * checks of the chain), then its preview: the
 * custom lesson as a learner plays it.
 */
async function editorShots(page: Page, prefix: string) {
  const before = await page.evaluate(() => window.sandbox!.app.path.length);
  for (const step of [
    { action: 'lst.stake', by: 'bob', amount: '4 ETH' },
    { action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: '4 ETH' },
    { action: 'staker.delegate', by: 'bob', operator: 'op2' },
  ])
    await page.evaluate((s) => window.sandbox!.app.act(s), step);
  const record = page.getByTestId('record');
  await record.locator('summary').click();
  await record.getByTestId('record-first').selectOption(String(before + 1));
  await record.getByTestId('record-make').click();
  await page.waitForSelector('[data-testid="lesson-editor"]');
  const deposit = page.getByTestId('editor-step').nth(2);
  await deposit.getByTestId('add-prediction').click();
  await deposit.getByTestId('predict-value').selectOption('stakers.bob.strategies.stETH.depositShares');
  await deposit.getByTestId('predict-add').click();
  await page.getByTestId('editor-step').nth(2).getByTestId('answer-value').check();
  // The stake quotes bob's stETH when it counts.
  const stake = page.getByTestId('editor-step').nth(1);
  await stake.getByTestId('add-quote').click();
  await stake.getByTestId('predict-value').selectOption('accounts.bob.stETH');
  await stake.getByTestId('predict-add').click();
  await stake.getByTestId('quote-said').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/${prefix}-editor-quote.png` });
  // And is tested with half the amount, a wrong action `lesson check` tries.
  await stake
    .getByTestId('step-wrong')
    .getByLabel(/Half the amount/)
    .check();
  await stake.getByTestId('wrong-said').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/${prefix}-editor-wrong.png` });
  // The intro points at bob's balances.
  const intro = page.getByTestId('editor-step').first();
  await intro.getByTestId('look-place').selectOption('Inspector/balances/bob');
  await intro.getByTestId('look-add').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${prefix}-editor.png` });
  await intro.getByTestId('look-label').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/${prefix}-editor-look.png` });
  await page.getByTestId('editor-step').nth(2).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/${prefix}-editor-prediction.png` });
  // The closing note's checks: one the recording holds, one it breaks (then set back, so the lesson plays).
  const debrief = page.getByTestId('editor-step').last();
  for (const value of ['stakers.bob.strategies.stETH.depositShares', 'operators.op2.shares.stETH']) {
    await debrief.getByTestId('add-expectation').click();
    await debrief.getByTestId('predict-value').selectOption(value);
    await debrief.getByTestId('predict-add').click();
  }
  const first = debrief.getByTestId('expectation').first().getByTestId('expectation-is');
  await first.selectOption('zero');
  await debrief.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${prefix}-editor-checks.png` });
  await first.selectOption('positive');
  await page.waitForFunction(
    () => !document.querySelector<HTMLButtonElement>('[data-testid="editor-share"]')?.disabled,
  );
  await page.getByTestId('editor-share').click();
  await page.waitForSelector('[data-testid="lesson-file-link"]');
  await page.getByTestId('lesson-file-share').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/${prefix}-editor-share.png` });
  await page.getByTestId('editor-preview').click();
  await page.waitForSelector('[data-testid="lesson"]');
  await page.waitForFunction(() => !window.sandbox!.app.busy);
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('lesson-forward').click();
    await page.waitForTimeout(600);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/${prefix}-custom-lesson.png` });
}

const site = await serveBuild();
mkdirSync(OUT, { recursive: true });
try {
  for (const size of SIZES) {
    for (const theme of THEMES) {
      const prefix = `${size.name}-${theme}`;
      if (!prefix.includes(filter) && filter !== '' && !filter.startsWith('view:')) continue;
      // The editor's shots: a laptop and a tablet, in every theme.
      if (filter === 'view:editor' && !['1366x768', '768x1024'].includes(size.name)) continue;
      const context = await site.browser.newContext({ viewport: size });
      await context.addInitScript((t) => localStorage.setItem('restaking-sandbox/theme', t), theme);
      const page = await context.newPage();
      await page.goto(site.url);
      await settled(page);
      await page.waitForSelector('[data-testid="start-screen"]');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${OUT}/${prefix}-start.png` });
      await page.getByTestId('start-sandbox').click();
      if (filter === 'view:editor') {
        await editorShots(page, prefix);
        await context.close();
        console.log('shot', prefix);
        continue;
      }
      if (size.presenter) await page.getByTestId('present').click();
      // A branch to compare, and a slash for the flow's attribution.
      await page.getByTestId('undo').click();
      await page.waitForFunction(() => !window.sandbox!.app.busy);
      await slashViaForm(page, 'avs1', 'op1', '20%');
      for (const t of TABS) {
        if (filter.startsWith('view:') && !t.includes(filter.slice(5))) continue;
        await tab(page, t);
        await page.screenshot({ path: `${OUT}/${prefix}-${t.toLowerCase()}.png` });
      }
      await tab(page, 'Flow');
      await page.getByTestId('lessons').click();
      await page.getByTestId('start-06-slashing').click();
      await page.waitForSelector('[data-testid="lesson"]');
      await page.waitForFunction(() => !window.sandbox!.app.busy);
      for (let i = 0; i < 4; i++) {
        const fwd = page.getByTestId('lesson-forward');
        if (await fwd.isDisabled()) break;
        await fwd.click();
        await page.waitForTimeout(600);
      }
      await page.screenshot({ path: `${OUT}/${prefix}-lesson.png` });
      await page.screenshot({ path: `${OUT}/${prefix}-lesson-full.png`, fullPage: true });
      await context.close();
      console.log('shot', prefix);
    }
  }
} finally {
  await site.close();
}
