// A page opened with a link: the worker opens the link's sandbox first (startForLink), never the saved or
// default one before it, and whatever was saved is still the sandbox the link replaced.
import { describe, expect, it } from 'vitest';
import { Host } from './host.ts';
import { KEYS, memoryStore } from './store.ts';

describe('Host.startForLink', () => {
  it('opens a link in a fresh browser as its first sandbox, with nothing to go back to', async () => {
    const store = memoryStore();
    const host = new Host(store);
    expect(await host.startForLink()).toBe(false);
    const r = await host.loadPreset('single-avs-slash', 2);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.update.header?.source).toBe('preset:single-avs-slash');
    expect(r.update.cursor.node).not.toBeNull();
    expect(host.startedFrom).toBe('link');
    // The link's sandbox is what a reload opens.
    const saved = JSON.parse(String(store.data.get(KEYS.session))) as { source: string };
    expect(saved.source).toBe('preset:single-avs-slash');
    const back = await host.restorePrevious();
    expect(back.ok ? null : back.problem.message).toBe('there is no earlier sandbox to go back to');
  });

  it('keeps the saved sandbox as the one the link replaced, exactly as it was saved', async () => {
    const store = memoryStore();
    const before = new Host(store);
    await before.start();
    await before.act({ action: 'chain.advance', blocks: 3 });
    await before.flush();
    const saved = store.data.get(KEYS.session);
    // What a reload without the link opens, on a copy of the store.
    const copy = memoryStore();
    for (const [k, v] of store.data) copy.data.set(k, v);
    const reload = await new Host(copy).start();

    const host = new Host(store);
    expect(await host.startForLink()).toBe(true);
    const r = await host.loadPreset('single-avs-slash');
    expect(r.ok).toBe(true);
    expect(store.data.get(KEYS.previous)).toBe(saved);
    // Not taken for another tab's save: nothing was put aside.
    expect(await host.keptSandboxes()).toEqual([]);
    const back = await host.restorePrevious();
    if (!back.ok) throw new Error(back.problem.message);
    expect(back.update.cursor).toEqual(reload.update.cursor);
    expect(back.update.world).toEqual(reload.update.world);
  });

  it('opens the saved sandbox as usual when the link cannot be opened, changing nothing', async () => {
    const store = memoryStore();
    const before = new Host(store);
    await before.start();
    await before.act({ action: 'chain.advance', blocks: 2 });
    await before.flush();
    const saved = store.data.get(KEYS.session);

    const host = new Host(store);
    await host.startForLink();
    const bad = await host.loadScenario(
      { format: 'restaking-sandbox/scenario@1', actors: 'none' },
      'shared link',
    );
    expect(bad.ok).toBe(false);
    const r = await host.start();
    expect(host.startedFrom).toBe('image');
    expect(r.update.world.block).toBe('1000042');
    expect(store.data.get(KEYS.session)).toBe(saved);
    expect(store.data.get(KEYS.previous)).toBeUndefined();
  });
});
