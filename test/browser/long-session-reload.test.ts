// A 2000-step session survives a reload whole: every step, the branches, the cursor and the world at it, as
// they were before. The reload restores the fast-reload image (its worlds and writes included) and puts back
// a cursor that moved after the image was taken; undo then works at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './harness.ts';
import { LONG, openApp, serveProductionBuild } from './app-helpers.ts';
import { longSessionDoc } from '../bench/long-session.ts';

let site: Site;

beforeAll(async () => {
  site = await serveProductionBuild();
}, 900_000);

afterAll(async () => {
  await site?.close();
});

describe('a 2000-step session', () => {
  it(
    'reloads with every step and the same world at the cursor',
    async () => {
      const { context, page, errors } = await openApp(site.browser, site.url);
      const text = JSON.stringify(longSessionDoc(2000));
      expect(await page.evaluate((t) => window.sandbox?.app.importText(t, 'long.session.json'), text)).toBe(
        true,
      );
      // The image is taken a quiet moment after the import, in the session's turn; a compare waits for it.
      await page.waitForTimeout(1500);
      await page.evaluate(() => window.sandbox?.worker.compare('main', 'main'));
      // Three undos after the image: moves take no new image, so the reload must put this cursor back.
      for (let i = 0; i < 3; i++) expect(await page.evaluate(() => window.sandbox?.app.undo())).toBe(true);
      await expect.poll(() => page.getByTestId('position').textContent()).toBe('step 1997 of 2000');
      const before = await page.evaluate(async () => ({
        doc: JSON.stringify(await window.sandbox?.worker.exportSession()),
        world: JSON.stringify(window.sandbox?.app.session?.world),
      }));
      // Give the saver its turn (moves save right after they answer).
      await page.waitForTimeout(500);
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
      await expect.poll(() => page.getByTestId('position').textContent()).toBe('step 1997 of 2000');
      const after = await page.evaluate(async () => ({
        doc: JSON.stringify(await window.sandbox?.worker.exportSession()),
        world: JSON.stringify(window.sandbox?.app.session?.world),
        from: await window.sandbox?.worker.startedFrom(),
        nodes: Object.keys(window.sandbox?.app.session?.nodes ?? {}).length,
      }));
      expect(after.from).toBe('image');
      expect(after.nodes).toBe(2000);
      expect(after.doc).toBe(before.doc);
      expect(after.world).toBe(before.world);
      // The world at the cursor is the chain's: block 1000040 after the playground, plus 1977 advances.
      expect(JSON.parse(after.world).block).toBe(String(1_000_040 + 1997 - 20));
      // Undo works at once after the reload.
      expect(await page.evaluate(() => window.sandbox?.app.undo())).toBe(true);
      await expect.poll(() => page.getByTestId('position').textContent()).toBe('step 1996 of 2000');
      expect(errors).toEqual([]);
      await context.close();
    },
    LONG * 2,
  );
});
