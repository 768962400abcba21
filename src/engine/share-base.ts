// What a short share link starts from. Sharing: the scenario on screen is matched against the presets and
// the lesson it came from, and only the steps after the match travel. Opening: the named preset or lesson
// scenario is looked up and the link's steps appended. The presets and lessons load on demand (they are
// not part of the page's first script).
import type { ShareBase, ShareTarget } from './share.ts';
import type { CompactStep } from './share-steps.ts';
import { presetScenario, withSteps } from './share-preset.ts';

interface ScenarioLike {
  steps?: unknown;
  [key: string]: unknown;
}

/** JSON with sorted keys: two scenarios are the same whatever order their fields were written in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const stepsOf = (s: ScenarioLike): unknown[] => (Array.isArray(s.steps) ? s.steps : []);
const withoutSteps = (s: ScenarioLike) => canonical({ ...s, steps: undefined });

/** The steps of `scenario` after `base`'s, or null when `scenario` does not start as `base` does. */
export function stepsAfter(base: unknown, scenario: unknown): CompactStep[] | null {
  const [b, s] = [base as ScenarioLike, scenario as ScenarioLike];
  if (typeof b !== 'object' || b === null || typeof s !== 'object' || s === null) return null;
  if (withoutSteps(b) !== withoutSteps(s)) return null;
  const [before, all] = [stepsOf(b), stepsOf(s)];
  if (before.length > all.length || before.some((step, i) => canonical(step) !== canonical(all[i])))
    return null;
  return all.slice(before.length) as CompactStep[];
}

/** The lesson a sandbox's source names (`lesson:<id>#<run>`), if any. */
export const lessonOfSource = (source: string): string | null =>
  source.startsWith('lesson:') ? (source.slice('lesson:'.length).split('#')[0] ?? null) : null;

async function baseScenario(base: ShareBase): Promise<unknown> {
  if (base.kind === 'preset') return presetScenario(base.id);
  const { lessonDoc, loadLesson } = await import('./lessons.ts');
  if (lessonDoc(base.id) === undefined)
    throw new Error(
      `The link starts from a lesson "${base.id.slice(0, 60)}" that this sandbox does not have.`,
    );
  return (await loadLesson(base.id)).scenario;
}

/** The shortest link target for the scenario on screen: its base and the steps after it, else the file. */
export async function shortTarget(scenario: unknown, source: string, position: number): Promise<ShareTarget> {
  const lesson = lessonOfSource(source);
  // A lesson opened from a lesson file is no built-in lesson a link could name: its sandbox shares as any other.
  const builtIn = lesson !== null && (await import('./lessons.ts')).lessonDoc(lesson) !== undefined;
  const bases: ShareBase[] = lesson === null || !builtIn ? [] : [{ kind: 'lesson', id: lesson }];
  const { SCENARIO_PRESETS } = await import('../protocol/scenarios/index.ts');
  bases.push(...SCENARIO_PRESETS.map((p) => ({ kind: 'preset' as const, id: p.id })));
  for (const base of bases) {
    const steps = stepsAfter(await baseScenario(base), scenario);
    if (steps !== null) return { kind: 'steps', base, steps, position };
  }
  return { kind: 'scenario', scenario, position };
}

/** The scenario a short link describes: its base with the link's steps appended. */
export async function scenarioOf(base: ShareBase, steps: readonly CompactStep[]): Promise<unknown> {
  return withSteps(await baseScenario(base), steps);
}
