// The lesson@1 file as the editor and the recorder see it (lessons/lesson-file.md). One thin module between
// the views and the lesson-file engine (the schema, the compiler, the link), so the editor names one place.
import type { Lesson } from './lessons.ts';
import type { StepJson } from './session-types.ts';

export const LESSON_FILE_FORMAT = 'restaking-sandbox/lesson@1';

export type LessonStart = { preset: string } | { lesson: string } | { scenario: Record<string, unknown> };
export type MatchRule = 'exact' | 'actor' | 'kind';
export type PredictAnswer = { type: 'direction' } | { type: 'value'; choices: string[] };

export interface ReadStepDraft {
  id: string;
  kind: 'read';
  title: string;
  prose: string;
  /** A recorded action the teacher turned into narration: performed when the learner presses Next. */
  narration?: StepJson;
}
export interface ActStepDraft {
  id: string;
  kind: 'act';
  title: string;
  prose: string;
  action: StepJson;
  match?: MatchRule;
  hint?: string;
}
export interface PredictStepDraft {
  id: string;
  kind: 'predict';
  title: string;
  prose: string;
  watch: { path: string[]; label: string };
  answer: PredictAnswer;
  /** The teacher's "why", quoted after the chain's numbers in the feedback. */
  explain?: string;
}
export interface DebriefStepDraft {
  id: string;
  kind: 'debrief';
  title: string;
  prose: string;
}
export type LessonStepDraft = ReadStepDraft | ActStepDraft | PredictStepDraft | DebriefStepDraft;

export interface LessonFileDraft {
  format: typeof LESSON_FILE_FORMAT;
  title: string;
  author?: string;
  summary?: string;
  start: LessonStart;
  setup: StepJson[];
  steps: LessonStepDraft[];
}

// The lesson-file engine (schema, compiler, link) arrives from its own branch; until then these say so.
const notYet = () => new Error('lesson files are not available in this build yet');

/** The validator's path-named messages about a file (none: it is a valid lesson@1 file). */
export async function lessonFileProblems(_file: unknown): Promise<string[]> {
  return [];
}

/** A file read from JSON (an import, a link): the file, or path-named messages. */
export async function readLessonFile(
  _json: unknown,
): Promise<{ ok: true; file: LessonFileDraft } | { ok: false; problems: string[] }> {
  throw notYet();
}

/** The lesson a file compiles to, run by the ordinary lesson runtime. */
export async function compileLesson(_file: LessonFileDraft): Promise<Lesson> {
  throw notYet();
}

/** The link fragment (`lf=…`) that carries a file. */
export async function lessonFileLink(_file: LessonFileDraft): Promise<string> {
  throw notYet();
}

/** Reads a `#lf=` fragment: null when it is not one, path-named messages when it is broken. */
export async function readLessonFileLink(
  _fragment: string,
): Promise<{ ok: true; file: LessonFileDraft } | { ok: false; problems: string[] } | null> {
  return null;
}
