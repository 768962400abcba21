// The worker the chain runs in, started by the page's worker (chain-worker.ts) on a thread of its own: its
// compiling and first steps never hold up the answers that worker gives while the chain loads. This entry is
// tiny: it starts fetching the image its first load will most likely restore (chain-worker-prefetch.ts), then
// loads the chain's code (chain-worker-api.ts); calls that arrive meanwhile wait for it, in order.
import './chain-worker-prefetch.ts';
import * as Comlink from 'comlink';
import type { ChainWorkerApi } from './chain-worker-api.ts';
import { readWorkerName } from './link-first.ts';

const { linkFirst, firstScreen } = readWorkerName(typeof self === 'undefined' ? '' : self.name);
const chain: Promise<ChainWorkerApi> = import('./chain-worker-api.ts').then((m) =>
  m.chainWorkerApi({ linkFirst, firstScreen }),
);
// Code that cannot load is this worker's error, which the page's worker passes on.
chain.catch((e: unknown) => {
  setTimeout(() => {
    throw e instanceof Error ? e : new Error(String(e));
  });
});

Comlink.expose(
  new Proxy({} as ChainWorkerApi, {
    get(_, key) {
      if (typeof key !== 'string') return undefined;
      return async (...args: unknown[]) => {
        const method = ((await chain) as unknown as Record<string, (...a: unknown[]) => unknown>)[key];
        if (typeof method !== 'function') throw new TypeError(`the chain worker has no method "${key}"`);
        return method(...args);
      };
    },
  }),
);
