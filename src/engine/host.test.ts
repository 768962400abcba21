import { describe, expect, it } from 'vitest';
import { Host } from './host.ts';
import { KEYS, memoryStore } from './store.ts';

describe('Host', () => {
  it('starts with the playground, saves every change and restores it after a reload', async () => {
    const store = memoryStore();
    const first = new Host(store);
    const start = await first.start();
    expect(start.update.header?.source).toBe('preset:playground');
    const out = await first.act({ action: 'lst.stake', by: 'carol', amount: '5 ETH' });
    expect(out.ok).toBe(true);
    await first.undo();
    // A new host over the same store is a reload: same branches, same cursor, same world.
    const again = await new Host(store).start();
    expect(again.notice).toBeNull();
    expect(again.update.cursor).toEqual({ branch: 'main', node: 20 });
    expect(again.update.nodes).toHaveLength(21);
  });

  it('reports a corrupt saved session, keeps it aside and starts clean', async () => {
    const store = memoryStore();
    await store.set(KEYS.session, '{"format":"restaking-sandbox/session@1","nodes":');
    const r = await new Host(store).start();
    expect(r.notice).toMatch(/could not be restored \(it is not valid JSON\)/);
    expect(r.update.header?.source).toBe('preset:playground');
    expect(store.data.get(KEYS.corrupt)).toBe('{"format":"restaking-sandbox/session@1","nodes":');
  });

  it('refuses a broken scenario and keeps the live sandbox untouched', async () => {
    const store = memoryStore();
    const host = new Host(store);
    await host.start();
    await host.act({ action: 'lst.stake', by: 'carol', amount: '5 ETH' });
    const saved = store.data.get(KEYS.session);
    const bad = await host.loadScenario(
      { format: 'restaking-sandbox/scenario@1', title: 'x' },
      'file x.json',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problem.message).toMatch(/actors: is missing/);
    expect(store.data.get(KEYS.session)).toBe(saved);
    const next = await host.act({ action: 'chain.advance', blocks: 1 });
    expect(next.ok && next.update.cursor.node).toBe(22);
  });

  it('loads a preset at a position (share links), keeping the replaced session one step back', async () => {
    const store = memoryStore();
    const host = new Host(store);
    await host.start();
    const r = await host.loadPreset('single-avs-slash', 3);
    expect(r.ok && r.update.cursor.node).toBe(3);
    expect(host.shareTarget()).toMatchObject({ preset: 'single-avs-slash', position: 3 });
    await host.act({ action: 'chain.advance', blocks: 2 });
    // Changed: the link must carry the scenario itself.
    expect(host.shareTarget().preset).toBeNull();
    const tooFar = await host.loadPreset('single-avs-slash', 999);
    expect(tooFar.ok === false && tooFar.problem.message).toMatch(/points at step 999/);
    const back = await host.restorePrevious();
    expect(back.ok && back.update.header?.source).toBe('preset:playground');
  });
});
