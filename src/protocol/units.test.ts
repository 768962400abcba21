import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatAmount,
  formatGwei,
  formatWad,
  parseAmount,
  parseBlocks,
  parseSignedAmount,
  parseWad,
  unwrap,
  UnitParseError,
  type UnitResult,
} from './units.ts';

const value = (r: UnitResult): bigint | string => (r.ok ? r.value : `error: ${r.error.message}`);
const reason = (r: UnitResult): string => (r.ok ? 'no error' : r.error.reason);

describe('parseAmount', () => {
  it.each([
    ['32 ETH', 32_000_000_000_000_000_000n],
    ['0.5 ETH', 500_000_000_000_000_000n],
    ['1000 gwei', 1_000_000_000_000n],
    ['123 wei', 123n],
    ['123', 123n],
    ['0', 0n],
    ['0.000000000000000001 ETH', 1n],
    ['1.5 gwei', 1_500_000_000n],
    ['5 eth', 5_000_000_000_000_000_000n],
    ['2 Gwei', 2_000_000_000n],
    ['0.50 ETH', 500_000_000_000_000_000n],
  ])('%s is %s wei', (text, wei) => {
    expect(value(parseAmount(text))).toBe(wei);
  });

  it.each([
    ['1e18', 'exponent'],
    ['0x10', 'hexadecimal'],
    [' 5 ETH', 'spaces around'],
    ['5 ETH ', 'spaces around'],
    ['5  ETH', 'one space'],
    ['5ETH', 'one space'],
    ['.5 ETH', 'decimal point'],
    ['5. ETH', 'decimal point'],
    ['007', 'leading zero'],
    ['1_000', 'separator'],
    ['1,000 ETH', 'separator'],
    ['-1 ETH', 'remove the sign'],
    ['+1 ETH', 'remove the sign'],
    ['1.5', 'add a unit'],
    ['0.0000000000000000001 ETH', '19 decimals, more than ETH allows (18)'],
    ['1.0000000001 gwei', '10 decimals, more than gwei allows (9)'],
    ['1.5 wei', 'more than wei allows (0)'],
    ['5 ether', 'unknown unit "ether"'],
    ['', 'empty'],
    ['ETH', 'not a valid amount'],
  ])('rejects %j (%s)', (text, why) => {
    expect(reason(parseAmount(text))).toContain(why);
  });

  it('rejects JSON numbers, so no float ever carries an on-chain quantity', () => {
    expect(reason(parseAmount(32))).toContain('write amounts as strings');
    expect(reason(parseAmount(null))).toContain('JSON null');
  });

  it('quotes the bad value and the accepted forms in its message', () => {
    const r = parseAmount('5 ether');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/^"5 ether" /);
      expect(r.error.message).toContain('"32 ETH", "0.5 ETH", "1000 gwei", "123 wei"');
    }
  });
});

describe('parseSignedAmount', () => {
  it.each([
    ['-1.5 ETH', -1_500_000_000_000_000_000n],
    ['+1 gwei', 1_000_000_000n],
    ['2 ETH', 2_000_000_000_000_000_000n],
    ['-7', -7n],
    ['-0 ETH', 0n],
  ])('%s is %s wei', (text, wei) => {
    expect(value(parseSignedAmount(text))).toBe(wei);
  });

  it('rejects a doubled or spaced sign', () => {
    expect(parseSignedAmount('--1 ETH').ok).toBe(false);
    expect(parseSignedAmount('- 1 ETH').ok).toBe(false);
    expect(parseSignedAmount('+-1 ETH').ok).toBe(false);
  });
});

describe('parseWad', () => {
  it.each([
    ['25%', 250_000_000_000_000_000n],
    ['0.01%', 100_000_000_000_000n],
    ['100%', 1_000_000_000_000_000_000n],
    ['0%', 0n],
    ['250000000000000000', 250_000_000_000_000_000n],
    ['0.0000000000000001%', 1n],
  ])('%s is %s WAD units', (text, wad) => {
    expect(value(parseWad(text))).toBe(wad);
  });

  it('rejects more precision than WAD holds, and more than 100% for a fraction field', () => {
    expect(reason(parseWad('0.00000000000000001%'))).toContain('17 decimals; a percentage has at most 16');
    expect(reason(parseWad('100.5%'))).toContain('more than 100%');
    expect(reason(parseWad('1000000000000000001'))).toContain('more than 100%');
  });

  it('accepts values above 100% and signs only when asked (scaling factors, pending decreases)', () => {
    expect(value(parseWad('250%', { max: null }))).toBe(2_500_000_000_000_000_000n);
    expect(reason(parseWad('-10%'))).toContain('cannot be negative');
    expect(value(parseWad('-10%', { max: null, signed: true }))).toBe(-100_000_000_000_000_000n);
  });

  it.each(['0.25', '25 %', '1e16', '25 ETH', 25])('rejects %j', (input) => {
    expect(parseWad(input).ok).toBe(false);
  });

  it('reads "25" without % as 25 WAD units, not 25%', () => {
    expect(value(parseWad('25'))).toBe(25n);
  });

  it('points a decimal without % at the percent form', () => {
    expect(reason(parseWad('0.25'))).toContain('write "25%"');
  });
});

describe('parseBlocks', () => {
  it.each([
    [336, 336n],
    ['336', 336n],
    [0, 0n],
    ['100800', 100_800n],
  ])('%j is %s blocks', (input, blocks) => {
    expect(value(parseBlocks(input))).toBe(blocks);
  });

  it.each([-1, 1.5, '-1', '1.5', '1e3', ' 3', null, true, '0x10'])('rejects %j', (input) => {
    expect(parseBlocks(input).ok).toBe(false);
  });
});

describe('formatting', () => {
  it('writes amounts exactly in ETH', () => {
    expect(formatAmount(36_000_000_000_000_000_000n)).toBe('36 ETH');
    expect(formatAmount(500_000_000_000_000_000n)).toBe('0.5 ETH');
    expect(formatAmount(1n)).toBe('0.000000000000000001 ETH');
    expect(formatAmount(-1_500_000_000_000_000_000n)).toBe('-1.5 ETH');
    expect(formatAmount(0n)).toBe('0 ETH');
    expect(formatAmount(27_999_999_999_999_999_972n)).toBe('27.999999999999999972 ETH');
  });

  it('writes fractions as percentages and gwei counts as ETH', () => {
    expect(formatWad(250_000_000_000_000_000n)).toBe('25%');
    expect(formatWad(2_500_000_000_000_000_000n)).toBe('250%');
    expect(formatWad(1n)).toBe('0.0000000000000001%');
    expect(formatGwei(16_000_000_000n)).toBe('16 ETH');
  });

  it('round-trips every amount exactly (signed and unsigned)', () => {
    const wei = fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n });
    fc.assert(
      fc.property(wei, (x) => {
        expect(unwrap(parseSignedAmount(formatAmount(x)))).toBe(x);
        if (x >= 0n) expect(unwrap(parseAmount(formatAmount(x)))).toBe(x);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips every WAD value exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (w) => {
        expect(unwrap(parseWad(formatWad(w), { max: null, signed: true }))).toBe(w);
      }),
      { numRuns: 500 },
    );
  });

  it('parses what a person writes, then formats it back to the canonical spelling', () => {
    // An amount written with ETH digits and a trailing zero comes back in canonical form.
    const eth = fc.tuple(
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }),
    );
    fc.assert(
      fc.property(eth, ([whole, frac]) => {
        const text = `${whole}.${frac.toString().padStart(18, '0')} ETH`;
        expect(unwrap(parseAmount(formatAmount(unwrap(parseAmount(text)))))).toBe(whole * 10n ** 18n + frac);
      }),
      { numRuns: 300 },
    );
  });
});

describe('unwrap', () => {
  it('throws a typed error carrying the accepted forms', () => {
    expect(() => unwrap(parseAmount('1e18'))).toThrow(UnitParseError);
    expect(() => unwrap(parseAmount('1e18'))).toThrow(/accepted: "32 ETH"/);
  });
});
