// A fast path for reloads: shortly after each change to the history, the live session is also saved as an
// image (its chain's trie, every snapshot, the worlds read so far and each step's writes), tagged with the
// digest of the saved session@1 document it belongs to, cursor aside. A reload restores the image in tens of
// milliseconds instead of replaying every step, and puts the saved cursor back; but only when the digest
// matches the saved document, which stays the authority: a missing, stale or broken image means a replay.
// A move (undo, redo, a jump) changes only the cursor, so it takes no new image: a move never waits behind one.
import { imageOfSession, sessionFromImage, type SessionImage } from './session-image.ts';
import { toDoc, type SessionDoc } from './session-doc.ts';
import type { Session } from './session.ts';
import { KEYS, type KeyValueStore } from './store.ts';

/** The saved document without its cursor: what an image must match (the cursor is put back on restore). */
export function historyKey(doc: SessionDoc): string {
  return JSON.stringify({ ...doc, cursor: null });
}

/**
 * A saved record's text without its cursor, which `toDoc` writes last: two records that differ only in the
 * cursor give the same text. It tells a move (no new image) from a change to the history without rendering
 * the document a second time (a 2000-step history's is megabytes). A branch name cannot end the text early:
 * inside a JSON string every quote is escaped, so the last `,"cursor":{` is the cursor's own.
 */
export function withoutCursor(text: string): string {
  const at = text.lastIndexOf(',"cursor":{');
  return at < 0 ? text : text.slice(0, at);
}

/**
 * The digest ties an image to the saved history and to this build's contracts: `build` is the default
 * image's state root, which changes whenever the compiled contracts or the protocol's deployment change, so
 * an image saved by an earlier build is never restored into a later one. SHA-256 runs natively: a 2000-step
 * history's document is hashed in about a millisecond.
 */
async function digest(history: string, build: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${build}\n${history}`);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ImageCache {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private next: (() => void) | null = null;
  private pending: Promise<void> = Promise.resolve();
  /** The saved text, cursor aside (`withoutCursor`), of the latest image taken or scheduled (or that needs none). */
  private last: string | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly build: string,
    private readonly delayMs = 500,
  ) {}

  /** The session's history needs no image of its own (it is a prebuilt image's, restored as such). */
  covered(session: Session): void {
    this.last = withoutCursor(JSON.stringify(toDoc(session)));
  }

  /**
   * Saves `session`'s image after a quiet moment, unless only its cursor moved since the last one (`saved`:
   * the record just written for it, so the document is not rendered again here). The
   * document is rendered again inside the job, from the very state the image is taken from, so a change that
   * ran meanwhile cannot pair one with the other.
   */
  schedule(session: Session, saved: string = JSON.stringify(toDoc(session))): void {
    const key = withoutCursor(saved);
    if (key === this.last) return;
    this.last = key;
    if (this.timer !== null) clearTimeout(this.timer);
    this.next = () => {
      this.timer = null;
      this.next = null;
      this.pending = session
        .exclusive(async () => {
          const history = historyKey(toDoc(session));
          const image = await imageOfSession(session);
          await this.store.set(
            KEYS.image,
            JSON.stringify({ digest: await digest(history, this.build), image }),
          );
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

  /**
   * The session of the saved document `doc` (`text` as saved), from its image, at the document's cursor;
   * or null when there is no matching image.
   */
  async restore(doc: SessionDoc): Promise<Session | null> {
    try {
      const raw = await this.store.get(KEYS.image);
      if (typeof raw !== 'string') return null;
      const cached = JSON.parse(raw) as { digest?: unknown; image?: SessionImage };
      const history = historyKey(doc);
      if (cached.image === undefined || cached.digest !== (await digest(history, this.build))) return null;
      const session = await sessionFromImage(cached.image);
      // Moves after the image was taken moved only the cursor: the saved one is put back.
      if (JSON.stringify(session.cursor) !== JSON.stringify(doc.cursor)) await session.goto(doc.cursor);
      else await session.worldAt(session.cursor.node);
      this.last = withoutCursor(JSON.stringify(doc));
      return session;
    } catch {
      return null;
    }
  }
}
