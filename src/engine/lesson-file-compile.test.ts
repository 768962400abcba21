// Compiled lesson files on the real chain: the checks, the feedback with the chain's numbers, narration,
// value predictions, and the problems only the start can reveal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LessonDriver } from '../../test/lessons/driver.ts';
import type { LessonContext } from './lesson-kit.ts';
import type { LessonFile } from './lesson-file.ts';
import { compileLessonFile, LessonFileError, resolveLessonFile } from './lesson-file-compile.ts';
import { dryRunLessonFile } from './lesson-file-check.ts';
import { fiveStepLesson } from './lesson-file-testing.ts';
import { Session } from './session.ts';

const lesson01 = JSON.parse(
  readFileSync(new URL('../../lessons/01-staking-and-lsts/lesson.json', import.meta.url), 'utf8'),
) as LessonFile;

async function play(file: LessonFile) {
  const lesson = await compileLessonFile(file);
  const session = await Session.load(lesson.scenario, 'test');
  const d = new LessonDriver(session, lesson.machine);
  const ctx = () => d.actor.getSnapshot().context as LessonContext;
  return { lesson, d, ctx };
}

describe('a compiled lesson file', () => {
  it("judges lesson 01's prediction by the direction of alice's shares, quoting the chain and the why", async () => {
    const { d, ctx } = await play(lesson01);
    await d.send({ type: 'NEXT' });
    await d.send({ type: 'SHOW' }); // 4 ETH into a pool still at 1 ETH per share: 4 shares
    await d.send({ type: 'NEXT' });
    expect(d.state).toBe('predictRebase');
    await d.send({ type: 'ANSWER', choice: 'more' });
    await d.send({ type: 'SHOW' });
    expect(d.state).toBe('fee');
    expect(ctx().answers['predictRebase']).toEqual({ choice: 'more', correct: false });
    expect(ctx().feedback?.tone).toBe('wrong');
    // A reward of 0.14 ETH less the 10% fee is 0.126 ETH on the pool's 14: every balance grows by 0.9%, so
    // alice's 4 become 4.036, while the fee is minted as new shares and hers stay at 4.
    expect(ctx().feedback?.text).toMatch(
      /^You predicted "It grows by about 1%", but the chain says otherwise: your stETH shares stayed at 4\. Why: the token records shares, not balances; .* share count stays put\. Your stETH went from 4 to 4\.036.*; the pool's LST shares \(the fee, minted as new shares\) went from 14 to ≈ 14\.01/,
    );
    d.stop();
  });

  it("explains a wrong action with the chain's refusal and what the step wants, and does not move", async () => {
    const { d, ctx } = await play(lesson01);
    await d.send({ type: 'NEXT' });
    await d.act({ action: 'lst.wrap', by: 'alice', amount: '1 ETH' }); // alice holds no stETH yet
    expect(d.state).toBe('stake');
    expect(ctx().feedback?.tone).toBe('wrong');
    expect(ctx().feedback?.text).toMatch(
      /^The chain refused lst\.wrap: .+\. Nothing changed\. Act as alice and use "Stake ETH for stETH" \(lst\.stake\)\.$/,
    );
    await d.act({ action: 'lst.stake', by: 'bob', amount: '1 ETH' });
    expect(ctx().feedback?.text).toBe(
      'lst.stake landed, but it is not this step. Act as alice and use "Stake ETH for stETH" (lst.stake).',
    );
    await d.act({ action: 'lst.stake', by: 'alice', amount: '2 ETH' }); // "actor": any amount
    expect(d.state).toBe('shares');
    // A pool still at one ETH per share (bob's 6, carol's 4, and the 1 bob staked above): 2 ETH buys 2 shares.
    expect(ctx().feedback).toEqual({
      tone: 'right',
      // The step's own words first (its `done`), then the values it quotes, in the chain's numbers.
      text: "You now hold stETH: the pool minted shares for your ETH. Your stETH went from 0 to 2; your stETH shares went from 0 to 2; the pool's ETH went from 11 to 13.",
    });
    d.stop();
  });

  it('compares amounts as wei for an exact match, and names every field in the hint', async () => {
    const { lesson, d, ctx } = await play(fiveStepLesson());
    expect(lesson.doc.sections['stake']?.hint).toBe(
      'Act as alice and use "Stake ETH for stETH" (lst.stake), amount 4 ETH.',
    );
    await d.send({ type: 'NEXT' });
    await d.act({ action: 'lst.stake', by: 'alice', amount: '3 ETH' });
    expect(d.state).toBe('stake');
    await d.act({ action: 'lst.stake', by: 'alice', amount: '4000000000000000000' });
    expect(d.state).toBe('guess');
    // A step without words of its own says what landed, as the learner wrote it.
    expect(ctx().feedback?.text).toMatch(/^That counts: alice: lst\.stake \(amount 4000000000000000000\)\./);
    d.stop();
  });

  it('judges a value question by the amount after, and a skipped question only reports the numbers', async () => {
    const file = fiveStepLesson();
    const guess = file.steps[2];
    if (guess?.kind !== 'predict') throw new Error('the fixture changed');
    // The playground's alice deposited 40 ETH of stETH at one share per token: 1 ETH more makes 41.
    guess.answer = { type: 'value', choices: ['40 ETH', '41 ETH', '0'] };
    const { d, ctx } = await play(file);
    await d.send({ type: 'NEXT' });
    await d.send({ type: 'SHOW' });
    await d.send({ type: 'ANSWER', choice: 'c1' });
    await d.send({ type: 'SHOW' });
    expect(ctx().answers['guess']).toEqual({ choice: 'c1', correct: true });
    expect(ctx().feedback).toEqual({
      tone: 'right',
      text: "You predicted it: alice's stETH deposit shares went from 40 to 41. Why: a deposit mints strategy shares for the stETH it brings in.",
    });
    d.stop();
    const skip = await play(file);
    await skip.d.send({ type: 'NEXT' });
    await skip.d.send({ type: 'SHOW' });
    await skip.d.send({ type: 'SKIP' });
    await skip.d.send({ type: 'SHOW' });
    expect(skip.ctx().answers).toEqual({});
    expect(skip.ctx().feedback?.text).toMatch(/^Alice's stETH deposit shares went from 40 to 41\./);
    skip.d.stop();
  });

  it('performs a narration when the learner presses Next, and moves on once it lands', async () => {
    const file = fiveStepLesson();
    file.steps[0] = { ...file.steps[0]!, kind: 'read', narration: { action: 'chain.advance', blocks: 10 } };
    const { d } = await play(file);
    const block = BigInt(d.world.block);
    await d.send({ type: 'NEXT' });
    expect(d.state).toBe('stake');
    expect(BigInt(d.world.block) - block).toBe(10n);
    d.stop();
  });

  it('carries its prose as safe HTML, its generated hints, and the mark of a lesson that is not built in', async () => {
    const { lesson } = await compileLessonFile(fiveStepLesson()).then((l) => ({ lesson: l }));
    expect(lesson.doc.custom).toEqual({ author: 'Ms Rivera' });
    expect(lesson.doc.number).toBe(0);
    expect(lesson.doc.id).toMatch(/^file-[0-9a-f]{8}$/);
    expect(lesson.doc.order).toEqual(['intro', 'stake', 'guess', 'deposit', 'end']);
    expect(lesson.doc.sections['intro']?.html).toContain('<strong>stETH</strong>');
    expect(lesson.doc.sections['deposit']?.hint).toBe(
      'The strategy actions are in the Act panel, under restaking.',
    );
    expect(
      (await compileLessonFile(lesson01, { id: '01-staking-and-lsts', builtIn: true })).doc.custom,
    ).toBeUndefined();
  });
});

describe('what only the start reveals', () => {
  it('names an unknown preset, an actor the start lacks, and a watched actor that does not exist', async () => {
    const file = fiveStepLesson();
    const r1 = await resolveLessonFile({ ...file, start: { preset: 'nope' } });
    expect(!r1.ok && r1.problems.map((p) => p.path)).toEqual(['start.preset']);
    const bad = fiveStepLesson();
    (bad.steps[1] as unknown as { action: { by: string } }).action.by = 'alcie';
    (bad.steps[2] as { watch: { path: string[] } }).watch.path[1] = 'zed';
    (bad.steps[4] as { expect?: unknown }).expect = [
      { path: ['accounts', 'zoe', 'stETH'], label: "zoe's stETH", is: 'zero' },
    ];
    const r2 = await resolveLessonFile(bad);
    expect(!r2.ok && r2.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^steps\[1\]\.action\.by: "alcie"/),
      'steps[2].watch.path[1]: "zed" is not an actor of the lesson\'s start',
      'steps[4].expect[0].path[1]: "zoe" is not an actor of the lesson\'s start',
    ]);
    await expect(compileLessonFile(bad)).rejects.toBeInstanceOf(LessonFileError);
  });

  it('starts from a built-in lesson by name, with the setup appended', async () => {
    const file: LessonFile = {
      ...fiveStepLesson(),
      start: { lesson: '01-staking-and-lsts' },
      setup: [{ action: 'lst.stake', by: 'alice', amount: '1 ETH' }],
      steps: [fiveStepLesson().steps[1]!, fiveStepLesson().steps[4]!],
    };
    const lessons = async (id: string) => (id === '01-staking-and-lsts' ? lesson01.start : undefined);
    const r = await resolveLessonFile(
      file,
      async (id) => ((await lessons(id)) as { scenario: unknown }).scenario,
    );
    expect(r.ok && (r.scenario.steps ?? []).slice(-1)).toEqual([
      { action: 'lst.stake', by: 'alice', amount: '1 ETH' },
    ]);
  });
});

describe('the dry run', () => {
  it('plays lesson 01 through: every recorded action counts, the prediction has a truth', async () => {
    const r = await dryRunLessonFile(lesson01);
    expect(r.problems).toEqual([]);
    // Shares are counts of the pool: a reward report changes the ETH behind them, never their number.
    expect(r.lines).toContain('steps[3] predictRebase: the truth is "same" (4 → 4)');
  });

  it('names a recorded action that the chain refuses, and a value question none of whose choices comes true', async () => {
    const refused = fiveStepLesson();
    (refused.steps[3] as unknown as { action: { amount: string } }).action.amount = '1000 ETH';
    expect((await dryRunLessonFile(refused)).problems).toEqual([
      expect.stringMatching(/^steps\[3\]\.action: the chain refused strategy\.deposit: /),
    ]);
    const none = fiveStepLesson();
    (none.steps[2] as { answer: unknown }).answer = { type: 'value', choices: ['1 ETH', '2 ETH'] };
    expect((await dryRunLessonFile(none)).problems).toEqual([
      "steps[2].answer.choices: none is 41, the value after steps[3]'s action",
    ]);
  });

  it('names a tryWrong that counts for its step', async () => {
    const file = fiveStepLesson();
    (file.steps[3] as { tryWrong?: unknown }).tryWrong = {
      action: 'strategy.deposit',
      by: 'alice',
      strategy: 'stETH',
      amount: '2 ETH',
    };
    expect((await dryRunLessonFile(file)).problems).toEqual([
      'steps[3].tryWrong: it counts for the step; a wrong action must not',
    ]);
  });
});
