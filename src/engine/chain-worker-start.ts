// Starting the chain worker, kept apart from Comlink and the app so the page's first script stays tiny.
const KEY = '__restakingSandboxWorker';

/** Starts the worker once per page; later calls return the same one. */
export function startChainWorker(): Worker {
  const g = globalThis as unknown as Record<string, Worker | undefined>;
  g[KEY] ??= new Worker(new URL('./chain-worker.ts', import.meta.url), { type: 'module' });
  return g[KEY];
}
