import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_PRESETS } from '../protocol/scenarios/index.ts';
import { ACTIONS } from '../protocol/scenario-actions.ts';
import { decodeSteps, encodeSteps, type CompactStep } from './share-steps.ts';

// Characters a URL fragment keeps as typed, minus the ones share.ts reads as delimiters (&, =, +, #).
const FRAGMENT_SAFE = /^[A-Za-z0-9\-._~!$'()*,;:@/?%]*$/;

describe('compact steps of a share link', () => {
  it('writes typical steps in a few dozen characters each', () => {
    const steps: CompactStep[] = [
      { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '5 ETH' },
      { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: '50%' },
      { action: 'chain.advance', blocks: 1 },
    ];
    const text = encodeSteps(steps);
    expect(text).toBe('dep,alice,stETH,5_ETH~al,op1,avs1,!0,stETH,50%25~adv,!1');
    expect(decodeSteps(text)).toEqual(steps);
  });

  it('round-trips every step of every preset, each in under 100 characters', () => {
    for (const preset of SCENARIO_PRESETS) {
      const steps = (preset.json as { steps: CompactStep[] }).steps.filter((s) => s.action !== 'expect');
      for (const step of steps) {
        const text = encodeSteps([step]);
        expect(text).toMatch(FRAGMENT_SAFE);
        expect(text.length, `${preset.id}: ${text}`).toBeLessThan(100);
        expect(decodeSteps(text)).toEqual([step]);
      }
    }
  });

  it('gives every action of the scenario format a short code', () => {
    for (const action of ACTIONS.filter((a) => a !== 'expect')) {
      const [code] = encodeSteps([{ action }]).split(',');
      expect(code, action).not.toContain('.');
    }
  });

  it('round-trips any step, with fields and actions the table does not know', () => {
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('json'), { maxLength: 3 }),
        fc.dictionary(fc.string(), tie('json'), { maxKeys: 3 }),
      ),
    })).json;
    const step = fc.record({
      action: fc.constantFrom('strategy.deposit', 'avs.slash', 'some.futureAction'),
      by: value,
      extra: value,
      strategies: fc.array(fc.string(), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 4 }), (steps) => {
        const text = encodeSteps(steps as CompactStep[]);
        expect(text).toMatch(FRAGMENT_SAFE);
        expect(decodeSteps(text)).toEqual(JSON.parse(JSON.stringify(steps)));
      }),
    );
  });

  it('names the step that cannot be read', () => {
    expect(() => decodeSteps('dep,alice~zz')).toThrow(/step 2 names no action/);
    expect(() => decodeSteps('adv,!x')).toThrow(/step 1 .*"!x" is not a number/);
    expect(() => decodeSteps('del,alice,op1,op2')).toThrow(/step 1 \(staker.delegate\) has more values/);
    expect(() => decodeSteps('del,%E0%A4%A')).toThrow(/step 1 cannot be read/);
  });
});
