// Takes the first screen (first-screen.ts) from the playground's prebuilt image, for `npm run images`: the
// answer Host.start() gives when nothing is saved, computed the way it computes it (a session restored from
// the image, whole), and the preset list. Node only; first-screen.test.ts holds it equal to a live Host.
import { presetSummaries } from '../protocol/scenarios/index.ts';
import type { FirstScreen } from './first-screen.ts';
import { sessionFromImage, type SessionImage } from './session-image.ts';
import { storeWorld } from './session-image-worlds.ts';

export async function buildFirstScreen(playground: SessionImage, build: string): Promise<FirstScreen> {
  const session = await sessionFromImage(playground);
  // Through JSON, as it is stored and as the page receives it (structured clone keeps the same plain data).
  const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const update = plain(session.full());
  // Every world is in the prebuilt image already (read by the chain when it was built): none is read here.
  const genesisWorld = plain(await session.worldAt(null));
  const worlds: FirstScreen['worlds'] = [];
  for (const [id, entry] of session.entries) {
    const parent = plain(await session.worldAt(entry.node.parent));
    worlds.push([id, storeWorld(plain(await session.worldAt(id)), parent)]);
  }
  return {
    build,
    presets: presetSummaries(),
    start: { ok: true, update, notice: null },
    genesisWorld,
    worlds,
  };
}
