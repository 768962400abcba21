import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN, opensFirstScreen } from './first-screen.ts';
import { buildFirstScreen } from './first-screen-build.ts';
import { Host } from './host.ts';
import { PREBUILT_INDEX } from './prebuilt-images.ts';
import type { SessionImage } from './session-image.ts';
import { KEYS, memoryStore } from './store.ts';

const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('a first visit’s first screen (first-screen.json)', () => {
  it('is what a fresh build takes from the committed playground image (npm run images)', async () => {
    const image = JSON.parse(
      readFileSync(new URL('./images/playground.json', import.meta.url), 'utf8'),
    ) as SessionImage;
    expect(plain(await buildFirstScreen(image, PREBUILT_INDEX.build))).toEqual(FIRST_SCREEN);
  });

  it('is exactly what a Host answers when nothing is saved: the session, its world and the presets', async () => {
    const host = new Host(memoryStore());
    const started = await host.start();
    expect(host.startedFrom).toBe('default');
    expect(plain(started)).toEqual(FIRST_SCREEN.start);
    expect(FIRST_SCREEN.start.update.header?.source).toBe('preset:playground');
    // The world on the first screen is the chain's: the playground's operators hold stake.
    expect(Object.keys(FIRST_SCREEN.start.update.world.operators).length).toBeGreaterThan(0);
    expect(host.presets()).toEqual(FIRST_SCREEN.presets);
    expect(FIRST_SCREEN.build).toBe(PREBUILT_INDEX.build);
  });

  it('the chain then opens that same session, and a step after it lands as after any start', async () => {
    const store = memoryStore();
    const host = new Host(store);
    const started = await host.startDefault();
    expect(plain(started)).toEqual(FIRST_SCREEN.start);
    expect(host.startedFrom).toBe('default');
    const out = await host.act({ action: 'lst.stake', by: 'carol', amount: '5 ETH' });
    expect(out.ok).toBe(true);
    const other = new Host(memoryStore());
    await other.start();
    expect(plain(await other.act({ action: 'lst.stake', by: 'carol', amount: '5 ETH' }))).toEqual(plain(out));
    // Saved as any change is: the step is the saved cursor, one after the playground's last.
    await host.flush();
    const last = FIRST_SCREEN.start.update.cursor.node ?? -1;
    expect(out.ok && out.update.cursor.node).toBe(last + 1);
    expect(JSON.parse(store.data.get(KEYS.session) ?? '{}').cursor.node).toBe(last + 1);
  });

  it('is only answered when nothing is saved, the store can be read, and it comes from this build', async () => {
    const empty = memoryStore();
    expect(await opensFirstScreen(empty)).toBe(true);
    const saved = memoryStore();
    await saved.set(KEYS.session, '{"format":"restaking-sandbox/session@1"}');
    expect(await opensFirstScreen(saved)).toBe(false);
    // Even an unreadable record is saved work: the chain decides what to do with it (keep it aside).
    const broken = memoryStore();
    await broken.set(KEYS.session, 'not json');
    expect(await opensFirstScreen(broken)).toBe(false);
    const refusing = { ...memoryStore(), get: () => Promise.reject(new Error('the database is blocked')) };
    expect(await opensFirstScreen(refusing)).toBe(false);
    expect(await opensFirstScreen(empty, { ...FIRST_SCREEN, build: `0x${'0'.repeat(64)}` })).toBe(false);
  });
});
