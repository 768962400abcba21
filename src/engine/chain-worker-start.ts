// Starting the chain worker, kept apart from Comlink and the app so the page's first script stays tiny.
import { LINK_FIRST, LINK_FRAGMENT } from './link-first.ts';

const KEY = '__restakingSandboxWorker';

/** Starts the worker once per page; later calls return the same one. */
export function startChainWorker(): Worker {
  const g = globalThis as unknown as Record<string, Worker | undefined>;
  const name = LINK_FRAGMENT.test(location.hash) ? LINK_FIRST : '';
  g[KEY] ??= new Worker(new URL('./chain-worker.ts', import.meta.url), { type: 'module', name });
  return g[KEY];
}
