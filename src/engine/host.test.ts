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
    // A new host over the same store is a reload: same branches, same cursor, same world, from the image
    // when it was saved, else by replaying the steps.
    await first.flush();
    const fast = new Host(store);
    const viaImage = await fast.start();
    expect(fast.startedFrom).toBe('image');
    store.data.delete(KEYS.image);
    const slow = new Host(store);
    const again = await slow.start();
    expect(slow.startedFrom).toBe('replay');
    expect(viaImage.update).toEqual(again.update);
    expect(again.notice).toBeNull();
    expect(again.update.cursor).toEqual({ branch: 'main', node: 20 });
    expect(again.update.nodes).toHaveLength(21);
  });

  it('a move answers before its save is written, and the save that follows holds it', async () => {
    const store = memoryStore();
    const host = new Host(store);
    await host.start();
    await host.act({ action: 'chain.advance', blocks: 2 });
    await host.flush();
    // From now on every write waits until released: a move must not wait for it.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const set = store.set;
    store.set = async (k, v) => {
      await held;
      await set(k, v);
    };
    const out = await host.undo();
    expect(out.ok && out.update.cursor.node).toBe(20);
    expect(JSON.parse(store.data.get(KEYS.session) ?? '{}').cursor.node).toBe(21);
    release();
    await host.flush();
    expect(JSON.parse(store.data.get(KEYS.session) ?? '{}').cursor.node).toBe(20);
  });

  it('a move answers before its save begins, and the save follows in a task of its own', async () => {
    const store = memoryStore();
    const host = new Host(store);
    await host.start();
    await host.act({ action: 'chain.advance', blocks: 2 });
    await host.flush();
    const writes: string[] = [];
    const set = store.set;
    store.set = async (k, v) => {
      writes.push(k);
      await set(k, v);
    };
    // The answer and the code waiting for it run before the save renders or writes anything: a move's
    // answer is posted to the page in the task that made the move.
    const out = await host.undo();
    expect(out.ok && out.update.cursor.node).toBe(20);
    expect(writes).toEqual([]);
    await host.flush();
    expect(writes).toEqual([KEYS.session]);
    expect(JSON.parse(store.data.get(KEYS.session) ?? '{}').cursor.node).toBe(20);
    // Moves made in a row are all saved, the last one last.
    await host.undo();
    await host.redo();
    await host.flush();
    expect(JSON.parse(store.data.get(KEYS.session) ?? '{}').cursor.node).toBe(20);
  });

  it('a move takes no new reload image; a reload restores the image at the saved cursor', async () => {
    const store = memoryStore();
    const host = new Host(store);
    await host.start();
    await host.act({ action: 'chain.advance', blocks: 2 });
    await host.flush();
    const image = store.data.get(KEYS.image);
    await host.undo();
    await host.undo();
    await host.flush();
    expect(store.data.get(KEYS.image)).toBe(image);
    const again = new Host(store);
    const r = await again.start();
    expect(again.startedFrom).toBe('image');
    expect(r.update.cursor.node).toBe(19);
    // Node 19 is the playground's last advance: block 1000040.
    expect(r.update.world.block).toBe('1000040');
  });

  it('a default session moved back reloads from the prebuilt image, with no reload image taken', async () => {
    const store = memoryStore();
    const host = new Host(store);
    await host.start();
    await host.goto({ branch: 'main', node: 10 });
    await host.flush();
    expect(store.data.has(KEYS.image)).toBe(false);
    const again = new Host(store);
    const r = await again.start();
    expect(again.startedFrom).toBe('image');
    expect(r.update.cursor.node).toBe(10);
    expect(r.update.world.block).toBe('1000031');
  });

  it('ignores an image that does not belong to the saved session and replays instead', async () => {
    const store = memoryStore();
    const first = new Host(store);
    await first.start();
    await first.act({ action: 'chain.advance', blocks: 3 });
    await first.flush();
    const image = store.data.get(KEYS.image);
    await first.act({ action: 'chain.advance', blocks: 4 });
    await first.flush();
    // An image of an earlier state, as after a crash between the two saves.
    store.data.set(KEYS.image, image ?? '');
    const host = new Host(store);
    const r = await host.start();
    expect(host.startedFrom).toBe('replay');
    // 1000040 at the playground's end, then 3 and 4 blocks.
    expect(r.update.world.block).toBe('1000047');
    store.data.set(KEYS.image, '{"digest": 1, "image": ');
    const broken = new Host(store);
    await broken.start();
    expect(broken.startedFrom).toBe('replay');
  });

  it('keeps working, and says so, when the browser refuses storage', async () => {
    const broken = {
      get: () => Promise.reject(new Error('storage is disabled')),
      set: () => Promise.reject(new Error('storage is disabled')),
      del: () => Promise.reject(new Error('storage is disabled')),
      keys: () => Promise.reject(new Error('storage is disabled')),
    };
    const host = new Host(broken);
    const r = await host.start();
    expect(host.startedFrom).toBe('default');
    expect(r.notice).toMatch(/does not let the sandbox save its work \(storage is disabled\)/);
    const out = await host.act({ action: 'chain.advance', blocks: 1 });
    expect(out.ok).toBe(true);
  });

  it('a failed move leaves the chain at the cursor: the next step builds on the state the history shows', async () => {
    const host = new Host(memoryStore());
    await host.start();
    await host.goto({ branch: 'main', node: 10 });
    // main's end is at block 1000040; node 10 (carol delegates) mined block 1000031.
    await expect(host.compare('main', 'no-such-branch')).rejects.toThrow(/no branch/);
    const out = await host.act({ action: 'chain.advance', blocks: 1 });
    expect(out.ok && out.update.world.block).toBe('1000032');
  });

  it('keeps saving fast-reload images after the main branch is deleted', async () => {
    const store = memoryStore();
    const host = new Host(store);
    await host.start();
    await host.goto({ branch: 'main', node: 19 });
    await host.act({ action: 'chain.advance', blocks: 2 });
    await host.deleteBranch('main');
    await host.act({ action: 'chain.advance', blocks: 3 });
    await host.flush();
    const again = new Host(store);
    const r = await again.start();
    expect(again.startedFrom).toBe('image');
    expect(r.update.world.block).toBe('1000045');
  });

  it('reports a corrupt saved session, keeps it in Kept sandboxes and starts clean', async () => {
    const store = memoryStore();
    const broken = '{"format":"restaking-sandbox/session@1","nodes":';
    await store.set(KEYS.session, broken);
    const host = new Host(store);
    const r = await host.start();
    expect(r.notice).toMatch(/could not be restored \(the saved sandbox is not valid JSON/);
    expect(r.notice).toMatch(/kept under "Kept sandboxes"/);
    expect(r.update.header?.source).toBe('preset:playground');
    const kept = await host.keptSandboxes();
    expect(kept).toHaveLength(1);
    expect(await host.keptRecord(kept[0]?.id ?? '')).toBe(broken);
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
