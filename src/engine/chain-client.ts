// The page's handle on the chain worker: a typed Comlink proxy.
import * as Comlink from 'comlink';
import type { ChainWorkerApi } from './chain-worker.ts';

export function connectChain(): Comlink.Remote<ChainWorkerApi> {
  const worker = new Worker(new URL('./chain-worker.ts', import.meta.url), { type: 'module' });
  return Comlink.wrap<ChainWorkerApi>(worker);
}

declare global {
  interface Window {
    /** A scripting handle for the console and for tests: the chain worker's API. */
    sandbox?: { worker: Comlink.Remote<ChainWorkerApi> };
  }
}
