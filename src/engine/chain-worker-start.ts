// Starting the chain worker, kept apart from Comlink and the app so the page's first script stays tiny. The
// built site starts it even earlier, from an inline script that vite.config.ts writes into index.html; this
// picks that worker up.
import { chainWorkerName, startsWithFirstScreen } from './link-first.ts';

const KEY = '__restakingSandboxWorker';

/** Starts the worker once per page; later calls return the same one. */
export function startChainWorker(): Worker {
  const g = globalThis as unknown as Record<string, Worker | undefined>;
  const firstVisit = !('serviceWorker' in navigator) || navigator.serviceWorker.controller === null;
  const name = chainWorkerName(location.hash, firstVisit);
  g[KEY] ??= startsWithFirstScreen(name)
    ? new Worker(new URL('./chain-worker.ts', import.meta.url), { type: 'module', name })
    : new Worker(new URL('./chain-worker-core.ts', import.meta.url), { type: 'module', name });
  return g[KEY];
}
