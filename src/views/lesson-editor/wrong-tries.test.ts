import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ActStepDraft, LessonFileDraft } from '../../engine/lesson-file-api.ts';
import { dryRunLessonFile } from '../../engine/lesson-file-check.ts';
import type { World } from '../../protocol/world-types.ts';
import { DRAFT_FORMAT, type EditorDraft } from './draft.ts';
import { halfOf, withWrongTry, wrongTries, wrongTryFeedback, wrongTryProblems } from './wrong-tries.ts';

const stake = { action: 'lst.stake', by: 'bob', amount: '4 ETH' };
const delegate = { action: 'staker.delegate', by: 'bob', operator: 'op1' };
const step: ActStepDraft = {
  id: 'stake',
  kind: 'act',
  title: 'Stake',
  prose: '',
  action: stake,
  match: 'exact',
};
/** Two stakers and an operator, as the recording's world before the stake lists them. */
const world = {
  accounts: { alice: { role: 'staker' }, bob: { role: 'staker' }, op1: { role: 'operator' } },
} as unknown as World;

describe('halving a written amount', () => {
  it('halves the digits exactly and keeps the words after them', () => {
    expect(halfOf('4 ETH')).toBe('2 ETH');
    expect(halfOf('1 ETH')).toBe('0.5 ETH');
    expect(halfOf('1.5 stETH')).toBe('0.75 stETH');
    expect(halfOf('0.000000000000000001 ETH')).toBe('0.0000000000000000005 ETH');
    expect(halfOf('40')).toBe('20');
    expect(halfOf('3')).toBe('1.5');
  });

  it('gives nothing to halve for zero or for words that do not start with a number', () => {
    expect(halfOf('0 ETH')).toBeNull();
    expect(halfOf('all')).toBeNull();
    expect(halfOf('')).toBeNull();
  });
});

describe('the wrong actions offered for an act step', () => {
  it('offers half the amount, another staker, and the next step too early, under the exact rule', () => {
    const tries = wrongTries(step, world, [delegate]);
    expect(tries.map((t) => t.action)).toEqual([
      { ...stake, amount: '2 ETH' },
      { ...stake, by: 'alice' },
      delegate,
    ]);
    expect(tries.map((t) => t.label)).toEqual([
      'Half the amount',
      'Another staker',
      'A later step, too early',
    ]);
  });

  it('offers only what the rule would not count', () => {
    // "Same actor": another amount would count; "Any actor": another staker would too.
    expect(wrongTries({ ...step, match: 'actor' }, world, [delegate]).map((t) => t.label)).toEqual([
      'Another staker',
      'A later step, too early',
    ]);
    expect(wrongTries({ ...step, match: 'kind' }, world, [stake, delegate]).map((t) => t.action)).toEqual([
      delegate,
    ]);
  });

  it('skips an amount that is no amount once halved, and an actor alone in its role', () => {
    const wei = { ...step, action: { ...stake, amount: '1 wei' } };
    expect(wrongTries(wei, world, []).map((t) => t.label)).toEqual(['Another staker']);
    const asOperator = { ...step, action: { action: 'operator.register', by: 'op1', allocationDelay: '0' } };
    expect(wrongTries(asOperator, world, [])).toEqual([]);
  });

  it('halves an oracle report, which no actor signs', () => {
    const report = { ...step, action: { action: 'lst.report', delta: '0.14 ETH' } };
    expect(wrongTries(report, world, [stake])).toEqual([
      { label: 'Half the delta', action: { action: 'lst.report', delta: '0.07 ETH' } },
      { label: 'A later step, too early', action: stake },
    ]);
  });

  it('says what the learner reads when the wrong action lands, as the played lesson words it', () => {
    expect(wrongTryFeedback(step, { ...stake, by: 'alice' })).toBe(
      'lst.stake landed, but it is not this step. Act as bob and use "Stake ETH for stETH" (lst.stake), amount 4 ETH.',
    );
  });

  it('sets and clears the wrong try', () => {
    const set = withWrongTry(step, delegate);
    expect(set.tryWrong).toEqual(delegate);
    expect(withWrongTry(set, null)).toEqual(step);
  });
});

describe('a wrong try the rule counts', () => {
  const file: LessonFileDraft = {
    format: 'restaking-sandbox/lesson@1',
    title: 'T',
    start: { preset: 'playground' },
    setup: [],
    steps: [
      { id: 'intro', kind: 'read', title: 'Intro', prose: '' },
      { ...step, tryWrong: { ...stake, by: 'alice' } },
      { id: 'end', kind: 'debrief', title: 'End', prose: '' },
    ],
  };
  const draft = (f: LessonFileDraft): EditorDraft => ({
    format: DRAFT_FORMAT,
    file: f,
    worlds: [],
    recorded: { stake: 0 },
  });

  it('is a problem, named as lesson check names it, once the rule is loosened to count it', () => {
    expect(wrongTryProblems(draft(file))).toEqual([]);
    const loose = {
      ...file,
      steps: file.steps.map((s) => (s.kind === 'act' ? { ...s, match: 'kind' as const } : s)),
    };
    expect(wrongTryProblems(draft(loose))).toEqual([
      'steps[1].tryWrong: it counts for the step; a wrong action must not',
    ]);
  });
});

describe('the wrong tries offered for a real lesson', () => {
  it('each pass lesson check at its step: not counted, and explained', async () => {
    const lesson01 = JSON.parse(
      readFileSync(new URL('../../../lessons/01-staking-and-lsts/lesson.json', import.meta.url), 'utf8'),
    ) as LessonFileDraft;
    // Lesson 01 plays alice; bob is the other staker of its start.
    const roles = { accounts: { alice: { role: 'staker' }, bob: { role: 'staker' } } } as unknown as World;
    const tried: string[] = [];
    for (const [i, s] of lesson01.steps.entries()) {
      if (s.kind !== 'act') continue;
      const later = lesson01.steps.slice(i + 1).flatMap((x) => (x.kind === 'act' ? [x.action] : []));
      for (const t of wrongTries(s, roles, later)) {
        const file = structuredClone(lesson01);
        file.steps[i] = withWrongTry(s, t.action);
        expect((await dryRunLessonFile(file)).problems, `steps[${i}]: ${t.label}`).toEqual([]);
        tried.push(`${i}: ${t.label}`);
      }
    }
    // The stake is matched by actor, so another amount would count; the wrap likewise.
    expect(tried).toEqual([
      '1: Another staker',
      '1: A later step, too early',
      '4: Half the delta',
      '4: A later step, too early',
      '6: Another staker',
    ]);
  }, 120_000);
});
