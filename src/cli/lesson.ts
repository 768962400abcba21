// `restaking-sandbox lesson check FILE`: validates a lesson@1 file, then dry-runs it headless on a fresh
// in-process chain as a learner who does what the teacher recorded (lesson-file-check.ts). Prints one line
// per step; exit 0 when the lesson plays through, 1 with its problems named by path, 2 on a usage error.
import { readFile } from 'node:fs/promises';
import { parseLessonFile } from '../engine/lesson-file.ts';
import { resolveLessonFile, type LessonScenarios } from '../engine/lesson-file-compile.ts';
import { dryRunLessonFile } from '../engine/lesson-file-check.ts';
import { readJsonFile, type Io } from './io.ts';
import { LESSON_USAGE } from './usage.ts';

export { LESSON_USAGE } from './usage.ts';

/** The package's own lessons folder (beside src/ and build/, so the sources and the bundle both find it). */
const LESSONS = new URL('../../lessons/', import.meta.url);

async function readJson(url: URL): Promise<unknown> {
  try {
    return JSON.parse(await readFile(url, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A built-in lesson's starting scenario from the package's lessons folder (the page's catalog needs Vite). */
const packageLessons: LessonScenarios = async (id) => {
  // The id matched the schema's NN-slug form, so it cannot leave the lessons folder.
  const scenario = await readJson(new URL(`${id}/scenario.json`, LESSONS));
  if (scenario !== undefined) return scenario;
  const parsed = parseLessonFile(await readJson(new URL(`${id}/lesson.json`, LESSONS)));
  if (!parsed.ok) return undefined;
  const resolved = await resolveLessonFile(parsed.file, packageLessons);
  return resolved.ok ? resolved.scenario : undefined;
};

const startWords = (start: object) =>
  'preset' in start
    ? `the preset ${String(start.preset)}`
    : 'lesson' in start
      ? `lesson ${String(start.lesson)}`
      : 'its own scenario';

export async function lessonCommand(args: readonly string[], io: Io): Promise<number> {
  const [sub, file, ...rest] = args;
  if (sub !== 'check' || file === undefined || rest.length > 0 || file.startsWith('-')) {
    io.stderr(LESSON_USAGE);
    return 2;
  }
  const input = await readJsonFile(file);
  if (!input.ok) {
    io.stderr(input.message);
    return 1;
  }
  const parsed = parseLessonFile(input.json);
  if (!parsed.ok) {
    io.stderr(
      `${file}: not a valid restaking-sandbox/lesson@1 file:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}`,
    );
    return 1;
  }
  const lesson = parsed.file;
  io.stdout(`${file}: "${lesson.title}", ${lesson.steps.length} steps from ${startWords(lesson.start)}`);
  const run = await dryRunLessonFile(lesson, packageLessons);
  if (run.lines.length > 0) io.stdout(run.lines.map((l) => `  ${l}`).join('\n'));
  if (run.problems.length > 0) {
    io.stderr(`${file}: the dry run failed:\n${run.problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  const expects = lesson.steps.some(
    (s) => (s.kind === 'read' || s.kind === 'debrief') && s.expect !== undefined,
  );
  io.stdout(
    `ok: every recorded action counts for its step${expects ? ', every expectation holds' : ''} and every prediction has a truth`,
  );
  return 0;
}
