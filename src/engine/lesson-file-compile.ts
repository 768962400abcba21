// A lesson@1 file compiled into a lesson the runtime plays like a built-in one: its start resolved into a
// scenario (a preset, a built-in lesson's scenario, or the file's own, then its setup steps), its prose as a
// LessonDoc (one section per step id), and an XState machine whose states are the kit's step builders. The
// file is data: nothing in it is run, only read by the functions below.
import { assign, setup, type AnyStateMachine } from 'xstate';
import { validateScenario } from '../protocol/scenario-schema.ts';
import { render, type LessonDoc, type LessonSection } from './lesson-doc.ts';
import {
  actStep,
  analyzePlaceholder,
  choiceLabel,
  debriefStep,
  didNotCount,
  initialLessonContext,
  judgeAnswer,
  lessonEffects,
  predictStep,
  readStep,
  type ActedEvent,
  type Feedback,
  type LessonContext,
  type LessonEvent,
  type LookAt,
  type StepJson,
  type StepMeta,
} from './lesson-kit.ts';
import type { Lesson } from './lessons.ts';
import {
  problemLines,
  type ActStep,
  type LessonFile,
  type LessonFileStep,
  type LessonProblem,
  type Expectation,
  type PredictStep,
} from './lesson-file.ts';
import {
  choicesOf,
  matches,
  quoted,
  recorded,
  said,
  unmet,
  valuesToRecord,
  wanted,
  watched,
  type RecordedValues,
} from './lesson-file-rules.ts';
import { stepLabel } from './step-label.ts';

/** A lesson file that cannot be played, with its problems as path-named lines. */
export class LessonFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

interface ScenarioJson {
  actors?: { id: string; role: string }[];
  steps?: unknown[];
  [key: string]: unknown;
}

/** A built-in lesson's starting scenario by its id; undefined when there is no such lesson. */
export type LessonScenarios = (id: string) => Promise<unknown>;

/** The page's built-in lessons (the catalog is built by Vite; the command line passes its own reader). */
const catalogScenario: LessonScenarios = async (id) => {
  const { LESSON_DOCS, loadLesson } = await import('./lessons.ts');
  return LESSON_DOCS.some((d) => d.id === id) ? (await loadLesson(id)).scenario : undefined;
};

/** The scenario the file's start names, before its setup; a problem at `start` when there is none. */
async function baseScenario(
  file: LessonFile,
  lessons: LessonScenarios = catalogScenario,
): Promise<ScenarioJson | LessonProblem> {
  const start = file.start;
  if ('scenario' in start) return start.scenario as ScenarioJson;
  if ('preset' in start) {
    const { getPreset, SCENARIO_PRESETS } = await import('../protocol/scenarios/index.ts');
    const preset = getPreset(start.preset);
    if (preset !== undefined) return preset.json as ScenarioJson;
    const ids = SCENARIO_PRESETS.map((p) => `"${p.id}"`).join(', ');
    return {
      path: 'start.preset',
      message: `"${start.preset}" is not a preset of this sandbox; accepted: ${ids}`,
    };
  }
  const scenario = await lessons(start.lesson);
  if (scenario !== undefined) return scenario as ScenarioJson;
  return { path: 'start.lesson', message: `"${start.lesson}" is not a built-in lesson of this sandbox` };
}

/** Where each step of the whole recorded history comes from in the file: `setup[2]`, `steps[4].action`. */
function historyOf(file: LessonFile): { step: StepJson; path: string }[] {
  const out = (file.setup ?? []).map((step, i) => ({ step, path: `setup[${i}]` }));
  file.steps.forEach((s, i) => {
    if (s.kind === 'act') out.push({ step: s.action, path: `steps[${i}].action` });
    if (s.kind === 'read' && s.narration !== undefined)
      out.push({ step: s.narration, path: `steps[${i}].narration` });
  });
  return out;
}

const WORLD_ROOTS_BY_ACTOR = new Set(['accounts', 'stakers', 'operators', 'avs', 'vaults']);

/**
 * The lesson's starting scenario (its start, then its setup), or the problems that need it to be found:
 * a start this sandbox does not have, actions that name actors or things the history never made (the
 * scenario validator replays the recorded history: start, setup, then every act and narration action in
 * order), a watched value of an actor the scenario does not have.
 */
export async function resolveLessonFile(
  file: LessonFile,
  lessons?: LessonScenarios,
): Promise<{ ok: true; scenario: ScenarioJson } | { ok: false; problems: LessonProblem[] }> {
  const base = await baseScenario(file, lessons);
  if ('path' in base && 'message' in base && typeof base.message === 'string')
    return { ok: false, problems: [base as LessonProblem] };
  const scenario = base as ScenarioJson;
  const before = scenario.steps?.length ?? 0;
  const history = historyOf(file);
  const problems: LessonProblem[] = [];
  const whole = validateScenario({
    ...scenario,
    steps: [...(scenario.steps ?? []), ...history.map((h) => h.step)],
  });
  if (!whole.ok)
    for (const issue of whole.issues) {
      const m = /^steps\[(\d+)\](.*)$/.exec(issue.path);
      const at = m === null ? undefined : history[Number(m[1]) - before];
      problems.push({
        path: at === undefined ? 'start' : `${at.path}${m?.[2] ?? ''}`,
        message: issue.message,
      });
    }
  const actors = new Set((scenario.actors ?? []).map((a) => a.id));
  const checkActor = (path: readonly string[], at: string) => {
    const [root = '', id = ''] = path;
    if (WORLD_ROOTS_BY_ACTOR.has(root) && !actors.has(id))
      problems.push({ path: at, message: `"${id}" is not an actor of the lesson's start` });
  };
  file.steps.forEach((s, i) => {
    if (s.kind === 'act') s.quote?.forEach((q, j) => checkActor(q.path, `steps[${i}].quote[${j}].path[1]`));
    if (s.kind === 'predict') checkActor(s.watch.path, `steps[${i}].watch.path[1]`);
    if (s.kind === 'read' || s.kind === 'debrief')
      s.expect?.forEach((x, j) => checkActor(x.path, `steps[${i}].expect[${j}].path[1]`));
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: { ...scenario, steps: [...(scenario.steps ?? []), ...(file.setup ?? [])] } };
}

/** The learner: the file's, else the actor of the first act step, else the start's first actor. */
function learnerOf(file: LessonFile, scenario?: ScenarioJson): string {
  const act = file.steps.find((s) => s.kind === 'act' && typeof s.action['by'] === 'string');
  if (file.learner !== undefined) return file.learner;
  if (act?.kind === 'act') return String(act.action['by']);
  const inline = 'scenario' in file.start ? (file.start.scenario as ScenarioJson) : undefined;
  return (scenario ?? inline)?.actors?.[0]?.id ?? '';
}

/**
 * The lesson's prose, one section per step (the act steps' first hints generated when the file has none),
 * without its start: the catalog lists built-in lesson files with it before any of them loads.
 */
export function lessonFileDoc(
  file: LessonFile,
  id: string,
  options: { builtIn: boolean; scenario?: ScenarioJson },
): LessonDoc {
  const builtIn = options.builtIn;
  const learner = learnerOf(file, options.scenario);
  const sections: Record<string, LessonSection> = {};
  for (const s of file.steps)
    sections[s.id] = {
      html: render(s.prose, `${id}, step ${s.id}`),
      hint: s.kind === 'act' ? (s.hint ?? wanted(s)) : null,
    };
  const number = Number.parseInt(id, 10);
  return {
    id,
    number: builtIn && Number.isInteger(number) ? number : 0,
    title: file.title,
    summary: file.summary ?? '',
    minutes: file.minutes ?? Math.max(2, file.steps.length),
    learner,
    stage: file.stage ?? 'Flow',
    order: file.steps.map((s) => s.id),
    sections,
    ...(builtIn ? {} : { custom: { author: file.author ?? null } }),
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What an act step says when the action counts: each prediction it judges, right or wrong, with the chain's
 * numbers and the teacher's why (or, judging none, what landed), then the values the step quotes.
 */
function judged(
  step: ActStep,
  questions: readonly PredictStep[],
  e: ActedEvent,
  context: LessonContext,
): Partial<LessonContext> {
  const values = quoted(step, e);
  const more = values === '' ? '' : ` ${capital(values)}`;
  if (questions.length === 0)
    return {
      feedback: {
        tone: 'right',
        text: `${step.done ?? `That counts: ${stepLabel(e.step)}.`}${more}`,
      },
    };
  let answers = context.answers;
  let tone: Feedback['tone'] = 'right';
  const texts = questions.map((q) => {
    const w = watched(q, e);
    const judgedNow = judgeAnswer({ ...context, answers }, q.id, w.truth ?? '');
    answers = judgedNow.answers;
    const numbers = said(q, w);
    if (judgedNow.right === null) return capital(numbers);
    if (judgedNow.right) return `You predicted it: ${numbers}`;
    tone = 'wrong';
    const choice = choiceLabel(choicesOf(q), answers[q.id]?.choice ?? '');
    return `You predicted "${choice}", but the chain says otherwise: ${numbers}`;
  });
  return { answers, feedback: { tone, text: `${texts.join(' ')}${more}` } };
}

/** A step's places to look at, as the builders' optional field (absent rather than undefined). */
const lookAtOf = (s: LessonFileStep): { lookAt?: LookAt[] } =>
  s.lookAt === undefined ? {} : { lookAt: s.lookAt };

type StateConfig = Record<string, unknown>;

/** A compiled lesson's context: the kit's, and the values act steps recorded for later expectations. */
type FileContext = LessonContext & RecordedValues;

/** A step's expectations as the builders' `holds`: the first that the world does not meet, or null. */
const holdsOf = (expect: readonly Expectation[] | undefined) =>
  expect === undefined || expect.length === 0
    ? {}
    : {
        holds: (world: Parameters<typeof unmet>[1], context: FileContext) => {
          for (const x of expect) {
            const why = unmet(x, world, context);
            if (why !== null) return why;
          }
          return null;
        },
      };

/** A read step whose recorded action the engine performs on Next; it moves on once that action lands. */
function narrationStep(
  narration: StepJson,
  next: string,
  lookAt: LookAt[] | undefined,
  expect: readonly Expectation[] | undefined,
): StateConfig {
  return {
    meta: {
      kind: 'read',
      ...(lookAt === undefined ? {} : { lookAt }),
      ...holdsOf(expect),
    } satisfies StepMeta<FileContext>,
    on: {
      NEXT: { actions: { type: 'perform', params: { steps: [narration] } } },
      ACTED: [
        {
          guard: ({ event }: { event: LessonEvent }) => event.type === 'ACTED' && matches(event, narration),
          target: next,
          actions: assign({ feedback: null }),
        },
        {
          actions: assign({
            feedback: ({ event }: { event: LessonEvent }) => ({
              tone: 'wrong' as const,
              text: didNotCount(
                event as ActedEvent,
                `Press Next: the lesson performs ${stepLabel(narration)}.`,
              ),
            }),
          }),
        },
      ],
    },
  };
}

/** The machine of a lesson file: one state per step, in order, each built by the kit's step builders. */
export function lessonFileMachine(file: LessonFile): AnyStateMachine {
  const states: Record<string, StateConfig> = {};
  const toRecord = valuesToRecord(file.steps);
  let pending: PredictStep[] = [];
  file.steps.forEach((s, i) => {
    const next = file.steps[i + 1]?.id ?? s.id;
    const lookAt = lookAtOf(s);
    if (s.kind === 'read')
      states[s.id] =
        s.narration === undefined
          ? readStep<FileContext>({ next, ...lookAt, ...holdsOf(s.expect) })
          : narrationStep(s.narration, next, lookAt.lookAt, s.expect);
    else if (s.kind === 'predict') {
      pending.push(s);
      states[s.id] = predictStep<FileContext>({ question: s.id, choices: choicesOf(s), next, ...lookAt });
    } else if (s.kind === 'act') {
      const questions = pending;
      pending = [];
      const paths = toRecord.get(s.id) ?? [];
      states[s.id] = actStep<FileContext>({
        show: [s.action],
        ...(s.tryWrong === undefined ? {} : { tryWrong: [s.tryWrong] }),
        ...lookAt,
        counts: (e) => matches(e, s.action, s.match),
        target: next,
        then: (e, context) => ({
          ...judged(s, questions, e, context),
          ...(paths.length === 0
            ? {}
            : { recorded: { ...context.recorded, ...recorded(s.id, paths, e.before) } }),
        }),
        wanted: wanted(s),
      });
    } else states[s.id] = debriefStep<FileContext>({ ...lookAt, ...holdsOf(s.expect) });
  });
  // The states are known only at run time, so the machine is typed as any lesson machine.
  const machine = setup({
    types: { context: {} as FileContext, events: {} as LessonEvent, meta: {} as StepMeta<FileContext> },
    actors: { analyze: analyzePlaceholder },
    actions: { ...lessonEffects },
  }).createMachine({
    id: 'lesson',
    context: initialLessonContext,
    initial: file.steps[0]?.id ?? 'debrief',
    states: states as never,
  });
  return machine as unknown as AnyStateMachine;
}

/** A short, stable name for a file's content (FNV-1a), so a custom lesson's saved progress finds it again. */
function contentId(file: LessonFile): string {
  let h = 0x811c9dc5;
  for (const c of JSON.stringify(file)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return `file-${h.toString(16).padStart(8, '0')}`;
}

export interface CompileOptions {
  /** The lesson's id: a built-in lesson's folder; a custom lesson's is derived from its content. */
  id?: string;
  /** A built-in lesson (lessons/NN-slug/lesson.json): no "not a built-in lesson" mark. */
  builtIn?: boolean;
  /** Where a `{ "lesson": id }` start is found: the page's catalog unless given. */
  lessons?: LessonScenarios;
}

/**
 * The lesson a file describes, ready for the lesson runtime. Takes a file parseLessonFile accepted; throws
 * a LessonFileError with path-named problems when its start or its actions do not fit together.
 */
export async function compileLessonFile(file: LessonFile, options: CompileOptions = {}): Promise<Lesson> {
  const resolved = await resolveLessonFile(file, options.lessons);
  if (!resolved.ok) throw new LessonFileError(problemLines(resolved.problems));
  const id = options.id ?? contentId(file);
  return {
    doc: lessonFileDoc(file, id, { builtIn: options.builtIn === true, scenario: resolved.scenario }),
    machine: lessonFileMachine(file),
    scenario: resolved.scenario,
  };
}
