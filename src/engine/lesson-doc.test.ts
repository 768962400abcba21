import { describe, expect, it } from 'vitest';
import { LessonDocError, parseLessonDoc } from './lesson-doc.ts';

const doc = (body: string, front = 'title: T\nsummary: S\nminutes: 5\nlearner: alice') =>
  `---\n${front}\n---\n${body}`;

describe('parseLessonDoc', () => {
  it('reads the front matter and one section per state, in order, with the nudge apart', () => {
    const d = parseLessonDoc(
      '03-x',
      doc('note for authors\n\n## intro\nHello **you**.\n\n## stake\nDo it.\n> Hint: look left\n'),
    );
    expect(d).toMatchObject({
      id: '03-x',
      number: 3,
      title: 'T',
      summary: 'S',
      minutes: 5,
      learner: 'alice',
    });
    expect(d.order).toEqual(['intro', 'stake']);
    expect(d.sections['intro']).toEqual({ html: '<p>Hello <strong>you</strong>.</p>\n', hint: null });
    expect(d.sections['stake']?.hint).toBe('look left');
    expect(d.sections['stake']?.html).not.toContain('look left');
    const long = parseLessonDoc('01-a', doc('## a\nDo it.\n> Hint: look\n> left, then right\n\nAfter.'));
    expect(long.sections['a']?.hint).toBe('look left, then right');
    expect(long.sections['a']?.html).toBe('<p>Do it.</p>\n<p>After.</p>\n');
    expect(parseLessonDoc('01-a', doc('## a\nSee [docs](https://docs.lido.fi).')).sections['a']?.html).toBe(
      '<p>See <a href="https://docs.lido.fi" target="_blank" rel="noopener noreferrer">docs</a>.</p>\n',
    );
  });

  it('names what is wrong with a broken file', () => {
    expect(() => parseLessonDoc('01-a', '## intro\n')).toThrow(/no front matter/);
    expect(() => parseLessonDoc('01-a', doc('', 'title: T\nsummary: S\nminutes: five\nlearner: a'))).toThrow(
      /minutes \(number\)/,
    );
    expect(() => parseLessonDoc('01-a', doc('## a\nx\n## a\ny'))).toThrow(LessonDocError);
    expect(() => parseLessonDoc('xx', doc('## a\n'))).toThrow(/starts with its number/);
    expect(() => parseLessonDoc('01-a', doc('## a\nHi <img src=x onerror=alert(1)>\n'))).toThrow(/raw HTML/);
  });
});
