import { describe, expect, it } from 'vitest';
import { decodeLessonLink, encodeLessonLink } from './lesson-link.ts';
import { readProgress } from './lesson-progress.ts';

const KNOWN = ['01-staking-and-lsts', '06-slashing'];

describe('lesson links', () => {
  it('round-trips a lesson and a step', () => {
    const link = encodeLessonLink('06-slashing', 4);
    expect(link).toBe('lesson=06-slashing&step=4');
    expect(decodeLessonLink(`#${link}`, KNOWN)).toEqual({ ok: true, lesson: '06-slashing', step: 4 });
    expect(decodeLessonLink('#lesson=06-slashing', KNOWN)).toEqual({
      ok: true,
      lesson: '06-slashing',
      step: 1,
    });
  });

  it('is not a lesson link without a lesson, and names the fault of a broken one', () => {
    expect(decodeLessonLink('#preset=playground', KNOWN)).toBeNull();
    expect(decodeLessonLink('#lesson=99-nope&step=2', KNOWN)).toEqual({
      ok: false,
      message: 'The link names a lesson "99-nope" that this sandbox does not have.',
    });
    expect(decodeLessonLink('#lesson=06-slashing&step=zero', KNOWN)).toMatchObject({ ok: false });
    expect(decodeLessonLink('#lesson=06-slashing&step=0', KNOWN)).toMatchObject({ ok: false });
  });
});

describe('saved lesson progress', () => {
  const good = {
    format: 'restaking-sandbox/lesson-progress@1',
    lesson: '01-staking-and-lsts',
    run: 'k3x9',
    steps: [{ state: 'intro', cursor: { branch: 'main', node: 2 }, snapshot: {} }],
    ahead: [],
    open: true,
    session: null,
  };

  it('reads what was saved, and nothing when nothing was', () => {
    expect(readProgress(JSON.stringify(good))).toEqual({ ok: true, progress: good });
    expect(readProgress(undefined)).toBeNull();
  });

  it('refuses damaged progress with the place of the damage', () => {
    expect(readProgress('{')).toEqual({ ok: false, message: 'the saved lesson progress is not valid JSON' });
    const r = readProgress(
      JSON.stringify({ ...good, steps: [{ state: 'intro', cursor: { branch: 'main', node: 'x' } }] }),
    );
    expect(r).toMatchObject({ ok: false });
    expect(r !== null && !r.ok && r.message).toMatch(/steps\.0\.cursor\.node/);
    expect(readProgress(JSON.stringify({ ...good, steps: [] }))).toMatchObject({ ok: false });
  });
});
