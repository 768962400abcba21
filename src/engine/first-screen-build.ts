// Takes the first screen (first-screen.ts) from the playground's prebuilt image, for `npm run images`: the
// answer Host.start() gives when nothing is saved, computed the way it computes it (a session restored from
// the image, whole), and the preset list. Node only; first-screen.test.ts holds it equal to a live Host.
import { presetSummaries } from '../protocol/scenarios/index.ts';
import type { FirstScreen } from './first-screen.ts';
import { sessionFromImage, type SessionImage } from './session-image.ts';

export async function buildFirstScreen(playground: SessionImage, build: string): Promise<FirstScreen> {
  const session = await sessionFromImage(playground);
  // Through JSON, as it is stored and as the page receives it (structured clone keeps the same plain data).
  const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const update = plain(session.full());
  // Every world is in the prebuilt image already (read by the chain when it was built): none is read here.
  const worlds = [];
  for (const node of [null, ...session.entries.keys()])
    worlds.push({ node, world: plain(await session.worldAt(node)) });
  return { build, presets: presetSummaries(), start: { ok: true, update, notice: null }, worlds };
}
