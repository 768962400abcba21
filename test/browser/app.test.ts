// The sandbox app in Chromium, driven through its forms: a slash lands exactly as the same step does headless
// in Node, a rejected action changes nothing, undo/redo and branches move between the right worlds, and a
// reload keeps all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import {
  LONG,
  POLL,
  choose,
  move,
  openApp,
  playgroundWorld,
  send,
  settled,
  slashViaForm,
  snapshot,
  worldOf,
  serveProductionBuild,
} from './app-helpers.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, 180_000);

afterAll(async () => {
  await site?.close();
});

/** avs1 slashes 20% of op1's stETH magnitude in its set 0, the step the forms below produce. */
const SLASH = {
  action: 'avs.slash',
  by: 'avs1',
  operator: 'op1',
  set: 0,
  strategies: ['stETH'],
  wads: ['20%'],
};

describe('the sandbox app', () => {
  it('loads, slashes through the forms, and shows the world Node computes for the same step', async () => {
    const { context, page, errors, external } = await openApp(site.browser, site.url);
    // The playground preset has 20 steps and opens at its end.
    await expect.poll(() => page.getByTestId('position').textContent(), POLL).toBe('step 20 of 20');

    await slashViaForm(page, 'avs1', 'op1', '20%');
    const recorded = await page.evaluate(() => {
      const s = window.sandbox!.app.session!;
      return s.nodes[s.cursor.node ?? -1]?.step;
    });
    // The form names the first slash "s1" unless told otherwise.
    expect(recorded).toEqual({ ...SLASH, as: 's1' });
    expect(await page.getByTestId('position').textContent()).toBe('step 21 of 21');
    await expect
      .poll(() => page.getByTestId('flow').locator('figcaption').textContent(), POLL)
      .toContain('slashed op1');

    const node = await playgroundWorld([SLASH]);
    expect(await worldOf(page)).toEqual(node);
    // Worked by hand: op1 loses 20% of the 50% it allocated to avs1/0, so its max magnitude is 90%, and every
    // share delegated to it is worth 0.9: alice's 40 become 36, and the vault's 30 ETH of value become 27.
    expect(node.stakers['alice']?.strategies['stETH']?.withdrawableShares).toBe('36000000000000000000');
    expect(node.operators['op1']?.maxMagnitude['stETH']).toBe('900000000000000000');
    expect(node.vaults['lrt']?.rate).toBe('900000000000000000');

    await page.getByRole('tab', { name: 'Inspector' }).click();
    const card = (section: string, id: string) =>
      page.locator(`[data-section="${section}"] [data-card="${id}"] > summary`);
    await expect
      .poll(() => card('restakers', 'alice').textContent(), POLL)
      .toContain('stETH: 36 shares withdrawable of 40 shares deposited');
    expect(await card('operators', 'op1').textContent()).toContain('stETH max magnitude 90%');
    await page.locator('[data-section="vaults"] > summary').click();
    expect(await card('vaults', 'lrt').textContent()).toContain('0.9 ETH per token');

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  }, 120_000);

  it('refuses an action the contracts reject, says why in plain words, and changes nothing', async () => {
    const { context, page, errors } = await openApp(site.browser, site.url);
    const before = await snapshot(page);
    // op1 has 50% with avs1 and 25% with avs2: raising avs2's to 75% would need 125% of its stake.
    const panel = await choose(page, 'op1', 'operator.allocate');
    await panel.getByLabel('AVS', { exact: true }).selectOption('avs2');
    await panel.getByLabel('Operator set', { exact: true }).selectOption('0');
    await panel.getByLabel('Strategy', { exact: true }).selectOption('stETH');
    await panel.getByLabel('New magnitude', { exact: true }).fill('75%');
    await send(page, 'refused');

    const alert = panel.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('InsufficientMagnitude');
    expect(text).toMatch(/more magnitude than it has free/);
    expect(await snapshot(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('undoes and redoes with the buttons and the keyboard, and branches when acting after an undo', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    const start = await worldOf(page);
    await slashViaForm(page, 'avs1', 'op1', '20%');
    const slashed = await worldOf(page);
    expect(slashed).not.toEqual(start);

    await move(page, 'undo');
    expect(await worldOf(page)).toEqual(start);
    expect(await page.getByTestId('position').textContent()).toBe('step 20 of 21');
    await move(page, 'redo');
    expect(await worldOf(page)).toEqual(slashed);
    await page.locator('h1').click(); // the keys act only when no field has the focus
    await move(page, 'Control+z');
    expect(await worldOf(page)).toEqual(start);
    await move(page, 'Control+y');
    expect(await worldOf(page)).toEqual(slashed);
    await move(page, 'Control+z');

    // A different slash from the same point starts a second branch; the first keeps its slash.
    await slashViaForm(page, 'avs2', 'op2', '50%');
    const branches = page.getByTestId('branches').locator('li');
    await expect.poll(() => branches.count(), POLL).toBe(2);
    expect(await page.getByTestId('position').textContent()).toBe('step 21 of 21');
    expect(await worldOf(page)).toEqual(
      await playgroundWorld([{ ...SLASH, by: 'avs2', operator: 'op2', wads: ['50%'] }]),
    );

    await page.getByRole('tab', { name: 'Compare' }).click();
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.textContent(), { timeout: LONG }).toMatch(/\d+ values? differ between/);
    // Both slashes show: op1's max magnitude fell on one branch, op2's on the other.
    expect(await panel.textContent()).toContain('op1');
    expect(await panel.textContent()).toContain('op2');
    await context.close();
  }, 120_000);

  it('keeps the position, the branches and the world across a reload', async () => {
    const { context, page, errors } = await openApp(site.browser, site.url);
    await slashViaForm(page, 'avs1', 'op1', '20%');
    await slashViaForm(page, 'avs2', 'op2', '50%');
    await move(page, 'undo');
    await slashViaForm(page, 'avs2', 'op1', '10%');
    await move(page, 'undo');
    const before = await snapshot(page);
    expect(before.position).toBe('step 21 of 22');
    expect(before.branches).toHaveLength(2);

    await page.reload();
    await settled(page);
    expect(await snapshot(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
