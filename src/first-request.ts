// The page's first question to the chain worker, asked as soon as this module runs: main.ts imports it right
// after the worker is started, before the rest of the page's bundle is evaluated and the app mounted. The
// worker answers while the page's own script still runs, and the first session is applied as soon as the page
// is free, instead of two round trips after the mount. A page opened with a link asks nothing here: its worker
// waits for the link's own sandbox (link-first.ts), which the app opens itself.
import { connectChain, type ChainClient } from './engine/chain-client.ts';
import { chainWorkerName, readWorkerName } from './engine/link-first.ts';

/** The page's one handle on the worker, and its first session's answer when it was asked for here. */
export interface FirstRequest {
  worker: ChainClient;
  start: ReturnType<ChainClient['start']> | null;
}

function ask(): FirstRequest {
  const worker = connectChain();
  // The worker's name says whether a link opens first; it depends on the fragment alone, as here.
  if (readWorkerName(chainWorkerName(location.hash, true)).linkFirst) return { worker, start: null };
  const start = worker.start();
  // A failure is the app's to report (SandboxApp.start); this copy only keeps it from going unhandled.
  start.catch(() => undefined);
  return { worker, start };
}

export const firstRequest = ask();
