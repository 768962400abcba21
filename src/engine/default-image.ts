// The prebuilt session images (npm run images; Node only): the page's default session (the playground preset
// run to its end) and each lesson's starting sandbox, so neither a first visit nor a lesson or share link
// deploys the contracts or replays a scenario in the page. The index names each image by a digest of the
// scenario it ran (prebuilt.ts), which is how a load finds the image that starts it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AnyStateMachine } from 'xstate';
import { analyzeNetwork, toAnalysisJson } from '../analysis/analyze.ts';
import { formatValidationError, validateNetwork } from '../analysis/network.ts';
import { networkFromWorld } from '../protocol/network-from-world.ts';
import { getPreset } from '../protocol/scenarios/index.ts';
import { parseLessonFile } from './lesson-file.ts';
import { lessonFileMachine, resolveLessonFile } from './lesson-file-compile.ts';
import { walkThrough, type Analyzer } from './lesson-walk.ts';
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

/** A lesson's machine: its machine.ts, or its lesson@1 file compiled. */
export async function lessonMachine(id: string): Promise<AnyStateMachine> {
  const folder = new URL(`${id}/`, LESSONS);
  const file = new URL('lesson.json', folder);
  if (!existsSync(file))
    return ((await import(new URL('machine.ts', folder).href)) as { machine: AnyStateMachine }).machine;
  const parsed = parseLessonFile(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`lessons/${id}/lesson.json: ${parsed.problems.join('; ')}`);
  return lessonFileMachine(parsed.file);
}

/** The analyzer as the worker runs it for a lesson (chain-worker.ts analyzeWorld). */
export const lessonAnalyzer: Analyzer = async (world, input) => {
  const checked = validateNetwork(networkFromWorld(world, input.options));
  if (!checked.ok) return { ok: false, problems: checked.errors.map(formatValidationError) };
  return {
    ok: true,
    network: checked.network,
    analysis: toAnalysisJson(await analyzeNetwork(checked.network)),
  };
};

/**
 * A lesson's image: its starting sandbox, and the walk-through a lesson link plays (lesson-walk.ts) kept
 * apart from the history (session-walk.ts), so a link to a later step runs none of its steps again.
 */
async function lessonImage(json: unknown, source: string, id: string): Promise<SessionImage> {
  const session = await Session.load(json, source);
  const start = { ...session.cursor };
  const head = session.branch(start.branch).head;
  const before = new Set(session.entries.keys());
  await walkThrough(session, await lessonMachine(id), lessonAnalyzer);
  const walked = [...session.entries.values()].filter((e) => !before.has(e.node.id));
  if (session.branches.length !== 1) throw new Error(`lessons/${id}: the walk-through made a branch`);
  await session.goto(start);
  for (const e of walked) session.entries.delete(e.node.id);
  session.branch(start.branch).head = head;
  return imageOfSession(session, true, walked);
}

/** Every scenario that gets a prebuilt image: the default preset, then each lesson's starting scenario. */
export async function prebuiltScenarios(): Promise<
  { id: string; json: unknown; source: string; lesson?: string }[]
> {
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
        lesson: id,
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
  for (const { id, json, source, lesson } of await prebuiltScenarios()) {
    const image =
      lesson === undefined
        ? await imageOfSession(await Session.load(json, source), true)
        : await lessonImage(json, source, lesson);
    files.set(`${id}.json`, image);
    const steps = (json as { steps: unknown[] }).steps;
    index.images.push({ id, steps: steps.length, digest: scenarioDigest(json, steps.length) });
    if (id === DEFAULT_PRESET) index.build = image.chain.root;
  }
  return { files, index };
}
