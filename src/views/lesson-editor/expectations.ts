// A read step's or the debrief's expectations as the editor writes them: what the chain must show when the
// step appears ("alice's stETH is above 0", "the pool's LST shares grew since step "report""). The editor
// checks each against the recording's own worlds with the rule the lesson runs by (`unmet`), so the teacher
// sees at once whether it holds on the recorded path, in the chain's numbers; `lesson check` and the tests
// hold the played lesson to it.
import {
  recordedValues,
  unmet,
  type Expectation,
  type ExpectedIs,
  type LessonStepDraft,
} from '../../engine/lesson-file-api.ts';
import type { World } from '../../protocol/world-types.ts';
import { updateStep, type EditorDraft } from './draft.ts';
import { valueAt } from './world-values.ts';

/** At most this many per step (the format's limit). */
export const MAX_EXPECTATIONS = 4;

/** Steps that may carry expectations: read steps (narration included) and the debrief. */
export const expects = (s: LessonStepDraft | undefined): boolean =>
  s?.kind === 'read' || s?.kind === 'debrief';

/** An earlier act step an expectation can compare with: its id, title and the world just before its action. */
export interface SinceChoice {
  id: string;
  title: string;
  before: World;
}

/** Whether step s performs a recorded action (an act step, or narration performed on Next). */
const performs = (s: LessonStepDraft): boolean =>
  s.kind === 'act' || (s.kind === 'read' && s.narration !== undefined);

/**
 * The world the learner sees when step i appears: after every recorded action of the steps before it (a
 * narration's own action lands only when the learner presses Next). Null when the recording lacks it.
 */
export function worldAt(d: EditorDraft, i: number): World | null {
  let at = 0;
  for (const s of d.file.steps.slice(0, i)) {
    const k = performs(s) ? d.recorded[s.id] : undefined;
    if (k !== undefined) at = k + 1;
  }
  return d.worlds[at] ?? null;
}

/** The act steps before step i, latest first: what a comparison may be measured since. */
export function sinceChoices(d: EditorDraft, i: number): SinceChoice[] {
  const out: SinceChoice[] = [];
  for (const s of d.file.steps.slice(0, i)) {
    const k = s.kind === 'act' ? d.recorded[s.id] : undefined;
    const before = k === undefined ? undefined : d.worlds[k];
    if (before !== undefined) out.push({ id: s.id, title: s.title, before });
  }
  return out.reverse();
}

const compare = (a: bigint, b: bigint): ExpectedIs => (b > a ? 'more' : b < a ? 'fewer' : 'same');

/**
 * What a new expectation about a value says at first: the rule that holds on the recorded path and says the
 * most. A change since the latest act step before it ("grew since step …"); else the value's state now.
 */
export function firstExpectation(
  d: EditorDraft,
  i: number,
  value: { path: string[]; label: string },
): Expectation {
  const now = worldAt(d, i);
  const raw = now === null ? undefined : valueAt(now, value.path);
  const latest = sinceChoices(d, i)[0];
  const then = latest === undefined ? undefined : valueAt(latest.before, value.path);
  if (raw !== undefined && then !== undefined && latest !== undefined) {
    const is = compare(BigInt(then), BigInt(raw));
    if (is !== 'same') return { path: value.path, label: value.label, is, since: latest.id };
  }
  return {
    path: value.path,
    label: value.label,
    is: raw !== undefined && BigInt(raw) > 0n ? 'positive' : 'zero',
  };
}

function withExpect(d: EditorDraft, i: number, list: Expectation[]): EditorDraft {
  const s = d.file.steps[i];
  if (s === undefined || (s.kind !== 'read' && s.kind !== 'debrief')) return d;
  const { expect: _, ...rest } = s;
  return updateStep(d, i, list.length === 0 ? rest : { ...rest, expect: list });
}

const listOf = (d: EditorDraft, i: number): Expectation[] => {
  const s = d.file.steps[i];
  return s?.kind === 'read' || s?.kind === 'debrief' ? (s.expect ?? []) : [];
};

/** Adds an expectation about a value to step i (a read step or the debrief), up to the format's limit. */
export function addExpectation(
  d: EditorDraft,
  i: number,
  value: { path: string[]; label: string },
): EditorDraft {
  const list = listOf(d, i);
  if (!expects(d.file.steps[i]) || list.length >= MAX_EXPECTATIONS) return d;
  return withExpect(d, i, [...list, firstExpectation(d, i, value)]);
}

/**
 * Sets what expectation j says. A comparison keeps the act step it names, or takes the latest one before the
 * step (none before it: nothing changes); a state ("positive", "zero") names none.
 */
export function setExpected(d: EditorDraft, i: number, j: number, is: ExpectedIs): EditorDraft {
  const list = listOf(d, i);
  const x = list[j];
  if (x === undefined) return d;
  const { since, ...rest } = x;
  const latest = since ?? sinceChoices(d, i)[0]?.id;
  let next: Expectation;
  if (is === 'positive' || is === 'zero') next = { ...rest, is };
  // A comparison with no act step before it could not be checked: nothing changes.
  else if (latest === undefined) return d;
  else next = { ...rest, is, since: latest };
  return withExpect(
    d,
    i,
    list.map((y, k) => (k === j ? next : y)),
  );
}

/** Sets the act step a comparison is measured since. */
export function setSince(d: EditorDraft, i: number, j: number, since: string): EditorDraft {
  const list = listOf(d, i);
  return withExpect(
    d,
    i,
    list.map((y, k) => (k === j ? { ...y, since } : y)),
  );
}

export function removeExpectation(d: EditorDraft, i: number, j: number): EditorDraft {
  return withExpect(
    d,
    i,
    listOf(d, i).filter((_, k) => k !== j),
  );
}

/**
 * Whether an expectation holds on the recorded path when step i appears: null when it does, else why not in
 * the chain's numbers (the words `lesson check` uses). The value it compares with is read from the world
 * before the named act step's action, as the played lesson records it.
 */
export function unmetOnRecording(d: EditorDraft, i: number, x: Expectation): string | null {
  const now = worldAt(d, i);
  if (now === null) return 'the recording has no world for this step';
  const since = x.since === undefined ? undefined : sinceChoices(d, i).find((c) => c.id === x.since);
  const context = since === undefined ? {} : { recorded: recordedValues(since.id, [x.path], since.before) };
  return unmet(x, now, context);
}

/**
 * Every expectation that does not hold on the recording, path-named as `lesson check` names it
 * (`steps[5].expect[0]: expected …`): a lesson whose own recording breaks it is not ready to play.
 */
export function recordingProblems(d: EditorDraft): string[] {
  const out: string[] = [];
  d.file.steps.forEach((s, i) => {
    if (s.kind !== 'read' && s.kind !== 'debrief') return;
    (s.expect ?? []).forEach((x, j) => {
      const why = unmetOnRecording(d, i, x);
      if (why !== null) out.push(`steps[${i}].expect[${j}]: ${why}`);
    });
  });
  return out;
}
