// Every "Look at …" a lesson offers names a place that exists: an Inspector section, an actor of the
// lesson's own scenario, and a fact by a glossary term that the section's cards show. A typo here would give
// the learner a control that opens the Inspector and finds nothing.
import { getStateNodes } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import type { StepMeta } from '../../src/engine/lesson-kit.ts';
import { LESSON_DOCS, loadLesson } from '../../src/engine/lessons.ts';
import { GLOSSARY } from '../../src/ui/glossary.ts';
import { validateScenario } from '../../src/protocol/scenario-schema.ts';
import { SECTIONS } from '../../src/views/inspector/rows.ts';

describe('the places lessons point to', () => {
  it("lesson 01 points at Alice's stETH balance where the browser test looks for it", async () => {
    const lesson = await loadLesson('01-staking-and-lsts');
    const meta = lesson.machine.states['shares']?.meta as StepMeta | undefined;
    expect(meta?.lookAt).toEqual([
      { label: "Alice's stETH", view: 'Inspector', section: 'balances', card: 'alice', fact: 'stETH' },
    ]);
  });

  for (const doc of LESSON_DOCS) {
    it(`${doc.id}: every Look at names a section, an actor of its scenario and a glossary fact`, async () => {
      const lesson = await loadLesson(doc.id);
      const scenario = validateScenario(lesson.scenario);
      if (!scenario.ok) throw new Error(`${doc.id}: its scenario is invalid`);
      const actors = new Set(scenario.scenario.actors.map((a) => a.id));
      const sections = new Set<string>(SECTIONS.map((s) => s.id));
      const looks = getStateNodes(lesson.machine.root).flatMap(
        (n) => (n.meta as StepMeta | undefined)?.lookAt ?? [],
      );
      for (const t of looks) {
        expect(t.label.trim()).not.toBe('');
        if (t.view !== 'Inspector') continue;
        expect(sections, t.label).toContain(t.section);
        if (t.card !== undefined && !SECTIONS.find((s) => s.id === t.section)?.global)
          expect(actors, t.label).toContain(t.card);
        if (t.fact !== undefined) expect(Object.keys(GLOSSARY), t.label).toContain(t.fact);
      }
    });
  }
});
