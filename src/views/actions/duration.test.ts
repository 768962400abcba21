import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.ts';

describe('formatDuration', () => {
  it('durations are exact', () => {
    expect(formatDuration(1_209_600n)).toBe('14 d');
    expect(formatDuration(90_061n)).toBe('1 d 1 h 1 min 1 s');
    expect(formatDuration(12n)).toBe('12 s');
    expect(formatDuration(0n)).toBe('0 s');
  });
});
