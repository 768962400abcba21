// Link-opening figures for bench:browser: a fresh context navigates straight to a link, and the clock runs
// from navigation start until the page is usable (the link's sandbox on screen, nothing busy).
//   lessonLinkOpenMs  `#lesson=06-slashing&step=5`: the lesson panel at its 5th step, on the lesson's chain
//   shareLinkOpenMs   a ~1,100-character short share link (the playground plus the steps after it)
import type { Browser, Page } from 'playwright-core';
import { encodeShare } from '../../src/engine/share.ts';
import { replaySteps } from './browser-scenarios.ts';
import { heldAt, noteWhenHolds } from './page-wait.ts';

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

/** Whether the link's sandbox is usable: ready, nothing busy, the lesson at step 5 or the shared session. */
function usable(k: Kind): boolean {
  const w = window as unknown as {
    sandbox?: { app: { busy: boolean; session: { source?: string } | null } };
  };
  const app = w.sandbox?.app;
  const source = app?.session?.source ?? '';
  return (
    document.documentElement.dataset['ready'] === 'true' &&
    app?.busy === false &&
    (k === 'lesson'
      ? source.startsWith('lesson:06-slashing') &&
        document.querySelector('[data-testid="lesson"][data-step="5"]') !== null
      : source === 'shared link')
  );
}

/** Opens `url` in a fresh context; ms from navigation start until the link's sandbox is usable. */
async function openUntil(browser: Browser, url: string, kind: Kind): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript('globalThis.__name = (f) => f;');
  try {
    // Checked every frame from the page's start (page-wait.ts); the first frame it holds in is the moment the
    // link became usable.
    await noteWhenHolds(context, usable, kind);
    const page: Page = await context.newPage();
    await page.goto(url);
    return await heldAt(page);
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
