// The page's EIP-1193 provider driven in Chromium by unmodified viem and ethers v6, bundled for the page, as a
// developer scripting an experiment would: reads, writes and waits, reverting writes with decoded error names,
// logs, filters and watchers, reads at earlier blocks, signing, test-node methods, Multicall3, the events a
// move in History sends, and a provider write reaching the lesson on screen.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import { LONG, POLL, openApp, serveProductionBuild } from './app-helpers.ts';

let site: Site;
let clients: string;
let page: Page;
let errors: string[];

/** A script with viem and ethers in it, built the way an application would bundle them: an ES module. */
async function bundle(entry: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'rs-clients-'));
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'esnext', // the README's examples await at top level, as console code does
      lib: { entry, formats: ['es'], fileName: () => 'clients.js' },
      // One file: an inline module cannot fetch the chunks of viem's lazy imports.
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
  return join(outDir, 'clients.js');
}

/** The README's "Script it" examples, each a module of its own. */
function readmeExamples(): string[] {
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {2}/gm, ''));
  return blocks.filter((b) => /from '(viem|ethers)'/.test(b));
}

beforeAll(async () => {
  [site, clients] = await Promise.all([
    serveProductionBuild(),
    bundle(fileURLToPath(new URL('./provider-checks.ts', import.meta.url))),
  ]);
  // The page's CSP admits only its own scripts; the client bundle is added as a developer's console would
  // run code, so the test context lets it in.
  const opened = await openApp(site.browser, site.url, site.url, { bypassCSP: true });
  page = opened.page;
  errors = opened.errors;
  await page.addScriptTag({ path: clients, type: 'module' });
  await page.waitForFunction(() => window.providerChecks !== undefined);
}, 300_000);

afterAll(async () => {
  await site?.close();
});

/** Runs a check of provider-checks.ts in the page; it returns what the client library saw. */
const run = (check: string) => page.evaluate((name) => window.providerChecks![name]!(), check);

/** What a real node answers: the playground's balances (bob 70 ETH, carol 50 ETH after staking 50), ... */
const EXPECTED: Record<string, unknown> = {
  'viem reads the chain id and a balance': { chainId: 31337, bob: '70' },
  // Alice and Carol deposited all their stETH into the strategy.
  'viem reads a contract and batches reads through Multicall3': ['0', '0', '0'],
  'viem sends a transaction, waits for its receipt and reads the block before it': {
    status: 'success',
    transactions: [true],
    gasUsed: '21000',
    byHash: true,
    gained: '1',
  },
  'viem decodes the custom error of a refused write': 'InsufficientShares',
  'viem reads past events and watches new ones': { past: true, watched: 'Transfer' },
  'viem signs messages and typed data that recover to the persona': { message: true, typed: true },
  'viem signs a transaction and sends it raw': { same: true, status: 'success' },
  // Two mined blocks, then 12 seconds: one more 12-second block.
  'viem mines, moves time and reverts a snapshot with test actions': { moved: '3', back: true },
  // Gas is priced at zero: base fee 0 and no tip.
  'viem reads fee history and switches only to its own chain': { baseFees: 5, maxFee: '0', other: 4902 },
  // Carol staked 1 ETH of her 50 in the viem watcher check.
  'ethers reads the network and a balance': { chainId: '31337', carol: '49.0' },
  'ethers sends a transaction and tx.wait() resolves': { status: 1, transactions: [true], gained: '1.0' },
  'ethers decodes the custom error of a refused write': {
    call: 'InsufficientShares',
    sent: { code: 'CALL_EXCEPTION', name: 'InsufficientShares' },
  },
  'ethers queries past events and hears new ones with contract.on': { past: true, heard: 'Transfer' },
  'ethers signs messages and typed data that recover to the persona': { message: true, typed: true },
  'ethers mines a block with evm_mine': 1,
};

describe('viem and ethers v6 against the page provider', () => {
  for (const [name, expected] of Object.entries(EXPECTED))
    it(name, async () => expect(await run(name)).toEqual(expected), LONG);
});

describe('the page around the provider', () => {
  it(
    'tells scripts of an undo (historyMoved) and a lesson of a provider write',
    async () => {
      const moved = await page.evaluate(async () => {
        const p = window.sandbox!.provider;
        const seen = new Promise((resolve) => p.on('historyMoved', resolve));
        const before = await p.request({ method: 'eth_blockNumber' });
        await window.sandbox!.app.undo();
        const event = (await seen) as { blockNumber: string; reloaded: boolean };
        const after = await p.request({ method: 'eth_blockNumber' });
        await window.sandbox!.app.redo();
        return { moved: event.blockNumber === after && after !== before, reloaded: event.reloaded };
      });
      expect(moved).toEqual({ moved: true, reloaded: false });
      await page.getByTestId('lessons').click();
      await page.getByTestId('start-01-staking-and-lsts').click();
      const lesson = page.getByTestId('lesson');
      await expect.poll(() => lesson.getAttribute('data-state'), POLL).toBe('intro');
      await page.getByTestId('lesson-next').click();
      await expect.poll(() => lesson.getAttribute('data-state'), POLL).toBe('stake');
      await page.evaluate(async () => {
        const p = window.sandbox!.provider;
        const [alice, bob] = (await p.request({ method: 'eth_accounts' })) as string[];
        await p.request({ method: 'eth_sendTransaction', params: [{ from: alice, to: bob, value: '0x1' }] });
      });
      await expect
        .poll(() => lesson.getByTestId('lesson-feedback').textContent(), POLL)
        .toMatch(/tx\.send landed, but it is not this step/);
      expect(errors).toEqual([]);
    },
    LONG,
  );
});

describe("the README's examples", () => {
  it(
    'run as written: viem reads the past and watches a slash, ethers stakes, decodes a refusal and signs',
    async () => {
      const {
        context,
        page: fresh,
        errors: freshErrors,
      } = await openApp(site.browser, site.url, site.url, {
        bypassCSP: true,
      });
      const logged: string[] = [];
      fresh.on('console', (m) => logged.push(m.text()));
      const [viemExample, ethersExample] = readmeExamples();
      // Inside the project, so the bundler resolves 'viem' and 'ethers' from its node_modules.
      const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
      mkdirSync(cache, { recursive: true });
      const dir = mkdtempSync(join(cache, 'rs-readme-'));
      for (const [i, code] of [viemExample!, ethersExample!].entries()) {
        const entry = join(dir, `example-${i}.js`);
        writeFileSync(entry, code);
        await fresh.addScriptTag({ path: await bundle(entry), type: 'module' });
      }
      const op1 = await fresh.evaluate(
        () => window.sandbox!.app.session!.actors.find((a) => a.id === 'op1')!.address,
      );
      await expect.poll(() => logged.length, POLL).toBeGreaterThanOrEqual(4);
      await fresh.evaluate(() =>
        window.sandbox!.app.act({
          action: 'avs.slash',
          by: 'avs1',
          operator: 'op1',
          set: 0,
          strategies: ['stETH'],
          wads: ['20%'],
        }),
      );
      await expect
        .poll(() => logged.find((l) => l.startsWith('slashed')), POLL)
        .toMatch(new RegExp(`^slashed ${op1} in block \\d+$`));
      // Bob had 70 ETH (100, less 30 staked into the vault) and was sent 1; Alice staked 1 ETH for 1 stETH.
      expect(logged.find((l) => l.startsWith('bob'))).toMatch(/^bob: 70 ETH at block \d+, 71 ETH now$/);
      expect(logged.find((l) => l.startsWith('alice'))).toMatch(/^alice holds 1\.0 stETH after block \d+$/);
      expect(logged).toContain('refused: InsufficientShares');
      expect(logged).toContain('signed by alice: true');
      expect(freshErrors).toEqual([]);
      await context.close();
    },
    LONG,
  );
});
