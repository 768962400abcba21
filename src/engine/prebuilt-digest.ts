// How a load recognises a scenario that a prebuilt image starts: a digest of the scenario's header and its
// first n steps, written with sorted keys (so the order fields were written in does not matter). Kept apart
// from prebuilt.ts so `npm run images` can use it without the images themselves.
import { keccak256, stringToBytes } from 'viem';
import { canonical } from './share-base.ts';

/** The prebuilt images' index (prebuilt-index.json): the default image's state root and every image's key. */
export interface PrebuiltIndex {
  /** The default image's state root: it changes whenever the contracts or their deployment change. */
  build: string;
  images: { id: string; steps: number; digest: string }[];
}

/** The digest of a scenario file cut after its first `steps` steps. */
export function scenarioDigest(json: unknown, steps: number): string {
  const s = json as { steps?: unknown };
  const all = Array.isArray(s.steps) ? s.steps : [];
  // Hashed as UTF-8 bytes: the same digest as of its hex form, without writing the text out in hex first.
  return keccak256(stringToBytes(canonical({ ...s, steps: all.slice(0, steps) })));
}
