import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LessonFile } from './lesson-file.ts';
import { decodeLessonFileLink, encodeLessonLink } from './lesson-file-link.ts';
import { isLessonFileLink } from './lesson-link.ts';
import { fiveStepLesson } from './lesson-file-testing.ts';
import { MAX_QR_CHARS, pipe, toBase64Url } from './share.ts';

/** Lesson 01 as a file: a real lesson, with an inline start scenario. */
const lesson01: unknown = JSON.parse(
  readFileSync(new URL('../../lessons/01-staking-and-lsts/lesson.json', import.meta.url), 'utf8'),
);

/** A problem line: `(link)`, `(root)` or a JSON path (keys that are not names quoted), a colon, words. */
const LINE =
  /^(\(link\)|\(root\)|([A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])(\[\d+\]|\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])*): \S|^… and \d+ more/;

/** The `lf=` fragment of any JSON text, deflated as a link is. */
async function linkOf(text: string): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `lf=${toBase64Url(bytes)}`;
}

describe('lesson links', () => {
  it('carry a five-step lesson with prose in a QR code, and open to the same file', async () => {
    const file = fiveStepLesson();
    const link = await encodeLessonLink(file);
    // The figure reported in the closing note of issue 15 (printed by this test).
    console.log(`five-step lesson link: ${link.length + 1} characters of fragment (#${link.slice(0, 24)}…)`);
    expect(link.length).toBeLessThan(MAX_QR_CHARS);
    expect(isLessonFileLink(`#${link}`)).toBe(true);
    expect(await decodeLessonFileLink(`#${link}`)).toEqual({ ok: true, file });
  });

  it('write actions in the compact step code and name a preset start', async () => {
    const link = await encodeLessonLink(fiveStepLesson());
    const bytes = await pipe(
      Uint8Array.from(atob(link.slice(3).replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
      new DecompressionStream('deflate-raw'),
    );
    const json = JSON.parse(new TextDecoder().decode(bytes)) as {
      start: unknown;
      steps: { action?: unknown }[];
    };
    expect(json.start).toEqual({ preset: 'playground' });
    expect(json.steps[1]?.action).toBe('stk,alice,4_ETH');
    expect(json.steps[3]?.action).toBe('dep,alice,stETH,1_ETH');
  });

  it('round-trip every lesson file, whatever its actions and text', async () => {
    const step = fc.oneof(
      fc.record({
        action: fc.constant('lst.stake'),
        by: fc.constantFrom('alice', 'bob'),
        amount: fc.constantFrom('1 ETH', '0.5 ETH', '123'),
      }),
      fc.record({ action: fc.constant('chain.advance'), blocks: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({ action: fc.constant('lst.report'), delta: fc.constantFrom('0.1 ETH', '-0.2 ETH') }),
    );
    const prose = fc
      .string({ maxLength: 200 })
      .filter((s) => !/[<>\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069[\]]/u.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, prose), { minLength: 1, maxLength: 6 }),
        fc.array(step, { maxLength: 3 }),
        async (acts, setup) => {
          const file: LessonFile = {
            ...fiveStepLesson(),
            setup,
            steps: [
              ...acts.map(([action, p], i) => ({
                id: `a${i}`,
                kind: 'act' as const,
                title: `Step ${i}`,
                prose: p,
                action,
              })),
              { id: 'end', kind: 'debrief', title: 'End', prose: '' },
            ],
          };
          expect(await decodeLessonFileLink(await encodeLessonLink(file))).toEqual({ ok: true, file });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round-trip lesson 01, whose start is a whole scenario', async () => {
    const file = lesson01 as LessonFile;
    expect(await decodeLessonFileLink(await encodeLessonLink(file))).toEqual({ ok: true, file });
  });

  it('name what is wrong with a broken link and load nothing', async () => {
    expect(await decodeLessonFileLink('p=playground')).toEqual({
      ok: false,
      problems: ['(link): has no "lf=" part, so it holds no lesson'],
    });
    const cut = (await encodeLessonLink(fiveStepLesson())).slice(0, 40);
    const r = await decodeLessonFileLink(cut);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatch(
      /^\(link\): its lesson (data is damaged or cut short|is not valid JSON)/,
    );
    expect(await decodeLessonFileLink('lf=$$$')).toEqual({
      ok: false,
      problems: ['(link): its lesson data is damaged or cut short. Was it copied completely?'],
    });
  });

  it('name a bad compact action by its step', async () => {
    const json = {
      ...fiveStepLesson(),
      steps: fiveStepLesson().steps.map((s, i) => (i === 1 ? { ...s, action: 'zzz' } : s)),
    };
    expect(await decodeLessonFileLink(await linkOf(JSON.stringify(json)))).toEqual({
      ok: false,
      problems: ['steps[1].action: step 1 names no action ("zzz")'],
    });
    const two = {
      ...json,
      steps: json.steps.map((s, i) => (i === 1 ? { ...s, action: 'stk,alice,1_ETH~stk,bob,1_ETH' } : s)),
    };
    expect(await decodeLessonFileLink(await linkOf(JSON.stringify(two)))).toEqual({
      ok: false,
      problems: ['steps[1].action: holds 2 actions; accepted: one'],
    });
  });

  it('pass the file through the validator: a link is no way around it', async () => {
    const bad = { ...fiveStepLesson(), title: '' };
    expect(await decodeLessonFileLink(await linkOf(JSON.stringify(bad)))).toEqual({
      ok: false,
      problems: ['title: is empty; accepted: a title'],
    });
  });

  it('answer any fragment with a file or path-named problems, never a throw', async () => {
    const base64url = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          base64url.map((b) => `lf=${b}`),
          fc.jsonValue().map((j) => JSON.stringify(j)),
        ),
        async (text) => {
          const fromText = await decodeLessonFileLink(
            text.startsWith('lf=') ? text : `lf=${toBase64Url(new TextEncoder().encode(text))}`,
          );
          const fromJson = await decodeLessonFileLink(await linkOf(text));
          for (const r of [fromText, fromJson]) {
            if (r.ok) continue;
            expect(r.problems.length).toBeGreaterThan(0);
            for (const p of r.problems) expect(p).toMatch(LINE);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stop inflating a bomb before it fills memory', async () => {
    const r = await decodeLessonFileLink(await linkOf(`"${'a'.repeat(4_000_000)}"`));
    expect(r).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^\(link\): its lesson is too large \(it inflates past 3000000 bytes\)/),
      ],
    });
  });
});
