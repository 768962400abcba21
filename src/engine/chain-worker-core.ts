// The worker the chain runs in, started by the page's worker (chain-worker.ts) on a thread of its own: its
// compiling and first steps never hold up the answers that worker gives while the chain loads. This entry is
// tiny: it starts fetching the image its first load will most likely restore (chain-worker-prefetch.ts) and
// loads the chain's code (chain-worker-api.ts), which opens its first session as the page's worker says
// (`open`, sent as soon as it knows whether it answered the first screen). Calls wait for both, in order.
import './chain-worker-hex.ts';
import './chain-worker-prefetch.ts';
import * as Comlink from 'comlink';
import type { ChainWorkerApi, OpenWith } from './chain-worker-api.ts';
import { readWorkerName } from './link-first.ts';

/**
 * How to open the first session: told by the first screen's worker once it knows (`open`) when this one runs
 * behind it; else, started by the page itself for a link or saved work, at once.
 */
let opened: (how: OpenWith) => void = () => undefined;
const how = new Promise<OpenWith>((resolve) => (opened = resolve));
const { linkFirst, behind } = readWorkerName(typeof self === 'undefined' ? '' : self.name);
if (!behind) opened({ linkFirst, firstScreen: false });
const chain: Promise<ChainWorkerApi> = Promise.all([import('./chain-worker-api.ts'), how]).then(([m, open]) =>
  m.chainWorkerApi(open),
);
// Code that cannot load is this worker's error, which the page's worker passes on.
chain.catch((e: unknown) => {
  setTimeout(() => {
    throw e instanceof Error ? e : new Error(String(e));
  });
});

/** What the page's worker sees of this one: the chain's API, and how to open its first session. */
export type ChainCore = ChainWorkerApi & { open: (how: OpenWith) => void };

Comlink.expose(
  new Proxy({} as ChainCore, {
    get(_, key) {
      if (typeof key !== 'string') return undefined;
      if (key === 'open') return opened;
      return async (...args: unknown[]) => {
        const method = ((await chain) as unknown as Record<string, (...a: unknown[]) => unknown>)[key];
        if (typeof method !== 'function') throw new TypeError(`the chain worker has no method "${key}"`);
        return method(...args);
      };
    },
  }),
);
