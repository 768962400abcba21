// A lesson step that points somewhere takes the learner there: in lesson 01, "Look at Alice's stETH" opens
// the Inspector, unfolds Alice's balances (an actor without stake is folded away by default) and brings her
// stETH balance into view, highlighted. Lesson 04's reward steps are walked in the page too, up to Alice's
// claim, whose feedback quotes the ETH the chain paid her.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Site } from './harness.ts';
import { LONG, POLL, openApp, serveProductionBuild, worldOf } from './app-helpers.ts';

let site: Site;
beforeAll(async () => {
  site = await serveProductionBuild();
}, LONG);
afterAll(async () => site?.close());

const lesson = (page: Page) => page.getByTestId('lesson');
const stateOf = (page: Page) => lesson(page).getAttribute('data-state');
const shot = (page: Page, name: string) => page.screenshot({ path: `test/.screenshots/look-${name}.png` });

/** Moves the lesson on until it reaches `target`: Next, the first choice, or "Show me", whichever is offered. */
async function walkTo(page: Page, target: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const at = await stateOf(page);
    if (at === target) return;
    const next = lesson(page).getByTestId('lesson-next');
    const show = lesson(page).getByTestId('lesson-show');
    const choice = lesson(page).locator('[data-testid^="choice-"]').first();
    if (await next.isVisible()) await next.click();
    else if (await choice.isVisible()) await choice.click();
    else await show.click();
    await expect.poll(() => stateOf(page), POLL).not.toBe(at);
  }
  throw new Error(`the lesson never reached ${target}`);
}

async function start(page: Page, id: string): Promise<void> {
  await page.getByTestId('lessons').click();
  await page.getByTestId(`start-${id}`).click();
  await expect.poll(() => stateOf(page), POLL).toBe('intro');
}

describe('"Look at" controls in the browser', () => {
  it(
    "lesson 06: Look at op1 in the stake flow opens the Flow and rings op1's node, in view",
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1366, height: 768 },
      });
      await start(page, '06-slashing');
      await walkTo(page, 'everyone');
      await page.getByRole('tab', { name: 'Inspector' }).click();
      const look = lesson(page).getByTestId('lesson-look');
      await expect.poll(() => look.textContent(), POLL).toMatch(/Look at op1 in the stake flow/);
      await look.click();
      await expect
        .poll(() => page.getByRole('tab', { name: 'Flow' }).getAttribute('aria-selected'), POLL)
        .toBe('true');
      const node = page.locator('[data-testid="flow"] [data-id="operator:op1"]');
      await expect.poll(() => node.evaluate((el) => el.classList.contains('looked-at')), POLL).toBe(true);
      await expect
        .poll(
          () =>
            node.evaluate((el) => {
              const r = el.getBoundingClientRect();
              return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
            }),
          POLL,
        )
        .toBe(true);
      // The ring is drawn: the node's bar has the accent stroke while it is looked at.
      expect(await node.locator('rect').evaluate((r) => getComputedStyle(r).strokeWidth)).toBe('4px');
      await shot(page, 'lesson06-op1-flow');
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG * 2,
  );

  it(
    "lesson 01: Look at Alice's stETH opens her balances in the Inspector, in view and highlighted",
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1366, height: 768 },
      });
      await start(page, '01-staking-and-lsts');
      await walkTo(page, 'shares');
      // Away from the Inspector first, so the control has to bring it back.
      await page.getByRole('tab', { name: 'Flow' }).click();
      const look = lesson(page).getByTestId('lesson-look');
      await expect.poll(() => look.textContent(), POLL).toMatch(/Look at Alice's stETH/);
      await look.click();

      await expect
        .poll(() => page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected'), POLL)
        .toBe('true');
      const card = page.locator('[data-section="balances"] [data-card="alice"]');
      await expect.poll(() => card.evaluate((d) => (d as HTMLDetailsElement).open), POLL).toBe(true);
      const row = card.locator('[data-term="stETH"]');
      await expect.poll(() => row.textContent(), POLL).toMatch(/4 stETH/);
      await expect.poll(() => row.evaluate((el) => el.classList.contains('looked-at')), POLL).toBe(true);
      // In view: the whole row inside the window once the scroll has settled.
      await expect
        .poll(
          () =>
            row.evaluate((el) => {
              const r = el.getBoundingClientRect();
              return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
            }),
          POLL,
        )
        .toBe(true);
      await shot(page, 'lesson01-alice-stETH');
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG * 2,
  );

  it(
    "lesson 04: the reward steps run in the page, and Alice's claim is quoted from the chain",
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url, site.url, {
        viewport: { width: 1366, height: 768 },
      });
      await start(page, '04-operators-and-services');
      await walkTo(page, 'mature');
      await expect
        .poll(() => lesson(page).getByTestId('lesson-feedback').textContent(), POLL)
        .toMatch(/op1 0\.2 ETH, its split, and Alice 1\.8 ETH/);
      await shot(page, 'lesson04-paid');
      await walkTo(page, 'claim');
      await lesson(page).getByTestId('lesson-look').click();
      const row = page.locator(
        '[data-section="balances"] [data-card="alice"] [data-term="rewardsClaimable"]',
      );
      await expect.poll(() => row.textContent(), POLL).toMatch(/1\.8 ETH/);
      await shot(page, 'lesson04-claimable');
      const before = BigInt((await worldOf(page)).accounts['alice']!.eth);
      const claimable = BigInt((await worldOf(page)).accounts['alice']!.rewardsClaimable);
      expect(claimable).toBeGreaterThan(0n);
      await lesson(page).getByTestId('lesson-show').click();
      await expect.poll(() => stateOf(page), POLL).toBe('debrief');
      const after = BigInt((await worldOf(page)).accounts['alice']!.eth);
      expect(after - before).toBe(claimable);
      // Walking with the first choice everywhere: avsB got a 70% allocation, so Alice was credited 1.8 ETH.
      expect(claimable).toBe(18n * 10n ** 17n);
      await expect
        .poll(() => lesson(page).getByTestId('lesson-feedback').textContent(), POLL)
        .toMatch(/the 1\.8 ETH the coordinator credited her/);
      await lesson(page)
        .getByTestId('lesson-feedback')
        .screenshot({ path: 'test/.screenshots/look-lesson04-claimed.png' });
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG * 3,
  );
});
