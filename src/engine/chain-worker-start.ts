// Starting the chain worker, kept apart from Comlink and the app so the page's first script stays tiny. The
// built site starts it even earlier, from an inline script that vite.config.ts writes into index.html; this
// picks that worker up.
import { chainWorkerName } from './link-first.ts';

const KEY = '__restakingSandboxWorker';

/** Starts the worker once per page; later calls return the same one. */
export function startChainWorker(): Worker {
  const g = globalThis as unknown as Record<string, Worker | undefined>;
  const firstVisit = !('serviceWorker' in navigator) || navigator.serviceWorker.controller === null;
  g[KEY] ??= new Worker(new URL('./chain-worker.ts', import.meta.url), {
    type: 'module',
    name: chainWorkerName(location.hash, firstVisit),
  });
  return g[KEY];
}
