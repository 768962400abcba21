import { describe, expect, it } from 'vitest';
import { BEHIND, chainWorkerName, readWorkerName, startsWithFirstScreen } from './link-first.ts';
import { hasPrebuiltImage, prefetchPrebuilt } from './prebuilt-images.ts';

describe("the chain worker's name", () => {
  it('a first visit without a link hints the playground image; a return visit hints nothing', () => {
    expect(readWorkerName(chainWorkerName('', true))).toEqual({
      linkFirst: false,
      image: 'playground',
      behind: false,
    });
    expect(readWorkerName(chainWorkerName('', false))).toEqual({
      linkFirst: false,
      image: null,
      behind: false,
    });
    // A fragment that is no link (a heading anchor) is a plain visit.
    expect(readWorkerName(chainWorkerName('#about', true))).toEqual({
      linkFirst: false,
      image: 'playground',
      behind: false,
    });
  });

  it("a link opens first and hints its own preset's or lesson's image, on any visit", () => {
    for (const firstVisit of [true, false]) {
      const name = (hash: string) => {
        const { linkFirst, image } = readWorkerName(chainWorkerName(hash, firstVisit));
        return { linkFirst, image };
      };
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
    expect(readWorkerName(chainWorkerName('#lesson=../../x&step=1', true))).toMatchObject({
      linkFirst: true,
      image: null,
    });
    expect(readWorkerName(chainWorkerName('#p=a%20b', true)).image).toBeNull();
    expect(readWorkerName('')).toEqual({ linkFirst: false, image: null, behind: false });
  });

  it("only a likely first visit starts with the first screen's worker; links and return visits with the chain's", () => {
    expect(startsWithFirstScreen(chainWorkerName('', true))).toBe(true);
    expect(startsWithFirstScreen(chainWorkerName('#about', true))).toBe(true);
    // A return visit: the offline cache controls the page, so most likely something is saved.
    expect(startsWithFirstScreen(chainWorkerName('', false))).toBe(false);
    for (const link of [
      '#lesson=06-slashing&step=5',
      '#p=playground&s=dep,alice,stETH,5_ETH',
      '#preset=playground',
    ])
      expect(startsWithFirstScreen(chainWorkerName(link, true)), link).toBe(false);
    // The chain's worker started behind the first screen's knows it; no link can make a page name it so.
    expect(readWorkerName(`${chainWorkerName('', true)} ${BEHIND}`)).toMatchObject({ behind: true });
    expect(readWorkerName(chainWorkerName('#lesson=behind&step=1', true)).behind).toBe(false);
    expect(readWorkerName(chainWorkerName('#p=behind', true)).behind).toBe(false);
  });

  it('the function is self-contained, so the built page can carry its source (vite.config.ts)', () => {
    const copy = new Function(`return (${chainWorkerName.toString()})`)() as typeof chainWorkerName;
    expect(copy('#lesson=06-slashing&step=5', true)).toBe(
      chainWorkerName('#lesson=06-slashing&step=5', true),
    );
    expect(copy('', true)).toBe('image=playground');
    const starts = new Function(
      `return (${startsWithFirstScreen.toString()})`,
    )() as typeof startsWithFirstScreen;
    for (const name of ['image=playground', 'link-first image=playground', ''])
      expect(starts(name), name).toBe(startsWithFirstScreen(name));
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
