// The lesson@1 file as the editor and the recorder see it (lessons/lesson-file.md): one thin module between
// the views and the lesson-file engine (the schema in lesson-file.ts, the compiler, the link codec), so the
// editor names one place and its names read as the editor's ("draft": a file still being written).
import {
  lessonFileProblems as problemsOf,
  parseLessonFile,
  problemLines,
  type ActStep,
  type DebriefStep,
  type LessonFile,
  type LessonFileStep,
  type Match,
  type PredictStep,
  type ReadStep,
} from './lesson-file.ts';
import { decodeLessonFileLink, encodeLessonLink } from './lesson-file-link.ts';
import { isLessonFileLink } from './lesson-link.ts';
import type { Lesson } from './lessons.ts';

export { LESSON_FORMAT as LESSON_FILE_FORMAT, type LessonStart, type PredictAnswer } from './lesson-file.ts';
export { writeChoice, unitOfPath } from './lesson-file-choice.ts';
export { quoted, recorded as recordedValues, unmet, wanted, wouldCount } from './lesson-file-rules.ts';
export { actionProblems } from './lesson-file.ts';
export { didNotCount } from './lesson-kit.ts';
export type { ExpectedIs, Expectation } from './lesson-file.ts';
export { EXPECTED_IS } from './lesson-file.ts';
export type LessonFileDraft = LessonFile;
export type LessonStepDraft = LessonFileStep;
export type ReadStepDraft = ReadStep;
export type ActStepDraft = ActStep;
export type PredictStepDraft = PredictStep;
export type DebriefStepDraft = DebriefStep;
export type MatchRule = Match;

type Read = { ok: true; file: LessonFileDraft } | { ok: false; problems: string[] };

/** The validator's path-named messages about a file (none: it is a valid lesson@1 file). */
export async function lessonFileProblems(file: unknown): Promise<string[]> {
  return problemLines(problemsOf(file));
}

/** A file read from JSON (an import): the file, or path-named messages. */
export async function readLessonFile(json: unknown): Promise<Read> {
  return parseLessonFile(json);
}

/**
 * The lesson a file compiles to, run by the ordinary lesson runtime (never built in: the lesson panel marks
 * it). The compiler loads with the first lesson file, not with the page.
 */
export async function compileLesson(file: LessonFileDraft): Promise<Lesson> {
  const { compileLessonFile } = await import('./lesson-file-compile.ts');
  return compileLessonFile(file);
}

/** The link fragment (`lf=…`) that carries a file. */
export function lessonFileLink(file: LessonFileDraft): Promise<string> {
  return encodeLessonLink(file);
}

/** Reads a `#lf=` fragment: null when it is not one, path-named messages when it is broken. */
export async function readLessonFileLink(fragment: string): Promise<Read | null> {
  return isLessonFileLink(fragment) ? decodeLessonFileLink(fragment) : null;
}
