// The lesson catalog: every folder of lessons/ is a lesson (adding one is adding a folder). A folder holds
// either a hand-written machine (machine.ts, lesson.md, scenario.json) or a lesson@1 file (lesson.json,
// compiled by lesson-file-compile.ts). The prose is bundled with this module; each lesson's machine and
// starting scenario load when the lesson opens.
import type { AnyStateMachine } from 'xstate';
import { parseLessonDoc, type LessonDoc } from './lesson-doc.ts';
import { parseLessonFile, type LessonFile } from './lesson-file.ts';
import { compileLessonFile, lessonFileDoc } from './lesson-file-compile.ts';

export interface Lesson {
  doc: LessonDoc;
  machine: AnyStateMachine;
  /** The scenario@1 the lesson starts from. */
  scenario: unknown;
}

const docs = import.meta.glob<string>('../../lessons/*/lesson.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const files = import.meta.glob<unknown>('../../lessons/*/lesson.json', { import: 'default', eager: true });
const machines = import.meta.glob<{ machine: AnyStateMachine }>('../../lessons/*/machine.ts');
const scenarios = import.meta.glob<unknown>('../../lessons/*/scenario.json', { import: 'default' });

const folder = (path: string) => path.split('/').at(-2) ?? path;

/** The built-in lesson files by folder; a broken one stops the build's tests, as a broken lesson.md does. */
const FILES = new Map<string, LessonFile>(
  Object.entries(files).map(([path, json]) => {
    const r = parseLessonFile(json);
    if (!r.ok) throw new Error(`${folder(path)}/lesson.json:\n${r.problems.join('\n')}`);
    return [folder(path), r.file];
  }),
);

/** Every lesson's prose, by number. */
export const LESSON_DOCS: readonly LessonDoc[] = [
  ...Object.entries(docs).map(([path, text]) => parseLessonDoc(folder(path), text)),
  ...[...FILES].map(([id, file]) => lessonFileDoc(file, id, { builtIn: true })),
].sort((a, b) => a.number - b.number);

export function lessonDoc(id: string): LessonDoc | undefined {
  return LESSON_DOCS.find((d) => d.id === id);
}

export async function loadLesson(id: string): Promise<Lesson> {
  const file = FILES.get(id);
  if (file !== undefined) return compileLessonFile(file, { id, builtIn: true });
  const doc = lessonDoc(id);
  const m = machines[`../../lessons/${id}/machine.ts`];
  const s = scenarios[`../../lessons/${id}/scenario.json`];
  if (doc === undefined || m === undefined || s === undefined) throw new Error(`there is no lesson ${id}`);
  const [{ machine }, scenario] = await Promise.all([m(), s()]);
  return { doc, machine, scenario };
}

/** The session source of a lesson's sandbox: how the app knows the sandbox on screen is the lesson's. */
export const lessonSource = (id: string) => `lesson:${id}`;
