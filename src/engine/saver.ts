// Keeping the saved record in step with the live session, and saying so when it is not. A write that the
// browser refuses (a full disk, a quota, a private window) is reported at once with what to do, and retried
// after every change and on a timer until it succeeds. Only the tab that leads (tab-lock.ts) writes; a tab
// that becomes the leader first keeps whatever another tab saved meanwhile in Kept sandboxes, so taking over
// never overwrites anyone's work silently.
import type { ImageCache } from './image-cache.ts';
import type { KeptSandboxes } from './kept.ts';
import { toDoc } from './session-doc.ts';
import type { Session } from './session.ts';
import { KEYS, type GuardedStore } from './store.ts';
import type { TabEvent, TabLock } from './tab-lock.ts';

export interface SaveStatus {
  /** Why the latest change is not saved, or null when it is. */
  unsaved: string | null;
  /** Whether this tab saves the sandbox; false while another tab leads. */
  leads: boolean;
  /** The latest change of leadership, so the page can explain it. */
  tabEvent: TabEvent | null;
}

export const RETRY_MS = 10_000;

export class Saver {
  private current: Omit<SaveStatus, 'leads'> = { unsaved: null, tabEvent: null };
  private readonly listeners = new Set<(s: SaveStatus) => void>();
  /** The record this tab last read or wrote: anything else found there was written by another tab. */
  private baseline: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Until this tab first writes, the saved record may hold another tab's newer save. */
  private unchecked = true;
  /** Settles once this tab knows whether it leads: nothing is written before. */
  private ready: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: GuardedStore,
    private readonly lock: TabLock,
    private readonly images: ImageCache,
    private readonly kept: KeptSandboxes,
    /** Runs a retry in the host's queue, after any change in flight. */
    private readonly retryLater: () => void,
  ) {}

  get status(): SaveStatus {
    return { ...this.current, leads: this.lock.leads };
  }

  watch(listener: (s: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener the status (after a change, or once leadership is first known). */
  set(change: Partial<Omit<SaveStatus, 'leads'>> = {}): void {
    this.current = { ...this.current, ...change };
    const status = this.status;
    for (const l of this.listeners) l(status);
  }

  waitFor(decided: Promise<unknown>): void {
    this.ready = decided;
  }

  /** Whether this tab leads, once that is known. */
  async leads(): Promise<boolean> {
    await this.ready;
    return this.lock.leads;
  }

  /** The record read at start: this tab's starting point. */
  read(text: string | null): void {
    this.baseline = text;
  }

  /** The save waiting to start, which every request made meanwhile joins (the latest state is saved). */
  private queued: Promise<void> | null = null;
  private latest: Session | null = null;
  private chain: Promise<void> = Promise.resolve();

  /**
   * Saves `session` once every save in flight is done, one at a time so an older record never lands after a
   * newer one. Requests made while a save waits join it: the record is taken when the save starts, so it
   * holds every change asked for before. Resolves once that record is written (or its failure reported).
   */
  save(session: Session): Promise<void> {
    this.latest = session;
    if (this.queued !== null) return this.queued;
    const run = this.chain.then(() => {
      this.queued = null;
      const s = this.latest ?? session;
      return this.saveNow(s);
    });
    this.queued = run;
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Settles once every save asked for so far is done. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async saveNow(session: Session): Promise<void> {
    if (!(await this.leads())) return this.set({});
    const text = JSON.stringify(toDoc(session));
    if (this.unchecked) {
      // This tab's first write: another tab may have saved since this one read the record (a leader that
      // closed while this tab was still starting), and its save is kept before it is overwritten.
      const saved = await this.store.get(KEYS.session);
      if (typeof saved === 'string' && saved !== this.baseline && saved !== text)
        await this.kept.keep(
          saved,
          'Another tab saved this sandbox before this tab began saving it; it is kept so nothing is lost.',
        );
      this.unchecked = false;
    }
    const failed = await this.store.trySet(KEYS.session, text);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (failed === null) {
      this.baseline = text;
      this.images.schedule(session, text);
      if (this.current.unsaved !== null) this.set({ unsaved: null });
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.retryLater();
    }, RETRY_MS);
    this.set({ unsaved: failed });
  }

  /** Leadership changed: a new leader keeps another tab's newer record aside, then saves its own session. */
  async leadershipChanged(leads: boolean, event: TabEvent, session: Session | null): Promise<void> {
    if (leads && session !== null) {
      const saved = await this.store.get(KEYS.session);
      const mine = JSON.stringify(toDoc(session));
      if (saved !== undefined && saved !== this.baseline && saved !== mine)
        await this.kept.keep(
          saved,
          'Another tab saved this sandbox before this tab took over saving; it is kept so nothing is lost.',
        );
      // Checked just now: the save below need not check again.
      this.unchecked = false;
      this.set({ tabEvent: event });
      await this.save(session);
      return;
    }
    this.set({ tabEvent: event });
  }
}
