// How a load recognises a scenario that a prebuilt image starts: a digest of the scenario's header and its
// first n steps, written with sorted keys (so the order fields were written in does not matter). Kept apart
// from prebuilt.ts so `npm run images` can use it without the images themselves.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonical } from './share-base.ts';

/** The prebuilt images' index (prebuilt-index.json): the default image's state root and every image's key. */
export interface PrebuiltIndex {
  /** The default image's state root: it changes whenever the contracts or their deployment change. */
  build: string;
  images: { id: string; steps: number; digest: string }[];
}

const utf8 = new TextEncoder();

/**
 * The digests of a scenario file cut after each of `counts` steps, in that order: the keccak of the UTF-8 of
 * `canonical({ ...json, steps: steps.slice(0, n) })`. The cuts share their text up to the shorter one's steps,
 * so that text is hashed once and each cut only finishes its own copy of the hash: a link that several images
 * could start (a lesson's, then the playground's) hashes its scenario once, not once per image.
 */
export function scenarioDigests(json: unknown, counts: readonly number[]): string[] {
  const s = json as Record<string, unknown>;
  const all = Array.isArray(s.steps) ? (s.steps as unknown[]) : [];
  // The text around the steps, as `canonical` writes the top level: keys sorted, undefined fields left out.
  const fields = Object.entries({ ...s, steps: [] })
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const at = fields.findIndex(([k]) => k === 'steps');
  const field = ([k, v]: [string, unknown]) => `${JSON.stringify(k)}:${canonical(v)}`;
  const before = fields.slice(0, at).map(field);
  const after = fields.slice(at + 1).map(field);
  const head = `{${[...before, '"steps":['].join(',')}`;
  const tail = utf8.encode(`]${after.length === 0 ? '' : ','}${after.join(',')}}`);
  // Where `steps.slice(0, n)` cuts.
  const cutAt = (n: number) =>
    n < 0 ? Math.max(0, all.length + Math.trunc(n)) : Math.min(Math.trunc(n), all.length);
  const cuts = counts.map(cutAt);
  const wanted = new Map<number, string>();
  const last = Math.max(0, ...cuts);
  const hash = keccak_256.create().update(utf8.encode(head));
  for (let n = 0; ; n++) {
    if (cuts.includes(n)) wanted.set(n, `0x${bytesToHex(hash.clone().update(tail).digest())}`);
    if (n >= last) break;
    hash.update(utf8.encode(`${n === 0 ? '' : ','}${canonical(all[n])}`));
  }
  return cuts.map((n) => wanted.get(n) ?? '');
}

/** The digest of a scenario file cut after its first `steps` steps. */
export function scenarioDigest(json: unknown, steps: number): string {
  return scenarioDigests(json, [steps])[0] ?? '';
}
