// A learner's place in a lesson, as saved between visits: every step reached so far, each paired with the
// chain's position when it began (going back restores both), plus the lesson's sandbox as a session@1
// document in case the sandbox on screen was replaced meanwhile. Read back through a schema: a damaged
// record is dropped with a reason, never half-used.
import * as v from 'valibot';
import type { Cursor } from './session-types.ts';

export const PROGRESS_FORMAT = 'restaking-sandbox/lesson-progress@1';

export interface LessonStepRecord {
  /** The machine state (the lesson step's id). */
  state: string;
  /** Where the chain was when the step began. */
  cursor: Cursor;
  /** The machine's persisted snapshot (context: answers, feedback) at this step. */
  snapshot: unknown;
}

export interface LessonProgress {
  format: typeof PROGRESS_FORMAT;
  lesson: string;
  /** The run's id: its sandbox's source is `lesson:<lesson>#<run>`. */
  run: string;
  /** Steps reached, oldest first; the last is where the learner is. */
  steps: LessonStepRecord[];
  /** Steps left by going back, nearest first: going forward again restores them. */
  ahead: LessonStepRecord[];
  /** Whether the lesson is on screen (false while the learner is in the free sandbox). */
  open: boolean;
  /** The lesson's sandbox, to bring back when another one replaced it. */
  session: unknown;
}

const cursor = v.object({ branch: v.string(), node: v.nullable(v.pipe(v.number(), v.integer())) });
const record = v.object({ state: v.string(), cursor, snapshot: v.unknown() });
const schema = v.object({
  format: v.literal(PROGRESS_FORMAT),
  lesson: v.string(),
  run: v.string(),
  steps: v.pipe(v.array(record), v.minLength(1)),
  ahead: v.array(record),
  open: v.boolean(),
  session: v.unknown(),
});

export type ReadProgress = { ok: true; progress: LessonProgress } | { ok: false; message: string } | null;

/** Parses saved progress; null when there is none. */
export function readProgress(text: unknown): ReadProgress {
  if (text === undefined || text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(String(text));
  } catch {
    return { ok: false, message: 'the saved lesson progress is not valid JSON' };
  }
  const r = v.safeParse(schema, json);
  if (!r.success) {
    const issue = r.issues[0];
    const where = issue === undefined ? '' : ` at ${v.getDotPath(issue) ?? '(root)'}`;
    return { ok: false, message: `the saved lesson progress is damaged${where}: ${issue?.message ?? ''}` };
  }
  return { ok: true, progress: r.output as LessonProgress };
}
