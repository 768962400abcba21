// The live preview of a step's prose, rendered the way lesson prose is (lesson-doc.ts): Markdown's own
// constructs only. Raw HTML is refused with a message, never shown, so what the teacher sees is what the
// lesson file will be allowed to say.
import { marked } from 'marked';

export type Rendered = { ok: true; html: string } | { ok: false; message: string };

export function renderProse(markdown: string): Rendered {
  const tokens = marked.lexer(markdown);
  let html: string | null = null;
  marked.walkTokens(tokens, (t) => {
    if (t.type === 'html' && html === null) html = t.raw.trim().slice(0, 40);
  });
  if (html !== null) return { ok: false, message: `raw HTML is not allowed in lesson prose: ${html}` };
  return {
    ok: true,
    html: marked
      .parser(tokens)
      .replace(/<a href="(https?:[^"]*)"/g, '<a href="$1" target="_blank" rel="noopener noreferrer"'),
  };
}
