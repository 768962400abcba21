// A teacher makes a lesson by demonstration and a learner plays it, in Chromium through the page itself:
// three steps acted in the free sandbox, recorded into the editor, a place to look at, a value quoted when
// the stake counts, a wrong action for `lesson check` to test the stake with, a prediction picked from the
// world, a check of the chain on the closing note held to the recording, the draft surviving a reload, a
// preview played as a learner sees it, the lesson file downloaded and its link opened in a fresh browser
// profile, and the lesson played to its end with one wrong action and one wrong prediction, each explained by
// the chain. A broken lesson link says what is wrong and leaves the sandbox alone.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Site } from './harness.ts';
import {
  LONG,
  POLL,
  choose,
  actPanel,
  openApp,
  send,
  serveProductionBuild,
  settled,
  snapshot,
} from './app-helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await serveProductionBuild();
}, LONG);
afterAll(async () => site?.close());

const VIEW = { viewport: { width: 1366, height: 900 } };
const STAKE = { action: 'lst.stake', by: 'bob', amount: '4 ETH' };
const DEPOSIT = { action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: '4 ETH' };
const DELEGATE = { action: 'staker.delegate', by: 'bob', operator: 'op2' };

const act = async (page: Page, step: object) => {
  const ok = await page.evaluate((s) => window.sandbox!.app.act(s as { action: string }), step);
  expect(ok).toBe(true);
};
const idle = (page: Page) => page.waitForFunction(() => !window.sandbox!.app.busy, null, { timeout: LONG });
const editor = (page: Page) => page.getByTestId('lesson-editor');
const cards = (page: Page) => editor(page).getByTestId('editor-step');
const lesson = (page: Page) => page.getByTestId('lesson');
const atStep = (page: Page, state: string) =>
  expect.poll(() => lesson(page).getAttribute('data-state'), POLL).toBe(state);
const feedback = (page: Page) => lesson(page).getByTestId('lesson-feedback');
const shot = (page: Page, name: string) => page.screenshot({ path: `test/.screenshots/editor-${name}.png` });

/** The teacher's part: three steps in the free sandbox, recorded, edited, previewed; returns the lesson link. */
async function teach(page: Page): Promise<string> {
  await page.getByTestId('start-sandbox').click();
  const before = (await snapshot(page)).pathLength;
  for (const step of [STAKE, DEPOSIT, DELEGATE]) await act(page, step);

  // Record the three steps (the history before them runs as the lesson's setup: here, the preset itself).
  const record = page.getByTestId('record');
  await record.locator('summary').click();
  await record.getByTestId('record-first').selectOption(String(before + 1));
  await record.getByTestId('record-last').selectOption(String(before + 3));
  await record.getByTestId('record-make').click();
  await expect.poll(() => cards(page).count(), POLL).toBe(5);
  expect(await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
    'read',
    'act',
    'act',
    'act',
    'debrief',
  ]);
  // The sandbox behind the editor is where the teacher left it.
  expect(await page.evaluate(() => window.sandbox!.app.position)).toBe(before + 3);

  await editor(page).getByTestId('lesson-title').fill('Bob restakes');
  await editor(page).getByTestId('lesson-author').fill('Ms Rivera');
  // It opens on the charts; the learner is who acts first (bob), as the default says.
  await editor(page).getByTestId('lesson-stage').selectOption('Charts');
  expect(await editor(page).getByTestId('lesson-learner').locator('option').first().textContent()).toBe(
    'bob (who acts first)',
  );
  // A length that is not whole minutes is refused beside the field, then corrected.
  await editor(page).getByTestId('lesson-minutes').fill('2.5');
  await expect
    .poll(() => editor(page).locator('.opening .error').textContent(), POLL)
    .toMatch(/^minutes: .*whole/);
  await editor(page).getByTestId('lesson-minutes').fill('12');
  await expect.poll(() => editor(page).locator('.opening .error').count(), POLL).toBe(0);
  // Prose is Markdown, previewed as the learner reads it; raw HTML is refused next to the step.
  const intro = cards(page).nth(0);
  await intro.getByTestId('step-prose').fill('Bob has **no stake** yet. <b>bold</b>');
  await expect.poll(() => intro.getByRole('alert').first().textContent(), POLL).toMatch(/raw HTML/);
  await expect.poll(() => page.getByTestId('editor-preview').isDisabled(), POLL).toBe(true);
  await intro.getByTestId('step-prose').fill('Bob has **no stake** yet.');
  await expect.poll(() => intro.locator('.rendered strong').textContent(), POLL).toBe('no stake');

  // The intro points the learner at bob's balances in the Inspector, with the teacher's words.
  await intro.getByTestId('look-place').selectOption('Inspector/balances/bob');
  await intro.getByTestId('look-add').click();
  await expect.poll(() => intro.getByTestId('look-label').inputValue(), POLL).toBe("bob's balances");
  await intro.getByTestId('look-label').fill("Bob's wallet");

  // The stake step quotes bob's stETH when it counts, previewed in the chain's numbers from the recording.
  const stake = cards(page).nth(1);
  await stake.getByTestId('add-quote').click();
  await stake.getByTestId('predict-filter').fill("bob's stETH balance");
  await stake.getByTestId('predict-value').selectOption('accounts.bob.stETH');
  await stake.getByTestId('predict-add').click();
  await expect
    .poll(() => stake.getByTestId('quote-said').textContent(), POLL)
    .toMatch(/On the recording: bob's stETH balance went from 0 to 4\b/);

  // A wrong action for `lesson check` to test the stake with: the recording offers half the amount, another
  // staker, and the deposit taken too early. Half the amount is picked, with the words the learner reads.
  const wrong = stake.getByTestId('step-wrong');
  const offered = async () => (await wrong.locator('label').allTextContents()).map((t) => t.trim());
  expect(await offered()).toEqual([
    'None',
    'Half the amount — bob: lst.stake (amount 2 ETH)',
    expect.stringMatching(/^Another staker — \w+: lst\.stake \(amount 4 ETH\)$/),
    'A later step, too early — bob: strategy.deposit (amount 4 ETH, strategy stETH)',
  ]);
  await wrong.getByLabel(/Half the amount/).check();
  await expect
    .poll(() => wrong.getByTestId('wrong-said').textContent(), POLL)
    .toMatch(
      /lands, the learner reads: “lst\.stake landed, but it is not this step\. Act as bob .*amount 4 ETH\.”/,
    );
  // "Same actor" would count a stake of any amount: the pick is named as a problem and the lesson cannot be
  // played; back to "Exactly this", it is wrong again.
  await stake.getByLabel(/Same actor/).check();
  await expect.poll(() => wrong.getByTestId('wrong-counts').isVisible(), POLL).toBe(true);
  await expect.poll(() => page.getByTestId('editor-preview').isDisabled(), POLL).toBe(true);
  await stake.getByLabel(/Exactly this/).check();
  await expect.poll(() => wrong.getByTestId('wrong-counts').count(), POLL).toBe(0);
  await expect.poll(() => page.getByTestId('editor-preview').isDisabled(), POLL).toBe(false);

  // A prediction before the deposit, about bob's deposit shares, picked from the world's values.
  const deposit = cards(page).nth(2);
  await deposit.getByTestId('add-prediction').click();
  await deposit.getByTestId('predict-filter').fill("bob's stETH deposit");
  await deposit.getByTestId('predict-value').selectOption('stakers.bob.strategies.stETH.depositShares');
  await deposit.getByTestId('predict-add').click();
  await expect.poll(() => cards(page).count(), POLL).toBe(6);
  const guess = cards(page).nth(2);
  expect(await guess.getAttribute('data-kind')).toBe('predict');
  // The editor reads the chain's numbers around the deposit: 0 before, 4 shares after.
  await expect
    .poll(() => guess.locator('.watch').textContent(), POLL)
    .toMatch(/0 shares before, 4 shares after.*more/s);
  await guess
    .getByTestId('step-why')
    .fill('Depositing 4 stETH gives bob 4 shares: one share per stETH here.');
  await expect.poll(() => page.getByTestId('editor-preview').isDisabled(), POLL).toBe(false);

  // The closing note checks a value, and the editor holds it to the recording as it is written.
  const debrief = cards(page).nth(5);
  expect(await debrief.getAttribute('data-kind')).toBe('debrief');
  await debrief.getByTestId('add-expectation').click();
  await debrief.getByTestId('predict-filter').fill("bob's stETH deposit");
  await debrief.getByTestId('predict-value').selectOption('stakers.bob.strategies.stETH.depositShares');
  await debrief.getByTestId('predict-add').click();
  const check = debrief.getByTestId('expectation');
  // Delegating moved no deposit shares, so what holds after it is that bob has some: 4 from his deposit.
  await expect.poll(() => check.getByTestId('expectation-is').inputValue(), POLL).toBe('positive');
  await expect
    .poll(() => check.locator('.status').textContent(), POLL)
    .toMatch(/Holds on the recording: 4 shares/);
  // A rule the recording breaks says why in the chain's numbers, and the lesson cannot be played.
  await check.getByTestId('expectation-is').selectOption('zero');
  await expect
    .poll(() => check.locator('.status').textContent(), POLL)
    .toMatch(/Does not hold.*to be 0; it is 4/s);
  await expect.poll(() => page.getByTestId('editor-preview').isDisabled(), POLL).toBe(true);
  // "Grew since" the latest act step (the delegation) fails too; since the deposit, it holds.
  await check.getByTestId('expectation-is').selectOption('more');
  await expect.poll(() => check.locator('.status').textContent(), POLL).toMatch(/stayed at 4/);
  await check.getByTestId('expectation-since').selectOption({ index: 1 });
  await expect.poll(() => check.locator('.status').textContent(), POLL).toMatch(/Holds on the recording/);
  await expect.poll(() => page.getByTestId('editor-preview').isDisabled(), POLL).toBe(false);
  await shot(page, 'editor');

  // A reload keeps the draft, and the editor is open again on it.
  await page.reload();
  await settled(page);
  await expect.poll(() => editor(page).getByTestId('lesson-title').inputValue(), POLL).toBe('Bob restakes');
  expect(await cards(page).count()).toBe(6);
  expect(await cards(page).nth(5).getByTestId('expectation-is').inputValue()).toBe('more');

  // Preview: the lesson as a learner sees it, on its own sandbox; then back to the editor, draft intact.
  await page.getByTestId('editor-preview').click();
  await atStep(page, 'intro');
  expect(await lesson(page).getByTestId('custom-mark').isVisible()).toBe(true);
  expect(await page.evaluate(() => window.sandbox!.app.session!.source)).toMatch(/^lesson:/);
  await page.getByTestId('preview-end').click();
  await expect.poll(() => editor(page).isVisible(), POLL).toBe(true);
  await idle(page);
  expect(await page.evaluate(() => window.sandbox!.app.session!.source)).not.toMatch(/^lesson:/);
  expect(await cards(page).count()).toBe(6);

  // Share: the file, which carries the wrong try as picked; the link, its length, its QR code.
  await page.getByTestId('editor-share').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('lesson-download').click(),
  ]);
  const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    steps: { kind: string; tryWrong?: unknown }[];
  };
  expect(saved.steps.filter((s) => s.kind === 'act').map((s) => s.tryWrong)).toEqual([
    { ...STAKE, amount: '2 ETH' },
    undefined,
    undefined,
  ]);
  const field = page.getByTestId('lesson-file-link');
  await expect.poll(() => field.inputValue(), POLL).toMatch(/#lf=/);
  const link = await field.inputValue();
  expect(await page.getByTestId('lesson-file-share').textContent()).toContain(
    `Link (${link.length} characters)`,
  );
  expect(await page.getByRole('img', { name: 'QR code of the lesson link' }).count()).toBe(1);
  return link;
}

/** The learner's part, in a fresh profile: the offer, then the lesson to its end. */
async function learn(page: Page): Promise<void> {
  const offer = page.getByTestId('lesson-offer');
  await expect.poll(() => offer.getByTestId('offer-title').textContent(), POLL).toBe('Bob restakes');
  expect(await offer.getByTestId('custom-mark').textContent()).toBe('Not a built-in lesson');
  expect(await offer.textContent()).toContain('By Ms Rivera');
  // Nothing ran yet: the sandbox is the default one.
  expect(await page.evaluate(() => window.sandbox!.app.session!.source)).not.toMatch(/^lesson:/);
  await offer.getByTestId('offer-play').click();
  await atStep(page, 'intro');
  expect(await lesson(page).getByTestId('custom-mark').isVisible()).toBe(true);
  await shot(page, 'played');
  // The lesson opens on the stage tab its file names.
  await expect
    .poll(() => page.getByRole('tab', { name: 'Charts' }).getAttribute('aria-selected'), POLL)
    .toBe('true');
  // The intro's link opens bob's balances in the Inspector.
  const look = lesson(page).getByTestId('lesson-look');
  await expect.poll(() => look.textContent(), POLL).toMatch(/Look at Bob's wallet/);
  await look.click();
  await expect
    .poll(() => page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected'), POLL)
    .toBe('true');
  const wallet = page.locator('[data-section="balances"] [data-card="bob"]');
  await expect.poll(() => wallet.evaluate((d) => (d as HTMLDetailsElement).open), POLL).toBe(true);
  await lesson(page).getByTestId('lesson-next').click();
  await atStep(page, 'step1');

  // A wrong action: the right kind and actor, the wrong amount. The rule is "exact", so it does not count.
  await choose(page, 'bob', 'lst.stake');
  await actPanel(page)
    .getByLabel(/ETH to stake/)
    .fill('5');
  await send(page, 'landed');
  await expect.poll(() => feedback(page).textContent(), POLL).toMatch(/\S/);
  expect(await feedback(page).getAttribute('class')).toContain('wrong');
  await atStep(page, 'step1');
  // Undo it, then the right one.
  await page.getByTestId('undo').click();
  await idle(page);
  await choose(page, 'bob', 'lst.stake');
  await actPanel(page)
    .getByLabel(/ETH to stake/)
    .fill('4');
  await send(page, 'landed');
  await atStep(page, 'guess1');
  // What the teacher chose to quote, in the chain's numbers of the learner's own stake.
  await expect
    .poll(() => feedback(page).textContent(), POLL)
    .toMatch(/Bob's stETH balance went from 0 to 4\b/);

  // A wrong prediction: "fewer". The deposit judges it: the chain says more, with its numbers and the
  // teacher's why.
  await lesson(page).getByTestId('choice-fewer').click();
  await atStep(page, 'step2');
  await act(page, DEPOSIT);
  await atStep(page, 'step3');
  await expect.poll(() => feedback(page).textContent(), POLL).toMatch(/but the chain says otherwise/);
  const judged = (await feedback(page).textContent()) ?? '';
  // The chain's numbers (0 before, 4 after: one share per stETH deposited, an independent fact of the setup).
  expect(judged).toMatch(/from 0 to 4\b/);
  expect(judged).toContain('one share per stETH');
  expect(await feedback(page).getAttribute('class')).toContain('wrong');
  await shot(page, 'prediction');
  await lesson(page).getByTestId('lesson-show').click();
  await atStep(page, 'end');
  expect(await page.evaluate(() => window.sandbox!.lesson?.done)).toBe(true);
}

describe('a lesson made by demonstration', () => {
  it(
    'is recorded, edited, previewed, shared by link and played in a fresh profile',
    async () => {
      const teacher = await openApp(site.browser, site.url, site.url, VIEW);
      const link = await teach(teacher.page);
      expect(teacher.errors).toEqual([]);
      await teacher.context.close();

      const learner = await openApp(site.browser, site.url, link, VIEW);
      await learn(learner.page);
      // A reload resumes the lesson where the learner is (the lesson file is kept in the profile).
      await learner.page.reload();
      await settled(learner.page);
      await atStep(learner.page, 'end');
      expect(await lesson(learner.page).getByTestId('custom-mark').isVisible()).toBe(true);
      expect(learner.errors).toEqual([]);
      expect(learner.external).toEqual([]);
      await learner.context.close();
    },
    LONG * 4,
  );

  it(
    'refuses a broken lesson link with a path-named message and leaves the sandbox as it was',
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url, site.url, VIEW);
      await page.getByTestId('start-sandbox').click();
      await act(page, STAKE);
      const before = await snapshot(page);
      // Pasted into the open page: a link whose data is not a compressed lesson.
      await page.evaluate(() => (location.hash = '#lf=bm90IGEgbGVzc29u'));
      await expect.poll(() => page.getByTestId('problem-message').textContent(), POLL).toMatch(/\(link\)/);
      await idle(page);
      expect(await snapshot(page)).toEqual(before);
      expect(await page.getByTestId('lesson-offer').count()).toBe(0);
      // A lesson file imported through File → Import… is read as a lesson, and a broken one is refused
      // with the path of what is wrong.
      await page.getByTestId('import-file').setInputFiles({
        name: 'broken.lesson.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            format: 'restaking-sandbox/lesson@1',
            title: 'Broken',
            start: { preset: 'playground' },
            steps: [
              {
                id: 'a',
                kind: 'act',
                title: 'Stake',
                prose: '',
                action: { action: 'lst.stake', by: 'alcie', amount: '4 ETH' },
              },
            ],
          }),
        ),
      });
      await expect
        .poll(() => page.getByTestId('problem-message').textContent(), POLL)
        .toMatch(/broken\.lesson\.json.*steps\[0\]/s);
      await idle(page);
      expect(await snapshot(page)).toEqual(before);
      expect(await page.getByTestId('lesson-offer').count()).toBe(0);
      // Opened as the page's address in a fresh profile: the message, and the ordinary first sandbox.
      const fresh = await openApp(site.browser, site.url, `${site.url}#lf=%%%`, VIEW);
      await expect
        .poll(() => fresh.page.getByTestId('problem-message').textContent(), POLL)
        .toMatch(/\(link\)/);
      expect(await fresh.page.evaluate(() => window.sandbox!.app.session!.source)).toMatch(/^preset:/);
      expect(await fresh.page.getByTestId('lesson-offer').count()).toBe(0);
      expect(errors).toEqual([]);
      expect(fresh.errors).toEqual([]);
      await fresh.context.close();
      await context.close();
    },
    LONG * 2,
  );
});
