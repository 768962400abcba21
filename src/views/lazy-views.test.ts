import { describe, expect, it } from 'vitest';
import { once } from './lazy-views.ts';

describe('once: a lazily loaded part, fetched once', () => {
  it('runs the load once and hands every caller the same result', async () => {
    let runs = 0;
    const load = once(async () => {
      runs += 1;
      return { part: runs };
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(b).toBe(a);
    expect(runs).toBe(1);
  });

  it('forgets a failed load, so the next call tries again (a dropped connection is not for the whole visit)', async () => {
    let runs = 0;
    const load = once(async () => {
      runs += 1;
      if (runs === 1) throw new Error('network');
      return runs;
    });
    await expect(load()).rejects.toThrow('network');
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
    expect(runs).toBe(2);
  });
});
