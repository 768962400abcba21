// Waiting for the page in the benchmarks without adding work to the page while it starts.
// Playwright's waitForFunction and selectors first evaluate Playwright's own injected script in the page, on
// the page's main thread: in a Chromium trace of a first start that script's evaluation took 39–132 ms of the
// main thread (against 7–13 ms for a plain evaluate), before or around `sandbox-ready`, so the figure it was
// waiting for was measured with Playwright's work inside it. A page a person opens has none of that. These
// waits are a plain evaluate of a promise (an observer or a timer in the page), and every figure is still read
// from the page's own clock (performance marks, or the frame in which a condition first held).
import type { BrowserContext, Page } from 'playwright-core';

const TIMEOUT_MS = 180_000;

/** Resolves once the page marked itself ready (`<html data-ready="true">`), observed without polling. */
export async function untilReady(page: Page, timeoutMs = TIMEOUT_MS): Promise<void> {
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve, reject) => {
        const html = document.documentElement;
        const ready = () => html.dataset['ready'] === 'true';
        if (ready()) return resolve();
        const timer = setTimeout(() => {
          watch.disconnect();
          reject(new Error(`the page was not ready after ${ms} ms`));
        }, ms);
        const watch = new MutationObserver(() => {
          if (!ready()) return;
          watch.disconnect();
          clearTimeout(timer);
          resolve();
        });
        watch.observe(html, { attributes: true, attributeFilter: ['data-ready'] });
      }),
    timeoutMs,
  );
}

/**
 * Installs, before the page's own code, `check(arg)` run every frame; `window.__heldAt` is the page's clock at
 * the first frame in which it held. The check is sent as its source, so it may use nothing but `arg`.
 */
export async function noteWhenHolds<A>(
  context: BrowserContext,
  check: (arg: A) => boolean,
  arg: A,
): Promise<void> {
  // Written into the init script as source text: CDP evaluates it as a script, where the page's CSP (which
  // forbids evaluating strings at run time) does not apply.
  await context.addInitScript(`(() => {
    const check = ${check.toString()};
    const arg = ${JSON.stringify(arg)};
    const frame = () => {
      if (check(arg)) window.__heldAt = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();`);
}

/** The page's clock when the check installed by `noteWhenHolds` first held, waiting for it with a timer. */
export async function heldAt(page: Page, timeoutMs = TIMEOUT_MS): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __heldAt?: number };
        const t0 = performance.now();
        const poll = () => {
          if (w.__heldAt !== undefined) resolve(w.__heldAt);
          else if (performance.now() - t0 > ms) reject(new Error(`the condition did not hold in ${ms} ms`));
          else setTimeout(poll, 50);
        };
        poll();
      }),
    timeoutMs,
  );
}
