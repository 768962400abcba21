import { describe, expect, it } from 'vitest';
import { chainWorkerName, readWorkerName } from './link-first.ts';
import { hasPrebuiltImage, prefetchPrebuilt } from './prebuilt-images.ts';

describe("the chain worker's name", () => {
  it('a first visit without a link hints the playground image; a return visit hints nothing', () => {
    expect(readWorkerName(chainWorkerName('', true))).toEqual({ linkFirst: false, image: 'playground' });
    expect(readWorkerName(chainWorkerName('', false))).toEqual({ linkFirst: false, image: null });
    // A fragment that is no link (a heading anchor) is a plain visit.
    expect(readWorkerName(chainWorkerName('#about', true))).toEqual({
      linkFirst: false,
      image: 'playground',
    });
  });

  it("a link opens first and hints its own preset's or lesson's image, on any visit", () => {
    for (const firstVisit of [true, false]) {
      const name = (hash: string) => readWorkerName(chainWorkerName(hash, firstVisit));
      expect(name('#lesson=06-slashing&step=5')).toEqual({ linkFirst: true, image: 'lesson-06-slashing' });
      expect(name('#l=06-slashing&s=dep,alice&at=3')).toEqual({
        linkFirst: true,
        image: 'lesson-06-slashing',
      });
      expect(name('#p=playground&s=dep,alice,stETH,5_ETH')).toEqual({ linkFirst: true, image: 'playground' });
      expect(name('#preset=single-avs-slash&at=3')).toEqual({ linkFirst: true, image: 'single-avs-slash' });
      // A whole scenario in the link names no image: which one starts it is known only once it is read.
      expect(name('#scenario=eJyrVkrLz1eyUkpKLFKqBQAdegQ0')).toEqual({ linkFirst: true, image: null });
    }
  });

  it('a hint is only ever an image-shaped id', () => {
    expect(readWorkerName(chainWorkerName('#lesson=../../x&step=1', true))).toEqual({
      linkFirst: true,
      image: null,
    });
    expect(readWorkerName(chainWorkerName('#p=a%20b', true)).image).toBeNull();
    expect(readWorkerName('')).toEqual({ linkFirst: false, image: null });
  });

  it('the function is self-contained, so the built page can carry its source (vite.config.ts)', () => {
    const copy = new Function(`return (${chainWorkerName.toString()})`)() as typeof chainWorkerName;
    expect(copy('#lesson=06-slashing&step=5', true)).toBe(
      chainWorkerName('#lesson=06-slashing&step=5', true),
    );
    expect(copy('', true)).toBe('image=playground');
  });
});

describe('prefetching a hinted image', () => {
  it('only images the build has are fetched', async () => {
    expect(hasPrebuiltImage('playground')).toBe(true);
    expect(hasPrebuiltImage('lesson-06-slashing')).toBe(true);
    expect(hasPrebuiltImage('single-avs-slash')).toBe(false);
    expect(prefetchPrebuilt('single-avs-slash')).toBe(false);
    expect(prefetchPrebuilt('playground')).toBe(true);
  });
});
