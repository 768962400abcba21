// The rules a compiled lesson file plays by, shared by its machine (lesson-file-compile.ts) and the dry run
// (lesson-file-check.ts): when a learner's action counts for an act step, the words of its first hint, and
// the truth of a prediction from the worlds before and after the action that judges it, and whether a read
// step's expectations hold.
import * as v from 'valibot';
import { catalogEntry } from '../protocol/action-catalog.ts';
import { StepSchema } from '../protocol/scenario-actions.ts';
import { classifyPath } from '../protocol/world-paths.ts';
import {
  direction,
  eth,
  worldValue,
  type ActedEvent,
  type Choice,
  type StepJson,
  type World,
} from './lesson-kit.ts';
import {
  DIRECTIONS,
  type ActStep,
  type Direction,
  type Expectation,
  type LessonFileStep,
  type Match,
  type PredictStep,
  type WatchedValue,
} from './lesson-file.ts';
import { choiceAmount, choiceText } from './lesson-file-choice.ts';

/** A step as the chain reads it (amounts as wei, names as written), to compare two spellings of one action. */
function normal(step: StepJson): string | null {
  const r = v.safeParse(StepSchema, step);
  if (!r.success) return null;
  const { expectRevert: _, ...rest } = r.output as Record<string, unknown>;
  return JSON.stringify(rest, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

/**
 * Whether the learner's action counts for a recorded one: it landed, and it is the same action ("kind"),
 * by the same actor ("actor"), with every field the same, amounts compared as wei ("exact").
 */
export function matches(done: ActedEvent, recorded: StepJson, match: Match = 'exact'): boolean {
  if (!done.ok || done.step.action !== recorded.action) return false;
  if (match === 'kind') return true;
  if (done.step['by'] !== recorded['by']) return false;
  if (match === 'actor') return true;
  const want = normal(recorded);
  return want !== null && normal(done.step) === want;
}

/** Whether an action, were it to land, would count for an act step (a wrong try must not). */
export function wouldCount(action: StepJson, s: Pick<ActStep, 'action' | 'match'>): boolean {
  return matches({ ok: true, step: action } as ActedEvent, s.action, s.match ?? 'exact');
}

/** Who performs an action, in words: its signer, or the system actor the catalog names (the oracle). */
const actor = (step: StepJson) =>
  typeof step['by'] === 'string' ? step['by'] : (catalogEntry(step.action)?.system ?? 'the system');

/** The action's name as the Act panel shows it, with its code: `"Stake ETH for stETH" (lst.stake)`. */
const named = (step: StepJson) => {
  const title = catalogEntry(step.action)?.title;
  return title === undefined ? step.action : `"${title}" (${step.action})`;
};

/** The fields after the actor, as written: `amount 4 ETH`. */
const fields = (step: StepJson) =>
  Object.entries(step)
    .filter(([k]) => k !== 'action' && k !== 'by' && k !== 'expectRevert')
    .map(
      ([k, x]) =>
        `${k} ${Array.isArray(x) ? x.join(', ') : typeof x === 'object' ? JSON.stringify(x) : String(x)}`,
    )
    .join(', ');

/**
 * What the learner is to do, as much as the match asks: "Act as alice and use "Stake ETH for stETH"
 * (lst.stake), amount 4 ETH." — the generated first hint and the end of every "did not count" message.
 */
export function wanted(s: Pick<ActStep, 'action' | 'match'>): string {
  const f = fields(s.action);
  const rest = (s.match ?? 'exact') === 'exact' && f !== '' ? `, ${f}` : '';
  const who = (s.match ?? 'exact') === 'kind' ? 'Use' : `Act as ${actor(s.action)} and use`;
  return `${who} ${named(s.action)}${rest}.`;
}

export const DIRECTION_WORDS: Record<Direction, string> = {
  same: 'It stays the same',
  more: 'It grows',
  fewer: 'It shrinks',
};

/** A prediction's choices: same / more / fewer (the teacher's labels if given), or the amounts in the value's unit. */
export function choicesOf(s: PredictStep): Choice[] {
  const a = s.answer;
  if (a.type === 'value')
    return a.choices.map((c, i) => ({ id: `c${i}`, label: choiceText(c, s.watch.path) }));
  return DIRECTIONS.map((d) => ({ id: d, label: a.labels?.[d] ?? DIRECTION_WORDS[d] }));
}

/** A watched value before and after the judging action; a value the world leaves out is zero. */
export interface Watched {
  before: bigint;
  after: bigint;
  /** The choice id the chain made true; null when no choice is (a value question none of whose amounts came). */
  truth: string | null;
}

export function watched(s: PredictStep, e: { before: World; after: World }): Watched {
  // The world leaves out what an actor does not have yet (a strategy before the first deposit): zero.
  const before = worldValue(e.before, s.watch.path) ?? 0n;
  const after = worldValue(e.after, s.watch.path) ?? 0n;
  if (s.answer.type === 'direction') return { before, after, truth: direction(before, after) };
  const i = s.answer.choices.findIndex((c) => choiceAmount(c) === after);
  return { before, after, truth: i < 0 ? null : `c${i}` };
}

/** A world value for a sentence, in its unit (18-decimal amounts and fractions through `eth`). */
export function shown(path: readonly string[], value: bigint): string {
  const kind = classifyPath(path.join('.'));
  if (kind === 'integer') return value.toString();
  if (kind === 'gwei') return `${value} gwei`;
  return eth(value);
}

/** How a value moved, in the chain's numbers: "alice's stETH went from 0 to 4" or "… stayed at 4". */
export function moved(w: WatchedValue, before: bigint, after: bigint): string {
  return before === after
    ? `${w.label} stayed at ${shown(w.path, after)}`
    : `${w.label} went from ${shown(w.path, before)} to ${shown(w.path, after)}`;
}

/** The values an act step quotes, across its action: "alice's stETH went from 0 to 4; …", or ''. */
export function quoted(s: ActStep, e: { before: World; after: World }): string {
  const parts = (s.quote ?? []).map((q) =>
    moved(q, worldValue(e.before, q.path) ?? 0n, worldValue(e.after, q.path) ?? 0n),
  );
  return parts.length === 0 ? '' : `${parts.join('; ')}.`;
}

/** The chain's numbers for a prediction, and the teacher's why: "alice's shares went from 4 to 4. Why: …" */
export function said(s: PredictStep, w: Watched): string {
  return `${moved(s.watch, w.before, w.after)}.${s.explain === undefined ? '' : ` Why: ${s.explain}`}`;
}

/** Where an act step keeps a value an expectation compares with: its id and the value's path. */
const recordKey = (step: string, path: readonly string[]) => `${step}|${path.join('.')}`;

/**
 * The values later expectations compare with, by the act step they name (`since`): each act step records
 * them from the world just before its action, in the lesson's context (as decimal strings, which persist).
 */
export function valuesToRecord(steps: readonly LessonFileStep[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const s of steps)
    if (s.kind === 'read' || s.kind === 'debrief')
      for (const x of s.expect ?? [])
        if (x.since !== undefined) out.set(x.since, [...(out.get(x.since) ?? []), x.path]);
  return out;
}

/** What an act step records for later expectations, from the world before its action. */
export function recorded(step: string, paths: readonly string[][], before: World): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of paths) out[recordKey(step, path)] = String(worldValue(before, path) ?? 0n);
  return out;
}

/** The recorded values a lesson file's context carries beside the kit's own fields. */
export interface RecordedValues {
  recorded?: Record<string, string>;
}

const GROWTH: Record<Direction, string> = { same: 'stay the same', more: 'grow', fewer: 'shrink' };
const GREW: Record<Direction, string> = { same: 'stayed the same', more: 'grew', fewer: 'shrank' };

/** What an expectation says, as a clause: "is above 0", "grew since step "report"". */
export function expectationWords(x: Expectation): string {
  if (x.is === 'positive') return 'is above 0';
  if (x.is === 'zero') return 'is 0';
  return `${GREW[x.is]} since step "${x.since ?? ''}"`;
}

/**
 * Why an expectation does not hold in this world (null when it does), in the chain's numbers: "expected
 * the pool's LST shares to grow since step "report", but the pool's LST shares stayed at 1,000".
 */
export function unmet(x: Expectation, world: World, context: RecordedValues): string | null {
  const now = worldValue(world, x.path) ?? 0n;
  if (x.is === 'positive' || x.is === 'zero') {
    const holds = x.is === 'positive' ? now > 0n : now === 0n;
    return holds
      ? null
      : `expected ${x.label} to be ${x.is === 'positive' ? 'above 0' : '0'}; it is ${shown(x.path, now)}`;
  }
  const since = x.since ?? '';
  const then = context.recorded?.[recordKey(since, x.path)];
  if (then === undefined)
    return `expected ${x.label} to ${GROWTH[x.is]} since step "${since}", which has not happened`;
  const before = BigInt(then);
  return direction(before, now) === x.is
    ? null
    : `expected ${x.label} to ${GROWTH[x.is]} since step "${since}", but ${moved(x, before, now)}`;
}
