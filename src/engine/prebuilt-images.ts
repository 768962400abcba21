// The prebuilt images themselves (npm run images): the index naming them and one chunk per image, fetched
// when first asked for. Kept apart from prebuilt.ts (which needs the session code) so the chain worker can
// start fetching the image its first load will restore before the rest of its code has been evaluated
// (chain-worker-prefetch.ts).
import index from './prebuilt-index.json' with { type: 'json' };
import type { PrebuiltIndex } from './prebuilt-digest.ts';
import type { SessionImage } from './session-image.ts';

export const PREBUILT_INDEX = index as PrebuiltIndex;
const files = import.meta.glob<SessionImage>('./images/*.json', { import: 'default' });

/** Whether a prebuilt image is named `id` (`playground`, `lesson-06-slashing`). */
export function hasPrebuiltImage(id: string): boolean {
  return files[`./images/${id}.json`] !== undefined && PREBUILT_INDEX.images.some((i) => i.id === id);
}

/** A prebuilt image by id. The module system fetches each image once; later calls share it. */
export async function prebuiltImage(id: string): Promise<SessionImage> {
  const load = files[`./images/${id}.json`];
  if (load === undefined || !hasPrebuiltImage(id)) throw new Error(`there is no prebuilt image "${id}"`);
  return load();
}

/**
 * Starts fetching an image the worker will most likely need, and says whether it did. Unknown ids are
 * ignored and a failed fetch is left to the load that needs the image, which reports it.
 */
export function prefetchPrebuilt(id: string): boolean {
  if (!hasPrebuiltImage(id)) return false;
  prebuiltImage(id).catch(() => undefined);
  return true;
}
