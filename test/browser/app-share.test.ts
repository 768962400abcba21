// What comes into and goes out of the page: share links (and broken ones), imported files, the EIP-1193
// provider driven by viem from Node, and the offline build.
import { createPublicClient, createWalletClient, parseAbi, parseEther, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import {
  LONG,
  POLL,
  headlessWorld,
  move,
  openApp,
  settled,
  slashViaForm,
  snapshot,
  pageTransport,
  watch,
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

const SCENARIO = 'restaking-sandbox/scenario@1';

describe('links, files, the provider and offline use', () => {
  it('opens a shared link in a fresh browser at the same step with the same world', async () => {
    const a = await openApp(site.browser, site.url);
    await slashViaForm(a.page, 'avs1', 'op1', '20%');
    await move(a.page, 'undo');
    const shared = await snapshot(a.page);
    await a.page.getByTestId('share').click();
    const link = await a.page.getByTestId('share-link').inputValue();
    // No longer the bare preset: the preset's name and the one step after it, with the position (20 of 21).
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#p=playground&s=sl,avs1,op1,[^&]+&at=20$/);
    const qr = a.page.getByRole('img', { name: 'QR code of the link' });
    expect(await qr.isVisible()).toBe(true);
    // Its dark modules are one path (ui/qr-path.ts), a rectangle per run of a row: a real code has hundreds.
    const runs = ((await qr.locator('path').getAttribute('d')) ?? '').match(/M/g)?.length ?? 0;
    expect(runs).toBeGreaterThan(100);
    await a.context.close();

    const b = await openApp(site.browser, site.url, link);
    const opened = await snapshot(b.page);
    expect(opened.position).toBe('step 20 of 21');
    expect(opened.world).toEqual(shared.world);
    expect(await b.page.evaluate(() => window.sandbox!.app.session!.source)).toBe('shared link');
    expect(b.page.url()).toBe(site.url);
    expect(b.errors).toEqual([]);
    await b.context.close();
  }, 120_000);

  it('opens a link pasted into an open page, and goes back to the sandbox it replaced', async () => {
    const { context, page, errors } = await openApp(site.browser, site.url);
    const before = await snapshot(page);
    await page.evaluate(() => (location.hash = '#preset=single-avs-slash&at=3'));
    await page.waitForFunction(
      () => window.sandbox?.app.session?.source === 'preset:single-avs-slash',
      null,
      POLL,
    );
    expect((await snapshot(page)).position).toMatch(/^step 3 of /);
    expect(page.url()).toBe(site.url);
    await page.getByTestId('restore-previous').click();
    await page.waitForFunction(() => window.sandbox?.app.session?.source === 'preset:playground', null, POLL);
    expect((await snapshot(page)).world).toEqual(before.world);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('refuses a damaged link with a message and keeps the saved sandbox', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    await slashViaForm(page, 'avs1', 'op1', '20%');
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    const before = await snapshot(page);
    await page.close();

    // A short link cut inside its step's list of strategies, and a damaged link of the earlier form.
    const cut = link.slice(link.indexOf('#'), link.indexOf('(') + 3);
    for (const fragment of ['#scenario=AAAA', cut]) {
      const again = await context.newPage();
      const { errors } = watch(again, site.url);
      await again.goto(site.url + fragment);
      await settled(again);
      const alert = again.getByTestId('problem');
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.textContent()).toContain('The shared link cannot be opened');
      expect(await snapshot(again)).toEqual(before);
      expect(errors).toEqual([]);
      await again.close();
    }
    await context.close();
  }, 120_000);

  it('imports a scenario file, and refuses malformed ones saying what is wrong', async () => {
    const { context, page, errors } = await openApp(site.browser, site.url);
    const before = await snapshot(page);
    const upload = async (name: string, content: string) => {
      await page.getByTestId('import-file').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(content),
      });
      await page.waitForFunction(
        (file) => {
          const app = window.sandbox!.app;
          return !app.busy && (app.problem !== null || app.session!.source === `file ${file}`);
        },
        name,
        { timeout: LONG },
      );
    };
    const steps = [{ action: 'staker.delegate', by: 'dana', operator: 'op9' }];
    const actors = [{ id: 'dana', role: 'staker', eth: '10 ETH' }];
    await upload('broken.json', JSON.stringify({ format: SCENARIO, title: 'Broken', actors, steps }));
    expect(await page.getByTestId('problem').textContent()).toContain('"op9" is not an actor');
    expect(await snapshot(page)).toEqual(before);
    await page.getByTestId('problem').getByRole('button', { name: 'Dismiss' }).click();

    await upload('cut.json', '{"format": "restaking-sandbox/scenario@1", "actors": [');
    expect(await page.getByTestId('problem').textContent()).toContain('cut.json is not valid JSON');
    expect(await snapshot(page)).toEqual(before);
    await page.getByTestId('problem').getByRole('button', { name: 'Dismiss' }).click();

    const good = {
      format: SCENARIO,
      title: 'Imported: one staker',
      actors,
      steps: [{ action: 'lst.stake', by: 'dana', amount: '4 ETH' }],
    };
    await upload('good.json', JSON.stringify(good));
    expect(await page.getByTestId('problem').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Imported: one staker' }).count()).toBe(1);
    expect(await page.getByTestId('position').textContent()).toBe('step 1 of 1');
    const node = await headlessWorld(good);
    expect(await worldOf(page)).toEqual(node);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('serves viem through the page provider: reads, a transfer in the history, its undo', async () => {
    const { context, page, errors } = await openApp(site.browser, site.url);
    const transport = pageTransport(page);
    const client = createPublicClient({ transport, pollingInterval: 50 });
    const wallet = createWalletClient({ transport });
    const ids = await page.evaluate(() => window.sandbox!.app.session!.actors);
    const address = (id: string) => ids.find((x) => x.id === id)?.address as Address;
    const [alice, bob] = [address('alice'), address('bob')];
    expect(await wallet.getAddresses()).toEqual(expect.arrayContaining([alice, bob]));

    // alice and bob each had 100 ETH and staked 40 and 30 of it for stETH.
    expect(await client.getBalance({ address: bob })).toBe(parseEther('70'));
    const contracts = await page.evaluate(() => window.sandbox!.worker.contracts());
    const at = (name: string) => contracts.find((c) => c.name === name)?.address as Address;
    const abi = parseAbi(['function balanceOf(address) view returns (uint256)']);
    // The stETH strategy holds all the stETH deposited: alice's 40, carol's 50 and the vault's 30.
    const held = await client.readContract({
      address: at('lst'),
      abi,
      functionName: 'balanceOf',
      args: [at('stETHStrategy')],
    });
    expect(held).toBe(parseEther('120'));

    const hash = await wallet.sendTransaction({
      account: alice,
      to: bob,
      value: parseEther('1'),
      chain: null,
    });
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    expect(receipt.status).toBe('success');
    expect(await client.getBalance({ address: bob })).toBe(parseEther('71'));
    expect(await client.getBalance({ address: alice })).toBe(parseEther('59'));
    await expect
      .poll(() => page.getByTestId('steps').textContent(), POLL)
      .toContain('alice: tx.send (to bob)');
    expect(await page.getByTestId('position').textContent()).toBe('step 21 of 21');

    await move(page, 'undo');
    expect(await client.getBalance({ address: bob })).toBe(parseEther('70'));
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('comes up offline from the service worker after the first visit', async () => {
    const { context, page, errors } = await openApp(site.browser, site.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LONG });
    const before = await snapshot(page);
    await context.setOffline(true);
    const failed: string[] = [];
    // A file the service worker cannot serve from its cache fails at once: stop there and name it.
    const failure = new Promise<boolean>((resolve) =>
      page.on('requestfailed', (r) => {
        failed.push(r.url());
        resolve(false);
      }),
    );
    await page.reload();
    const up = await Promise.race([
      settled(page).then(
        () => true,
        () => false,
      ),
      failure,
    ]);
    expect(failed).toEqual([]);
    expect(up).toBe(true);
    expect(await snapshot(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
