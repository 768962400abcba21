import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rational, parseRational } from './rational.ts';

const r = (n: bigint, d: bigint = 1n) => Rational.of(n, d);

describe('Rational', () => {
  it('normalizes: lowest terms, positive denominator, sign in the numerator', () => {
    expect(r(6n, 4n).toString()).toBe('3/2');
    expect(r(3n, -6n).toString()).toBe('-1/2');
    expect(r(0n, -5n).toString()).toBe('0');
    expect(r(-8n, -4n).toString()).toBe('2');
    expect(() => r(1n, 0n)).toThrow(RangeError);
  });

  it('parses integers, decimals and fractions exactly', () => {
    expect(parseRational('3')?.toString()).toBe('3');
    expect(parseRational('2.5')?.toString()).toBe('5/2');
    expect(parseRational('1/3')?.toString()).toBe('1/3');
    expect(parseRational('0.1')?.toString()).toBe('1/10');
    expect(parseRational('-0.25')?.toString()).toBe('-1/4');
    expect(parseRational('4/6')?.toString()).toBe('2/3');
    expect(parseRational('007')?.toString()).toBe('7');
  });

  it('rejects anything else', () => {
    for (const bad of [
      '',
      ' 1',
      '1 ',
      '1.',
      '.5',
      '1e3',
      '0x10',
      '1/0',
      '1/-2',
      '1.5/2',
      'abc',
      'NaN',
      '1,5',
    ]) {
      expect(parseRational(bad), bad).toBeUndefined();
    }
  });

  it('adds 0.1 and 0.2 to exactly 3/10, and (0.1 + 0.2) / 3 to exactly 1/10', () => {
    const a = parseRational('0.1') ?? Rational.zero;
    const b = parseRational('0.2') ?? Rational.zero;
    expect(a.add(b).eq(r(3n, 10n))).toBe(true);
    expect(a.add(b).div(r(3n)).cmp(a)).toBe(0);
  });

  it('does arithmetic and comparison by hand-checked values', () => {
    expect(r(1n, 3n).add(r(1n, 6n)).toString()).toBe('1/2');
    expect(r(1n, 3n).sub(r(1n, 2n)).toString()).toBe('-1/6');
    expect(r(2n, 3n).mul(r(9n, 4n)).toString()).toBe('3/2');
    expect(r(2n, 3n).div(r(4n, 9n)).toString()).toBe('3/2');
    expect(r(-2n, 3n).inv().toString()).toBe('-3/2');
    expect(r(1n, 3n).lt(r(1n, 2n))).toBe(true);
    expect(r(7n, 2n).ceil()).toBe(4n);
    expect(r(-7n, 2n).ceil()).toBe(-3n);
    expect(r(4n).ceil()).toBe(4n);
    expect(JSON.stringify({ x: r(1n, 3n) })).toBe('{"x":"1/3"}');
  });

  it('round-trips its own format and agrees with cross-multiplication (property)', () => {
    const arb = fc.tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 1000n }));
    fc.assert(
      fc.property(arb, arb, ([n1, d1], [n2, d2]) => {
        const x = r(n1, d1);
        const y = r(n2, d2);
        expect(parseRational(x.toString())?.eq(x)).toBe(true);
        expect(x.cmp(y)).toBe(Math.sign(Number(n1 * d2 - n2 * d1)));
        expect(x.add(y).sub(y).eq(x)).toBe(true);
      }),
    );
  });
});
