import { describe, expect, it } from 'vitest';
import { lessonFileProblems, type LessonFileDraft } from '../../engine/lesson-file-api.ts';
import type { World } from '../../protocol/world-types.ts';
import { DRAFT_FORMAT, type EditorDraft } from './draft.ts';
import {
  addExpectation,
  firstExpectation,
  recordingProblems,
  removeExpectation,
  setExpected,
  setSince,
  sinceChoices,
  unmetOnRecording,
  worldAt,
} from './expectations.ts';

const stake = { action: 'lst.stake', by: 'bob', amount: '4 ETH' };
const wrap = { action: 'lst.wrap', by: 'bob', amount: '1 ETH' };
const deposit = { action: 'strategy.deposit', by: 'bob', strategy: 'stETH', amount: '2 ETH' };
const file: LessonFileDraft = {
  format: 'restaking-sandbox/lesson@1',
  title: 'T',
  start: { preset: 'playground' },
  setup: [],
  steps: [
    { id: 'intro', kind: 'read', title: 'Intro', prose: '' },
    { id: 'stake', kind: 'act', title: 'Stake', prose: '', action: stake, match: 'exact' },
    { id: 'note', kind: 'read', title: 'Note', prose: '' },
    { id: 'wrap', kind: 'read', title: 'Wrap', prose: '', narration: wrap },
    { id: 'deposit', kind: 'act', title: 'Deposit', prose: '', action: deposit, match: 'exact' },
    { id: 'end', kind: 'debrief', title: 'End', prose: '' },
  ],
};
const E = 10n ** 18n;
/** bob's stETH and wstETH through the recording: none, 4 after staking, 3 + 1 wrapped, 1 after depositing 2. */
const world = (block: number, stETH: bigint, wstETH: bigint) =>
  ({ block, accounts: { bob: { stETH: String(stETH), wstETH: String(wstETH) } } }) as unknown as World;
const worlds = [world(0, 0n, 0n), world(1, 4n * E, 0n), world(2, 3n * E, E), world(3, E, E)];
const draft: EditorDraft = {
  format: DRAFT_FORMAT,
  file,
  worlds,
  recorded: { stake: 0, wrap: 1, deposit: 2 },
};
const stETH = { path: ['accounts', 'bob', 'stETH'], label: "bob's stETH balance" };
const wstETH = { path: ['accounts', 'bob', 'wstETH'], label: "bob's wstETH balance" };
const listAt = (d: EditorDraft, i: number) => {
  const s = d.file.steps[i];
  return s?.kind === 'read' || s?.kind === 'debrief' ? s.expect : undefined;
};

describe('the world a step appears in', () => {
  it('is the one after every recorded action before it; a narration lands only on Next', () => {
    const blocks = file.steps.map((_, i) => worldAt(draft, i)?.block);
    // intro, stake (before it), note (after staking), wrap (before the narration), deposit (after it), end.
    expect(blocks).toEqual([0, 0, 1, 1, 2, 3]);
  });

  it('offers only earlier act steps to compare with, latest first, each with the world before its action', () => {
    expect(sinceChoices(draft, 2).map((c) => [c.id, c.before.block])).toEqual([['stake', 0]]);
    // The narration "wrap" is not an act step: the played lesson records values only in act steps.
    expect(sinceChoices(draft, 5).map((c) => [c.id, c.before.block])).toEqual([
      ['deposit', 2],
      ['stake', 0],
    ]);
    expect(sinceChoices(draft, 0)).toEqual([]);
  });
});

describe('writing expectations', () => {
  it('starts from the change since the latest act step, else from the value as it is', () => {
    expect(firstExpectation(draft, 2, stETH)).toEqual({ ...stETH, is: 'more', since: 'stake' });
    // The debrief: bob's stETH went 3 → 1 across the deposit.
    expect(firstExpectation(draft, 5, stETH)).toEqual({ ...stETH, is: 'fewer', since: 'deposit' });
    // wstETH did not move across the deposit: what holds is that it is above 0.
    expect(firstExpectation(draft, 5, wstETH)).toEqual({ ...wstETH, is: 'positive' });
    expect(firstExpectation(draft, 0, stETH)).toEqual({ ...stETH, is: 'zero' });
  });

  it('adds to read steps and the debrief only, at most four, and removes the field with the last', () => {
    expect(addExpectation(draft, 1, stETH)).toBe(draft);
    let d = draft;
    for (let k = 0; k < 5; k++) d = addExpectation(d, 2, stETH);
    expect(listAt(d, 2)).toHaveLength(4);
    for (let k = 0; k < 4; k++) d = removeExpectation(d, 2, 0);
    expect(d.file.steps[2]).toEqual(file.steps[2]);
    expect(d.file.steps[2]).not.toHaveProperty('expect');
  });

  it('names an act step for a comparison and none for a state', () => {
    const d = addExpectation(draft, 5, wstETH);
    const compared = setExpected(d, 5, 0, 'same');
    expect(listAt(compared, 5)).toEqual([{ ...wstETH, is: 'same', since: 'deposit' }]);
    expect(listAt(setSince(compared, 5, 0, 'stake'), 5)).toEqual([{ ...wstETH, is: 'same', since: 'stake' }]);
    expect(listAt(setExpected(compared, 5, 0, 'zero'), 5)).toEqual([{ ...wstETH, is: 'zero' }]);
    // Before any act step there is nothing to compare with: a comparison is refused, the draft unchanged.
    const first = addExpectation(draft, 0, stETH);
    expect(setExpected(first, 0, 0, 'more')).toBe(first);
  });

  it('writes a file the validator accepts', async () => {
    let d = addExpectation(draft, 2, stETH);
    d = addExpectation(d, 5, stETH);
    d = addExpectation(d, 5, wstETH);
    expect(await lessonFileProblems(d.file)).toEqual([]);
  });
});

describe('checking on the recording', () => {
  it('holds what the recorded worlds show and says why not in the chain’s numbers', () => {
    expect(unmetOnRecording(draft, 2, { ...stETH, is: 'more', since: 'stake' })).toBeNull();
    expect(unmetOnRecording(draft, 2, { ...stETH, is: 'positive' })).toBeNull();
    // Across the deposit and the wrap together (since "stake"): 0 → 1 stETH, still more.
    expect(unmetOnRecording(draft, 5, { ...stETH, is: 'more', since: 'stake' })).toBeNull();
    const why = unmetOnRecording(draft, 5, { ...stETH, is: 'more', since: 'deposit' });
    expect(why).toMatch(/^expected bob's stETH balance to grow since step "deposit", but/);
    expect(why).toContain('3');
    expect(why).toContain('1');
    expect(unmetOnRecording(draft, 0, { ...stETH, is: 'positive' })).toMatch(/to be above 0; it is 0/);
  });

  it('says a comparison with a step that has not happened yet cannot hold', () => {
    expect(unmetOnRecording(draft, 2, { ...stETH, is: 'same', since: 'deposit' })).toMatch(
      /since step "deposit", which has not happened/,
    );
  });

  it('lists every expectation the recording breaks, path-named as lesson check names it', () => {
    let d = addExpectation(draft, 2, stETH); // holds: more since "stake"
    d = addExpectation(d, 5, wstETH); // holds: positive
    expect(recordingProblems(d)).toEqual([]);
    d = setExpected(d, 5, 0, 'zero');
    expect(recordingProblems(d)).toEqual([
      "steps[5].expect[0]: expected bob's wstETH balance to be 0; it is 1",
    ]);
  });
});
