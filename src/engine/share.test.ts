import { describe, expect, it } from 'vitest';
import { getPreset } from '../protocol/scenarios/index.ts';
import { decodeShare, encodeShare, MAX_QR_CHARS } from './share.ts';

describe('share links', () => {
  it('round-trips a preset and a position', async () => {
    const fragment = await encodeShare({ kind: 'preset', preset: 'single-avs-slash', position: 7 });
    expect(fragment).toBe('preset=single-avs-slash&at=7');
    expect(await decodeShare(`#${fragment}`)).toEqual({
      ok: true,
      target: { kind: 'preset', preset: 'single-avs-slash', position: 7 },
    });
  });

  it('round-trips a whole scenario, short enough for a QR code', async () => {
    const scenario = getPreset('lrt-rate-after-slash')?.json;
    const fragment = await encodeShare({ kind: 'scenario', scenario, position: null });
    // A QR code holds up to 2953 bytes; the deflated file must stay well below.
    expect(fragment.length).toBeLessThan(MAX_QR_CHARS);
    expect(fragment.length).toBeLessThan(JSON.stringify(scenario).length / 2);
    expect(await decodeShare(fragment)).toEqual({
      ok: true,
      target: { kind: 'scenario', scenario, position: null },
    });
  });

  it('names a base and carries only the steps after it', async () => {
    const target = {
      kind: 'steps' as const,
      base: { kind: 'preset' as const, id: 'playground' },
      steps: [{ action: 'staker.delegate', by: 'bob', operator: 'op2' }],
      position: 21,
    };
    const fragment = await encodeShare(target);
    expect(fragment).toBe('p=playground&s=del,bob,op2&at=21');
    expect(await decodeShare(`#${fragment}`)).toEqual({ ok: true, target });
    const lesson = { ...target, base: { kind: 'lesson' as const, id: '06-slashing' }, steps: [] };
    expect(await encodeShare(lesson)).toBe('l=06-slashing&at=21');
    expect(await decodeShare('l=06-slashing&at=21')).toEqual({ ok: true, target: lesson });
  });

  it('keeps opening links of the earlier forms', async () => {
    // Written by the first version of share links: a preset by name, and a whole deflated scenario.
    expect(await decodeShare('#preset=playground&at=3')).toEqual({
      ok: true,
      target: { kind: 'preset', preset: 'playground', position: 3 },
    });
    const scenario = getPreset('single-avs-slash')?.json;
    const old = await encodeShare({ kind: 'scenario', scenario, position: 2 });
    expect(old.startsWith('scenario=')).toBe(true);
    expect(await decodeShare(old)).toEqual({ ok: true, target: { kind: 'scenario', scenario, position: 2 } });
  });

  it('names a short link whose steps are damaged', async () => {
    expect(await decodeShare('p=playground&s=del,bob~qq&at=2')).toEqual({
      ok: false,
      message: expect.stringMatching(/cannot be opened: its step 2 names no action/),
    });
  });

  it('is not a share link without preset or scenario', async () => {
    expect(await decodeShare('')).toBeNull();
    expect(await decodeShare('#lesson=3')).toBeNull();
  });

  it('names what is wrong with a broken link', async () => {
    const fragment = await encodeShare({
      kind: 'scenario',
      scenario: getPreset('playground')?.json,
      position: 3,
    });
    const cut = fragment.slice(0, fragment.indexOf('&') - 40);
    const r = await decodeShare(cut);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/damaged or cut short/) });
    expect(await decodeShare('scenario=%%%')).toEqual({
      ok: false,
      message: expect.stringMatching(/cannot be opened/),
    });
    expect(await decodeShare('preset=x&at=-1')).toEqual({
      ok: false,
      message: expect.stringMatching(/at=-1/),
    });
  });

  it('refuses a link that would inflate into a huge scenario, without inflating it all', async () => {
    // 8 MB of spaces deflate to a few kilobytes: a small link, a huge document.
    const bomb = { steps: ' '.repeat(8_000_000) };
    const fragment = await encodeShare({ kind: 'scenario', scenario: bomb, position: null });
    expect(fragment.length).toBeLessThan(20_000);
    expect(await decodeShare(fragment)).toEqual({ ok: false, message: expect.stringMatching(/too large/) });
    expect(await decodeShare('scenario=' + 'A'.repeat(300_000))).toEqual({
      ok: false,
      message: expect.stringMatching(/too long/),
    });
  });
});
