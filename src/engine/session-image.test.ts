import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../protocol/scenarios/index.ts';
import { buildDefaultImage, DEFAULT_IMAGE_FILE } from './default-image.ts';
import { sessionFromImage, type SessionImage } from './session-image.ts';
import { Session } from './session.ts';

const slash = {
  action: 'avs.slash',
  by: 'avs1',
  operator: 'op1',
  set: 0,
  strategies: ['stETH'],
  wads: ['20%'],
  as: 's1',
};

describe('session images', () => {
  it('the committed default image is what a fresh run of the preset builds (npm run images)', async () => {
    const committed = JSON.parse(
      readFileSync(new URL(`./images/${DEFAULT_IMAGE_FILE}`, import.meta.url), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(await buildDefaultImage()))).toEqual(committed);
  }, 300_000);

  it('a session restored from an image behaves exactly as one that ran its steps', async () => {
    const image = JSON.parse(JSON.stringify(await buildDefaultImage())) as SessionImage;
    const restored = await sessionFromImage(image);
    const ran = await Session.load(getPreset('playground')?.json, 'preset:playground');
    expect(restored.full()).toEqual(ran.full());
    // New transactions land on the same state (same nonces, same hashes, same numbers)...
    const a = await restored.act(slash);
    const b = await ran.act(slash);
    expect(a).toEqual(b);
    // ...and every earlier snapshot of the image is there to go back to.
    expect(await restored.worldAt(5)).toEqual(await ran.worldAt(5));
    expect(await restored.worldAt(null)).toEqual(await ran.worldAt(null));
  });
});
