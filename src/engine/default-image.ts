// The prebuilt session images (npm run images; Node only): the page's default session (the playground preset
// run to its end) and each lesson's starting sandbox, so neither a first visit nor a lesson or share link
// deploys the contracts or replays a scenario in the page. The index names each image by a digest of the
// scenario it ran (prebuilt.ts), which is how a load finds the image that starts it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPreset } from '../protocol/scenarios/index.ts';
import { parseLessonFile } from './lesson-file.ts';
import { resolveLessonFile } from './lesson-file-compile.ts';
import { scenarioDigest, type PrebuiltIndex } from './prebuilt-digest.ts';
import { imageOfSession, type SessionImage } from './session-image.ts';
import { Session } from './session.ts';

export const DEFAULT_PRESET = 'playground';
export const DEFAULT_IMAGE_FILE = 'playground.json';

export async function buildDefaultImage(): Promise<SessionImage> {
  const session = await Session.load(getPreset(DEFAULT_PRESET)?.json, `preset:${DEFAULT_PRESET}`);
  return imageOfSession(session, true);
}

const LESSONS = new URL('../../lessons/', import.meta.url);

/**
 * A lesson's starting scenario as the page's catalog gives it: its scenario.json, or for a lesson written as
 * a lesson@1 file, the file's start and setup resolved the way the compiler resolves them (so the digest the
 * page computes for the lesson's load finds this image).
 */
async function lessonScenario(id: string): Promise<unknown> {
  const folder = new URL(`${id}/`, LESSONS);
  const scenario = new URL('scenario.json', folder);
  if (existsSync(scenario)) return JSON.parse(readFileSync(scenario, 'utf8')) as unknown;
  const parsed = parseLessonFile(JSON.parse(readFileSync(new URL('lesson.json', folder), 'utf8')));
  if (!parsed.ok) throw new Error(`lessons/${id}/lesson.json: ${parsed.problems.join('; ')}`);
  const resolved = await resolveLessonFile(parsed.file, lessonScenario);
  if (!resolved.ok) throw new Error(`lessons/${id}/lesson.json: ${JSON.stringify(resolved.problems)}`);
  return resolved.scenario;
}

/** Every scenario that gets a prebuilt image: the default preset, then each lesson's starting scenario. */
export async function prebuiltScenarios(): Promise<{ id: string; json: unknown; source: string }[]> {
  const lessons = readdirSync(LESSONS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
    .map((d) => d.name)
    .sort();
  return [
    { id: DEFAULT_PRESET, json: getPreset(DEFAULT_PRESET)?.json, source: `preset:${DEFAULT_PRESET}` },
    ...(await Promise.all(
      lessons.map(async (id) => ({
        id: `lesson-${id}`,
        json: await lessonScenario(id),
        source: `lesson:${id}`,
      })),
    )),
  ];
}

/** Builds every prebuilt image (with every node's world) and the index that finds them. */
export async function buildPrebuiltImages(): Promise<{
  files: Map<string, SessionImage>;
  index: PrebuiltIndex;
}> {
  const files = new Map<string, SessionImage>();
  const index: PrebuiltIndex = { build: '', images: [] };
  for (const { id, json, source } of await prebuiltScenarios()) {
    const image = await imageOfSession(await Session.load(json, source), true);
    files.set(`${id}.json`, image);
    const steps = (json as { steps: unknown[] }).steps;
    index.images.push({ id, steps: steps.length, digest: scenarioDigest(json, steps.length) });
    if (id === DEFAULT_PRESET) index.build = image.chain.root;
  }
  return { files, index };
}
