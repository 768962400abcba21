import { describe, expect, it } from 'vitest';
import { parseLessonFile } from './lesson-file.ts';
import { choiceAmount, choiceText, choiceUnitProblem, writeChoice } from './lesson-file-choice.ts';
import { choicesOf, watched } from './lesson-file-rules.ts';

const SHARES = ['stakers', 'alice', 'strategies', 'stETH', 'depositShares'];
const E = 10n ** 18n;

describe('value choices in the watched value’s unit', () => {
  it('reads a number with the value’s unit as 10^18 base units, ETH, gwei and wei as themselves', () => {
    expect(choiceAmount('4 shares')).toBe(4n * E);
    expect(choiceAmount('3.6 stETH shares')).toBe(36n * 10n ** 17n);
    expect(choiceAmount('0.5 ETH')).toBe(E / 2n);
    expect(choiceAmount('2 gwei')).toBe(2n * 10n ** 9n);
    expect(choiceAmount('7')).toBe(7n); // a bare integer counts base units, as in scenarios
    expect(choiceAmount('0.5')).toBeNull(); // a fraction needs a unit
    expect(choiceAmount('four shares')).toBeNull();
  });

  it('refuses a unit the value does not count, naming both and the fix', () => {
    expect(choiceUnitProblem('4 shares', SHARES)).toBeNull();
    expect(choiceUnitProblem('4 ETH', SHARES)).toBeNull();
    expect(choiceUnitProblem('4 stETH', SHARES)).toBe(
      'names stETH, but the watched value counts shares; write "4 shares"',
    );
  });

  it('shows each choice in the unit under the display policy, and writes exact choices back', () => {
    expect(choiceText('4 ETH', SHARES)).toBe('4 shares');
    expect(choiceText(`${4n * E - 28n}`, SHARES)).toBe('4 shares − 28 wei');
    expect(writeChoice(36n * 10n ** 17n, SHARES)).toBe('3.6 shares');
    expect(writeChoice(1n, ['accounts', 'alice', 'stETH'])).toBe('0.000000000000000001 stETH');
    expect(choiceAmount(writeChoice(123456789n * E + 7n, SHARES))).toBe(123456789n * E + 7n);
  });

  it('a lesson file’s value question lists, judges and validates choices in that unit', () => {
    const file = {
      format: 'restaking-sandbox/lesson@1',
      title: 'Shares',
      start: { preset: 'playground' },
      steps: [
        {
          id: 'guess',
          kind: 'predict',
          title: 'Guess',
          prose: 'How many deposit shares will alice hold?',
          watch: { path: SHARES, label: "alice's stETH deposit shares" },
          answer: { type: 'value', choices: ['36 shares', '41 shares', '5 ETH'] },
        },
        {
          id: 'deposit',
          kind: 'act',
          title: 'Deposit',
          prose: 'Deposit.',
          action: { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '5 ETH' },
        },
        { id: 'end', kind: 'debrief', title: 'End', prose: 'Done.' },
      ],
    };
    const parsed = parseLessonFile(file);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const q = parsed.file.steps[0];
    if (q?.kind !== 'predict') throw new Error('not a prediction');
    expect(choicesOf(q).map((c) => c.label)).toEqual(['36 shares', '41 shares', '5 shares']);
    const world = (n: bigint) =>
      ({ stakers: { alice: { strategies: { stETH: { depositShares: String(n) } } } } }) as never;
    expect(watched(q, { before: world(36n * E), after: world(41n * E) }).truth).toBe('c1');

    const wrongUnit = structuredClone(file);
    (wrongUnit.steps[0] as { answer: { choices: string[] } }).answer.choices[1] = '41 stETH';
    const refused = parseLessonFile(wrongUnit);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.problems).toContain(
      'steps[0].answer.choices[1]: names stETH, but the watched value counts shares; write "41 shares"',
    );
  });
});
