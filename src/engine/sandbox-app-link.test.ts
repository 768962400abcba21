// A page opened with a share link asks the worker to open it before the app exists (first-request.ts,
// `openShareLink`): the app then shows exactly the session the page's own path would have loaded, says what is
// wrong with a broken link (and opens the saved or default sandbox instead), and asks the worker for nothing
// twice.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChainClient } from './chain-client.ts';
import { Host, type Loaded } from './host.ts';
import { SandboxApp } from './sandbox-app.svelte.ts';
import { openShareFragment, type LinkOpening } from './share-open.ts';
import { encodeShare } from './share.ts';
import { memoryStore } from './store.ts';

beforeAll(() => {
  vi.stubGlobal('navigator', {});
  vi.stubGlobal('location', { hash: '' });
  vi.stubGlobal(
    'Worker',
    class {
      addEventListener() {}
    },
  );
});

/** A link-first worker's API in process (chain-worker-api.ts), counting what the page asks of it. */
function linkWorker() {
  const host = new Host(memoryStore());
  const linking = host.startForLink();
  const calls = { start: 0, loads: 0 };
  const load = (what: Parameters<Parameters<typeof openShareFragment>[1]>[0]) =>
    what.kind === 'preset'
      ? host.loadPreset(what.id, what.position)
      : host.loadScenario(what.json, 'shared link', what.position);
  const api = {
    start: () => (calls.start++, host.start()),
    linkFirst: async () => ({ replaces: await linking }),
    presets: async () => host.presets(),
    watchSaves: async () => undefined,
    keptSandboxes: async () => [],
    loadPreset: (id: string, at: number | null) => (calls.loads++, host.loadPreset(id, at)),
    loadScenario: (json: unknown, source: string, at: number | null) => (
      calls.loads++,
      host.loadScenario(json, source, at)
    ),
    openShareLink: (fragment: string) => openShareFragment(fragment, load),
  };
  return { client: api as unknown as ChainClient, calls };
}

const STEPS = [
  { action: 'lst.stake', by: 'alice', amount: '2 ETH' },
  { action: 'chain.advance', blocks: 3 },
  { action: 'lst.stake', by: 'alice', amount: '1 ETH' },
];

/** The session as the page holds it, as text: what two ways of opening one link must agree on. */
const shown = (app: SandboxApp) =>
  JSON.stringify({ s: app.session, p: app.problem, prev: app.previousAvailable }, (_k, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  );

async function opened(fragment: string, early: boolean) {
  const { client, calls } = linkWorker();
  const linked: Promise<LinkOpening<Loaded>> | null = early ? client.openShareLink(fragment) : null;
  const app = new SandboxApp(client, null, linked);
  await app.start(fragment);
  return { app, calls };
}

describe('a share link opened by the worker before the app exists', () => {
  it('shows the session the page would have loaded itself, and loads nothing again', async () => {
    for (const target of [
      {
        kind: 'steps' as const,
        base: { kind: 'preset' as const, id: 'playground' },
        steps: STEPS,
        position: 1,
      },
      { kind: 'preset' as const, preset: 'single-avs-slash', position: null },
    ]) {
      const fragment = `#${await encodeShare(target)}`;
      const early = await opened(fragment, true);
      const late = await opened(fragment, false);
      expect(early.app.problem).toBeNull();
      expect(early.calls).toEqual({ start: 0, loads: 0 });
      expect(late.calls).toEqual({ start: 0, loads: 1 });
      expect(shown(early.app)).toBe(shown(late.app));
    }
  });

  it('says what is wrong with a broken or refused link, exactly as before, and opens the sandbox instead', async () => {
    const good = await encodeShare({
      kind: 'steps',
      base: { kind: 'preset', id: 'playground' },
      steps: STEPS,
      position: null,
    });
    for (const fragment of [`#${good.slice(0, -3)}`, '#p=nowhere&s=stk,alice,1_ETH', '#scenario=AAAA']) {
      const early = await opened(fragment, true);
      const late = await opened(fragment, false);
      expect(early.app.problem).not.toBeNull();
      expect(early.app.problem).toEqual(late.app.problem);
      expect(early.calls.start).toBe(1);
      expect(shown(early.app)).toBe(shown(late.app));
    }
  });
});
