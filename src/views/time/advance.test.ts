import { describe, expect, it } from 'vitest';
import { blocksFor } from './advance.ts';

describe('blocksFor', () => {
  it('converts real time with the preset compression', () => {
    // classroom: one block is one hour, so 14 days are 336 blocks (EigenLayer's withdrawal delay).
    expect(blocksFor('14', 'days', '3600')).toEqual({ ok: true, blocks: 336n });
    expect(blocksFor('5', 'hours', '3600')).toEqual({ ok: true, blocks: 5n });
    // mainnet: 12 s blocks, so one hour is 300 blocks.
    expect(blocksFor('1', 'hours', '12')).toEqual({ ok: true, blocks: 300n });
    expect(blocksFor('7', 'blocks', '12')).toEqual({ ok: true, blocks: 7n });
  });

  it('refuses what is not a whole number of blocks or not a count', () => {
    expect(blocksFor('1', 'hours', '7200')).toEqual({
      ok: false,
      message: '1 hours is not a whole number of blocks (one block stands for 7200 s): try 0 or 1 blocks.',
    });
    expect(blocksFor('1.5', 'blocks', '12').ok).toBe(false);
    expect(blocksFor('0', 'days', '12').ok).toBe(false);
  });
});
