// The lesson@1 file as the editor and the recorder see it (lessons/lesson-file.md). One thin module between
// the views and the lesson-file engine (the schema, the compiler, the link), so the editor names one place.
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
  why?: string;
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
