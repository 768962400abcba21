// Loads that start from a prebuilt image (images/, built by `npm run images`): a scenario whose header and
// first steps are those of an image's scenario (the playground, a lesson's start, a share link built on
// either) restores the image, renamed to the load's source, and performs only the steps after it, in one
// batch that reads the world only where it ends. The result is the session Session.load would build (a
// test holds them equal); anything an image does not start loads the slow way. Each image is a separate
// chunk, fetched only when a load needs it.
import { validateScenario } from '../protocol/scenario-schema.ts';
import { MAX_STEPS } from './input-limits.ts';
import { scenarioDigests } from './prebuilt-digest.ts';
import { PREBUILT_INDEX as INDEX, prebuiltImage } from './prebuilt-images.ts';
import { sessionFromImage } from './session-image.ts';
import type { StepJson } from './session-types.ts';
import { Session, SessionError } from './session.ts';

/** The default image's state root: ties the reload cache to this build's contracts (image-cache.ts). */
export const BUILD = INDEX.build;

/** The images, those covering most steps first: the first whose digest matches is the one a load uses. */
const LONGEST_FIRST = [...INDEX.images].sort((a, b) => b.steps - a.steps);

/**
 * The image that starts `json` (the one covering most of its steps), or undefined. The scenario is hashed
 * once for every image that could start it (scenarioDigests): a share link that two lessons' images could
 * also start (they have more steps than the playground's) used to be written out and hashed three times.
 */
export function prebuiltFor(json: unknown): { id: string; steps: number } | undefined {
  const steps = (json as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps) || steps.length > MAX_STEPS) return undefined;
  const candidates = LONGEST_FIRST.filter((i) => i.steps <= steps.length);
  const digests = scenarioDigests(
    json,
    candidates.map((i) => i.steps),
  );
  return candidates.find((i, k) => digests[k] === i.digest);
}

/**
 * `Session.load(json, source)` from a prebuilt image when one starts `json`, else null. A scenario that is
 * invalid is left to Session.load, so its refusal reads the same either way.
 */
export async function prebuiltSession(json: unknown, source: string): Promise<Session | null> {
  const found = prebuiltFor(json);
  if (found === undefined) return null;
  const checked = validateScenario(json);
  if (!checked.ok) return null;
  const raw = (json as { steps: StepJson[] }).steps;
  const session = await sessionFromImage(await prebuiltImage(found.id), source);
  for (let i = found.steps; i < raw.length; i++) {
    const step = raw[i];
    if (step === undefined) break;
    const last = i === raw.length - 1;
    // Only the last step's state root is needed now: the others are worked out when first asked for.
    const r = await session.attempt(step, undefined, last, checked.scenario.steps[i], !last);
    if ('kind' in r) throw new SessionError(r);
  }
  return session;
}
