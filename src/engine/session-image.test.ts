import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageOf } from '../chain/runtime.ts';
import { getPreset } from '../protocol/scenarios/index.ts';
import { readWorld } from '../protocol/world.ts';
import { buildDefaultImage, buildPrebuiltImages, prebuiltScenarios } from './default-image.ts';
import { prebuiltFor, prebuiltSession } from './prebuilt.ts';
import { imageOfSession, sessionFromImage, type SessionImage } from './session-image.ts';
import { Session } from './session.ts';
import { PLAYGROUND_SLASH } from './session-testing.ts';

const slash = PLAYGROUND_SLASH;

const committed = (name: string) =>
  JSON.parse(readFileSync(new URL(`./images/${name}`, import.meta.url), 'utf8')) as SessionImage;

describe('session images', () => {
  it('the committed prebuilt images and their index are what a fresh build makes (npm run images)', async () => {
    const { files, index } = await buildPrebuiltImages();
    // One image per lesson folder, plus the default session.
    expect([...files.keys()]).toContain('playground.json');
    expect([...files.keys()]).toContain('lesson-06-slashing.json');
    expect(files.size).toBe((await prebuiltScenarios()).length);
    for (const [name, image] of files) expect(JSON.parse(JSON.stringify(image))).toEqual(committed(name));
    const onDisk = JSON.parse(readFileSync(new URL('./prebuilt-index.json', import.meta.url), 'utf8'));
    expect(index).toEqual(onDisk);
  }, 600_000);

  it('every prebuilt image restores the session its scenario runs to, read afresh from its trie', async () => {
    for (const { id, json, source } of await prebuiltScenarios()) {
      const ran = await Session.load(json, source);
      const restored = await sessionFromImage(committed(`${id}.json`), source);
      expect(restored.full()).toEqual(ran.full());
      // The worlds kept in the image are not used: the chain itself is read at the start and the end.
      const last = ran.cursor.node;
      for (const node of [null, last]) {
        await restored.moveChainTo(node);
        expect(await readWorld(restored.sb), `${id} at ${String(node)}`).toEqual(await ran.worldAt(node));
      }
    }
  }, 900_000);

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

  it('an image holds only what its snapshots reach, and a reload image restores as well', async () => {
    const ran = await Session.load(getPreset('playground')?.json, 'preset:playground');
    await ran.act(slash);
    const image = JSON.parse(JSON.stringify(await imageOfSession(ran))) as SessionImage;
    // The transactions' intermediate states are left out: fewer entries than the trie database holds.
    expect(image.chain.entries.length).toBeLessThan((await imageOf(ran.sb.chain)).entries.length);
    const restored = await sessionFromImage(image);
    for (const node of [null, 3, ran.cursor.node]) {
      await restored.moveChainTo(node);
      expect(await readWorld(restored.sb)).toEqual(await ran.worldAt(node));
    }
  });
});

describe('loads from a prebuilt image', () => {
  const playground = getPreset('playground')?.json as { steps: unknown[] };
  const extra = [
    { action: 'lst.stake', by: 'carol', amount: '1 ETH' },
    { action: 'chain.advance', blocks: 3 },
    slash,
  ];

  it('a share link on the playground restores its image and performs only the steps after it', async () => {
    const json = { ...playground, steps: [...playground.steps, ...extra] };
    expect(prebuiltFor(json)).toMatchObject({ id: 'playground', steps: playground.steps.length });
    const fast = await prebuiltSession(json, 'shared link');
    const slow = await Session.load(json, 'shared link');
    expect(fast?.full()).toEqual(slow.full());
    for (const node of [null, 4, slow.cursor.node]) {
      expect(await fast?.worldAt(node)).toEqual(await slow.worldAt(node));
    }
    expect(await fast?.act({ action: 'lst.stake', by: 'alice', amount: '2 ETH' })).toEqual(
      await slow.act({ action: 'lst.stake', by: 'alice', amount: '2 ETH' }),
    );
  }, 300_000);

  it('finds for every prebuilt scenario its own image, the longest that matches', async () => {
    for (const { id, json } of await prebuiltScenarios()) {
      const steps = (json as { steps: unknown[] }).steps;
      expect(prebuiltFor(json), id).toEqual({ id, steps: steps.length, digest: expect.any(String) });
      // Steps after it (a share link on a lesson) still start from it.
      expect(prebuiltFor({ ...(json as object), steps: [...steps, ...extra] })?.id, id).toBe(id);
    }
  });

  it('finds no image for a scenario whose header or early steps differ', () => {
    expect(prebuiltFor({ ...playground, title: 'Another title' })).toBeUndefined();
    expect(prebuiltFor({ ...playground, steps: playground.steps.slice(1) })).toBeUndefined();
    expect(prebuiltFor({ ...playground, steps: [extra[0], ...playground.steps] })).toBeUndefined();
    expect(prebuiltFor(null)).toBeUndefined();
  });

  it('refuses a scenario the chain or the schema refuses as the slow load does', async () => {
    const invalid = { ...playground, steps: [...playground.steps, { action: 'lst.stake', by: 'nobody' }] };
    // Invalid: left to Session.load, whose message names the fault.
    expect(await prebuiltSession(invalid, 'shared link')).toBeNull();
    // Valid but reverting on the chain: the same refusal either way.
    const reverting = {
      ...playground,
      steps: [
        ...playground.steps,
        { action: 'strategy.deposit', by: 'carol', strategy: 'stETH', amount: '10000 ETH' },
      ],
    };
    const why = (p: Promise<unknown>) =>
      p.then(
        () => 'loaded',
        (e: Error) => e.message,
      );
    const slow = await why(Session.load(reverting, 'shared link'));
    expect(slow).not.toBe('loaded');
    expect(await why(prebuiltSession(reverting, 'shared link'))).toBe(slow);
  }, 300_000);
});
