import { describe, expect, it } from 'vitest';
import { attackHighlight, verdictText, type AnalysisJson } from './analysis-view.ts';

const base: AnalysisJson = {
  secure: false,
  stakeModel: 'unique',
  method: 'enumeration',
  witness: { services: ['avs1/0'], validators: ['op1@avs1/0', 'op2@avs1/0'], profit: '40', stake: '35' },
  maxAttackNetProfit: '5',
  gammaSlack: null,
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
    expect(verdictText({ ...base, secure: true, witness: null, gammaSlack: '1/4' })).toMatch(/γ-slack 1\/4/);
  });
});
