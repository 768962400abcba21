// lesson.md → the prose of a lesson: YAML front matter (title, summary, minutes, learner), then one
// `## <state id>` section per machine state. A `> Hint: …` line in a section is that step's first hint (the
// nudge) and is not shown with the prose. Lesson files are part of the build, never user input.
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';

export interface LessonSection {
  /** Rendered prose (HTML from the lesson's own Markdown). */
  html: string;
  /** The nudge: a hint that points the way without giving the action. */
  hint: string | null;
}

export interface LessonDoc {
  /** Folder name: `01-staking-and-lsts`. */
  id: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  /** The actor the learner plays. */
  learner: string;
  /** The stage tab the lesson opens on (`Flow` unless it says otherwise: lesson 1 has no restaking to draw). */
  stage: string;
  /** Section ids in file order, and the sections by id. */
  order: string[];
  sections: Record<string, LessonSection>;
  /** Set for a lesson opened from a lesson@1 file or link: not one of the built-in lessons. */
  custom?: { author: string | null };
}

export class LessonDocError extends Error {}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function field(front: Record<string, unknown>, name: string, id: string, kind: 'string' | 'number') {
  const v = front[name];
  if (typeof v !== kind) throw new LessonDocError(`${id}/lesson.md: front matter needs ${name} (${kind})`);
  return v as never;
}

/**
 * Markdown to HTML, refusing raw HTML in the source: the page shows this HTML as is, so everything in it
 * must come from Markdown's own constructs (and links open outside the sandbox). Lesson files render their
 * prose through this too, after their validator has refused HTML and links that are not http(s).
 */
export function render(markdown: string, where: string): string {
  const tokens = marked.lexer(markdown);
  marked.walkTokens(tokens, (t) => {
    if (t.type === 'html')
      throw new LessonDocError(
        `${where}: raw HTML is not allowed in lesson prose (${t.raw.trim().slice(0, 40)})`,
      );
  });
  return marked
    .parser(tokens)
    .replace(/<a href="(https?:[^"]*)"/g, '<a href="$1" target="_blank" rel="noopener noreferrer"');
}

/**
 * A section whose HTML is rendered when first read: the lesson list shows titles and summaries only, and
 * rendering every lesson's prose at once cost the first catalog load about a hundred milliseconds.
 */
export function lazySection(html: () => string, hint: string | null): LessonSection {
  let rendered: string | null = null;
  return {
    get html() {
      return (rendered ??= html());
    },
    hint,
  };
}

/**
 * Parses a lesson.md. Each section's prose is rendered (and refused when it holds raw HTML) at once, or with
 * `lazyHtml` when first shown: the built-in catalog does that, and its test renders every section.
 */
export function parseLessonDoc(id: string, text: string, { lazyHtml = false } = {}): LessonDoc {
  const m = FRONT.exec(text);
  if (m === null) throw new LessonDocError(`${id}/lesson.md: no front matter (--- … ---) at the top`);
  const front = parseYaml(m[1] ?? '') as Record<string, unknown> | null;
  if (front === null || typeof front !== 'object')
    throw new LessonDocError(`${id}/lesson.md: front matter is not a YAML mapping`);
  const number = Number.parseInt(id, 10);
  if (!Number.isInteger(number))
    throw new LessonDocError(`${id}: a lesson folder starts with its number (NN-slug)`);
  const order: string[] = [];
  const sections: Record<string, LessonSection> = {};
  const body = text.slice(m[0].length);
  // Split on level-2 headings; anything before the first one is an author's note and not shown.
  const parts = body.split(/^## +/m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const sid = (nl < 0 ? part : part.slice(0, nl)).trim();
    const rest = nl < 0 ? '' : part.slice(nl + 1);
    if (Object.hasOwn(sections, sid)) throw new LessonDocError(`${id}/lesson.md: two sections named ${sid}`);
    // The nudge: a `> Hint: …` line and the `> …` lines that continue it.
    let hint: string | null = null;
    let inHint = false;
    const prose = rest
      .split('\n')
      .filter((line) => {
        const h = /^>\s*Hint:\s*(.*)$/.exec(line);
        const more = inHint ? /^>\s*(.*)$/.exec(line) : null;
        if (h !== null) hint = (h[1] ?? '').trim();
        else if (more !== null) hint = `${hint ?? ''} ${(more[1] ?? '').trim()}`.trim();
        inHint = h !== null || more !== null;
        return !inHint;
      })
      .join('\n');
    order.push(sid);
    const html = () => render(prose.trim(), `${id}/lesson.md, section ${sid}`);
    sections[sid] = lazyHtml ? lazySection(html, hint) : { html: html(), hint };
  }
  return {
    id,
    number,
    title: field(front, 'title', id, 'string'),
    summary: field(front, 'summary', id, 'string'),
    minutes: field(front, 'minutes', id, 'number'),
    learner: field(front, 'learner', id, 'string'),
    stage: typeof front['stage'] === 'string' ? front['stage'] : 'Flow',
    order,
    sections,
  };
}
