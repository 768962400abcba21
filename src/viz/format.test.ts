import { describe, expect, test } from 'vitest';
import {
  ethForPixels,
  formatDecimal,
  formatEth,
  formatWad,
  formatWadPercent,
  parseBaseUnits,
  setLabel,
} from './format.ts';

describe('formatEth', () => {
  test('whole, fractional and dust amounts, exactly', () => {
    expect(formatEth('36000000000000000000')).toBe('36 ETH');
    expect(formatEth('500000000000000000')).toBe('0.5 ETH');
    expect(formatEth('27999999999999999972')).toBe('27.999999999999999972 ETH');
    expect(formatEth('444444444444444444')).toBe('0.444444444444444444 ETH');
    expect(formatEth('1')).toBe('0.000000000000000001 ETH');
    expect(formatEth('0')).toBe('0 ETH');
  });

  test('bigint input, negative amounts and amounts beyond 2^53 wei', () => {
    expect(formatEth(32n * 10n ** 18n)).toBe('32 ETH');
    expect(formatEth('-1500000000000000000')).toBe('-1.5 ETH');
    expect(formatEth('123456789000000000000000001')).toBe('123456789.000000000000000001 ETH');
  });

  test('refuses anything that is not a decimal integer of base units', () => {
    for (const bad of ['1.5', '1e18', '', ' 1', '0x10', '01', '+1']) {
      expect(() => formatEth(bad)).toThrow(RangeError);
    }
  });
});

test('WAD as a plain ratio and as a percentage', () => {
  expect(formatWad('900000000000000000')).toBe('0.9');
  expect(formatWad('1000000000000000000')).toBe('1');
  expect(formatWad('1000000000000000001')).toBe('1.000000000000000001');
  expect(formatWadPercent('250000000000000000')).toBe('25%');
  expect(formatWadPercent('100000000000000')).toBe('0.01%');
  expect(formatWadPercent('1000000000000000000')).toBe('100%');
});

test('formatDecimal and parseBaseUnits', () => {
  expect(formatDecimal(1500n, 3)).toBe('1.5');
  expect(formatDecimal('7', 0)).toBe('7');
  expect(parseBaseUnits('-42')).toBe(-42n);
});

test('operator-set keys read as "<avs> · set <n>"', () => {
  expect(setLabel('avs1/0')).toBe('avs1 · set 0');
  expect(setLabel('eigen-da/12')).toBe('eigen-da · set 12');
  expect(setLabel('plain')).toBe('plain');
});

test('pixels only: wei to a float number of ETH', () => {
  expect(ethForPixels('2500000000000000000')).toBe(2.5);
});
