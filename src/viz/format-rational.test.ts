import { describe, expect, test } from 'vitest';
import { ETH } from './format.ts';
import { FRACTION_PERCENT, readableRational, showRational } from './format-rational.ts';

describe('showRational: the analyzer under the display policy', () => {
  test('γ-slack 1.4 less 2.4·10^-18 (from wei amounts) reads ≈ 1.4 with the dust in words', () => {
    // 3499999999999999994 / 2500000000000000000 = 1.3999999999999999976.
    const s = showRational('3499999999999999994/2500000000000000000');
    expect(s.kind).toBe('dust');
    expect(s.text).toBe('≈ 1.4');
    expect(s.exact).toBe('1.3999999999999999976');
    expect(s.words).toMatch(/^1\.4 less 0\.0000000000000000024: rounding dust/);
    expect(s.raw).toBe('3499999999999999994/2500000000000000000');
  });

  test('terminating values with few decimals are exact; ETH amounts name their dust in wei', () => {
    expect(showRational('189/50')).toMatchObject({ kind: 'exact', text: '3.78' });
    expect(showRational('18')).toMatchObject({ kind: 'exact', text: '18' });
    expect(showRational('63/10', ETH).text).toBe('6.3 ETH');
    // 28 ETH − 28 wei as a rational number of ETH: (28·10^18 − 28) / 10^18.
    expect(showRational('6999999999999999993/250000000000000000', ETH).text).toBe('28 ETH − 28 wei');
  });

  test('a fraction that never terminates is rounded, marked ≈, and keeps its fraction as the exact value', () => {
    const third = showRational('-1/3');
    expect(third.kind).toBe('rounded');
    expect(third.text).toBe('≈ −0.3333');
    expect(third.exact).toBe('−1/3');
    expect(readableRational('2/3', FRACTION_PERCENT)).toBe('≈ 66.67%');
    expect(readableRational('1/4', FRACTION_PERCENT)).toBe('25%');
  });

  test('what is no rational is shown as it is', () => {
    expect(showRational('n/a').text).toBe('n/a');
    expect(showRational('1/0').text).toBe('1/0');
  });
});
