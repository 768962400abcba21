import { describe, expect, it } from 'vitest';
import type { LessonFileDraft } from '../../engine/lesson-file-api.ts';
import type { World } from '../../protocol/world-types.ts';
import {
  DRAFT_FORMAT,
  addPrediction,
  addRead,
  amountChoices,
  judgeOf,
  moveStep,
  problemsByStep,
  removeStep,
  switchKind,
  worldsAround,
  type EditorDraft,
} from './draft.ts';

const stake = { action: 'lst.stake', by: 'bob', amount: '4 ETH' };
const deposit = { action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: '4 ETH' };
const file: LessonFileDraft = {
  format: 'restaking-sandbox/lesson@1',
  title: 'T',
  start: { preset: 'playground' },
  setup: [],
  steps: [
    { id: 'intro', kind: 'read', title: 'Intro', prose: '' },
    { id: 'step1', kind: 'act', title: 'Stake', prose: '', action: stake, match: 'exact' },
    { id: 'step2', kind: 'act', title: 'Deposit', prose: '', action: deposit, match: 'exact' },
    { id: 'end', kind: 'debrief', title: 'End', prose: '' },
  ],
};
const worlds = ['w0', 'w1', 'w2'].map((block) => ({ block }) as unknown as World);
const draft: EditorDraft = { format: DRAFT_FORMAT, file, worlds, recorded: { step1: 0, step2: 1 } };
const ids = (d: EditorDraft) => d.file.steps.map((s) => s.id);
const watch = { path: ['accounts', 'bob', 'stETH'], label: "bob's stETH balance" };

describe('editing a recorded lesson', () => {
  it('moves the teacher’s own steps, never a recorded step nor past the debrief', () => {
    expect(ids(moveStep(draft, 0, 1))).toEqual(['step1', 'intro', 'step2', 'end']);
    expect(moveStep(draft, 1, 1)).toBe(draft);
    const withNote = addRead(draft, 2);
    expect(ids(withNote)).toEqual(['intro', 'step1', 'step2', 'read1', 'end']);
    expect(moveStep(withNote, 3, 1)).toBe(withNote);
    expect(moveStep(draft, 0, -1)).toBe(draft);
  });

  it('removes read steps and predictions only', () => {
    expect(ids(removeStep(draft, 0))).toEqual(['step1', 'step2', 'end']);
    expect(removeStep(draft, 1)).toBe(draft);
    expect(removeStep(draft, 3)).toBe(draft);
  });

  it('never adds a step after the debrief, and names new steps uniquely', () => {
    const twice = addRead(addRead(draft, 3), 3);
    expect(ids(twice)).toEqual(['intro', 'step1', 'step2', 'read1', 'read2', 'end']);
  });

  it('turns an act step into narration of the same action and back, keeping its words', () => {
    const narrated = switchKind(draft, 1);
    expect(narrated.file.steps[1]).toEqual({
      id: 'step1',
      kind: 'read',
      title: 'Stake',
      prose: '',
      narration: stake,
    });
    expect(switchKind(narrated, 1).file.steps[1]).toEqual(file.steps[1]);
    expect(switchKind(draft, 0)).toBe(draft);
  });

  it('puts a prediction before its act step, judged by that step’s worlds', () => {
    const d = addPrediction(draft, 2, watch);
    expect(ids(d)).toEqual(['intro', 'step1', 'guess1', 'step2', 'end']);
    expect(judgeOf(d, 2)?.id).toBe('step2');
    const around = worldsAround(d, 'step2');
    expect(around?.before.block).toBe('w1');
    expect(around?.after.block).toBe('w2');
    // Narrated, the step no longer judges: the next act step (none here) would.
    expect(judgeOf(switchKind(d, 3), 2)).toBeNull();
  });

  it("offers the true amount among distinct plausible mistakes, smallest first, in the value's unit", () => {
    const e = 10n ** 18n;
    const eth = ['accounts', 'alice', 'eth'];
    const shares = ['stakers', 'alice', 'strategies', 'stETH', 'depositShares'];
    expect(amountChoices(`${10n * e}`, `${14n * e}`, eth)).toEqual(['6 ETH', '10 ETH', '14 ETH', '18 ETH']);
    // A count of shares is written in shares, never "ETH".
    expect(amountChoices(`${10n * e}`, `${14n * e}`, shares)).toEqual([
      '6 shares',
      '10 shares',
      '14 shares',
      '18 shares',
    ]);
    expect(amountChoices(`${2n * e}`, `${3n * e}`, ['accounts', 'bob', 'vaultTokens', 'lrt'])).toEqual([
      '1 lrt tokens',
      '2 lrt tokens',
      '3 lrt tokens',
      '4 lrt tokens',
    ]);
    // Exact to the wei.
    expect(amountChoices('0', '1', eth)).toEqual([
      '0 ETH',
      '0.000000000000000001 ETH',
      '0.000000000000000002 ETH',
    ]);
    // A fall larger than what was there never offers a negative amount.
    expect(amountChoices(`${4n * e}`, '0', eth)).toEqual(['0 ETH', '4 ETH', '8 ETH']);
    expect(amountChoices(`${3n * e}`, `${3n * e}`, eth)).toEqual(['1.5 ETH', '3 ETH', '6 ETH']);
    expect(amountChoices('0', '0', eth)).toEqual(['0 ETH', '1 ETH', '2 ETH']);
  });

  it('files the validator’s messages under the step they name', () => {
    const by = problemsByStep(file, ['title: too long', 'steps[2].action.by: no actor "bbo"']);
    expect(by).toEqual({ '': ['title: too long'], step2: ['steps[2].action.by: no actor "bbo"'] });
  });
});
