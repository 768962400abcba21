// The values an act step quotes when the learner's action counts ("alice's stETH went from 0 to 4"): picked
// from the world before the action, at most four, and previewed in the words the played lesson says, from
// the recording's worlds around the action.
import { quoted, type ActStepDraft } from '../../engine/lesson-file-api.ts';
import type { World } from '../../protocol/world-types.ts';

/** At most this many per step (the format's limit). */
export const MAX_QUOTES = 4;

/** The step quoting one more value (the same value twice is once); unchanged at the limit. */
export function addQuote(step: ActStepDraft, value: { path: string[]; label: string }): ActStepDraft {
  const list = step.quote ?? [];
  const key = value.path.join('.');
  if (list.length >= MAX_QUOTES || list.some((q) => q.path.join('.') === key)) return step;
  return { ...step, quote: [...list, { path: value.path, label: value.label }] };
}

/** The step without quote j; without the field once the list is empty. */
export function removeQuote(step: ActStepDraft, j: number): ActStepDraft {
  const list = (step.quote ?? []).filter((_, k) => k !== j);
  const { quote: _, ...rest } = step;
  return list.length === 0 ? rest : { ...rest, quote: list };
}

/** What the learner reads after "That counts", on the recording: "alice's stETH went from 0 to 4." or ''. */
export function quotedOnRecording(
  step: ActStepDraft,
  around: { before: World; after: World } | null,
): string {
  return around === null ? '' : quoted(step, around);
}
