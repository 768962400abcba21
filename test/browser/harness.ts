// Browser tests run the production build in Debian's Chromium through playwright-core (never a browser
// download). One build and one static server per test file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface Site {
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * The production build, as `npm run build` makes it. Vite derives `import.meta.env.PROD` from NODE_ENV, which
 * vitest sets to "test"; without this the page would be a development bundle (no service worker).
 */
export async function serveBuild(): Promise<Site> {
  const outDir = mkdtempSync(join(tmpdir(), 'rs-dist-'));
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ logLevel: 'error', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  const server: PreviewServer = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium 156 loads its WebUI omnibox popup (about 50 scripts, rendered in a renderer of its own) into
      // every new window, and every browser context here is a new window: traced, it used most of this
      // machine's two cores during the first second of each fresh context's page, the very second the start
      // and link figures measure. A person's tab opens in a window whose popup was loaded long before.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
    ],
  });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
