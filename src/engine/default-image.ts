// The image of the page's default session: the playground preset loaded and run to its end.
import { getPreset } from '../protocol/scenarios/index.ts';
import { imageOfSession, type SessionImage } from './session-image.ts';
import { Session } from './session.ts';

export const DEFAULT_PRESET = 'playground';
export const DEFAULT_IMAGE_FILE = 'playground.json';

export async function buildDefaultImage(): Promise<SessionImage> {
  const session = await Session.load(getPreset(DEFAULT_PRESET)?.json, `preset:${DEFAULT_PRESET}`);
  return imageOfSession(session, true);
}
