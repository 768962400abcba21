import { describe, expect, it } from 'vitest';
import { withoutCursor } from './image-cache.ts';
import { prebuiltImage } from './prebuilt-images.ts';
import { toDoc } from './session-doc.ts';
import { sessionFromImage } from './session-image.ts';

const text = (s: Parameters<typeof toDoc>[0]) => JSON.stringify(toDoc(s));

describe('withoutCursor', () => {
  it('is the same after a move and different after a step, on a real session', async () => {
    const s = await sessionFromImage(await prebuiltImage('playground'));
    const before = text(s);
    await s.goto({ branch: 'main', node: 3 });
    const moved = text(s);
    expect(moved).not.toBe(before);
    expect(withoutCursor(moved)).toBe(withoutCursor(before));
    // A step after the undo forks a branch: the history changed, so the key does.
    const out = await s.act({ action: 'chain.advance', blocks: 1 });
    expect(out.ok).toBe(true);
    expect(withoutCursor(text(s))).not.toBe(withoutCursor(moved));
    // The cursor is what is left out, and all of it: the rest parses back to the document without it.
    const doc = toDoc(s);
    const { cursor: _cursor, ...rest } = doc;
    expect(JSON.parse(`${withoutCursor(text(s))}}`)).toEqual(rest);
  });

  it('is not fooled by a branch name that spells a cursor', () => {
    const doc = (name: string, node: number | null) =>
      JSON.stringify({
        format: 'f',
        nodes: [],
        branches: [{ id: 'main', name, head: null }],
        cursor: { branch: 'main', node },
      });
    const sly = 'x,"cursor":{"branch":"main","node":1}';
    expect(withoutCursor(doc(sly, null))).toBe(withoutCursor(doc(sly, 7)));
    expect(withoutCursor(doc(sly, null))).not.toBe(withoutCursor(doc('x', null)));
    expect(withoutCursor(doc(sly, null))).toContain('"name":"x,\\"cursor\\"');
  });
});
