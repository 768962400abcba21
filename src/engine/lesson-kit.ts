// What a lesson's machine may use from the engine (lessons/NN-slug/machine.ts imports only this, xstate
// and protocol types): the events the engine sends, the shape of a step's meta, the placeholders the engine
// replaces with provide(), and exact formatting for the numbers a lesson's feedback quotes.
import { fromPromise } from 'xstate';
import type { StepJson } from './session-types.ts';
import type { World } from '../protocol/world-types.ts';
import type { NetworkOptions } from '../protocol/network-from-world.ts';
import { realDuration } from '../protocol/scenario-config.ts';
import { parseAmount } from '../protocol/units.ts';

export type { StepJson } from './session-types.ts';
export type { World } from '../protocol/world-types.ts';
export type { NetworkOptions } from '../protocol/network-from-world.ts';
export type { AnalysisJson, AttackJson, CascadeJson } from '../analysis/analysis-json.ts';
import type { AnalysisJson } from '../analysis/analysis-json.ts';
import { PERCENT, showAmount, token, type Unit } from '../viz/format.ts';
import { FRACTION_PERCENT, readableRational } from '../viz/format-rational.ts';

/**
 * The events a lesson machine receives. ACTED is sent for every action the learner (or "show me") takes in
 * the sandbox while the lesson runs, landed or refused, with the worlds around it: the machine decides from
 * chain facts, never from what a button said.
 */
export type LessonEvent =
  | { type: 'NEXT' }
  | { type: 'ANSWER'; choice: string }
  /** Move past a question without answering (a presenter's clicker). */
  | { type: 'SKIP' }
  /** "Show me": the machine performs the state's exact action through the provided `perform`. */
  | { type: 'SHOW' }
  /** Ask the security analyzer about the world as it is (lessons that use it). */
  | { type: 'ANALYZE' }
  | {
      type: 'ACTED';
      step: StepJson;
      /** Whether the chain accepted it; a refused step changed nothing. */
      ok: boolean;
      /** The custom error or reason when refused, in plain words. */
      error: string | null;
      before: World;
      after: World;
    };

export type ActedEvent = Extract<LessonEvent, { type: 'ACTED' }>;

/** What the learner is told right now: why an action did not count, or how a prediction fared. */
export interface Feedback {
  tone: 'wrong' | 'right' | 'info';
  text: string;
}

/** An answer to a prediction question, judged once the chain has acted (null until then). */
export interface Answer {
  choice: string;
  correct: boolean | null;
}

/** Every lesson's context extends this. Keep it JSON: it is saved with the learner's progress. */
export interface LessonContext {
  feedback: Feedback | null;
  /** Keyed by the question's state id. */
  answers: Record<string, Answer>;
}

export const initialLessonContext = (): LessonContext => ({ feedback: null, answers: {} });

export interface Choice {
  id: string;
  label: string;
}

/**
 * A place on screen a step's prose points to. The lesson panel offers a "Look at …" control for it that
 * opens the view, expands and scrolls to the place, and highlights it.
 */
export interface LookAt {
  /** What the control names: "Alice's stETH balance". */
  label: string;
  view: 'Inspector' | 'Flow' | 'Charts';
  /** Inspector: the section holding the card (`balances`, `restakers`, `operators`, `vaults`, …). */
  section?: string;
  /** Inspector: the card's id (an actor, or a vault); Flow: the node's actor. */
  card?: string;
  /** Inspector: one fact of the card, by its glossary term (`stETH`, `rewardsClaimable`, `rate`). */
  fact?: string;
}

/**
 * A state's `meta`: what kind of step it is and what the engine, the hints and the tests need. The prose
 * lives in lesson.md under `## <state id>`. Any step may name places to look at (`lookAt`).
 */
export type StepMeta<C extends LessonContext = LessonContext> = StepKindMeta<C> & { lookAt?: LookAt[] };

type StepKindMeta<C extends LessonContext> =
  | { kind: 'read' | 'debrief'; holds?: Holds<C> }
  | { kind: 'predict' | 'quiz'; choices: Choice[]; holds?: Holds<C> }
  | {
      kind: 'act';
      /** The exact action: the second hint spells it out, "show me" performs it, the tests take it. */
      show: StepJson[];
      /** A plausible wrong action the tests take to check the explanation (the learner may take any). */
      tryWrong?: StepJson[];
      holds?: Holds<C>;
    }
  | { kind: 'analyze'; holds?: Holds<C> }
  /** A state the machine passes while an effect runs (the analyzer thinking); its prose is shown meanwhile. */
  | { kind: 'wait'; holds?: Holds<C> };

/** What the chain must satisfy while the machine is in a state: null when it agrees, else why not. */
export type Holds<C extends LessonContext = LessonContext> = (world: World, context: C) => string | null;

export interface AnalyzeInput {
  options: NetworkOptions;
}

/** The analyzer's answer as the worker gives it (analysis@1 JSON, or why the network was refused). */
export type AnalyzeOutput =
  { ok: true; analysis: unknown; network: unknown } | { ok: false; problems: string[] };

/** The analysis in an analyzer's answer; null when the network was refused (the reasons are in `problems`). */
export const analysisOf = (out: AnalyzeOutput): AnalysisJson | null =>
  out.ok ? (out.analysis as AnalysisJson) : null;

/** An exact rational string ("189/50") as numerator and denominator. */
export function rational(r: string): { num: bigint; den: bigint } {
  const [p = '0', q = '1'] = r.split('/');
  return { num: BigInt(p), den: BigInt(q) };
}

/** Whether an exact rational number of ETH ("63/10") is exactly this many wei. */
export function sameEth(wei: bigint, r: string): boolean {
  const { num, den } = rational(r);
  return wei * den === num * 10n ** 18n;
}

/** Placeholders for setup(): the engine (and the tests) provide the real chain effects. */
export const lessonEffects = {
  /** Performs steps in the sandbox; each lands as an ACTED event. */
  perform: (_: unknown, _params: { steps: StepJson[] }) => {},
};

/**
 * The assignment for a question's ANSWER: `actions: assign(answerTo<Context>('predictLoss'))`. It records the choice
 * under the question's state id, unjudged until the chain acts, and clears the last feedback.
 */
export const answerTo =
  <C extends LessonContext>(question: string) =>
  ({ context, event }: { context: C; event: LessonEvent }): Partial<C> =>
    ({
      answers: {
        ...context.answers,
        [question]: { choice: event.type === 'ANSWER' ? event.choice : '', correct: null },
      },
      feedback: null,
    }) as Partial<C>;

/**
 * A question's answer judged by what the chain did (`truth`, a choice id): the answers with it marked right
 * or wrong, and whether it was right (null when the learner skipped the question).
 */
export function judgeAnswer(
  context: LessonContext,
  question: string,
  truth: string,
): { answers: Record<string, Answer>; right: boolean | null } {
  const answer = context.answers[question];
  if (answer === undefined) return { answers: context.answers, right: null };
  const right = answer.choice === truth;
  return { answers: { ...context.answers, [question]: { choice: answer.choice, correct: right } }, right };
}

/** A choice's words, to quote the learner's answer back (its id when unknown). */
export const choiceLabel = (choices: readonly Choice[], id: string): string =>
  choices.find((c) => c.id === id)?.label ?? id;

/** The SHOW transition of an action step: performs its exact action (the same steps as its meta's `show`). */
export const showMe = (steps: StepJson[]) => ({ actions: { type: 'perform' as const, params: { steps } } });

export const analyzePlaceholder = fromPromise<AnalyzeOutput, AnalyzeInput>(() =>
  Promise.reject(new Error('the analyzer is provided by the engine')),
);

// Numbers in feedback follow the app's display policy (viz/format.ts): a value with a few decimals is written
// as it is, rounding dust is named in wei ("28 (less 28 wei)"), anything longer is rounded and marked "≈".
// Rounding is formatting only: checks compare the chain's exact integers, never these strings.

const NUMBER: Unit = { symbol: '', decimals: 18, base: 'wei', tight: true };

/**
 * An 18-decimal amount for a sentence that names its unit after it ("`${eth(x)} stETH`"): "36", "0.9",
 * "≈ 0.4444", "28 (less 28 wei)". Given the unit, the whole amount as the app shows it: "28 stETH − 28 wei".
 */
export function eth(wei: string | bigint, unit?: string): string {
  if (unit !== undefined) return showAmount(BigInt(wei), token(unit)).text;
  const shown = showAmount(BigInt(wei), NUMBER);
  const d = shown.dust;
  if (d === undefined || d.near === '0') return shown.text;
  return `${d.near} (${d.below ? 'less' : 'plus'} ${d.amount})`;
}

/** A WAD fraction as a percentage: 0.9e18 → "90%", 10/9 → "≈ 111.11%". */
export const percent = (wad: string | bigint): string => showAmount(BigInt(wad), PERCENT).text;

/** An exact rational from the analyzer ("4499999999999999993/2500000000000000000") for a sentence: "≈ 1.8". */
export const readable = (r: string): string => readableRational(r);

/** A rational fraction as a percentage: "1/4" → "25%", "1/3" → "≈ 33.33%". */
export const readablePercent = (r: string): string => readableRational(r, FRACTION_PERCENT);

/**
 * What `blocks` stand for in real time under a scenario's preset, in whole days and hours: the classroom
 * preset lets one block stand for one hour (the real 14-day withdrawal delay is 336 blocks), so 26 → "1 day 2 h".
 */
export function realTime(blocks: bigint, preset: 'classroom' | 'mainnet' = 'classroom'): string {
  const hours = realDuration(blocks, preset) / 3600n;
  const days = hours / 24n;
  const parts: string[] = [];
  if (days > 0n) parts.push(`${days} ${days === 1n ? 'day' : 'days'}`);
  if (hours % 24n > 0n || days === 0n) parts.push(`${hours % 24n} h`);
  return parts.join(' ');
}

/** A step's amount (`amount` unless named) in wei, read as scenario files are; null when absent or unreadable. */
export function stepAmount(step: StepJson, field = 'amount'): bigint | null {
  const r = parseAmount(step[field]);
  return r.ok ? r.value : null;
}

/** A staker's numbers in a strategy, as bigints (zero when it has none). */
export function stakerShares(world: World, staker: string, strategy: string) {
  const s = world.stakers[staker]?.strategies[strategy];
  return {
    deposit: BigInt(s?.depositShares ?? '0'),
    withdrawable: BigInt(s?.withdrawableShares ?? '0'),
  };
}

/** The learner's ACTED event was this action, by this actor (optional), and landed. */
export const landed = (e: ActedEvent, action: string, by?: string): boolean =>
  e.ok && e.step.action === action && (by === undefined || e.step['by'] === by);

/** The sentence for an action that did not count: the chain's refusal, or that it was another action. */
export function didNotCount(e: ActedEvent, wanted: string): string {
  if (!e.ok) {
    const why = (e.error ?? 'it reverted').replace(/[.\s]+$/, '');
    return `The chain refused ${e.step.action}: ${why}. Nothing changed. ${wanted}`;
  }
  return `${e.step.action} landed, but it is not this step. ${wanted}`;
}

// The step builders (an act step, a read step, a question, the debrief, a world comparison's truth) live in
// their own file; lessons reach them through the kit like everything else.
export * from './lesson-steps.ts';
