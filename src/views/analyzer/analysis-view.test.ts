import { describe, expect, it } from 'vitest';
import { attackHighlight, ethOf, ratioOf, shareOf, verdictText, type AnalysisJson } from './analysis-view.ts';

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

describe('analyzer numbers under the display policy', () => {
  it('rounds γ-slack only when it is not exact, naming the dust (issue 10: 1.3999999999999999976)', () => {
    // 3499999999999999994 / 2.5e18 = 1.3999999999999999976 exactly: 1.4 less 2.4·10^-18.
    const g = ratioOf('3499999999999999994/2500000000000000000');
    expect(g.text).toBe('≈ 1.4');
    expect(g.exact).toBe('1.3999999999999999976');
    expect(ratioOf('1/4').text).toBe('0.25');
    expect(ratioOf('-1/8').text).toBe('−0.125');
  });

  it('writes ETH amounts with wei dust, and fractions of stake as percentages', () => {
    expect(ethOf('63/10').text).toBe('6.3 ETH');
    // (28·10^18 − 28) wei as a rational number of ETH.
    expect(ethOf('6999999999999999993/250000000000000000').text).toBe('28 ETH − 28 wei');
    expect(ethOf('40/3').text).toBe('≈ 13.3333 ETH');
    expect(shareOf('1/10').text).toBe('10%');
    expect(shareOf('1/3').text).toBe('≈ 33.33%');
  });

  it('states a secure verdict with γ-slack under the policy', () => {
    expect(
      verdictText({
        ...base,
        secure: true,
        witness: null,
        gammaSlack: '3499999999999999994/2500000000000000000',
      }),
    ).toBe('Secure: every attack costs more than it gains, with γ-slack ≈ 1.4.');
  });
});
