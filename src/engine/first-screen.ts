// A first visit's first screen, before the chain's code has loaded: the answer the worker's start() gives
// when nothing is saved (the default sandbox, as Host.start() opens it from the playground's prebuilt image)
// and the preset list, both taken at build time by `npm run images` (first-screen-build.ts) and held equal to
// a live Host's answers by a test. The worker's first chunk sends them while its second chunk (the EVM, the
// contracts' code, the session) is still loading; that chunk then opens the same session, and every call
// that needs the chain waits for it.
import type { PresetSummary } from '../protocol/scenarios/index.ts';
import type { World } from '../protocol/world-types.ts';
import first from './first-screen.json' with { type: 'json' };
import type { Loaded } from './host.ts';
import index from './prebuilt-index.json' with { type: 'json' };
import type { StoredWorld } from './session-image-worlds.ts';
import { KEYS, type KeyValueStore } from './store.ts';

export interface FirstScreen {
  /** The playground image's state root (prebuilt-index.json's `build`) it was taken from. */
  build: string;
  presets: PresetSummary[];
  start: Loaded & { ok: true };
  /**
   * The world at every position of its history, what undo, redo and moves show: genesis whole, each node's as
   * the changes from its parent's (session-image-worlds.ts), parents first.
   */
  genesisWorld: World;
  worlds: [node: number, world: StoredWorld][];
}

export const FIRST_SCREEN = first as unknown as FirstScreen;

/**
 * Whether the first screen can be answered now: nothing is saved in `store` (a reload of saved work opens
 * that instead, through the chain), and the answer was taken from this build's image. A store that cannot be
 * read leaves the answer to the chain, which says why nothing can be saved.
 */
export async function opensFirstScreen(store: KeyValueStore, screen = FIRST_SCREEN): Promise<boolean> {
  if (screen.build !== index.build) return false;
  try {
    return (await store.get(KEYS.session)) === undefined;
  } catch {
    return false;
  }
}
