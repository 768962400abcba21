// What a share link asks to load, worked out once for both sides: the page (a link pasted into an open page,
// or one based on a lesson) and the chain's worker, which opens a page's first link itself as soon as the page
// asks (first-request.ts), while the page's own code is still loading.
import { checkValue } from './input-limits.ts';
import { presetScenario, withSteps } from './share-preset.ts';
import { decodeShare, type DecodedShare, type ShareBase } from './share.ts';
import type { CompactStep } from './share-steps.ts';

/** A short link's scenario from its base and steps (share-base.ts's `scenarioOf` on the page). */
export type ScenarioOf = (base: ShareBase, steps: readonly CompactStep[]) => Promise<unknown>;

/** Only a preset base: what the chain's worker opens itself. */
const fromPreset: ScenarioOf = async (base, steps) => {
  if (base.kind !== 'preset') throw new Error('a link based on a lesson is opened by the page');
  return withSteps(await presetScenario(base.id), steps);
};

/** A preset at a position, or a whole scenario (a short link's base with its steps appended). */
export type ShareLoad =
  | { kind: 'preset'; id: string; position: number | null }
  | { kind: 'scenario'; json: unknown; position: number | null };

/** What a decoded share link loads, or the message that names what is wrong with it. */
export async function shareLoad(
  shared: DecodedShare & { ok: true },
  scenarioOf: ScenarioOf,
): Promise<{ ok: true; load: ShareLoad } | { ok: false; message: string }> {
  const t = shared.target;
  if (t.kind === 'preset') return { ok: true, load: { kind: 'preset', id: t.preset, position: t.position } };
  if (t.kind === 'steps' && t.base.kind === 'preset' && t.steps.length === 0)
    return { ok: true, load: { kind: 'preset', id: t.base.id, position: t.position } };
  let json: unknown;
  try {
    json = t.kind === 'steps' ? await scenarioOf(t.base, t.steps) : t.scenario;
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  // Checked before the object is copied to (or within) the worker: a 10,000-level object overflows the copy.
  const within = checkValue(json, 'The shared link');
  if (!within.ok) return { ok: false, message: within.message };
  return { ok: true, load: { kind: 'scenario', json, position: t.position } };
}

/**
 * The chain worker's answer to a page's first link: not a share link, one the page opens itself (a short
 * link based on a lesson, whose scenario comes with the lesson's code, which the worker does not carry),
 * refused with a message, or loaded.
 */
export type LinkOpening<L> =
  { kind: 'none' } | { kind: 'page' } | { kind: 'refused'; message: string } | { kind: 'loaded'; loaded: L };

/** Decodes a fragment and, when it is a share link the worker can open, loads it with `load`. */
export async function openShareFragment<L>(
  fragment: string,
  load: (what: ShareLoad) => Promise<L>,
): Promise<LinkOpening<L>> {
  const shared = await decodeShare(fragment);
  if (shared === null) return { kind: 'none' };
  if (!shared.ok) return { kind: 'refused', message: shared.message };
  if (shared.target.kind === 'steps' && shared.target.base.kind === 'lesson') return { kind: 'page' };
  const what = await shareLoad(shared, fromPreset);
  return what.ok
    ? { kind: 'loaded', loaded: await load(what.load) }
    : { kind: 'refused', message: what.message };
}
