// Nothing a person made is lost without being told: damaged records are kept (never overwritten by the
// next failure), failed saves are reported and retried, and two tabs never overwrite each other silently.
import { describe, expect, it } from 'vitest';
import { Host } from './host.ts';
import type { SaveStatus } from './saver.ts';
import { KEYS, memoryStore } from './store.ts';
import type { TabEvent, TabLock } from './tab-lock.ts';

/** Web Locks in miniature: one holder at a time, ifAvailable at start, steal on take-over. */
function lockManager() {
  const tabs: { lock: TabLock & { leads: boolean }; hear: (leads: boolean, e: TabEvent) => void }[] = [];
  return (): TabLock => {
    const tab = {
      hear: (_leads: boolean, _e: TabEvent) => undefined as void,
      lock: {
        leads: false,
        start: async (onChange: (leads: boolean, e: TabEvent) => void) => {
          tab.hear = onChange;
          tab.lock.leads = !tabs.some((t) => t.lock.leads);
          tabs.push(tab);
          return tab.lock.leads;
        },
        takeOver: async () => {
          for (const t of tabs)
            if (t !== tab && t.lock.leads) {
              t.lock.leads = false;
              t.hear(false, 'lost');
            }
          tab.lock.leads = true;
          tab.hear(true, 'took-over');
        },
      },
    };
    return tab.lock;
  };
}

/** The newest status a host reported. */
function statusOf(host: Host): () => SaveStatus {
  let last: SaveStatus | null = null;
  host.watchSaves((s) => (last = s));
  return () => {
    if (last === null) throw new Error('no status');
    return last;
  };
}

describe('Host: kept sandboxes', () => {
  it('keeps every damaged record under its own entry, never overwriting the last one', async () => {
    const store = memoryStore();
    await store.set(KEYS.session, 'first damaged record');
    await new Host(store).start();
    // The clean start was saved; damage it again and reload.
    await store.set(KEYS.session, '{"format": "restaking-sandbox/session@1"}');
    const host = new Host(store);
    const r = await host.start();
    expect(r.notice).toMatch(/could not be restored \(saved session: source: /);
    const kept = await host.keptSandboxes();
    expect(kept).toHaveLength(2);
    const records = await Promise.all(kept.map((k) => host.keptRecord(k.id)));
    expect(records.sort()).toEqual(['first damaged record', '{"format": "restaking-sandbox/session@1"}']);
  });

  it('keeps a saved record that is not text, with a notice, and restores a kept session', async () => {
    const store = memoryStore();
    const first = new Host(store);
    await first.start();
    await first.act({ action: 'chain.advance', blocks: 7 });
    const good = store.data.get(KEYS.session);
    // IndexedDB can hold any value: an object where the text should be (another build, an extension).
    const odd = JSON.parse(good ?? '') as unknown;
    (store.data as Map<string, unknown>).set(KEYS.session, odd);
    const host = new Host(store);
    const r = await host.start();
    expect(r.notice).toMatch(/could not be restored \(it is not text\)/);
    const [kept] = await host.keptSandboxes();
    expect(kept).toMatchObject({ steps: 21, title: expect.stringMatching(/^Playground/) as unknown });
    const back = await host.restoreKept(kept?.id ?? '');
    expect(back.ok && back.update.world.block).toBe('1000047');
    // Restoring does not remove it: only a person deletes a kept sandbox.
    expect(await host.keptSandboxes()).toHaveLength(1);
    await host.dropKept(kept?.id ?? '');
    expect(await host.keptSandboxes()).toHaveLength(0);
  });

  it('refuses duplicate step ids in a session file', async () => {
    const host = new Host(memoryStore());
    await host.start();
    const doc = host.exportSession() as { nodes: { id: number }[] };
    const nodes = doc.nodes.map((n, i) => (i === 3 ? { ...n, id: 2 } : n));
    const r = await host.importSession({ ...doc, nodes });
    expect(r.ok === false && r.problem.message).toMatch(
      /nodes\[3\]\.id: 2 is already the id of an earlier step/,
    );
  });
});

describe('Host: failed saves', () => {
  it('reports a failed save at once, keeps working, and a retry saves everything', async () => {
    const store = memoryStore();
    let full = false;
    const quota = {
      ...store,
      set: (k: string, v: string) =>
        full
          ? Promise.reject(new DOMException('the quota has been exceeded', 'QuotaExceededError'))
          : store.set(k, v),
    };
    const host = new Host(quota);
    const status = statusOf(host);
    await host.start();
    expect(status().unsaved).toBeNull();
    full = true;
    const out = await host.act({ action: 'chain.advance', blocks: 3 });
    expect(out.ok).toBe(true);
    expect(status().unsaved).toBe('QuotaExceededError: the quota has been exceeded');
    await host.act({ action: 'chain.advance', blocks: 4 });
    expect(JSON.parse(store.data.get(KEYS.session) ?? '').nodes).toHaveLength(20);
    full = false;
    expect((await host.retrySave()).unsaved).toBeNull();
    expect(status().unsaved).toBeNull();
    const reloaded = await new Host(store).start();
    expect(reloaded.update.world.block).toBe('1000047');
  });
});

describe('Host: two tabs', () => {
  it('only the leading tab saves; taking over keeps the other tab’s work in Kept sandboxes', async () => {
    const store = memoryStore();
    const lock = lockManager();
    const a = new Host(store, lock());
    const b = new Host(store, lock());
    const [aStatus, bStatus] = [statusOf(a), statusOf(b)];
    await a.start();
    await b.start();
    expect(aStatus().leads).toBe(true);
    expect(bStatus().leads).toBe(false);
    await a.act({ action: 'lst.stake', by: 'carol', amount: '4 ETH' });
    await b.act({ action: 'lst.stake', by: 'carol', amount: '9 ETH' });
    // B's step is not written over A's.
    const saved = () => JSON.parse(store.data.get(KEYS.session) ?? '') as { nodes: { step: unknown }[] };
    expect(saved().nodes.at(-1)?.step).toMatchObject({ amount: '4 ETH' });
    await b.takeOver();
    await b.retrySave();
    expect(bStatus()).toMatchObject({ leads: true, tabEvent: 'took-over' });
    expect(aStatus()).toMatchObject({ leads: false, tabEvent: 'lost' });
    expect(saved().nodes.at(-1)?.step).toMatchObject({ amount: '9 ETH' });
    const [kept] = await b.keptSandboxes();
    expect(kept?.why).toMatch(/Another tab saved this sandbox/);
    const keptDoc = JSON.parse((await b.keptRecord(kept?.id ?? '')) ?? '') as { nodes: { step: unknown }[] };
    expect(keptDoc.nodes.at(-1)?.step).toMatchObject({ amount: '4 ETH' });
    // A no longer writes.
    await a.act({ action: 'chain.advance', blocks: 1 });
    expect(saved().nodes.at(-1)?.step).toMatchObject({ amount: '9 ETH' });
  });
});
