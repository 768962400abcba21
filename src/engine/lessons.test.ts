// Every lesson folder, checked as a whole: its prose and its machine name the same steps, every step has
// what the engine needs (a nudge for actions, choices for questions), and its scenario is valid.
import { existsSync, readFileSync } from 'node:fs';
import { getStateNodes } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../protocol/scenario-schema.ts';
import type { StepMeta } from './lesson-kit.ts';
import { parseLessonDoc, type LessonDoc } from './lesson-doc.ts';
import { parseLessonFile } from './lesson-file.ts';
import { lessonFileDoc } from './lesson-file-compile.ts';
import { LESSON_DOCS, loadLesson } from './lessons.ts';

describe('the lesson catalog', () => {
  it('has the eight lessons of the curriculum, numbered in order', () => {
    // curriculum.md's folders, in its order.
    expect(LESSON_DOCS.map((d) => d.id)).toEqual([
      '01-staking-and-lsts',
      '02-native-restaking',
      '03-liquid-restaking',
      '04-operators-and-services',
      '05-pooled-security',
      '06-slashing',
      '07-slashing-cascades',
      '08-beyond-ethereum',
    ]);
  });

  it('works each entry out when first read, to what parsing its folder at once gives', () => {
    // The eager reading the catalog did before it became lazy: lesson.md parsed, or lesson.json checked.
    const eager = (id: string): LessonDoc => {
      const md = new URL(`../../lessons/${id}/lesson.md`, import.meta.url);
      if (existsSync(md)) return parseLessonDoc(id, readFileSync(md, 'utf8'));
      const json: unknown = JSON.parse(
        readFileSync(new URL(`../../lessons/${id}/lesson.json`, import.meta.url), 'utf8'),
      );
      const r = parseLessonFile(json);
      if (!r.ok) throw new Error(r.problems.join('\n'));
      return lessonFileDoc(r.file, id, { builtIn: true });
    };
    // Sections compared by value: their HTML is rendered when first read.
    const plain = (d: LessonDoc) => ({
      ...d,
      sections: Object.fromEntries(Object.entries(d.sections).map(([k, v]) => [k, { ...v }])),
    });
    for (const doc of LESSON_DOCS) expect(plain(doc), doc.id).toEqual(plain(eager(doc.id)));
  });

  for (const doc of LESSON_DOCS) {
    describe(doc.id, async () => {
      const lesson = await loadLesson(doc.id);
      const states = getStateNodes(lesson.machine.root).filter(
        (n) => n.type === 'atomic' || n.type === 'final',
      );
      const ids = states.map((n) => n.key);

      it('has prose for every state and no prose for a state that does not exist', () => {
        expect(ids.filter((id) => doc.sections[id] === undefined)).toEqual([]);
        expect(doc.order.filter((id) => !ids.includes(id))).toEqual([]);
      });

      it('tells the steps in the order of the machine', () => {
        expect(doc.order).toEqual(ids);
      });

      it('gives every action a nudge and an exact action, every question its choices', () => {
        for (const n of states) {
          const meta = n.meta as StepMeta | undefined;
          expect(meta, `${n.key} has meta`).toBeDefined();
          if (meta?.kind === 'act') {
            expect(meta.show.length, `${n.key} show`).toBeGreaterThan(0);
            expect(doc.sections[n.key]?.hint, `${n.key} nudge`).toBeTruthy();
            expect(n.on['SHOW'], `${n.key} handles SHOW`).toBeDefined();
            expect(n.on['ACTED'], `${n.key} handles ACTED`).toBeDefined();
          }
          if (meta?.kind === 'predict' || meta?.kind === 'quiz') {
            expect(meta.choices.length, `${n.key} choices`).toBeGreaterThanOrEqual(2);
            expect(n.on['SKIP'], `${n.key} can be skipped by a presenter`).toBeDefined();
          }
        }
      });

      it('asks a prediction and ends with a debrief', () => {
        const kinds = states.map((n) => (n.meta as StepMeta).kind);
        expect(kinds).toContain('predict');
        const last = states.find((n) => n.type === 'final');
        expect((last?.meta as StepMeta | undefined)?.kind).toBe('debrief');
      });

      it('starts from a valid scenario and has its model-based test', () => {
        const v = validateScenario(lesson.scenario);
        expect(v.ok ? [] : v.issues).toEqual([]);
        expect(existsSync(new URL(`../../lessons/${doc.id}/machine.test.ts`, import.meta.url))).toBe(true);
      });

      it('names a learner who is an actor of its scenario', () => {
        const actors = (lesson.scenario as { actors: { id: string }[] }).actors.map((a) => a.id);
        expect(actors).toContain(doc.learner);
      });
    });
  }
});
