// Lesson links: a lesson@1 file in a URL fragment, `#lf=<base64url(deflate-raw(JSON))>`. Before deflating,
// every action is written in the compact step code of share links (share-steps.ts) and a preset or built-in
// lesson start stays a name, so a five-step lesson with its prose fits a QR code. Opening a link reverses
// both, within the same bounds as a scenario link (the inflate stops past what a lesson may hold), and the
// result goes through parseLessonFile: a bad link gets path-named problems and loads nothing.
import {
  lessonFileProblems,
  problemLines,
  MAX_LESSON_CHARS,
  type LessonFile,
  type ParsedLessonFile,
} from './lesson-file.ts';
import { fromBase64Url, MAX_FRAGMENT_CHARS, pipe, toBase64Url } from './share.ts';
import { decodeSteps, encodeSteps, type CompactStep } from './share-steps.ts';
import { LESSON_FILE_LINK_KEY } from './lesson-link.ts';

type Json = Record<string, unknown>;
/** The fields of a step that hold one action. */
const ACTION_FIELDS = ['action', 'narration', 'tryWrong'] as const;

/** A lesson step with its actions as compact codes (and the reverse), leaving every other field as it is. */
function mapActions(step: Json, f: (value: unknown, field: string) => unknown): Json {
  const out: Json = { ...step };
  for (const k of ACTION_FIELDS) if (k in out) out[k] = f(out[k], k);
  return out;
}

/** The fragment (without `#`) of a lesson link. */
export async function encodeLessonLink(file: LessonFile): Promise<string> {
  const compact: Json = {
    ...file,
    steps: file.steps.map((s) => mapActions(s as unknown as Json, (a) => encodeSteps([a as CompactStep]))),
  };
  if (file.setup !== undefined) compact['setup'] = encodeSteps(file.setup);
  const bytes = new TextEncoder().encode(JSON.stringify(compact));
  return `${LESSON_FILE_LINK_KEY}=${toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
}

const refused = (problems: string[]): ParsedLessonFile => ({ ok: false, problems });

/** A compact action back as a step; a problem at `path` when it cannot be read. */
function expand(value: unknown, path: string, problems: string[]): unknown {
  if (typeof value !== 'string') return value; // parseLessonFile names it
  try {
    const steps = decodeSteps(value);
    if (steps.length === 1) return steps[0];
    problems.push(`${path}: holds ${steps.length} actions; accepted: one`);
  } catch (e) {
    problems.push(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return value;
}

/**
 * The lesson file of a link's fragment (with or without `#`, `lf=` first or among other parameters), or
 * the problems that stop it loading, each named by its path (`(link)` for the link itself).
 */
export async function decodeLessonFileLink(fragment: string): Promise<ParsedLessonFile> {
  if (fragment.length > MAX_FRAGMENT_CHARS)
    return refused([`(link): is ${fragment.length} characters long, too long to be a lesson link`]);
  const data = new URLSearchParams(fragment.replace(/^#/, '')).get(LESSON_FILE_LINK_KEY);
  if (data === null)
    return refused([`(link): has no "${LESSON_FILE_LINK_KEY}=" part, so it holds no lesson`]);
  let json: unknown;
  try {
    // Compact JSON is at most MAX_LESSON_CHARS characters, each at most 3 bytes of UTF-8.
    const bytes = await pipe(
      fromBase64Url(data),
      new DecompressionStream('deflate-raw'),
      MAX_LESSON_CHARS * 3,
    );
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    const why =
      e instanceof SyntaxError
        ? 'its lesson is not valid JSON'
        : e instanceof RangeError
          ? `its lesson is too large (it ${e.message})`
          : 'its lesson data is damaged or cut short';
    return refused([`(link): ${why}. Was it copied completely?`]);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return checked(json, []);
  const problems: string[] = [];
  const file: Json = { ...(json as Json) };
  if (typeof file['setup'] === 'string') {
    try {
      file['setup'] = decodeSteps(file['setup']);
    } catch (e) {
      problems.push(`setup: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (Array.isArray(file['steps']))
    file['steps'] = file['steps'].map((s: unknown, i) =>
      s !== null && typeof s === 'object' && !Array.isArray(s)
        ? mapActions(s as Json, (a, k) => expand(a, `steps[${i}].${k}`, problems))
        : s,
    );
  return checked(file, problems);
}

function checked(file: unknown, problems: string[]): ParsedLessonFile {
  if (problems.length > 0) return refused(problems.slice(0, 20));
  const found = lessonFileProblems(file);
  return found.length > 0 ? refused(problemLines(found)) : { ok: true, file: file as LessonFile };
}
