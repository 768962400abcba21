// Step builders: the one shape of each kind of lesson step, written once. An act step is always "SHOW
// performs the exact action; ACTED moves on when what landed counts, with feedback from the worlds, and
// otherwise explains why not"; a read step is "NEXT moves on"; a question records its answer. The eight
// hand-written machines and the compiled lesson files (lesson@1) both build their states with these, so a
// step behaves the same whoever wrote it. Each builder returns a plain state config for
// `setup({...}).createMachine(...)`: guards and assignments are inline, and "show me" calls the `perform`
// action every lesson provides from `lessonEffects`.
import { assign, type EventObject } from 'xstate';
import {
  answerTo,
  choiceLabel,
  didNotCount,
  judgeAnswer,
  type ActedEvent,
  type Choice,
  type Feedback,
  type Holds,
  type LessonContext,
  type LessonEvent,
  type LookAt,
  type StepJson,
  type StepMeta,
  type World,
} from './lesson-kit.ts';

/** What a builder's functions are given about an action: the ACTED event and the context before it. */
type OnActed<C, T> = (e: ActedEvent, context: C) => T;

/**
 * A prediction asked earlier (a predict step's state id), judged when this step's action lands: `truth` is
 * the choice the chain made true. The feedback starts with `say`'s words about the learner's answer (by
 * default "You predicted it: " or "You predicted "…", but the chain says otherwise: "; nothing when the
 * question was skipped), and its tone is right or wrong with the answer (the step's own when skipped).
 */
export interface Judges<C extends LessonContext> {
  question: string;
  choices: readonly Choice[];
  truth: OnActed<C, string>;
  /** `right` is null when the learner skipped the question; `context` holds the judged answer. */
  say?: (right: boolean | null, e: ActedEvent, context: C) => string;
}

/** An action an act step accepts, and what the step learns from it. */
export interface Counts<C extends LessonContext> {
  /** Whether the step accepts this action: a check on the chain's facts (the event's worlds). */
  counts: OnActed<C, boolean>;
  /** Where the step goes; an `also` entry without one stays (a part of the step done, such as a start). */
  target?: string;
  /** The feedback: what the action did, in the chain's numbers. */
  says?: OnActed<C, string>;
  /** The feedback's tone unless a judged answer sets it (right or wrong): 'right' unless the step says. */
  tone?: Feedback['tone'];
  judges?: Judges<C>;
  /** Context the step records (decimal strings), applied last: feedback given here replaces `says`. */
  then?: OnActed<C, Partial<C>>;
}

/** A specific explanation for a wrong action, tried in order before the generic one. */
export interface Otherwise<C extends LessonContext> {
  when: OnActed<C, boolean>;
  /** The whole explanation (wrong tone); `didNotCount` words the chain's refusal when it applies. */
  say: OnActed<C, string>;
}

export interface ActStep<C extends LessonContext> extends Counts<C> {
  target: string;
  /** The exact action: the second hint spells it out, "show me" performs it, the tests take it. */
  show: StepJson[];
  /** A plausible wrong action the model-based test takes to check the explanation. */
  tryWrong?: StepJson[];
  lookAt?: LookAt[];
  holds?: Holds<C>;
  /** What "show me" performs when it depends on the learner's earlier choices (a name she gave). */
  perform?: (context: C) => StepJson[];
  /**
   * Other actions the step accepts, checked first: one that does this step and the next (a shortcut to a
   * later target), or a part of the step that stays in it (no target).
   */
  also?: Counts<C>[];
  /** What to do instead, for the generic explanation: `didNotCount(e, wanted)`. */
  wanted: string | OnActed<C, string>;
  otherwise?: Otherwise<C>[];
  /** Context refreshed from every action the step sees, counted or not (applied before the rest). */
  track?: OnActed<C, Partial<C>>;
}

// The assignment type inline actions get inside any lesson's setup(): the lesson's context and events.
// A lesson whose machine handles more events than LessonEvent (an analyzer's verdicts) names its event type
// as the builders' second type argument, E.
const assignLesson = <C extends LessonContext, E extends EventObject>(
  f: (args: { context: C; event: E }) => Partial<C>,
) => assign<C, E, undefined, E, never>(f as never);

/** The default words about a judged answer, before the chain's numbers. */
function defaultSay<C extends LessonContext>(j: Judges<C>) {
  return (right: boolean | null, _e: ActedEvent, context: C): string => {
    if (right === null) return '';
    if (right) return 'You predicted it: ';
    const choice = context.answers[j.question]?.choice ?? '';
    return `You predicted "${choiceLabel(j.choices, choice)}", but the chain says otherwise: `;
  };
}

/** The context a counted action leaves: the judged answer, the feedback, then what the step records. */
function counted<C extends LessonContext>(b: Counts<C>, e: ActedEvent, context: C): Partial<C> {
  const out: Partial<C> = {};
  let prefix = '';
  let tone: Feedback['tone'] = b.tone ?? 'right';
  if (b.judges !== undefined) {
    const { answers, right } = judgeAnswer(context, b.judges.question, b.judges.truth(e, context));
    out.answers = answers;
    prefix = (b.judges.say ?? defaultSay(b.judges))(right, e, { ...context, answers });
    if (right !== null) tone = right ? 'right' : 'wrong';
  }
  if (b.says !== undefined) out.feedback = { tone, text: prefix + b.says(e, context) };
  else if (prefix !== '') out.feedback = { tone, text: prefix.trim() };
  return { ...out, ...b.then?.(e, context) };
}

/** The explanation of an action that did not count: the first `otherwise` that applies, else didNotCount. */
function explanation<C extends LessonContext>(s: ActStep<C>, e: ActedEvent, context: C): string {
  for (const o of s.otherwise ?? []) if (o.when(e, context)) return o.say(e, context);
  return didNotCount(e, typeof s.wanted === 'string' ? s.wanted : s.wanted(e, context));
}

/** Keeps a meta free of keys whose value is undefined, as the hand-written metas were. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The acted event, for transitions already known to be handling ACTED. */
const acted = (e: EventObject) => e as ActedEvent;

/**
 * An act step: the learner acts in the sandbox; "show me" performs `show`. An action that `counts` (or that
 * an `also` entry accepts) moves to its target with its feedback; any other is explained, wrong-toned, and
 * changes nothing else (but what `track` follows).
 */
export function actStep<C extends LessonContext, E extends EventObject = LessonEvent>(s: ActStep<C>) {
  const withTrack = (context: C, e: ActedEvent): { context: C; tracked: Partial<C> } => {
    const tracked = s.track?.(e, context) ?? {};
    return { context: { ...context, ...tracked }, tracked };
  };
  const branch = (b: Counts<C>) => ({
    guard: ({ context, event }: { context: C; event: E }) =>
      event.type === 'ACTED' && b.counts(acted(event), context),
    ...(b.target === undefined ? {} : { target: b.target }),
    actions: assignLesson<C, E>(({ context, event }) => {
      const t = withTrack(context, acted(event));
      return { ...t.tracked, ...counted(b, acted(event), t.context) };
    }),
  });
  return {
    meta: defined({
      kind: 'act' as const,
      show: s.show,
      tryWrong: s.tryWrong,
      lookAt: s.lookAt,
      holds: s.holds,
    }) as StepMeta<C>,
    on: {
      SHOW: {
        actions: {
          type: 'perform' as const,
          params: ({ context }: { context: C }) => ({ steps: s.perform?.(context) ?? s.show }),
        },
      },
      ACTED: [
        ...(s.also ?? []).map(branch),
        branch(s),
        {
          actions: assignLesson<C, E>(({ context, event }) => {
            const t = withTrack(context, acted(event));
            const text = explanation(s, acted(event), t.context);
            return { ...t.tracked, feedback: { tone: 'wrong' as const, text } } as Partial<C>;
          }),
        },
      ],
    },
  };
}

export interface ReadStep<C extends LessonContext> {
  next: string;
  holds?: Holds<C>;
  lookAt?: LookAt[];
}

/** A read step: prose, then Next. */
export function readStep<C extends LessonContext>(s: ReadStep<C>) {
  return {
    meta: defined({ kind: 'read' as const, lookAt: s.lookAt, holds: s.holds }) as StepMeta<C>,
    on: { NEXT: s.next },
  };
}

/** The closing note: the final state. `holds` checks what the lesson leaves on the chain. */
export function debriefStep<C extends LessonContext>(s: { holds?: Holds<C>; lookAt?: LookAt[] } = {}) {
  return {
    type: 'final' as const,
    meta: defined({ kind: 'debrief' as const, lookAt: s.lookAt, holds: s.holds }) as StepMeta<C>,
  };
}

export interface PredictStep<C extends LessonContext> {
  /** The key the answer is recorded under: this state's id (the step that judges it names it too). */
  question: string;
  choices: Choice[];
  next: string;
  holds?: Holds<C>;
  lookAt?: LookAt[];
  /** Whether moving on unanswered also clears the last feedback (answering always does). */
  skipClears?: boolean;
}

/** A prediction: ANSWER records the choice (judged later, by the act step that `judges` it); SKIP moves on. */
export function predictStep<C extends LessonContext, E extends EventObject = LessonEvent>(s: PredictStep<C>) {
  return {
    meta: defined({
      kind: 'predict' as const,
      choices: s.choices,
      lookAt: s.lookAt,
      holds: s.holds,
    }) as StepMeta<C>,
    on: {
      ANSWER: {
        target: s.next,
        actions: assignLesson<C, E>(({ context, event }) =>
          answerTo<C>(s.question)({ context, event: event as unknown as LessonEvent }),
        ),
      },
      SKIP:
        s.skipClears === true
          ? { target: s.next, actions: assignLesson<C, E>(() => ({ feedback: null }) as Partial<C>) }
          : { target: s.next },
    },
  };
}

// Predictions judged by comparing one world value before and after an action (lesson files' `direction`
// answers, and the hand-written questions of the same kind): one truth function for both.

/** How a value moved: the choice ids of a direction question. */
export type Direction = 'same' | 'more' | 'fewer';

export const direction = (before: bigint, after: bigint): Direction =>
  after === before ? 'same' : after > before ? 'more' : 'fewer';

/**
 * The decimal-integer string at a world@1 path (`['stakers', 'alice', 'strategies', 'stETH',
 * 'depositShares']`) as a bigint; null when the path leads nowhere or to anything else.
 */
export function worldValue(world: World, path: readonly string[]): bigint | null {
  let at: unknown = world;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'string' && /^-?\d+$/.test(at) ? BigInt(at) : null;
}

/**
 * How the value at `path` moved across an action, or null when it is not a number on both sides. A value
 * absent before and present after (a first deposit) is not treated as zero: the path must name it on both.
 */
export function worldDirection(e: ActedEvent, path: readonly string[]): Direction | null {
  const [before, after] = [worldValue(e.before, path), worldValue(e.after, path)];
  return before === null || after === null ? null : direction(before, after);
}
