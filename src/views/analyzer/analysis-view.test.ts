import { describe, expect, it } from 'vitest';
import { attackHighlight, readable, verdictText, type AnalysisJson } from './analysis-view.ts';

const base: AnalysisJson = {
  format: 'restaking-sandbox/analysis@1',
  secure: false,
  incomplete: null,
  stakeModel: 'unique',
  method: 'enumeration',
  witness: { services: ['avs1/0'], validators: ['op1@avs1/0', 'op2@avs1/0'], profit: '40', stake: '35' },
  maxAttackNetProfit: '5',
  gammaSlack: null,
  gammaWitness: null,
  eigenlayerCondition: { holds: false, certifiedGamma: null },
  certificate: { verdict: 'exact', notes: [] },
};

describe('analyzer panel words', () => {
  it('maps unique-stake slices back to operators for the highlight', () => {
    expect(attackHighlight(base.witness!)).toEqual({ operators: ['op1', 'op2'], sets: ['avs1/0'] });
  });

  it('states the verdict with the exact numbers of the analysis', () => {
    expect(verdictText(base)).toBe(
      'Not secure: op1, op2 could corrupt avs1/0, gaining 40 ETH for 35 ETH of stake slashed (net 5 ETH at best).',
    );
    expect(verdictText({ ...base, secure: true, witness: null, gammaSlack: '1/4' })).toMatch(
      /γ-slack 0.25\./,
    );
  });
});

describe('readable rationals', () => {
  it('writes terminating fractions as exact decimals and marks any rounding', () => {
    // 4499999999999999993 / 2.5e18 = 1.7999999999999999972 exactly (2.5e18 = 2^17 · 5^19).
    expect(readable('4499999999999999993/2500000000000000000')).toBe('1.7999999999999999972');
    expect(readable('3')).toBe('3');
    expect(readable('-1/8')).toBe('-0.125');
    expect(readable('1/3')).toBe('1/3 (≈ 0.333333)');
    expect(readable('200/3')).toBe('200/3 (≈ 66.666666)');
  });
});
