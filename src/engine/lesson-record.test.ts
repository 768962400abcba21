import { describe, expect, it } from 'vitest';
import { recordLesson, type RecordInput } from './lesson-record.ts';
import type { ActStepDraft } from './lesson-file-api.ts';

// A preset of two steps of its own, then three steps the teacher took.
const own = [
  { action: 'lst.stake', by: 'alice', amount: '10 ETH' },
  { action: 'time.advance', blocks: 5 },
];
const taken = [
  { action: 'lst.stake', by: 'bob', amount: '4 ETH' },
  { action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: '4 ETH' },
  { action: 'staker.delegate', by: 'bob', operator: 'op1' },
];
const input = (over: Partial<RecordInput> = {}): RecordInput => ({
  scenario: { format: 'restaking-sandbox/scenario@1', title: 'Playground', steps: [...own, ...taken] },
  labels: ['alice stakes 10 ETH', 'time passes', 'bob stakes 4 ETH', 'bob deposits 4 stETH', 'bob delegates'],
  base: { kind: 'preset', id: 'playground', steps: own.length },
  first: 3,
  last: 5,
  title: 'Playground',
  ...over,
});

const file = (over: Partial<RecordInput> = {}) => {
  const r = recordLesson(input(over));
  if (!r.ok) throw new Error(r.message);
  return r.file;
};

describe('recording a history into a lesson', () => {
  it('names the preset, and makes every recorded step an exact act step between an intro and a debrief', () => {
    const f = file();
    expect(f.start).toEqual({ preset: 'playground' });
    expect(f.setup).toEqual([]);
    expect(f.steps.map((s) => s.kind)).toEqual(['read', 'act', 'act', 'act', 'debrief']);
    const acts = f.steps.filter((s): s is ActStepDraft => s.kind === 'act');
    expect(acts.map((a) => a.action)).toEqual(taken);
    expect(acts.every((a) => a.match === 'exact')).toBe(true);
    expect(acts[0]?.title).toBe('Bob stakes 4 ETH');
    // Ids are unique: the file's validator refuses duplicates.
    expect(new Set(f.steps.map((s) => s.id)).size).toBe(f.steps.length);
  });

  it('runs the steps before a range as the setup, so the learner starts where the teacher did', () => {
    const f = file({ first: 4, last: 5 });
    expect(f.start).toEqual({ preset: 'playground' });
    expect(f.setup).toEqual([taken[0]]);
    expect(f.steps.filter((s) => s.kind === 'act')).toHaveLength(2);
  });

  it('starts from the scenario itself when the range reaches into the preset’s own steps', () => {
    const f = file({ first: 2, last: 3 });
    expect(f.start).toEqual({
      scenario: { format: 'restaking-sandbox/scenario@1', title: 'Playground', steps: [own[0]] },
    });
    expect(f.setup).toEqual([]);
    const acts = f.steps.filter((s): s is ActStepDraft => s.kind === 'act');
    expect(acts.map((a) => a.action)).toEqual([own[1], taken[0]]);
  });

  it('leaves out the scenario’s checks (expect steps), keeping each act step’s place in the range', () => {
    const check = { action: 'expect', path: 'accounts.bob.stETH', equals: '4 ETH' };
    const r = recordLesson(
      input({
        scenario: { steps: [...own, taken[0], check, taken[1]] },
        labels: ['a', 'b', 'bob stakes', 'check', 'bob deposits'],
        first: 3,
        last: 5,
      }),
    );
    if (!r.ok) throw new Error(r.message);
    const acts = r.file.steps.filter((s): s is ActStepDraft => s.kind === 'act');
    expect(acts.map((a) => a.action)).toEqual([taken[0], taken[1]]);
    expect(r.offsets).toEqual({ step1: 0, step2: 2 });
    expect(recordLesson(input({ scenario: { steps: [...own, check] }, first: 3, last: 3 }))).toEqual({
      ok: false,
      message: expect.stringMatching(/only checks/),
    });
  });

  it('names a built-in lesson’s scenario as the start', () => {
    expect(file({ base: { kind: 'lesson', id: '06-slashing', steps: 2 } }).start).toEqual({
      lesson: '06-slashing',
    });
  });

  it('starts from the scenario when nothing names it (an imported file)', () => {
    const f = file({ base: null, first: 3, last: 3 });
    expect(f.start).toEqual({
      scenario: { format: 'restaking-sandbox/scenario@1', title: 'Playground', steps: own },
    });
  });

  it('refuses an empty history and a range outside it, saying which steps there are', () => {
    const empty = recordLesson(input({ scenario: { steps: [] }, base: null, first: 1, last: 1 }));
    expect(empty).toEqual({ ok: false, message: expect.stringMatching(/no steps yet/) });
    for (const [first, last] of [
      [0, 2],
      [3, 2],
      [4, 6],
    ] as const) {
      const r = recordLesson(input({ first, last }));
      expect(r).toEqual({ ok: false, message: expect.stringContaining('steps 1 to 5') });
    }
  });

  it('keeps the title within the format’s 120 characters', () => {
    expect(file({ title: 'x'.repeat(300) }).title.length).toBeLessThanOrEqual(120);
    expect(file({ title: '  ' }).title).toBe('A lesson of my own');
  });
});

describe('a recorded lesson is a valid lesson@1 file', () => {
  it('passes the lesson-file validator, from a preset and from a cut scenario', async () => {
    const { getPreset } = await import('../protocol/scenarios/index.ts');
    const { parseLessonFile } = await import('./lesson-file.ts');
    const preset = structuredClone(getPreset('playground')!.json) as { steps: object[] };
    const ownSteps = preset.steps.length;
    preset.steps.push(...taken);
    const labels = preset.steps.map((s) => (s as { action: string }).action);
    for (const [base, first] of [
      [{ kind: 'preset' as const, id: 'playground', steps: ownSteps }, ownSteps + 1],
      // From the preset's last step, an `expect` check: left out of the act steps.
      [null, ownSteps],
    ] as const) {
      const r = recordLesson({ scenario: preset, labels, base, first, last: ownSteps + 3, title: 'Mine' });
      if (!r.ok) throw new Error(r.message);
      expect(parseLessonFile(r.file)).toEqual({ ok: true, file: r.file });
    }
  });
});
