// The page's first module (main.ts imports it before anything else): it only starts the chain worker, so the
// worker's much larger script loads while the rest of the page's bundle is evaluated. chain-client.ts picks the
// worker up.
import { startChainWorker } from './engine/chain-worker-start.ts';

startChainWorker();
