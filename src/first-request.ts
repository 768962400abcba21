// The page's first question to the chain worker, asked as soon as this module runs: main.ts imports it right
// after the worker is started, before the rest of the page's bundle is evaluated and the app mounted. The
// worker answers while the page's own script still runs, and the first session is applied as soon as the page
// is free, instead of two round trips after the mount. A page opened with a share link asks the worker to open
// it (its worker waits for the link's own sandbox, link-first.ts): the link's steps are replayed while the page
// loads. A lesson link asks nothing here: the app's lesson runtime opens it.
import { connectChain, type ChainClient } from './engine/chain-client.ts';
import { chainWorkerName, readWorkerName } from './engine/link-first.ts';

/** The page's one handle on the worker, and the answer to what was asked here, if anything was. */
export interface FirstRequest {
  worker: ChainClient;
  start: ReturnType<ChainClient['start']> | null;
  link: ReturnType<ChainClient['openShareLink']> | null;
}

function ask(): FirstRequest {
  const worker = connectChain();
  // The worker's name says whether a link opens first; it depends on the fragment alone, as here.
  const linkFirst = readWorkerName(chainWorkerName(location.hash, true)).linkFirst;
  // A lesson link is opened by the page's lesson runtime, which needs the lessons' code: asked for later.
  if (linkFirst && location.hash.includes('lesson=')) return { worker, start: null, link: null };
  // A failure is the app's to report (SandboxApp.start); these copies only keep it from going unhandled.
  if (linkFirst) {
    const link = worker.openShareLink(location.hash);
    link.catch(() => undefined);
    return { worker, start: null, link };
  }
  const start = worker.start();
  start.catch(() => undefined);
  return { worker, start, link: null };
}

export const firstRequest = ask();
