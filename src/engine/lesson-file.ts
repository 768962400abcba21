// lesson@1 files (lessons/lesson-file.md): a lesson written as data, never code. This module is the
// synchronous half of the validation: the shape, the ids, the order of steps, each action as a scenario@1
// step on its own, each watched path as a world@1 integer path. What needs the start's scenario (actors that
// exist, withdrawals named earlier) is checked when the file compiles (lesson-file-compile.ts), and what
// needs the chain (each recorded action passes its own check, each prediction has a truth) by the dry run
// of `restaking-sandbox lesson check` (lesson-file-check.ts). Every problem names its path.
import { marked } from 'marked';
import * as v from 'valibot';
import { moreProblems, MAX_LISTED_ISSUES, validateScenario } from '../protocol/scenario-schema.ts';
import { StepSchema, stepFields } from '../protocol/scenario-actions.ts';
import { issuePath, NAME_RE, text } from '../protocol/scenario-fields.ts';
import { classifyPath, type PathKind } from '../protocol/world-paths.ts';
import { showValue } from '../protocol/units.ts';
import { checkValue } from './input-limits.ts';
import { choiceAmount, choiceUnitProblem } from './lesson-file-choice.ts';
import type { CompactStep } from './share-steps.ts';

export const LESSON_FORMAT = 'restaking-sandbox/lesson@1';
/** The most steps a lesson has; the longest built-in lesson has about 20. */
export const MAX_LESSON_STEPS = 200;
/** Characters of prose per step (a built-in lesson's longest section is about 1,500). */
export const MAX_PROSE_CHARS = 20_000;
/** Characters of the whole file as compact JSON, the bound a link's inflate also uses. */
export const MAX_LESSON_CHARS = 1_000_000;
export const MAX_SETUP_STEPS = 5_000;
export const ID_RE = /^[a-z][a-zA-Z0-9-]{0,39}$/;

/** How closely the learner's action must match the recorded one. */
export type Match = 'exact' | 'actor' | 'kind';
export const MATCHES: readonly Match[] = ['exact', 'actor', 'kind'];
export type Direction = 'same' | 'more' | 'fewer';
export const DIRECTIONS: readonly Direction[] = ['same', 'more', 'fewer'];

export type LessonStart = { preset: string } | { lesson: string } | { scenario: unknown };

export interface LookAtSpec {
  label: string;
  view: 'Inspector' | 'Flow' | 'Charts';
  section?: string;
  card?: string;
  fact?: string;
}

interface StepBase {
  id: string;
  title: string;
  /** Markdown; raw HTML is refused when the prose is rendered (lesson-doc.ts). */
  prose: string;
  lookAt?: LookAtSpec[];
}

/** A world value a step names: its world@1 path (a decimal integer) and how sentences name it. */
export interface WatchedValue {
  path: string[];
  label: string;
}

/** What an expectation says of its value: positive or zero now, or moved since an earlier act step. */
export type ExpectedIs = 'positive' | 'zero' | Direction;
export const EXPECTED_IS: readonly ExpectedIs[] = ['positive', 'zero', 'same', 'more', 'fewer'];

/**
 * What the chain must show when a read step or the debrief appears: a value is positive or zero, or compared
 * with its value just before the action of an earlier act step (`since`, that step's id) it is the same,
 * more or fewer. `lesson check` and the model-based tests hold the lesson to it.
 */
export interface Expectation extends WatchedValue {
  is: ExpectedIs;
  since?: string;
}

export interface ReadStep extends StepBase {
  kind: 'read';
  /** A recorded action the learner reads about; the engine performs it when the learner presses Next. */
  narration?: CompactStep;
  expect?: Expectation[];
}

export interface ActStep extends StepBase {
  kind: 'act';
  action: CompactStep;
  /** Values the right-answer feedback quotes before and after the action ("alice's stETH went from 0 to 4"). */
  quote?: WatchedValue[];
  match?: Match;
  hint?: string;
  /** The teacher's words when the action counts ("You joined the pool."), before the quoted values. */
  done?: string;
  /** A plausible wrong action: the tests take it and expect it explained (optional). */
  tryWrong?: CompactStep;
}

export type PredictAnswer =
  { type: 'direction'; labels?: Partial<Record<Direction, string>> } | { type: 'value'; choices: string[] };

export interface PredictStep extends StepBase {
  kind: 'predict';
  /** A world@1 path to a decimal integer value, and how the feedback names it. */
  watch: WatchedValue;
  answer: PredictAnswer;
  /** The teacher's "why", quoted after the chain's numbers in the feedback. */
  explain?: string;
}

export interface DebriefStep extends StepBase {
  kind: 'debrief';
  expect?: Expectation[];
}

export type LessonFileStep = ReadStep | ActStep | PredictStep | DebriefStep;

export interface LessonFile {
  format: typeof LESSON_FORMAT;
  title: string;
  author?: string;
  summary?: string;
  /** How long the lesson takes, as the lesson list shows it (estimated from the steps when absent). */
  minutes?: number;
  /** The actor the learner plays (the actor of the first act step when absent). */
  learner?: string;
  /** The stage tab the lesson opens on. */
  stage?: 'Flow' | 'Inspector' | 'Charts';
  start: LessonStart;
  setup?: CompactStep[];
  steps: LessonFileStep[];
}

export type ParsedLessonFile = { ok: true; file: LessonFile } | { ok: false; problems: string[] };

/** A problem at a path: `steps[2].action.by: …`. */
export interface LessonProblem {
  path: string;
  message: string;
}

// ---- field schemas -------------------------------------------------------------------------------

const line = (max: number, what: string) =>
  v.pipe(
    text,
    v.check((s) => !/[\n\r]/.test(s), 'contains a line break; accepted: one line'),
    v.minLength(1, `is empty; accepted: ${what}`),
    v.maxLength(max, (i) => `is ${String(i.input).length} characters long; accepted: at most ${max}`),
  );
/**
 * Why Markdown prose cannot be shown, or null. The page inserts rendered prose as HTML, so a lesson file
 * (anyone's) may use only Markdown's own constructs: no raw HTML, and links and images only to http(s)
 * and mailto: addresses or anchors (a `javascript:` link would run code when clicked).
 */
export function proseProblem(markdown: string): string | null {
  let why: string | null = null;
  marked.walkTokens(marked.lexer(markdown), (t) => {
    if (why !== null) return;
    if (t.type === 'html')
      why = `holds raw HTML (${showValue(t.raw.trim().slice(0, 40))}); accepted: Markdown only`;
    else if ((t.type === 'link' || t.type === 'image') && !/^(https?:\/\/|mailto:|#)/i.test(String(t.href)))
      why = `links to ${showValue(String(t.href).slice(0, 60))}; accepted: http(s) and mailto: addresses only`;
  });
  return why;
}

const prose = v.pipe(
  text,
  v.maxLength(
    MAX_PROSE_CHARS,
    (i) => `is ${String(i.input).length} characters long; accepted: at most ${MAX_PROSE_CHARS}`,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const why = proseProblem(dataset.value);
    if (why !== null) addIssue({ message: why });
  }),
);
const stepId = v.pipe(
  v.string((i) => `${showValue(i.input)} is not a string`),
  v.regex(
    ID_RE,
    (i) =>
      `${showValue(i.input)} is not a step id; accepted: a letter a-z, then up to 39 letters, digits or "-"`,
  ),
);
const actorName = v.pipe(
  v.string((i) => `${showValue(i.input)} is not an actor id`),
  v.regex(NAME_RE, (i) => `${showValue(i.input)} is not an actor id`),
  v.maxLength(60, 'is too long for an actor id'),
);
const picklist = <T extends string>(options: readonly T[]) =>
  v.picklist(
    options as T[],
    (i) => `${showValue(i.input)} is not accepted; accepted: ${options.map((o) => `"${o}"`).join(', ')}`,
  );
const object = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject(entries, (i) =>
    i.expected === 'never'
      ? 'is not a field here'
      : i.received === 'undefined'
        ? 'is missing'
        : `${showValue(i.input)} is not an object`,
  );

const LookAtSchema = object({
  label: line(120, 'what the control names'),
  view: picklist(['Inspector', 'Flow', 'Charts'] as const),
  section: v.optional(line(60, 'a section id')),
  card: v.optional(line(60, 'an actor id')),
  fact: v.optional(line(60, 'a glossary term')),
});
const lookAt = v.optional(
  v.pipe(v.array(LookAtSchema, 'is not a list'), v.maxLength(8, 'names more than 8 places')),
);
/** Actions are checked by the scenario schema afterwards; here only that they are objects. */
const action = v.looseObject(
  { action: v.string((i) => `${showValue(i.input)} is not an action name`) },
  (i) => (i.received === 'undefined' ? 'is missing' : `${showValue(i.input)} is not an action object`),
);
const base = {
  id: stepId,
  title: line(120, 'a short title'),
  prose,
  lookAt,
};

const segment = v.pipe(
  v.string('is not a string'),
  v.regex(/^[A-Za-z0-9_/-]{1,80}$/, (i) => `${showValue(i.input)} is not a path segment`),
);
/** A world value a step names: its world@1 path and how sentences name it. */
const WatchSchema = object({
  path: v.pipe(
    v.array(segment, 'is not a list of path segments'),
    v.minLength(1, 'is empty'),
    v.maxLength(8, 'is too long'),
  ),
  label: line(120, 'what the value is, in words ("alice\'s stETH shares")'),
});

const ExpectSchema = object({
  path: WatchSchema.entries.path,
  label: WatchSchema.entries.label,
  is: picklist(EXPECTED_IS),
  since: v.optional(stepId),
});
const expect = v.optional(
  v.pipe(v.array(ExpectSchema, 'is not a list of expectations'), v.maxLength(4, 'names more than 4 values')),
);

const ReadSchema = object({ ...base, kind: v.literal('read'), narration: v.optional(action), expect });
const ActSchema = object({
  ...base,
  kind: v.literal('act'),
  action,
  match: v.optional(picklist(MATCHES)),
  hint: v.optional(v.pipe(prose, v.minLength(1, 'is empty; leave it out to have one generated'))),
  done: v.optional(line(300, 'what the learner is told when the action counts')),
  quote: v.optional(
    v.pipe(v.array(WatchSchema, 'is not a list of world values'), v.maxLength(4, 'names more than 4 values')),
  ),
  tryWrong: v.optional(action),
});
const amountChoice = v.pipe(
  text,
  v.check(
    (s) => choiceAmount(s) !== null,
    (i) => `${showValue(i.input)} is not an amount such as "4 shares", "0.5 ETH" or "0"`,
  ),
);
const AnswerSchema = v.variant(
  'type',
  [
    object({
      type: v.literal('direction'),
      labels: v.optional(
        object({
          same: v.optional(line(200, 'a label')),
          more: v.optional(line(200, 'a label')),
          fewer: v.optional(line(200, 'a label')),
        }),
      ),
    }),
    object({
      type: v.literal('value'),
      choices: v.pipe(
        v.array(amountChoice, 'is not a list of amounts'),
        v.minLength(2, 'has fewer than 2 choices'),
        v.maxLength(6, 'has more than 6 choices'),
      ),
    }),
  ],
  (i) =>
    `${showValue(i.input)} is not an answer; accepted: { "type": "direction" } or { "type": "value", "choices": [...] }`,
);
const PredictSchema = object({
  ...base,
  kind: v.literal('predict'),
  watch: WatchSchema,
  answer: AnswerSchema,
  explain: v.optional(prose),
});
const DebriefSchema = object({ ...base, kind: v.literal('debrief'), expect });
const StepKindSchema = v.variant('kind', [ReadSchema, ActSchema, PredictSchema, DebriefSchema], (i) =>
  i.received === 'undefined'
    ? 'is missing'
    : `${showValue(i.input)} is not a step kind; accepted: "read", "act", "predict", "debrief"`,
);

const StartSchema = v.union(
  [
    object({ preset: actorName }),
    object({
      lesson: v.pipe(
        v.string(),
        v.regex(/^\d\d-[a-z0-9-]{1,60}$/, 'is not a lesson id such as "01-staking-and-lsts"'),
      ),
    }),
    object({ scenario: v.looseObject({}, 'is not a scenario object') }),
  ],
  (i) =>
    `${showValue(i.input)} is not a start; accepted: { "preset": "playground" }, { "lesson": "06-slashing" } or { "scenario": { … } }`,
);

const TopSchema = object({
  format: v.literal(
    LESSON_FORMAT,
    (i) => `${showValue(i.input)} is not supported; accepted: "${LESSON_FORMAT}"`,
  ),
  title: line(120, 'a title'),
  author: v.optional(line(120, "the author's name")),
  summary: v.optional(prose),
  minutes: v.optional(
    v.pipe(
      v.number('is not a number of minutes'),
      v.integer('is not a whole number of minutes'),
      v.minValue(1, 'is below 1 minute'),
      v.maxValue(180, 'is more than 180 minutes'),
    ),
  ),
  learner: v.optional(actorName),
  stage: v.optional(picklist(['Flow', 'Inspector', 'Charts'] as const)),
  start: StartSchema,
  setup: v.optional(
    v.pipe(
      v.array(action, 'is not a list of steps'),
      v.maxLength(MAX_SETUP_STEPS, `has more than ${MAX_SETUP_STEPS} steps`),
    ),
  ),
  steps: v.pipe(
    v.array(v.unknown(), 'is not a list of steps'),
    v.minLength(1, 'is empty; accepted: 1 to 200 steps, the last a debrief'),
    v.maxLength(
      MAX_LESSON_STEPS,
      (i) => `has ${(i.input as unknown[]).length} steps; accepted: at most ${MAX_LESSON_STEPS}`,
    ),
  ),
});

// ---- rules across fields ------------------------------------------------------------------------------

/** World@1 value kinds that are decimal integer strings: the ones a prediction can compare. */
const INTEGER_KINDS: readonly PathKind[] = ['integer', 'amount', 'gwei', 'wad', 'wadUnbounded', 'signedWad'];

/** Actions a learner (or a narration) takes: every scenario action but the scenario's own assertions. */
function checkAction(raw: unknown, path: string, out: LessonProblem[], allowExpect = false): void {
  const step = raw as { action: string };
  if (step.action === 'expect' && !allowExpect) {
    out.push({
      path: `${path}.action`,
      message: '"expect" checks a scenario; a lesson step needs an action',
    });
    return;
  }
  const fields = stepFields(step.action);
  if (fields !== undefined)
    for (const key of Object.keys(step))
      if (!fields.includes(key))
        out.push({
          path: `${path}.${key}`,
          message: `is not a field of ${step.action}; accepted: ${fields.join(', ')}`,
        });
  const r = v.safeParse(StepSchema, raw);
  if (!r.success) for (const i of r.issues) out.push({ path: issuePath(path, i), message: i.message });
}

/** The validator's words about one action as a lesson step carries it (none: it is a valid action). */
export function actionProblems(raw: CompactStep): string[] {
  const out: LessonProblem[] = [];
  checkAction(raw, 'action', out);
  return problemLines(out);
}

function checkWatch(path: readonly string[], at: string, out: LessonProblem[]): void {
  const kind = classifyPath(path.join('.'));
  if (kind === undefined)
    out.push({
      path: at,
      message: `"${path.join('.').slice(0, 120)}" is not a world@1 value (formats.md lists them)`,
    });
  else if (!INTEGER_KINDS.includes(kind))
    out.push({
      path: at,
      message: `"${path.join('.').slice(0, 120)}" is a ${kind} value; accepted: a number (an amount, shares, a fraction, gwei or a block)`,
    });
}

function checkOrder(steps: readonly LessonFileStep[], out: LessonProblem[]): void {
  const seen = new Map<string, number>();
  steps.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined)
      out.push({
        path: `steps[${i}].id`,
        message: `"${s.id}" is already the id of steps[${first}]; ids are unique`,
      });
    else seen.set(s.id, i);
    const last = i === steps.length - 1;
    if (s.kind === 'debrief' && !last)
      out.push({
        path: `steps[${i}].kind`,
        message: 'a debrief ends the lesson; only the last step may be one',
      });
    if (last && s.kind !== 'debrief')
      out.push({
        path: `steps[${i}].kind`,
        message: `the last step is a "${s.kind}"; a lesson ends with a debrief`,
      });
    if (s.kind === 'predict' && !steps.slice(i + 1).some((t) => t.kind === 'act'))
      out.push({ path: `steps[${i}]`, message: 'no act step follows this prediction to judge it' });
    if (s.kind === 'read' || s.kind === 'debrief')
      s.expect?.forEach((x, j) => checkSince(x, steps.slice(0, i), `steps[${i}].expect[${j}]`, out));
  });
}

/** A comparison needs the earlier act step whose action it is measured across; a state needs none. */
function checkSince(
  x: Expectation,
  earlier: readonly LessonFileStep[],
  at: string,
  out: LessonProblem[],
): void {
  const compares = (DIRECTIONS as readonly string[]).includes(x.is);
  if (!compares) {
    if (x.since !== undefined)
      out.push({ path: `${at}.since`, message: `is not a field of an expectation that is "${x.is}"` });
    return;
  }
  if (x.since === undefined) {
    out.push({
      path: `${at}.since`,
      message: `is missing: "${x.is}" compares with the value before an earlier act step; name its id`,
    });
    return;
  }
  const acts = earlier.filter((t) => t.kind === 'act').map((t) => t.id);
  if (!acts.includes(x.since))
    out.push({
      path: `${at}.since`,
      message: `"${x.since}" is not an earlier act step; accepted: ${acts.length === 0 ? 'none (no act step comes before)' : acts.map((a) => `"${a}"`).join(', ')}`,
    });
}

/** Exactly-one-right needs distinct choices: two equal amounts could never have one truth. */
function checkChoices(s: PredictStep, at: string, out: LessonProblem[]): void {
  if (s.answer.type !== 'value') return;
  const wei = s.answer.choices.map(choiceAmount);
  s.answer.choices.forEach((c, j) => {
    const wrong = choiceUnitProblem(c, s.watch.path);
    if (wrong !== null) out.push({ path: `${at}.answer.choices[${j}]`, message: wrong });
  });
  wei.forEach((w, j) => {
    const k = wei.indexOf(w);
    if (k < j)
      out.push({ path: `${at}.answer.choices[${j}]`, message: `is the same amount as choices[${k}]` });
  });
}

/**
 * Every problem of a lesson file that can be found without its start's scenario, in file order. Never
 * throws: whatever the input, the answer is a list of path-named problems (empty when the file is sound).
 */
export function lessonFileProblems(value: unknown): LessonProblem[] {
  const limits = checkValue(value, 'the lesson file');
  if (!limits.ok) return [{ path: '(root)', message: limits.message }];
  const size = JSON.stringify(value)?.length ?? 0;
  if (size > MAX_LESSON_CHARS)
    return [
      {
        path: '(root)',
        message: `is ${size.toLocaleString('en')} characters of JSON; a lesson file holds at most ${MAX_LESSON_CHARS.toLocaleString('en')}`,
      },
    ];
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [{ path: '(root)', message: `${showValue(value)} is not a lesson object` }];
  const out: LessonProblem[] = [];
  const top = v.safeParse(TopSchema, value);
  if (!top.success)
    for (const i of top.issues) out.push({ path: issuePath('', i) || '(root)', message: i.message });
  const json = value as Record<string, unknown>;
  // An inline scenario is a whole scenario@1 file: its own validator names its problems.
  const start = json['start'];
  if (start !== null && typeof start === 'object' && 'scenario' in start) {
    const r = validateScenario(start.scenario);
    if (!r.ok)
      for (const i of r.issues)
        out.push({
          path: i.path === '(root)' ? 'start.scenario' : `start.scenario.${i.path}`,
          message: i.message,
        });
  }
  if (Array.isArray(json['setup']))
    json['setup'].forEach((s, i) => {
      if (s !== null && typeof s === 'object' && typeof (s as { action?: unknown }).action === 'string')
        checkAction(s, `setup[${i}]`, out, true);
    });
  const rawSteps = Array.isArray(json['steps']) ? json['steps'].slice(0, MAX_LESSON_STEPS) : [];
  const steps: LessonFileStep[] = [];
  rawSteps.forEach((raw, i) => {
    const at = `steps[${i}]`;
    const r = v.safeParse(StepKindSchema, raw);
    if (!r.success) {
      for (const issue of r.issues) out.push({ path: issuePath(at, issue), message: issue.message });
      return;
    }
    const s = r.output as LessonFileStep;
    steps.push(s);
    // The lesson panel draws one "Look at …" control per label: two alike could not be told apart.
    s.lookAt?.forEach((l, j) => {
      if (s.lookAt?.findIndex((m) => m.label === l.label) !== j)
        out.push({
          path: `${at}.lookAt[${j}].label`,
          message: `"${l.label}" names an earlier place too; give each its own words`,
        });
    });
    if (s.kind === 'act') {
      checkAction(s.action, `${at}.action`, out);
      s.quote?.forEach((q, j) => checkWatch(q.path, `${at}.quote[${j}].path`, out));
      if (s.tryWrong !== undefined) checkAction(s.tryWrong, `${at}.tryWrong`, out);
    }
    if (s.kind === 'read' && s.narration !== undefined) checkAction(s.narration, `${at}.narration`, out);
    if (s.kind === 'read' || s.kind === 'debrief')
      s.expect?.forEach((x, j) => checkWatch(x.path, `${at}.expect[${j}].path`, out));
    if (s.kind === 'predict') {
      checkWatch(s.watch.path, `${at}.watch.path`, out);
      checkChoices(s, at, out);
    }
  });
  // Order rules need every step; with a broken step they would only add noise.
  if (steps.length === rawSteps.length && steps.length > 0) checkOrder(steps, out);
  return out.sort((a, b) => order(a.path) - order(b.path));
}

/** File order: top-level fields, the start, setup, then the steps by index. */
function order(path: string): number {
  const m = /^(setup|steps)\[(\d+)\]/.exec(path);
  if (m) return (m[1] === 'setup' ? 1e6 : 2e6) + Number(m[2]);
  return path.startsWith('start') ? 1 : 0;
}

/** Problems as the lines a person reads: the first MAX_LISTED_ISSUES, then a count of the rest. */
export function problemLines(problems: readonly LessonProblem[], max = MAX_LISTED_ISSUES): string[] {
  const lines = problems.slice(0, max).map((p) => `${p.path}: ${p.message}`);
  return [...lines, ...moreProblems(problems.length, lines.length)];
}

/** A lesson file checked as far as it can be without its start; `file` is the input, typed, when sound. */
export function parseLessonFile(value: unknown): ParsedLessonFile {
  const problems = lessonFileProblems(value);
  if (problems.length > 0) return { ok: false, problems: problemLines(problems) };
  return { ok: true, file: value as LessonFile };
}
