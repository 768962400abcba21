// A link goes straight to its own sandbox: a fresh page opened with a share or lesson link never opens the
// default session first (the worker is named link-first, engine/link-first.ts), and a return visit's saved
// sandbox is still the one the link replaced.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import { POLL, settled, slashViaForm, snapshot, serveProductionBuild, watch } from './app-helpers.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, 400_000);

afterAll(async () => {
  await site?.close();
});

/** Every sandbox the page showed, in order (polled each frame from before the page's own script runs). */
const SOURCES = `(() => {
  const seen = [];
  window.__sources = seen;
  const poll = () => {
    const s = window.sandbox?.app?.session?.source;
    if (s !== undefined && seen.at(-1) !== s) seen.push(s);
    requestAnimationFrame(poll);
  };
  poll();
})();`;

async function open(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const seen = watch(page, site.url);
  const images: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('chain-worker.image-')) images.push(r.url());
  });
  await page.goto(url);
  await settled(page);
  const sources = (): Promise<string[]> =>
    page.evaluate(() => (window as unknown as { __sources: string[] }).__sources);
  return { page, errors: seen.errors, images, sources };
}

async function fresh(): Promise<BrowserContext> {
  const context = await site.browser.newContext();
  await context.addInitScript(SOURCES);
  return context;
}

async function shareLinkOf(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  return page.getByTestId('share-link').inputValue();
}

describe('a link opens its own sandbox first', () => {
  it('a share link in a fresh browser: no default session before it, nothing to go back to', async () => {
    const a = await site.browser.newContext();
    const made = await open(a, site.url);
    await slashViaForm(made.page, 'avs1', 'op1', '20%');
    const shared = await snapshot(made.page);
    const link = await shareLinkOf(made.page);
    await a.close();

    const b = await fresh();
    const opened = await open(b, link);
    expect(await opened.sources()).toEqual(['shared link']);
    expect(await snapshot(opened.page)).toEqual(shared);
    expect(await opened.page.getByTestId('restore-previous').count()).toBe(0);
    expect(opened.errors).toEqual([]);
    await b.close();
  }, 180_000);

  it('a lesson link in a fresh browser: the lesson at its step, the default image never fetched', async () => {
    const context = await fresh();
    // The lesson's machine is asked for before the lesson code has even arrived (lesson-link.ts).
    const order: string[] = [];
    context.on('request', (r) => {
      if (/\/machine-[^/]*\.js$/.test(r.url())) order.push('machine requested');
    });
    context.on('requestfinished', (r) => {
      if (/\/lesson-run\.svelte-[^/]*\.js$/.test(r.url())) order.push('lesson code arrived');
    });
    const opened = await open(context, `${site.url}#lesson=06-slashing&step=5`);
    expect(order.slice(0, 2)).toEqual(['machine requested', 'lesson code arrived']);
    await opened.page.waitForSelector('[data-testid="lesson"][data-step="5"]', POLL);
    const sources = await opened.sources();
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.startsWith('lesson:06-slashing#'))).toBe(true);
    expect(opened.images.some((u) => u.includes('image-playground'))).toBe(false);
    expect(opened.errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('a return visit: the link opens first and "Previous sandbox" brings back the saved work', async () => {
    const context = await fresh();
    const first = await open(context, site.url);
    await slashViaForm(first.page, 'avs1', 'op1', '20%');
    const saved = await snapshot(first.page);
    const link = `${site.url}#preset=single-avs-slash&at=3`;
    await first.page.close();

    const again = await open(context, link);
    expect(await again.sources()).toEqual(['preset:single-avs-slash']);
    expect((await snapshot(again.page)).position).toMatch(/^step 3 of /);
    await again.page.getByTestId('restore-previous').click();
    await again.page.waitForFunction(
      () => window.sandbox?.app.session?.source === 'preset:playground' && !window.sandbox.app.busy,
      null,
      POLL,
    );
    expect(await snapshot(again.page)).toEqual(saved);
    expect(again.errors).toEqual([]);
    await context.close();
  }, 180_000);
});

/** Records what the first start must never do: break the page's policy, or install the offline cache early. */
const FIRST_START = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
  navigator.serviceWorker.register = (...args) => {
    window.__registeredWhenReady = document.documentElement.dataset.ready === 'true';
    return register(...args);
  };
})();`;

describe("the page's first start", () => {
  it('the worker starts before the page asks for anything else, with its image, under the page policy', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(FIRST_START);
    const page = await context.newPage();
    const requests: string[] = [];
    const events: string[] = [];
    page.on('request', (r) => {
      requests.push(new URL(r.url()).pathname);
      events.push(`asked ${new URL(r.url()).pathname}`);
    });
    page.on('requestfinished', (r) => events.push(`loaded ${new URL(r.url()).pathname}`));
    const seen = watch(page, site.url);
    await page.goto(site.url);
    await settled(page);
    // The inline script in the document's head starts the worker, so its script is asked for before the
    // page's bundle has even loaded (the browser's preload scanner may ask for the bundle and the stylesheet
    // first, which is why the order of the requests alone proves nothing), and the worker asks for the
    // playground image before anything else.
    const worker = events.findIndex((e) => /^asked \/assets\/chain-worker-[\w-]+\.js$/.test(e));
    const bundle = events.findIndex((e) => /^loaded \/assets\/index-[\w-]+\.js$/.test(e));
    expect(worker).toBeGreaterThanOrEqual(0);
    expect(bundle).toBeGreaterThanOrEqual(0);
    expect(worker).toBeLessThan(bundle);
    // The chain's worker, which asks for the image, starts a moment after the first screen on a first visit.
    const images = () => requests.filter((u) => u.includes('chain-worker.image-'));
    await expect.poll(() => images().length, POLL).toBeGreaterThan(0);
    expect(images().every((u) => u.includes('image-playground'))).toBe(true);
    // The offline cache is installed only once the sandbox is on screen, and nothing broke the policy.
    await page.evaluate(() => navigator.serviceWorker.ready);
    expect(
      await page.evaluate(
        () => (window as unknown as { __registeredWhenReady?: boolean }).__registeredWhenReady,
      ),
    ).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  }, 180_000);
});
