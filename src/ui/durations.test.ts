import { describe, expect, it } from 'vitest';
import { describeClock, describeDelay, describeUntil, formatSeconds } from './durations.ts';

describe('formatSeconds', () => {
  it.each([
    [0n, '0 s'],
    [1n, '1 s'],
    [59n, '59 s'],
    [60n, '1 min'],
    [3_600n, '1 h'],
    [86_400n, '1 day'],
    [172_800n, '2 days'],
    // 1 day + 2 h + 3 min + 4 s = 86400 + 7200 + 180 + 4
    [93_784n, '1 day 2 h 3 min 4 s'],
    // 1 day + 1 h = 86400 + 3600; the zero units are left out
    [90_000n, '1 day 1 h'],
    [86_401n, '1 day 1 s'],
    ['4032', '1 h 7 min 12 s'],
  ])('%s s is "%s"', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it('refuses negative and non-integer input', () => {
    expect(() => formatSeconds(-1n)).toThrow(RangeError);
    expect(() => formatSeconds('1.5')).toThrow(RangeError);
    expect(() => formatSeconds('1e3')).toThrow(RangeError);
  });
});

describe('describeDelay', () => {
  it('classroom withdrawal delay: 336 blocks, one hour each in reality', () => {
    // 336 · 3600 = 1209600 s = 14 · 86400.
    expect(describeDelay(336n, 3600n)).toEqual({
      compressed: '336 blocks',
      real: '14 days',
      text: '336 blocks (14 days real time)',
    });
  });

  it('mainnet withdrawal delay: 100800 blocks of 12 s', () => {
    // 100800 · 12 = 1209600 s = 14 days.
    expect(describeDelay('100800', '12').text).toBe('100800 blocks (14 days real time)');
  });

  it('allocation configuration delay: 17.5 days under both presets', () => {
    // 420 · 3600 = 1512000 s = 17 · 86400 (1468800) + 43200 (12 h); 126000 · 12 = 1512000 s.
    expect(describeDelay(420n, 3600n).real).toBe('17 days 12 h');
    expect(describeDelay(126000n, 12n).real).toBe('17 days 12 h');
  });

  it('one block, and no delay at all', () => {
    expect(describeDelay(1n, 3600n).text).toBe('1 block (1 h real time)');
    expect(describeDelay(0n, 3600n).text).toBe('0 blocks (0 s real time)');
  });

  it('refuses a malformed block count', () => {
    expect(() => describeDelay('-5', 12n)).toThrow(/blocks must be a whole number/);
    expect(() => describeDelay(-5n, 12n)).toThrow(/blocks must not be negative/);
  });
});

describe('describeClock', () => {
  it('states the clock one way for every preset', () => {
    expect(describeClock('classroom', '3600')).toBe('classroom clock: one block stands for one hour');
    expect(describeClock('mainnet', 12n)).toBe('mainnet clock: one block stands for 12 s');
  });
});

describe('describeUntil', () => {
  it('counts the blocks left and their real duration', () => {
    expect(describeUntil('1000012', '1000000', '3600')).toBe('effective in 12 blocks (12 h real time)');
    // 336 blocks left at one hour each: 14 days.
    expect(describeUntil(1000336n, 1000000n, 3600n)).toBe('effective in 336 blocks (14 days real time)');
    expect(describeUntil(1000001n, 1000000n, 12n)).toBe('effective in 1 block (12 s real time)');
  });

  it('is effective now at and after the target block', () => {
    expect(describeUntil(1000000n, 1000000n, 3600n)).toBe('effective now');
    expect(describeUntil(999_990n, 1000000n, 3600n)).toBe('effective now');
  });
});
