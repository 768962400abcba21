// A fast path for reloads: shortly after each change, the live session is also saved as an image (its
// chain's trie and every snapshot), tagged with the digest of the saved session@1 document it belongs to.
// A reload restores the image in tens of milliseconds instead of replaying every step, but only when the
// digest matches the saved document, which stays the authority: a missing, stale or broken image just
// means a replay.
import { keccak256, stringToHex } from 'viem';
import { imageOfSession, sessionFromImage, type SessionImage } from './session-image.ts';
import type { Session } from './session.ts';
import { KEYS, type KeyValueStore } from './store.ts';

/**
 * The digest ties an image to the saved document and to this build's contracts: `build` is the default
 * image's state root, which changes whenever the compiled contracts or the protocol's deployment change, so
 * an image saved by an earlier build is never restored into a later one.
 */
const digest = (doc: string, build: string) => keccak256(stringToHex(`${build}\n${doc}`));

export class ImageCache {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private next: (() => void) | null = null;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore,
    private readonly build: string,
    private readonly delayMs = 500,
  ) {}

  /**
   * Saves `session`'s image after a quiet moment. The document is rendered again inside the job, from the
   * very state the image is taken from, so a change that ran meanwhile cannot pair one with the other.
   */
  schedule(session: Session, toDoc: (s: Session) => string): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.next = () => {
      this.timer = null;
      this.next = null;
      this.pending = session
        .exclusive(async () => {
          const doc = toDoc(session);
          const image = await imageOfSession(session);
          await this.store.set(KEYS.image, JSON.stringify({ digest: digest(doc, this.build), image }));
        })
        // The image only speeds reloads up; failing to take one leaves the saved document in charge.
        .catch(() => undefined);
    };
    this.timer = setTimeout(this.next, this.delayMs);
  }

  /** Saves a scheduled image now and waits for it (tests; a page never needs to). */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.next?.();
    await this.pending;
  }

  /** The session of the saved document `doc`, from its image, or null when there is no matching image. */
  async restore(doc: string): Promise<Session | null> {
    try {
      const raw = await this.store.get(KEYS.image);
      if (typeof raw !== 'string') return null;
      const cached = JSON.parse(raw) as { digest?: unknown; image?: SessionImage };
      if (cached.digest !== digest(doc, this.build) || cached.image === undefined) return null;
      const session = await sessionFromImage(cached.image);
      await session.worldAt(session.cursor.node);
      return session;
    } catch {
      return null;
    }
  }
}
