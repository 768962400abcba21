// The page's handle on the chain worker: a typed Comlink proxy.
import * as Comlink from 'comlink';
import type { ChainWorkerApi } from './chain-worker.ts';
import { startChainWorker } from './chain-worker-start.ts';
import type { Eip1193Provider } from './provider.ts';
import type { SandboxApp } from './sandbox-app.svelte.ts';
import type { LessonRun } from './lesson-run.svelte.ts';

export type ChainClient = Comlink.Remote<ChainWorkerApi>;

export function connectChain(): ChainClient {
  return Comlink.wrap<ChainWorkerApi>(startChainWorker());
}

/** Passes a page function to the worker, which calls it back (status updates). */
export const callback = <T extends (...args: never[]) => void>(fn: T): T => Comlink.proxy(fn);

/** Rejects when the worker fails to load or run its script (a 404, a CSP refusal, a syntax error). */
export function workerFailure(): Promise<never> {
  return new Promise((_, reject) => {
    startChainWorker().addEventListener('error', (e) =>
      reject(new Error(e.message || 'the chain worker failed to load')),
    );
  });
}

declare global {
  interface Window {
    /**
     * A scripting handle for the console and for tests: `provider` is an EIP-1193 provider over the in-page
     * chain (use it with viem's `custom` transport), `worker` the chain worker's whole API,
     * `app` the page's state (the session, undo, act) as the views use it, `lesson` the lesson on screen.
     */
    sandbox?: { worker: ChainClient; provider: Eip1193Provider; app: SandboxApp; lesson?: LessonRun | null };
  }
}
