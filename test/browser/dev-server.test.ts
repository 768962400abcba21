// The development server, as `npm run dev` starts it on a fresh checkout (an empty dependency cache): the
// first use of the analyzer (HiGHS, loaded by the chain worker) and of a lesson (xstate) must not make it
// re-bundle dependencies and reload the page mid-session.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { settled } from './app-helpers.ts';
import { CHROMIUM } from './harness.ts';

const SLOW = 300_000;

describe('the development server', () => {
  it(
    'never reloads the page on the first analysis or the first lesson',
    async () => {
      // A cache of its own: what a first `npm run dev` finds (and nothing written into shared folders).
      const server = await createServer({
        cacheDir: mkdtempSync(join(tmpdir(), 'rs-vite-cache-')),
        logLevel: 'error',
        clearScreen: false,
        server: { port: 0, host: '127.0.0.1', strictPort: false },
      });
      const reloads: string[] = [];
      await server.listen();
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const url = server.resolvedUrls?.local[0] ?? '';
        const page = await browser.newPage();
        let navigations = 0;
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) navigations++;
        });
        page.on('console', (m) => {
          if (/optimized|reload/i.test(m.text())) reloads.push(m.text());
        });
        await page.goto(url);
        await settled(page, SLOW);
        await page.evaluate(() => Object.assign(window, { firstLoad: true }));

        await page.getByTestId('start-sandbox').click();
        await page.getByRole('tab', { name: 'Analyzer' }).click();
        await page.getByTestId('analyze').click();
        await page.getByTestId('verdict').waitFor({ timeout: SLOW });
        await page.getByTestId('lessons').click();
        await page.getByTestId('start-01-staking-and-lsts').click();
        await page.getByTestId('lesson').waitFor({ timeout: SLOW });
        // A re-optimization announces itself and reloads within a second or two.
        await page.waitForTimeout(3000);

        expect(await page.evaluate(() => 'firstLoad' in window)).toBe(true);
        expect(navigations).toBe(1);
        expect(reloads).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
      }
    },
    SLOW + 60_000,
  );
});
