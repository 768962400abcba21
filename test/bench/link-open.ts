// Link-opening figures for bench:browser: a fresh context navigates straight to a link, and the clock runs
// from navigation start until the page is usable (the link's sandbox on screen, nothing busy).
//   lessonLinkOpenMs  `#lesson=06-slashing&step=5`: the lesson panel at its 5th step, on the lesson's chain
//   shareLinkOpenMs   a ~1,100-character short share link (the playground plus the steps after it)
import type { Browser, Page } from 'playwright-core';
import { encodeShare } from '../../src/engine/share.ts';
import { replaySteps } from './browser-scenarios.ts';

export const LESSON_LINK = '#lesson=06-slashing&step=5';

/** A short share link of about 1,100 characters: the playground, then `n` typical steps after it. */
export async function shareLink(): Promise<string> {
  let n = 10;
  let fragment = '';
  while (fragment.length < 1_100) {
    fragment = await encodeShare({
      kind: 'steps',
      base: { kind: 'preset', id: 'playground' },
      steps: replaySteps(n),
      position: null,
    });
    n += 2;
  }
  return `#${fragment}`;
}

type Kind = 'lesson' | 'share';

/** Opens `url` in a fresh context; ms from navigation start until the link's sandbox is usable. */
async function openUntil(browser: Browser, url: string, kind: Kind): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript('globalThis.__name = (f) => f;');
  try {
    const page: Page = await context.newPage();
    await page.goto(url);
    // Checked every frame (the page's CSP forbids evaluating strings, so this is a function); the first
    // frame it holds in is the moment the link became usable.
    await page.waitForFunction(
      (k: Kind) => {
        const w = window as unknown as {
          __usableAt?: number;
          sandbox?: { app: { busy: boolean; session: { source?: string } | null } };
        };
        const app = w.sandbox?.app;
        const source = app?.session?.source ?? '';
        const usable =
          document.documentElement.dataset['ready'] === 'true' &&
          app?.busy === false &&
          (k === 'lesson'
            ? source.startsWith('lesson:06-slashing') &&
              document.querySelector('[data-testid="lesson"][data-step="5"]') !== null
            : source === 'shared link');
        if (w.__usableAt === undefined && usable) w.__usableAt = performance.now();
        return w.__usableAt !== undefined;
      },
      kind,
      { timeout: 180_000, polling: 'raf' },
    );
    return await page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt);
  } finally {
    await context.close();
  }
}

export function lessonLinkOpen(browser: Browser, site: string): Promise<number> {
  return openUntil(browser, `${site}${LESSON_LINK}`, 'lesson');
}

export function shareLinkOpen(browser: Browser, site: string, link: string): Promise<number> {
  return openUntil(browser, `${site}${link}`, 'share');
}
