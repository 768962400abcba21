import { describe, expect, test } from 'vitest';
import {
  ETH,
  PERCENT,
  dustLimit,
  ethForPixels,
  showAmount,
  token,
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

describe('showAmount: the display policy', () => {
  // 28 ETH = 28·10^18 wei; lesson 6's allocation after the slash is 28 ETH less 28 wei.
  const WEI_28_ETH = 28n * 10n ** 18n;

  test('a value with at most four decimals is printed as it is, and is exact', () => {
    expect(showAmount('48600000000000000000')).toEqual({
      kind: 'exact',
      text: '48.6 ETH',
      exact: '48.6 ETH',
      raw: '48600000000000000000 wei',
      words: null,
    });
    expect(showAmount(0n).text).toBe('0 ETH');
    expect(showAmount(12345n * 10n ** 14n).text).toBe('1.2345 ETH');
  });

  test('rounding dust is named in wei beside the round value, exactly', () => {
    const below = showAmount(WEI_28_ETH - 28n);
    expect(below.kind).toBe('dust');
    expect(below.text).toBe('28 ETH − 28 wei');
    expect(below.exact).toBe('27.999999999999999972 ETH');
    expect(below.words).toMatch(/^28 ETH less 28 wei of rounding dust: .*round/);
    expect(showAmount(35n * 10n ** 18n + 28n).text).toBe('35 ETH + 28 wei');
    // Negative values: −(28 ETH − 28 wei) is −28 ETH plus 28 wei.
    expect(showAmount(-(WEI_28_ETH - 28n)).text).toBe('−28 ETH + 28 wei');
  });

  test('a value that is itself dust reads in wei, with its sign when signed', () => {
    expect(showAmount(33n, ETH, true).text).toBe('+33 wei');
    expect(showAmount(-33n, ETH, true).text).toBe('−33 wei');
    expect(showAmount(33n).kind).toBe('dust');
  });

  test('the dust limit is a millionth of a gwei for 18 decimals; beyond it a value is rounded and marked ≈', () => {
    expect(dustLimit(ETH)).toBe(1_000_000n);
    expect(showAmount(WEI_28_ETH - 1_000_000n).kind).toBe('dust');
    const far = showAmount(WEI_28_ETH - 1_000_001n);
    expect(far.kind).toBe('rounded');
    expect(far.text).toBe('≈ 28 ETH');
    expect(far.exact).toBe('27.999999999998999999 ETH');
  });

  test('rounding is half up at four decimals, and keeps four significant digits below 1', () => {
    // 4/9 ETH floored to the wei: 0.444444444444444444.
    expect(showAmount('444444444444444444').text).toBe('≈ 0.4444 ETH');
    expect(showAmount('666666666666666666').text).toBe('≈ 0.6667 ETH');
    expect(showAmount('1234567800000').text).toBe('≈ 0.000001235 ETH');
    expect(showAmount(-(10n ** 18n / 3n), ETH, true).text).toBe('≈ −0.3333 ETH');
    expect(showAmount(10n ** 18n / 3n, ETH, true).text).toBe('≈ +0.3333 ETH');
  });

  test('tokens carry their own name; WAD fractions read as percent with two decimals', () => {
    expect(showAmount(40n * 10n ** 18n, token('stETH')).text).toBe('40 stETH');
    expect(showAmount(10n ** 18n, token('shares')).text).toBe('1 share');
    expect(showAmount(-(10n ** 18n), token('lrt tokens'), true).text).toBe('−1 lrt token');
    expect(showAmount(10n ** 18n, token('stETH')).text).toBe('1 stETH');
    expect(showAmount(WEI_28_ETH - 28n, token('shares')).text).toBe('28 shares − 28 wei');
    expect(showAmount('350000000000000000', PERCENT).text).toBe('35%');
    // 10/9 as a WAD: 111.111111111111111111%.
    expect(showAmount('1111111111111111111', PERCENT).text).toBe('≈ 111.11%');
    const wadDust = showAmount(35n * 10n ** 16n - 2n, PERCENT);
    expect(wadDust.text).toBe('≈ 35%');
    expect(wadDust.words).toMatch(/^35% less 0\.0000000000000002%: rounding dust/);
  });

  test('never prints ten or more decimals, and refuses what is not an integer', () => {
    for (const v of ['1', '27999999999999999972', '123456789123456789123', '-7', '999999999999999999'])
      expect(showAmount(v).text).not.toMatch(/\.\d{10}/);
    expect(() => showAmount('1.5')).toThrow(RangeError);
  });
});
