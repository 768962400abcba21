// A wrong action to test an act step with (`tryWrong`): `lesson check` performs it at the step and expects it
// not to count and to be explained. The editor offers the plausible ones from the recording, each already
// checked against the step's rule: the same action with another amount, by another actor of the same role,
// or a later step's action taken too early. A wrong try the rule would count is a problem to fix, in the
// words `lesson check` uses.
import {
  actionProblems,
  didNotCount,
  wanted,
  wouldCount,
  type ActStepDraft,
} from '../../engine/lesson-file-api.ts';
import type { World } from '../../protocol/world-types.ts';
import type { EditorDraft } from './draft.ts';

export type CompactAction = ActStepDraft['action'];

export interface WrongTry {
  /** What the wrong action tests, in the teacher's words (the action itself is shown beside it). */
  label: string;
  action: CompactAction;
}

/** The fields that carry an amount an exact rule compares ("4 ETH", "40 shares", a report's "0.14 ETH"). */
const AMOUNT_FIELDS = ['amount', 'shares', 'delta'] as const;

/**
 * Half of a written amount, in the same words ("4 ETH" → "2 ETH", "1.5" → "0.75"), or null when the text
 * does not start with a decimal number. Exact: the digits are halved, never a float.
 */
export function halfOf(text: string): string | null {
  const m = /^(\d+)(?:\.(\d+))?(\s*\S.*)?$/.exec(text.trim());
  if (m === null) return null;
  const [, whole = '', fraction = '', unit = ''] = m;
  let digits = BigInt(whole + fraction);
  let scale = fraction.length;
  if (digits === 0n) return null;
  if (digits % 2n === 0n) digits /= 2n;
  else {
    digits *= 5n;
    scale += 1;
  }
  const padded = digits.toString().padStart(scale + 1, '0');
  const int = padded.slice(0, padded.length - scale);
  const frac = padded.slice(padded.length - scale).replace(/0+$/, '');
  return `${int}${frac === '' ? '' : `.${frac}`}${unit}`;
}

const sameAction = (a: CompactAction, b: CompactAction) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The wrong actions worth testing an act step with, from the recording: at most one per kind, each valid as
 * an action and not counted by the step's rule. `later` are the recorded actions after this step, in order.
 */
export function wrongTries(
  step: ActStepDraft,
  world: World | null,
  later: readonly CompactAction[],
): WrongTry[] {
  const out: WrongTry[] = [];
  const offer = (label: string, action: CompactAction) => {
    if (wouldCount(action, step) || actionProblems(action).length > 0) return;
    if (out.some((t) => sameAction(t.action, action)) || sameAction(action, step.action)) return;
    out.push({ label, action });
  };
  for (const field of AMOUNT_FIELDS) {
    const written = step.action[field];
    const half = typeof written === 'string' ? halfOf(written) : null;
    if (half !== null) offer(`Half the ${field}`, { ...step.action, [field]: half });
  }
  const by = step.action['by'];
  const role = typeof by === 'string' ? world?.accounts[by]?.role : undefined;
  if (typeof by === 'string' && world !== null && role !== undefined) {
    const other = Object.entries(world.accounts).find(([id, a]) => id !== by && a.role === role)?.[0];
    if (other !== undefined) offer(`Another ${role === 'avs' ? 'AVS' : role}`, { ...step.action, by: other });
  }
  const next = later.find((a) => !wouldCount(a, step));
  if (next !== undefined) offer('A later step, too early', next);
  return out;
}

/** What the learner reads when the wrong action lands, as the played lesson says it. */
export function wrongTryFeedback(step: ActStepDraft, action: CompactAction): string {
  return didNotCount(
    { type: 'ACTED', step: action, ok: true, error: null } as Parameters<typeof didNotCount>[0],
    wanted(step),
  );
}

/** The step testing `action` as its wrong try, or none (null). */
export function withWrongTry(step: ActStepDraft, action: CompactAction | null): ActStepDraft {
  const { tryWrong: _, ...rest } = step;
  return action === null ? rest : { ...rest, tryWrong: action };
}

/**
 * Every wrong try the step's rule would count, path-named in `lesson check`'s words: a rule loosened after the
 * wrong try was picked ("Any actor" counts another actor's stake) makes it a right one.
 */
export function wrongTryProblems(d: EditorDraft): string[] {
  const out: string[] = [];
  d.file.steps.forEach((s, i) => {
    if (s.kind === 'act' && s.tryWrong !== undefined && wouldCount(s.tryWrong, s))
      out.push(`steps[${i}].tryWrong: it counts for the step; a wrong action must not`);
  });
  return out;
}

/** The recorded actions after step i (act steps' and narrations'), in order: a wrong try may take one early. */
export function recordedAfter(d: EditorDraft, i: number): CompactAction[] {
  return d.file.steps
    .slice(i + 1)
    .flatMap((s) => (s.kind === 'act' ? [s.action] : s.kind === 'read' && s.narration ? [s.narration] : []));
}
