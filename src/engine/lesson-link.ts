// Lesson links: `#lesson=<id>&step=<n>` opens a lesson at its n-th step (1 is the first), the chain brought
// there by the lesson's own walk-through. Short enough for a QR code on a projector, so a class can follow
// the presenter's step on their own machines.

export type DecodedLessonLink =
  { ok: true; lesson: string; step: number } | { ok: false; message: string } | null;

export function encodeLessonLink(lesson: string, step: number): string {
  return `lesson=${encodeURIComponent(lesson)}&step=${step}`;
}

/** Null when the fragment is not a lesson link; a message naming the fault when it is a broken one. */
export function decodeLessonLink(fragment: string, known: readonly string[]): DecodedLessonLink {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const lesson = params.get('lesson');
  if (lesson === null) return null;
  if (!known.includes(lesson))
    return {
      ok: false,
      message: `The link names a lesson "${lesson.slice(0, 60)}" that this sandbox does not have.`,
    };
  const stepText = params.get('step') ?? '1';
  if (!/^\d{1,3}$/.test(stepText) || Number(stepText) < 1)
    return {
      ok: false,
      message: `The lesson link's step "${stepText.slice(0, 20)}" is not a step number (1, 2, …).`,
    };
  return { ok: true, lesson, step: Number(stepText) };
}

// The lessons' machines and starting scenarios by folder, to be fetched when a lesson link opens the page
// (the same chunks lessons.ts loads them from).
const machines = import.meta.glob('../../lessons/*/machine.ts');
const scenarios = import.meta.glob('../../lessons/*/scenario.json');

/**
 * Starts fetching the machine and starting scenario of the lesson a `#lesson=` link names, at once: they were
 * asked for only once the lesson code had arrived and run, a round trip the link's first load waited for.
 * Anything that is not a built-in lesson's id fetches nothing (the link is judged when it is opened).
 */
export function preloadLessonOfLink(fragment: string): void {
  const lesson = new URLSearchParams(fragment.replace(/^#/, '')).get('lesson');
  if (lesson === null || !/^[\w-]+$/.test(lesson)) return;
  for (const load of [
    machines[`../../lessons/${lesson}/machine.ts`],
    scenarios[`../../lessons/${lesson}/scenario.json`],
  ])
    load?.().catch(() => undefined);
}

/** The fragment key of a lesson-file link (`#lf=…`, lesson-file-link.ts). */
export const LESSON_FILE_LINK_KEY = 'lf';

/**
 * Whether a fragment is a lesson-file link at all (so the page can tell it from a share link). Here, not in
 * lesson-file-link.ts, so the page can ask without loading the lesson-file code.
 */
export const isLessonFileLink = (fragment: string): boolean =>
  new URLSearchParams(fragment.replace(/^#/, '')).has(LESSON_FILE_LINK_KEY);
