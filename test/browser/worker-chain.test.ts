// The chain and protocol run unchanged in a Web Worker: a preset loaded in Chromium yields exactly the world
// the same preset yields in Node.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork, toAnalysisJson } from '../../src/analysis/analyze.ts';
import { validateNetwork } from '../../src/analysis/network.ts';
import { runScenario } from '../../src/protocol/runner.ts';
import { getPreset } from '../../src/protocol/scenarios/index.ts';
import { validateScenario } from '../../src/protocol/scenario-schema.ts';
import { serveBuild, type Site } from './harness.ts';

let site: Site;

beforeAll(async () => {
  site = await serveBuild();
}, 180_000);

afterAll(async () => {
  await site?.close();
});

describe('the in-page chain', () => {
  it('runs a preset in a Web Worker to the same world as Node, with no request leaving the page', async () => {
    const page = await site.browser.newPage();
    const external: string[] = [];
    page.on('request', (req) => {
      if (
        !req.url().startsWith(site.url) &&
        !req.url().startsWith('blob:') &&
        !req.url().startsWith('data:')
      ) {
        external.push(req.url());
      }
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    await page.waitForFunction(() => window.sandbox?.app.session !== null && window.sandbox !== undefined);
    await page.getByTestId('preset').selectOption('single-avs-slash');
    await page.getByTestId('load-preset').click();
    await page.waitForFunction(
      () => window.sandbox?.app.session?.source === 'preset:single-avs-slash',
      null,
      {
        timeout: 120_000,
      },
    );
    const browserWorld = await page.evaluate(() => window.sandbox?.app.session?.world);

    const v = validateScenario(getPreset('single-avs-slash')?.json);
    if (!v.ok) throw new Error('preset invalid');
    const node = await runScenario(v.scenario);
    expect(browserWorld).toEqual(JSON.parse(JSON.stringify(node.world)));
    expect(node.world.stakers['alice']?.strategies['stETH']?.withdrawableShares).toBe('36000000000000000000');
    // the production bundle shares the EVM's interpreter module, so the jump-analysis cache is active
    expect(await page.evaluate(() => window.sandbox?.worker.evmSpeedups())).toBe(true);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  }, 180_000);

  it('runs the security analyzer, HiGHS included, in the worker with the same result as Node', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url);
    const file = 'test/fixtures/networks/wp-3.4.1-same-restakers-10-other-avs.json';
    const network = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    await page.waitForFunction(() => window.sandbox !== undefined);
    const inBrowser = await page.evaluate(
      async (net): Promise<unknown> => window.sandbox!.worker.analyze(net, 'integer-program'),
      network,
    );
    const checked = validateNetwork(network);
    if (!checked.ok) throw new Error('fixture invalid');
    const inNode = toAnalysisJson(await analyzeNetwork(checked.network, { method: 'integer-program' }));
    expect(inBrowser).toEqual({ ok: true, network, analysis: JSON.parse(JSON.stringify(inNode)) });
    expect((inBrowser as { analysis: { secure: boolean } }).analysis.secure).toBe(false);
    const bad = await page.evaluate(async (): Promise<{ ok: boolean }> =>
      window.sandbox!.worker.analyze({ format: 'nope' }),
    );
    expect(bad.ok).toBe(false);
    await page.close();
  }, 120_000);
});
