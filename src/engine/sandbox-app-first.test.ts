// The page asks the worker for its first session before the app exists (first-request.ts): the app then opens
// with that answer and does not ask again; without one it asks once, as before.
import { beforeAll, expect, it, vi } from 'vitest';
import type { ChainClient } from './chain-client.ts';
import { Host } from './host.ts';
import { SandboxApp } from './sandbox-app.svelte.ts';
import { memoryStore } from './store.ts';

// The app also listens for the worker failing to load (chain-client.ts): a worker that never fails.
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

/** The worker's API in process, counting the start requests. */
function inProcess(host: Host) {
  const calls = { start: 0 };
  const api = {
    start: () => {
      calls.start += 1;
      return host.start();
    },
    linkFirst: async () => null,
    presets: async () => host.presets(),
    watchSaves: async () => undefined,
    keptSandboxes: async () => [],
  };
  return { client: api as unknown as ChainClient, calls };
}

it('opens with the start answer asked for early, and asks for no other', async () => {
  const host = new Host(memoryStore());
  const { client, calls } = inProcess(host);
  const early = client.start();
  const app = new SandboxApp(client, early);
  await app.start('');
  expect(app.problem).toBeNull();
  expect(calls.start).toBe(1);
  const answer = await early;
  if (!answer.ok) throw new Error('the host did not start');
  expect(app.session?.cursor).toEqual(answer.update.cursor);
  expect(app.session?.world).toEqual(answer.update.world);
  expect(app.session?.title).toBe(answer.update.header?.title);
});

it('without an early answer, asks the worker once', async () => {
  const { client, calls } = inProcess(new Host(memoryStore()));
  const app = new SandboxApp(client);
  await app.start('');
  expect(calls.start).toBe(1);
  expect(app.problem).toBeNull();
  expect(app.session).not.toBeNull();
});
