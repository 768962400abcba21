import { describe, expect, it } from 'vitest';
import { readable, readablePercent } from './analysis-json.ts';

describe('reading exact rationals', () => {
  it('writes a terminating fraction as its exact decimal, any other with a marked approximation', () => {
    expect(readable('189/50')).toBe('3.78');
    expect(readable('22')).toBe('22');
    expect(readable('-1/8')).toBe('-0.125');
    expect(readable('1/3')).toBe('1/3 (≈ 0.333333)');
  });

  it('writes a fraction as a percentage, exact to two decimals or marked ≈', () => {
    expect(readablePercent('1/10')).toBe('10%');
    expect(readablePercent('1/8')).toBe('12.5%');
    // 6.3 / 306.3 = 0.020568…: rounded half up to 2.06%.
    expect(readablePercent('63/3063')).toBe('≈ 2.06%');
    expect(readablePercent('1')).toBe('100%');
  });
});
