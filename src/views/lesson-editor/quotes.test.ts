import { describe, expect, it } from 'vitest';
import type { ActStepDraft } from '../../engine/lesson-file-api.ts';
import type { World } from '../../protocol/world-types.ts';
import { addQuote, quotedOnRecording, removeQuote } from './quotes.ts';

const step: ActStepDraft = {
  id: 'stake',
  kind: 'act',
  title: 'Stake',
  prose: '',
  action: { action: 'lst.stake', by: 'bob', amount: '4 ETH' },
  match: 'exact',
};
const E = 10n ** 18n;
const world = (stETH: bigint, eth: bigint) =>
  ({ accounts: { bob: { stETH: String(stETH), eth: String(eth) } } }) as unknown as World;
const stETH = { path: ['accounts', 'bob', 'stETH'], label: "bob's stETH" };
const eth = { path: ['accounts', 'bob', 'eth'], label: "bob's ETH" };

describe('the values an act step quotes', () => {
  it('adds each value once, at most four, and drops the field with the last', () => {
    const once = addQuote(addQuote(step, stETH), stETH);
    expect(once.quote).toEqual([stETH]);
    let full = step;
    for (let k = 0; k < 5; k++) full = addQuote(full, { path: ['accounts', `a${k}`, 'eth'], label: `a${k}` });
    expect(full.quote).toHaveLength(4);
    expect(removeQuote(once, 0)).toEqual(step);
    expect(removeQuote(addQuote(once, eth), 0).quote).toEqual([eth]);
  });

  it('previews what the learner reads, in the recording’s numbers', () => {
    const both = addQuote(addQuote(step, stETH), eth);
    // Staking 4 ETH: stETH 0 → 4, ETH 10 → 6 (the worlds are made up here; the words are the lesson's).
    const around = { before: world(0n, 10n * E), after: world(4n * E, 6n * E) };
    expect(quotedOnRecording(both, around)).toBe(
      "bob's stETH went from 0 to 4; bob's ETH went from 10 to 6.",
    );
    expect(quotedOnRecording(step, around)).toBe('');
    expect(quotedOnRecording(both, null)).toBe('');
  });
});
