// Small lesson@1 files for the tests of the validator, the link codec, the compiler and the CLI.
import type { LessonFile } from './lesson-file.ts';

/** Five steps on the playground preset, with prose: a read, a prediction, two actions, the debrief. */
export const fiveStepLesson = (): LessonFile => ({
  format: 'restaking-sandbox/lesson@1',
  title: 'Depositing stETH into a strategy',
  author: 'Ms Rivera',
  summary: 'Alice stakes, then restakes her stETH; what happens to her deposit shares?',
  start: { preset: 'playground' },
  steps: [
    {
      id: 'intro',
      kind: 'read',
      title: 'The setup',
      prose:
        'Alice holds ETH. She will stake some for **stETH**, then deposit that stETH into the stETH strategy, where an operator can restake it.',
    },
    {
      id: 'stake',
      kind: 'act',
      title: 'Stake',
      prose: 'Act as **alice** and stake 4 ETH for stETH.',
      action: { action: 'lst.stake', by: 'alice', amount: '4 ETH' },
      match: 'exact',
    },
    {
      id: 'guess',
      kind: 'predict',
      title: 'Guess',
      prose: "Alice is about to deposit 1 ETH of stETH. What happens to her strategy's **deposit shares**?",
      watch: {
        path: ['stakers', 'alice', 'strategies', 'stETH', 'depositShares'],
        label: "alice's stETH deposit shares",
      },
      answer: { type: 'direction' },
      explain: 'a deposit mints strategy shares for the stETH it brings in.',
    },
    {
      id: 'deposit',
      kind: 'act',
      title: 'Deposit',
      prose: 'Now deposit 1 ETH worth of stETH into the stETH strategy, as **alice**.',
      action: { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '1 ETH' },
      match: 'actor',
      hint: 'The strategy actions are in the Act panel, under restaking.',
    },
    {
      id: 'end',
      kind: 'debrief',
      title: 'What we saw',
      prose: 'A deposit turns a token into **shares** of a strategy: the number restaking counts.',
    },
  ],
});
