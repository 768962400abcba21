// The places on screen a step can point the learner at ("Look at …" in the lesson panel), listed from the
// world rather than typed: the Flow (the whole diagram, or a restaker's or an operator's node), each
// Inspector section and each of its actors' cards, and the Charts. Each comes with the words its control
// says by default, which the teacher may change.
import type { LessonStepDraft } from '../../engine/lesson-file-api.ts';
import type { World } from '../../protocol/world-types.ts';
import { SECTIONS } from '../inspector/rows.ts';
import { restakers } from '../inspector/rows-stakers.ts';

/** A place as the lesson file names it (lessons/lesson-file.md, `lookAt`). */
export interface LookAtDraft {
  label: string;
  view: 'Inspector' | 'Flow' | 'Charts';
  section?: string;
  card?: string;
}

export interface Place {
  /** Unique in the list: what the picker's options are keyed by. */
  key: string;
  /** Where the picker groups it. */
  group: string;
  /** What the picker says. */
  name: string;
  look: LookAtDraft;
}

/** At most this many per step (the format's limit). */
export const MAX_PLACES = 8;

/** The Inspector's cards per section: the actors each section lists (global sections have one card, none named). */
function cardsOf(w: World, section: string): string[] {
  switch (section) {
    case 'restakers':
      return restakers(w).map(([id]) => id);
    case 'operators':
      return Object.keys(w.operators);
    case 'avs':
      return Object.keys(w.avs);
    case 'vaults':
      return Object.keys(w.vaults);
    case 'validators':
      return [...new Set(Object.values(w.validators).map((v) => v.owner))];
    case 'balances':
      return Object.keys(w.accounts);
    default:
      return [];
  }
}

/** Every place of a world, in the order of the stage's tabs and the Inspector's sections. */
export function placesOf(w: World): Place[] {
  const out: Place[] = [
    {
      key: 'Flow',
      group: 'Flow',
      name: 'the whole diagram',
      look: { label: 'the stake flow', view: 'Flow' },
    },
  ];
  const nodes = [...new Set([...restakers(w).map(([id]) => id), ...Object.keys(w.operators)])];
  for (const id of nodes)
    out.push({
      key: `Flow/${id}`,
      group: 'Flow',
      name: `${id}'s node`,
      look: { label: `${id} in the stake flow`, view: 'Flow', card: id },
    });
  for (const s of SECTIONS) {
    const title = s.title.toLowerCase();
    out.push({
      key: `Inspector/${s.id}`,
      group: 'Inspector',
      name: s.title,
      look: { label: `the ${title} in the Inspector`, view: 'Inspector', section: s.id },
    });
    for (const id of cardsOf(w, s.id))
      out.push({
        key: `Inspector/${s.id}/${id}`,
        group: 'Inspector',
        name: `${s.title}: ${id}`,
        look: {
          label: s.id === 'balances' ? `${id}'s balances` : `${id} in the Inspector`,
          view: 'Inspector',
          section: s.id,
          card: id,
        },
      });
  }
  out.push({
    key: 'Charts',
    group: 'Charts',
    name: 'the charts',
    look: { label: 'the charts', view: 'Charts' },
  });
  return out;
}

const placesIn = (s: LessonStepDraft): LookAtDraft[] => s.lookAt ?? [];

/**
 * The step pointing at one more place. Its control's words must differ from the step's others (the panel
 * draws one control per label): a repeated label gets a number.
 */
export function addPlace(s: LessonStepDraft, look: LookAtDraft): LessonStepDraft {
  const list = placesIn(s);
  if (list.length >= MAX_PLACES) return s;
  const taken = new Set(list.map((l) => l.label));
  let label = look.label;
  for (let n = 2; taken.has(label); n++) label = `${look.label} (${n})`;
  return { ...s, lookAt: [...list, { ...look, label }] };
}

/** The step with place j's control saying other words. */
export function relabelPlace(s: LessonStepDraft, j: number, label: string): LessonStepDraft {
  return { ...s, lookAt: placesIn(s).map((l, k) => (k === j ? { ...l, label } : l)) };
}

/** The step without place j; without the field once the list is empty. */
export function removePlace(s: LessonStepDraft, j: number): LessonStepDraft {
  const list = placesIn(s).filter((_, k) => k !== j);
  const { lookAt: _, ...rest } = s;
  return list.length === 0 ? (rest as LessonStepDraft) : ({ ...rest, lookAt: list } as LessonStepDraft);
}
