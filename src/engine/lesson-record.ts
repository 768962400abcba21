// "Make a lesson from this history": a range of the current branch turned into a draft lesson@1 file
// (lessons/lesson-file.md). Pure: the caller reads the branch's scenario and finds the preset or lesson it
// starts from (share-base.ts), this module only cuts and names. Every recorded step becomes an act step the
// learner must repeat exactly; the steps before the range run silently as the lesson's setup, so the
// learner's chain is the teacher's at the range's first step.
import type { LessonFileDraft, LessonStart, LessonStepDraft } from './lesson-file-api.ts';
import { wanted } from './lesson-file-rules.ts';
import type { StepJson } from './session-types.ts';

export interface RecordInput {
  /** The branch as a scenario@1 document: its steps are the branch's steps, oldest first. */
  scenario: { steps?: unknown } & Record<string, unknown>;
  /** Each step's one-line description, as History shows it (same order as the scenario's steps). */
  labels: readonly string[];
  /**
   * What the scenario starts from, when it is a preset's or a built-in lesson's scenario with steps added:
   * the start is then named, and `steps` of the scenario's steps are that start's own.
   */
  base: { kind: 'preset' | 'lesson'; id: string; steps: number } | null;
  /** The recorded range: positions on the branch, 1 for its first step, both included. */
  first: number;
  last: number;
  /** The sandbox's title: the lesson's working title. */
  title: string;
}

export type Recorded =
  | {
      ok: true;
      file: LessonFileDraft;
      /** Each act step's place in the range (0: the range's first step): which worlds surround it. */
      offsets: Record<string, number>;
    }
  | { ok: false; message: string };

const TITLE_MAX = 120;
/** "alice stakes 4 ETH" → "Alice stakes 4 ETH": a step title reads as a sentence. */
const sentence = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
const clip = (s: string) => (s.length > TITLE_MAX ? `${s.slice(0, TITLE_MAX - 1)}…` : s);

export function recordLesson(input: RecordInput): Recorded {
  const steps = Array.isArray(input.scenario.steps) ? (input.scenario.steps as StepJson[]) : [];
  const { first, last } = input;
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first || last > steps.length)
    return {
      ok: false,
      message:
        steps.length === 0
          ? 'this history has no steps yet: act in the sandbox first, then make a lesson of what you did'
          : `the range must be steps 1 to ${steps.length}, first before last (got ${first} to ${last})`,
    };
  // The start is named when the range begins after the preset's (or lesson's) own steps; otherwise the
  // start is the scenario itself, cut where the range begins.
  const named = input.base !== null && first > input.base.steps;
  const start: LessonStart = named
    ? input.base!.kind === 'preset'
      ? { preset: input.base!.id }
      : { lesson: input.base!.id }
    : { scenario: { ...input.scenario, steps: steps.slice(0, first - 1) } };
  const setup = named ? steps.slice(input.base!.steps, first - 1) : [];
  // A scenario's `expect` steps check the chain; they are no action for a learner to repeat.
  const offsets: Record<string, number> = {};
  const acts: LessonStepDraft[] = [];
  steps.slice(first - 1, last).forEach((action, i) => {
    if (action.action === 'expect') return;
    const label = input.labels[first - 1 + i] ?? action.action;
    const id = `step${acts.length + 1}`;
    offsets[id] = i;
    // The prose starts as what to do, in the action table's words; the teacher rewrites it.
    acts.push({
      id,
      kind: 'act',
      title: clip(sentence(label)),
      prose: wanted({ action, match: 'exact' }),
      action,
      match: 'exact',
    });
  });
  if (acts.length === 0)
    return { ok: false, message: 'the range holds only checks (expect steps), no action to repeat' };
  const count = acts.length === 1 ? 'one step' : `${acts.length} steps`;
  return {
    ok: true,
    offsets,
    file: {
      format: 'restaking-sandbox/lesson@1',
      title: clip(input.title.trim() === '' ? 'A lesson of my own' : input.title.trim()),
      summary: '',
      start,
      setup,
      steps: [
        {
          id: 'intro',
          kind: 'read',
          title: 'What we will do',
          prose: `In this lesson you repeat ${count} on the chain. Each step says what to do; the chain checks it.`,
        },
        ...acts,
        {
          id: 'end',
          kind: 'debrief',
          title: 'What we saw',
          prose: 'Write here what the class should take away.',
        },
      ],
    },
  };
}
