// Shared steps of the app's browser tests: open the page in a fresh context (its own IndexedDB, so its own
// saved sandbox), wait until it has settled, act through the forms as a person would, and read the state.
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { custom } from 'viem';
import { runScenario } from '../../src/protocol/runner.ts';
import { getPreset } from '../../src/protocol/scenarios/index.ts';
import { validateScenario } from '../../src/protocol/scenario-schema.ts';
import type { World } from '../../src/protocol/world-types.ts';
import { serveBuild, type Site } from './harness.ts';

export const LONG = 120_000;
/** For `expect.poll` on the page: the machine is shared, so a second is not always enough. */
export const POLL = { timeout: 30_000 };

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page. */
  errors: string[];
  /** Requests to anywhere but the site itself (blob: and data: URLs are the page's own). */
  external: string[];
}

/** The production build (see harness.ts). */
export function serveProductionBuild(): Promise<Site> {
  return serveBuild();
}

/** Records page errors and requests that leave the site. */
export function watch(page: Page, site: string): { errors: string[]; external: string[] } {
  const errors: string[] = [];
  const external: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site) && !url.startsWith('blob:') && !url.startsWith('data:')) external.push(url);
  });
  return { errors, external };
}

/**
 * The page has started: the chain is live and the flow drawn (`data-ready`), nothing is running, and a
 * link in the address bar, if any, has been opened and dropped (the app clears the fragment last).
 */
export async function settled(page: Page, timeout = LONG): Promise<void> {
  await page.waitForFunction(
    () =>
      document.documentElement.dataset['ready'] === 'true' &&
      window.sandbox?.app.session != null &&
      !window.sandbox.app.busy &&
      location.hash === '',
    null,
    { timeout },
  );
}

/** A new context (a new browser profile, as far as storage goes) with the page opened at `url`. */
export async function openApp(
  browser: Browser,
  site: string,
  url: string = site,
  options: BrowserContextOptions = {},
): Promise<Opened> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const seen = watch(page, site);
  await page.goto(url);
  await settled(page);
  return { context, page, ...seen };
}

export interface Snapshot {
  world: World;
  cursor: { branch: string; node: number | null };
  branches: string[];
  pathLength: number;
  position: string;
}

export async function snapshot(page: Page): Promise<Snapshot> {
  const state = await page.evaluate(() => {
    const app = window.sandbox!.app;
    const s = app.session!;
    return {
      world: s.world,
      cursor: s.cursor,
      branches: s.branches.map((b) => b.name),
      pathLength: app.path.length,
    };
  });
  const position = (await page.getByTestId('position').textContent()) ?? '';
  return { ...state, position };
}

export const worldOf = (page: Page): Promise<World> =>
  page.evaluate(() => window.sandbox!.app.session!.world);

/** The Act panel on the left. */
export const actPanel = (page: Page): Locator => page.getByRole('complementary', { name: 'Act' });

/** Picks who acts and which action, through the two selects at the top of the Act panel. */
export async function choose(page: Page, actor: string, action: string): Promise<Locator> {
  const panel = actPanel(page);
  // A select inside its label takes the chosen option's text into its name, so the names are prefixes.
  await panel.getByLabel(/^Act as/).selectOption(actor);
  await panel.getByLabel(/^Action/).selectOption(action);
  return panel;
}

/**
 * Presses the form's send button and waits for the answer: a new step (`landed`) or a refusal shown under
 * the form (`refused`).
 */
export async function send(page: Page, expected: 'landed' | 'refused'): Promise<void> {
  const before = await page.evaluate(() => window.sandbox!.app.session!.cursor.node);
  await actPanel(page)
    .getByRole('button', { name: /^(Send as |Perform)/ })
    .click();
  await page.waitForFunction(
    ([node, want]) => {
      const app = window.sandbox!.app;
      if (app.busy) return false;
      return want === 'landed' ? app.session!.cursor.node !== node : app.problem !== null;
    },
    [before, expected] as const,
    { timeout: LONG },
  );
}

/** An AVS slashes an operator's set 0 in stETH through the slash form. */
export async function slashViaForm(page: Page, avs: string, operator: string, fraction: string) {
  const panel = await choose(page, avs, 'avs.slash');
  await panel.getByLabel('Operator', { exact: true }).selectOption(operator);
  await panel.getByLabel('Operator set', { exact: true }).selectOption('0');
  await panel.getByRole('group', { name: 'Strategies to slash' }).getByLabel('stETH').check();
  await panel
    .getByRole('group', { name: 'Fraction slashed, per strategy' })
    .getByLabel('stETH', { exact: true })
    .fill(fraction);
  await send(page, 'landed');
}

/** Undo or redo with a button, then wait until the move has landed. */
export async function move(page: Page, how: 'undo' | 'redo' | 'Control+z' | 'Control+y'): Promise<void> {
  const before = await page.evaluate(() => window.sandbox!.app.session!.cursor.node);
  if (how === 'undo' || how === 'redo') await page.getByTestId(how).click();
  else await page.keyboard.press(how);
  await page.waitForFunction(
    (node) => !window.sandbox!.app.busy && window.sandbox!.app.session!.cursor.node !== node,
    before,
    { timeout: LONG },
  );
}

/** A scenario run headless in Node, its world as it reaches the page (through JSON, as from the worker). */
export async function headlessWorld(json: unknown): Promise<World> {
  const checked = validateScenario(json);
  if (!checked.ok) throw new Error('the test scenario is invalid');
  const run = await runScenario(checked.scenario);
  if (!run.ok) throw new Error('the test scenario failed in Node');
  return JSON.parse(JSON.stringify(run.world)) as World;
}

/** The playground preset with extra steps, run headless: the world the page should show after them. */
export function playgroundWorld(extra: readonly object[]): Promise<World> {
  const json = structuredClone(getPreset('playground')?.json) as { steps: object[] };
  json.steps.push(...extra);
  return headlessWorld(json);
}

/** A viem transport whose every request goes to the page's EIP-1193 provider, `window.sandbox.provider`. */
export function pageTransport(page: Page) {
  return custom({
    request: ({ method, params }: { method: string; params?: unknown }) =>
      page.evaluate((args) => window.sandbox!.provider.request(args), {
        method,
        ...(params === undefined ? {} : { params: params as unknown[] }),
      }),
  });
}
