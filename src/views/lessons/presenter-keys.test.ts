import { describe, expect, it } from 'vitest';
import { presenterMove } from './presenter-keys.ts';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

/** An element that matches the given selectors (as `closest` would find it or an ancestor). */
const el = (...matches: string[]) =>
  ({
    closest: (sel: string) => (sel.split(',').some((x) => matches.includes(x.trim())) ? {} : null),
  }) as unknown as Element;

describe('presenterMove', () => {
  const body = el('div');
  it('reads clicker keys and arrows as steps', () => {
    expect(presenterMove(key('PageDown'), body)).toBe('forward');
    expect(presenterMove(key('ArrowRight'), body)).toBe('forward');
    expect(presenterMove(key(' '), body)).toBe('forward');
    expect(presenterMove(key('PageUp'), body)).toBe('back');
    expect(presenterMove(key('ArrowLeft'), body)).toBe('back');
    expect(presenterMove(key('a'), body)).toBeNull();
  });

  it('leaves keys to fields, tab lists, modified presses and a focused button', () => {
    expect(presenterMove(key('ArrowRight'), el('input'))).toBeNull();
    expect(presenterMove(key('ArrowRight'), el('button', '[role="tablist"]'))).toBeNull();
    expect(presenterMove(key('PageDown', { ctrlKey: true }), body)).toBeNull();
    expect(presenterMove(key(' '), el('button'))).toBeNull();
    expect(presenterMove(key('PageDown'), el('button'))).toBe('forward');
  });
});
