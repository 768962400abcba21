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

/** A built-in lesson file, checked when first needed; a broken one stops the build's tests, as a broken lesson.md does. */
const fileOf = memo((path: string): LessonFile => {
  const r = parseLessonFile(files[path]);
  if (!r.ok) throw new Error(`${folder(path)}/lesson.json:\n${r.problems.join('\n')}`);
  return r.file;
});

function memo<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key) as T;
  };
}

/**
 * A catalog entry worked out when first read (its id and number are known from the folder's name): the
 * catalog's first load parsed every lesson's front matter, rendered all its prose and validated lesson
 * 01's file, about 270 ms of a lesson link's start; now a lesson's text is read when it is shown.
 */
function lazyDoc(id: string, make: () => LessonDoc, front: Front = {}): LessonDoc {
  let doc: LessonDoc | null = null;
  const full = () => (doc ??= make());
  return {
    id,
    number: Number.parseInt(id, 10),
    get title() {
      return front.title ?? full().title;
    },
    get summary() {
      return front.summary ?? full().summary;
    },
    get minutes() {
      return front.minutes ?? full().minutes;
    },
    get learner() {
      return full().learner;
    },
    get stage() {
      return full().stage;
    },
    get order() {
      return full().order;
    },
    get sections() {
      return full().sections;
    },
  };
}

/** What the start screen and the lesson list show of an entry, when it can be read without working it out. */
type Front = Partial<Pick<LessonDoc, 'title' | 'summary' | 'minutes'>>;

/**
 * A lesson file's own title, summary and minutes, as written. Checking the whole file and rendering its prose
 * took about 40 ms of the start screen's first frame (lesson 01 is a file), while a first visitor may already
 * be acting; the rest is worked out, and the file checked, when first read. A field that is absent or of
 * another type is left to that full reading (the tests check that both readings agree for every lesson).
 */
function fileFront(raw: unknown): Front {
  if (typeof raw !== 'object' || raw === null) return {};
  const { title, summary, minutes } = raw as Record<string, unknown>;
  return {
    ...(typeof title === 'string' ? { title } : {}),
    ...(typeof summary === 'string' ? { summary } : {}),
    ...(typeof minutes === 'number' ? { minutes } : {}),
  };
}

/** Every lesson's prose, by number. */
export const LESSON_DOCS: readonly LessonDoc[] = [
  ...Object.entries(docs).map(([path, text]) =>
    lazyDoc(folder(path), () => parseLessonDoc(folder(path), text, { lazyHtml: true })),
  ),
  ...Object.keys(files).map((path) =>
    lazyDoc(
      folder(path),
      () => lessonFileDoc(fileOf(path), folder(path), { builtIn: true }),
      fileFront(files[path]),
    ),
  ),
].sort((a, b) => a.number - b.number);

/** Where a built-in lesson file is, by folder. */
const FILES = new Map(Object.keys(files).map((path) => [folder(path), path]));

export function lessonDoc(id: string): LessonDoc | undefined {
  return LESSON_DOCS.find((d) => d.id === id);
}

export async function loadLesson(id: string): Promise<Lesson> {
  const file = FILES.get(id);
  if (file !== undefined) return compileLessonFile(fileOf(file), { id, builtIn: true });
  const doc = lessonDoc(id);
  const m = machines[`../../lessons/${id}/machine.ts`];
  const s = scenarios[`../../lessons/${id}/scenario.json`];
  if (doc === undefined || m === undefined || s === undefined) throw new Error(`there is no lesson ${id}`);
  const [{ machine }, scenario] = await Promise.all([m(), s()]);
  return { doc, machine, scenario };
}

/** Starts fetching a lesson's machine and starting scenario (a lesson link, before the chain is ready). */
export function preloadLesson(id: string): void {
  void machines[`../../lessons/${id}/machine.ts`]?.();
  void scenarios[`../../lessons/${id}/scenario.json`]?.();
}

/** The session source of a lesson's sandbox: how the app knows the sandbox on screen is the lesson's. */
export const lessonSource = (id: string) => `lesson:${id}`;
