import { describe, expect, it } from 'vitest';
import {
  answerTo,
  choiceLabel,
  judgeAnswer,
  didNotCount,
  eth,
  initialLessonContext,
  percent,
  readable,
  readablePercent,
  realTime,
  sameEth,
  stepAmount,
  type ActedEvent,
} from './lesson-kit.ts';
import type { World } from '../protocol/world-types.ts';

const world = {} as World;
const refused: ActedEvent = {
  type: 'ACTED',
  step: { action: 'lst.wrap', by: 'alice', amount: '1 ETH' },
  ok: false,
  error: 'Only 0 ETH of shares are available.',
  before: world,
  after: world,
};

describe('the lesson kit', () => {
  it('renders amounts and fractions under the display policy', () => {
    expect(eth('36000000000000000000')).toBe('36');
    expect(eth(1n)).toBe('1 wei');
    // 28 ETH less 28 wei (lesson 6 after its slash); 35 plus 28 wei; 4/9 floored to the wei.
    expect(eth(28n * 10n ** 18n - 28n)).toBe('28 (less 28 wei)');
    expect(eth(35n * 10n ** 18n + 28n)).toBe('35 (plus 28 wei)');
    expect(eth('444444444444444444')).toBe('≈ 0.4444');
    expect(eth(28n * 10n ** 18n - 28n, 'stETH')).toBe('28 stETH − 28 wei');
    expect(percent('900000000000000000')).toBe('90%');
    expect(percent('1111111111111111111')).toBe('≈ 111.11%');
    expect(readable('3499999999999999994/2500000000000000000')).toBe('≈ 1.4');
    expect(readablePercent('1/3')).toBe('≈ 33.33%');
    expect(sameEth(6_300_000_000_000_000_000n, '63/10')).toBe(true);
    expect(sameEth(6_300_000_000_000_000_001n, '63/10')).toBe(false);
  });

  it("reads a step's amount as scenario files do", () => {
    expect(stepAmount({ action: 'lst.stake', amount: '4 ETH' })).toBe(4n * 10n ** 18n);
    expect(stepAmount({ action: 'lst.stake', amount: '1000 gwei' })).toBe(10n ** 12n);
    expect(stepAmount({ action: 'lst.report', delta: '0.14 ETH' }, 'delta')).toBe(14n * 10n ** 16n);
    expect(stepAmount({ action: 'lst.stake', amount: 'lots' })).toBeNull();
    expect(stepAmount({ action: 'chain.advance' })).toBeNull();
  });

  it('says what a number of classroom blocks stands for in real time', () => {
    expect(realTime(26n)).toBe('1 day 2 h');
    expect(realTime(336n)).toBe('14 days');
    expect(realTime(0n)).toBe('0 h');
    // Mainnet blocks are 12 s: 300 of them are one hour.
    expect(realTime(300n, 'mainnet')).toBe('1 h');
  });

  it("quotes the chain's refusal once, then what to try", () => {
    expect(didNotCount(refused, 'Stake first.')).toBe(
      'The chain refused lst.wrap: Only 0 ETH of shares are available. Nothing changed. Stake first.',
    );
    expect(didNotCount({ ...refused, ok: true, error: null }, 'Stake first.')).toBe(
      'lst.wrap landed, but it is not this step. Stake first.',
    );
  });

  it('records an answer unjudged under its question and clears the feedback', () => {
    const context = { ...initialLessonContext(), feedback: { tone: 'wrong' as const, text: 'x' } };
    expect(answerTo('predictLoss')({ context, event: { type: 'ANSWER', choice: 'ten' } })).toEqual({
      answers: { predictLoss: { choice: 'ten', correct: null } },
      feedback: null,
    });
  });

  it("judges an answer by the chain's truth, and leaves a skipped question unjudged", () => {
    const context = { ...initialLessonContext(), answers: { q: { choice: 'same', correct: null } } };
    expect(judgeAnswer(context, 'q', 'same')).toEqual({
      answers: { q: { choice: 'same', correct: true } },
      right: true,
    });
    expect(judgeAnswer(context, 'q', 'more')).toEqual({
      answers: { q: { choice: 'same', correct: false } },
      right: false,
    });
    expect(judgeAnswer(context, 'other', 'more')).toEqual({ answers: context.answers, right: null });
    const choices = [{ id: 'same', label: 'It stays the same' }];
    expect(choiceLabel(choices, 'same')).toBe('It stays the same');
    expect(choiceLabel(choices, 'gone')).toBe('gone');
  });
});
