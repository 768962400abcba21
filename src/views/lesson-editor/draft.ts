// The editor's draft: the lesson file being written, plus what the editor needs from the recording that the
// file does not carry (the world before and after every recorded action, so a prediction's choices start
// from the chain's own numbers). Every edit is a pure function from draft to draft, so the component stays
// a layout and the rules (what may move, what a kind switch keeps) are tested here.
import { writeChoice } from '../../engine/lesson-file-api.ts';
import type {
  ActStepDraft,
  LessonFileDraft,
  LessonStepDraft,
  PredictStepDraft,
  ReadStepDraft,
} from '../../engine/lesson-file-api.ts';
import type { World } from '../../protocol/world-types.ts';

export const DRAFT_FORMAT = 'restaking-sandbox/lesson-draft@1';

export interface EditorDraft {
  format: typeof DRAFT_FORMAT;
  file: LessonFileDraft;
  /** worlds[i]: the world before recorded action i; the last one is the world after the last action. */
  worlds: World[];
  /** Which recorded action each act (or narrated) step is, by step id. */
  recorded: Record<string, number>;
}

/** The next id not taken, `<prefix><n>`: ids are unique in a lesson file. */
export function freshId(file: LessonFileDraft, prefix: string): string {
  const taken = new Set(file.steps.map((s) => s.id));
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const withSteps = (d: EditorDraft, steps: LessonStepDraft[]): EditorDraft => ({
  ...d,
  file: { ...d.file, steps },
});

/** Replaces step i (an edit of its title, prose, rule, hint or answer). */
export function updateStep(d: EditorDraft, i: number, step: LessonStepDraft): EditorDraft {
  return withSteps(
    d,
    d.file.steps.map((s, j) => (j === i ? step : s)),
  );
}

/** Read steps and predictions are the teacher's own: they can be added, removed and moved. */
export const movable = (s: LessonStepDraft): boolean =>
  s.kind === 'predict' || (s.kind === 'read' && !s.narration);

/**
 * Moves step i one place up or down. Recorded steps (acts, narration) keep their order, as the chain
 * did them, and nothing passes the closing debrief.
 */
export function moveStep(d: EditorDraft, i: number, by: -1 | 1): EditorDraft {
  const steps = [...d.file.steps];
  const j = i + by;
  const [a, b] = [steps[i], steps[j]];
  if (a === undefined || b === undefined || !movable(a) || b.kind === 'debrief') return d;
  steps[i] = b;
  steps[j] = a;
  return withSteps(d, steps);
}

export function removeStep(d: EditorDraft, i: number): EditorDraft {
  const s = d.file.steps[i];
  if (s === undefined || !movable(s)) return d;
  return withSteps(
    d,
    d.file.steps.filter((_, j) => j !== i),
  );
}

/** A new read step after step i (before the debrief at the latest). */
export function addRead(d: EditorDraft, i: number): EditorDraft {
  const at = Math.min(i + 1, d.file.steps.length - 1);
  const step: ReadStepDraft = { id: freshId(d.file, 'read'), kind: 'read', title: 'A note', prose: '' };
  const steps = [...d.file.steps];
  steps.splice(at, 0, step);
  return withSteps(d, steps);
}

/**
 * Act ⇄ narration: an act step the learner performs, or the same recorded action performed for them when
 * they press Next. The title and prose stay; the rule and hint only mean something for an act step.
 */
export function switchKind(d: EditorDraft, i: number): EditorDraft {
  const s = d.file.steps[i];
  if (s?.kind === 'act')
    return updateStep(d, i, { id: s.id, kind: 'read', title: s.title, prose: s.prose, narration: s.action });
  if (s?.kind === 'read' && s.narration !== undefined) {
    const act: ActStepDraft = {
      id: s.id,
      kind: 'act',
      title: s.title,
      prose: s.prose,
      action: s.narration,
      match: 'exact',
    };
    return updateStep(d, i, act);
  }
  return d;
}

/** The act step a prediction at i is judged by: the first act step after it. */
export function judgeOf(d: EditorDraft, i: number): ActStepDraft | null {
  const found = d.file.steps.slice(i + 1).find((s) => s.kind === 'act');
  return found?.kind === 'act' ? found : null;
}

/** The worlds around a recorded action (by its step id): what a prediction about it compares. */
export function worldsAround(d: EditorDraft, id: string): { before: World; after: World } | null {
  const k = d.recorded[id];
  const [before, after] = k === undefined ? [] : [d.worlds[k], d.worlds[k + 1]];
  return before === undefined || after === undefined ? null : { before, after };
}

/** A new prediction right before the act step at i, about nothing yet (the teacher picks the value). */
export function addPrediction(d: EditorDraft, i: number, watch: PredictStepDraft['watch']): EditorDraft {
  const step: PredictStepDraft = {
    id: freshId(d.file, 'guess'),
    kind: 'predict',
    title: 'Your prediction',
    prose: `What happens to ${watch.label} when this step lands?`,
    watch,
    answer: { type: 'direction' },
  };
  const steps = [...d.file.steps];
  steps.splice(i, 0, step);
  return withSteps(d, steps);
}

/**
 * Choices for "pick the amount": the true value after the action and plausible mistakes, all different: the value before (nothing changes), the change the other way, and twice the change. When the
 * value does not move, half and double of it (or one whole unit from nothing). Each is written exactly, in what
 * the value counts ("4 shares"), as lesson files write choices (lesson-file-choice.ts).
 */
export function amountChoices(before: string, after: string, path: readonly string[]): string[] {
  const [b, a] = [BigInt(before), BigInt(after)];
  const change = a - b;
  const one = 10n ** 18n;
  const wrong = change !== 0n ? [b, b - change, a + change] : a > 0n ? [a / 2n, a * 2n] : [one, 2n * one];
  const values = [a, ...wrong.filter((x) => x >= 0n)];
  const unique = values.filter((x, k) => values.indexOf(x) === k).slice(0, 4);
  // Smallest first: the true value's place says nothing about it.
  return unique.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map((x) => writeChoice(x, path));
}

/** Per step id, the validator's messages about it; the rest (title, start, the file) under "". */
export function problemsByStep(file: LessonFileDraft, problems: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const m = /^steps\[(\d+)\]/.exec(p);
    const id = m === null ? '' : (file.steps[Number(m[1])]?.id ?? '');
    (out[id] ??= []).push(p);
  }
  return out;
}
