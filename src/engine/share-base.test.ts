import { describe, expect, it } from 'vitest';
import { getPreset } from '../protocol/scenarios/index.ts';
import { lessonOfSource, scenarioOf, shortTarget, stepsAfter } from './share-base.ts';
import { encodeShare } from './share.ts';

const playground = getPreset('playground')?.json as { steps: unknown[] };
const threeSteps = [
  { action: 'lst.stake', by: 'dave', amount: '20 ETH' },
  { action: 'strategy.deposit', by: 'dave', strategy: 'stETH', amount: '20 ETH' },
  { action: 'staker.delegate', by: 'dave', operator: 'op2' },
];

describe('short share links', () => {
  it('finds the steps after a base, whatever the order of its fields', () => {
    // The same fields written in another order (steps first, the rest reversed).
    const rest = Object.entries(playground).filter(([k]) => k !== 'steps');
    const reordered = Object.fromEntries([
      ['steps', [...playground.steps, ...threeSteps]],
      ...rest.reverse(),
    ]) as unknown;
    expect(stepsAfter(playground, reordered)).toEqual(threeSteps);
    expect(stepsAfter(playground, { ...playground, title: 'changed' })).toBeNull();
    expect(stepsAfter(playground, { ...playground, steps: playground.steps.slice(1) })).toBeNull();
  });

  it('fits the playground plus three steps in 300 characters, with a long site address', async () => {
    // The bar: a QR code a room can scan. The address stands for a project site on a static host.
    const origin = 'https://example.github.io/restaking-sandbox/#';
    const scenario = { ...playground, steps: [...playground.steps, ...threeSteps] };
    const target = await shortTarget(scenario, 'preset:playground', 23);
    expect(target).toMatchObject({ kind: 'steps', base: { kind: 'preset', id: 'playground' } });
    const link = origin + (await encodeShare(target));
    expect(link.length).toBeLessThanOrEqual(300);
    // And each further typical step adds a few dozen characters at most.
    const more = { ...scenario, steps: [...scenario.steps, threeSteps[1]] };
    const longer = origin + (await encodeShare(await shortTarget(more, 'shared link', 24)));
    expect(longer.length - link.length).toBeLessThanOrEqual(40);
  });

  it('starts from the lesson a lesson sandbox came from, and rebuilds the same scenario', async () => {
    const lesson = (await scenarioOf({ kind: 'lesson', id: '06-slashing' }, [])) as { steps: unknown[] };
    const scenario = { ...lesson, steps: [...lesson.steps, ...threeSteps.slice(0, 1)] };
    const target = await shortTarget(scenario, 'lesson:06-slashing#2', 5);
    expect(target).toEqual({
      kind: 'steps',
      base: { kind: 'lesson', id: '06-slashing' },
      steps: threeSteps.slice(0, 1),
      position: 5,
    });
    expect(await scenarioOf({ kind: 'lesson', id: '06-slashing' }, threeSteps.slice(0, 1))).toEqual(scenario);
  });

  it('falls back to the whole scenario when nothing it knows is its start', async () => {
    const own = { ...playground, title: 'My own' };
    expect(await shortTarget(own, 'file x.json', 0)).toEqual({
      kind: 'scenario',
      scenario: own,
      position: 0,
    });
  });

  it("shares a lesson file's sandbox from its preset: a custom lesson is no base a link can name", async () => {
    const scenario = { ...playground, steps: [...playground.steps, ...threeSteps] };
    expect(await shortTarget(scenario, 'lesson:file-0123abcd#run1', 23)).toEqual({
      kind: 'steps',
      base: { kind: 'preset', id: 'playground' },
      steps: threeSteps,
      position: 23,
    });
  });

  it('names a base it does not have', async () => {
    await expect(scenarioOf({ kind: 'preset', id: 'nope' }, [])).rejects.toThrow(/preset "nope".*playground/);
    await expect(scenarioOf({ kind: 'lesson', id: '99-x' }, [])).rejects.toThrow(/lesson "99-x"/);
    expect(lessonOfSource('lesson:06-slashing#3')).toBe('06-slashing');
    expect(lessonOfSource('preset:playground')).toBeNull();
  });
});
