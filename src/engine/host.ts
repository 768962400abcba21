// The session's owner inside the worker: which session is live, loading presets, files and links, keeping
// the saved copy in step after every change, and refusing bad input without touching the live session (a
// replacement is built completely before it takes over). Runs unchanged in Node for tests.
import {
  getPreset,
  presetSummaries,
  SCENARIO_PRESETS,
  type PresetSummary,
} from '../protocol/scenarios/index.ts';
import { contractsOf, type ContractEntry } from './contracts.ts';
import { historyKey, ImageCache } from './image-cache.ts';
import { checkValue, parseInput } from './input-limits.ts';
import { KeptSandboxes, type KeptSummary } from './kept.ts';
import type { RpcAnswer } from './rpc.ts';
import { deleteBranch, newBranch, renameBranch } from './session-branches.ts';
import { BUILD, prebuiltSession } from './prebuilt.ts';
import { prebuiltImage } from './prebuilt-images.ts';
import { sessionFromImage } from './session-image.ts';
import { fromDoc, toDoc, type SessionDoc } from './session-doc.ts';
import type { Cursor, Outcome, Problem, SeriesPoint, SessionUpdate, StepJson } from './session-types.ts';
import { Session, SessionError } from './session.ts';
import { Saver, type SaveStatus } from './saver.ts';
import { guardedStore, KEYS, type GuardedStore, type KeyValueStore } from './store.ts';
import { soleTab, type TabLock } from './tab-lock.ts';
import type { World } from '../protocol/world-types.ts';

/**
 * The JSON-RPC behind the page's provider, loaded when a script first asks: the sandbox's own start and steps
 * never need it, so the worker's first load does not carry it.
 */
let rpcCode: Promise<typeof import('./rpc.ts')> | null = null;
function loadRpc() {
  rpcCode ??= import('./rpc.ts');
  return rpcCode;
}

export type Loaded =
  { ok: true; update: SessionUpdate; notice: string | null } | { ok: false; problem: Problem };

/** The prebuilt image the page starts from when nothing is saved (default-image.ts builds it). */
const DEFAULT_IMAGE = 'playground';
const PLAYGROUND_SOURCE = 'preset:playground';

/** Session.load, from a prebuilt image when one starts the scenario (a lesson, a preset, a link on either). */
async function loadFast(json: unknown, source: string): Promise<Session> {
  return (await prebuiltSession(json, source)) ?? Session.load(json, source);
}

function problemOf(e: unknown): Problem {
  if (e instanceof SessionError) return e.problem;
  return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
}

export class Host {
  private session: Session | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly images: ImageCache;
  /** How the last start got its session (tests and diagnostics). */
  startedFrom: 'image' | 'replay' | 'default' | 'link' | null = null;

  private readonly store: GuardedStore;
  private readonly kept: KeptSandboxes;
  private readonly saver: Saver;

  constructor(
    store: KeyValueStore,
    private readonly lock: TabLock = soleTab(),
  ) {
    this.store = guardedStore(store);
    this.images = new ImageCache(this.store, BUILD);
    this.kept = new KeptSandboxes(this.store);
    this.saver = new Saver(this.store, lock, this.images, this.kept, () => void this.retrySave());
  }

  /** Waits until the latest change is saved, with its fast-reload image. */
  async flush(): Promise<void> {
    await this.behind;
    await this.saver.idle();
    await this.images.flush();
  }

  private live(): Session {
    if (this.session === null) throw new SessionError({ kind: 'error', message: 'no sandbox is loaded yet' });
    return this.session;
  }

  private async save(): Promise<void> {
    if (this.session !== null) await this.saver.save(this.session);
  }

  /** The save a move asked for, until it has been requested from the saver (flush waits for it). */
  private behind: Promise<void> = Promise.resolve();

  /**
   * Saves after the move's answer is on its way: the answer is posted in the task that made the move, and
   * the record is rendered and written in a task of its own, so the move never waits for it.
   */
  private saveBehind(): void {
    this.behind = new Promise((resolve) => setTimeout(resolve, 0))
      .then(() => this.save())
      .catch(() => undefined);
  }

  /** Saves the live session again now (the page's Retry; failed saves are also retried on a timer). */
  retrySave(): Promise<SaveStatus> {
    return this.serial(async () => {
      await this.save();
      return this.saver.status;
    });
  }

  /** Hears whether the latest change is saved and whether this tab leads, now and after every change. */
  watchSaves(listener: (s: SaveStatus) => void): void {
    this.saver.watch(listener);
  }

  /** Makes this tab the one that saves (another tab's newer save goes to Kept sandboxes first). */
  async takeOver(): Promise<SaveStatus> {
    await this.lock.takeOver();
    // The change of leadership is handled in the queue (keeping the other tab's save, then saving ours).
    await this.serial(async () => undefined);
    return this.saver.status;
  }

  private began = false;
  /** Which tab saves is settled while the first session opens: nothing is written before it is known. */
  private begin(): void {
    if (this.began) return;
    this.began = true;
    const leading = this.lock.start((leads, event) => {
      void this.serial(() => this.saver.leadershipChanged(leads, event, this.session));
    });
    this.saver.waitFor(leading.then(() => this.saver.set()));
  }

  /** Opens the saved session, or the default preset when there is none or it cannot be restored. */
  async start(): Promise<Loaded & { ok: true }> {
    this.begin();
    return this.withStorageNotice(await this.open());
  }

  /**
   * A first visit's start when the worker's first chunk found nothing saved and already answered the page
   * with the default sandbox (first-screen.ts): the default session opens without looking for a saved one
   * again, so the session that goes live is the one the page is showing.
   */
  async startDefault(): Promise<Loaded & { ok: true }> {
    this.begin();
    return this.withStorageNotice(await this.startClean());
  }

  /**
   * A page opened with a link: the link's sandbox is the first session, so neither the saved one nor the
   * default is opened before it (that cost a link about a second and a half). The saved record, if any,
   * becomes the sandbox the link's load replaced ("Previous sandbox" brings it back). True when there was
   * one. When the link's load fails the page calls `start()`, which opens the saved one as usual.
   */
  startForLink(): Promise<boolean> {
    this.begin();
    return this.serial(async () => {
      const saved = await this.store.get(KEYS.session);
      if (typeof saved !== 'string') return false;
      this.saver.read(saved);
      this.replaced = saved;
      return true;
    });
  }

  /** The saved record a link's first load replaces (startForLink), until that load succeeds. */
  private replaced: string | null = null;

  /** A first session's notice, with a word when this browser refuses to save. */
  private withStorageNotice(started: Loaded & { ok: true }): Loaded & { ok: true } {
    const failure = this.store.failure;
    if (failure === null) return started;
    const storage = `This browser does not let the sandbox save its work (${failure}), so it will not survive a reload; export the session to keep it.`;
    return { ...started, notice: started.notice === null ? storage : `${started.notice} ${storage}` };
  }

  private async open(): Promise<Loaded & { ok: true }> {
    const saved = await this.store.get(KEYS.session);
    if (saved === undefined) return this.startClean();
    if (typeof saved !== 'string') return this.startKept(saved, 'it is not text');
    this.saver.read(saved);
    try {
      const parsed = parseInput(saved, 'the saved sandbox');
      if (!parsed.ok) throw new SessionError({ kind: 'invalid', message: parsed.message });
      const doc = parsed.json as SessionDoc;
      const fast = (await this.images.restore(doc)) ?? (await this.defaultAgain(doc));
      // The image is only a faster way to the same state: it must give back exactly the saved document.
      const trusted = fast !== null && JSON.stringify(toDoc(fast)) === saved ? fast : null;
      this.session = trusted ?? (await fromDoc(parsed.json));
      this.startedFrom = trusted === null ? 'replay' : 'image';
      this.prefetch();
      return { ok: true, update: this.session.full(), notice: null };
    } catch (e) {
      return this.startKept(saved, problemOf(e).message);
    }
  }

  /**
   * The default session with the saved cursor, when the saved document is the default session with only
   * its cursor moved: it takes no reload image of its own (image-cache.ts), its prebuilt image is one.
   */
  private async defaultAgain(doc: SessionDoc): Promise<Session | null> {
    if (doc.source !== PLAYGROUND_SOURCE) return null;
    const s = await sessionFromImage(await prebuiltImage(DEFAULT_IMAGE));
    if (historyKey(toDoc(s)) !== historyKey(doc)) return null;
    await s.goto(doc.cursor);
    this.images.covered(s);
    return s;
  }

  /** Starts clean after a saved record could not be restored, keeping the record in Kept sandboxes. */
  private async startKept(saved: unknown, why: string): Promise<Loaded & { ok: true }> {
    const failed = (await this.saver.leads())
      ? await this.kept.keep(saved, `The saved sandbox could not be restored: ${why}.`)
      : null;
    const where =
      failed === null
        ? 'It is kept under "Kept sandboxes", where you can restore or download it.'
        : `The browser refused to keep a copy (${failed}).`;
    const notice = `The saved sandbox could not be restored (${why}), so a clean one was started. ${where}`;
    return { ...(await this.startClean()), notice };
  }

  /**
   * The default session, from its prebuilt image: no deployment and no replay on a first visit. The image
   * is a chunk of its own, fetched only now (a reload of saved work never needs it).
   */
  private async startClean(): Promise<Loaded & { ok: true }> {
    const fresh = await this.replaceWith(async () => {
      const s = await sessionFromImage(await prebuiltImage(DEFAULT_IMAGE));
      // A reload finds this session in its prebuilt image: taking a reload image of it would only hold the
      // worker (a few hundred ms) just when a first visitor's first undo comes.
      this.images.covered(s);
      return s;
    }, false);
    if (!fresh.ok) throw new Error(fresh.problem.message);
    this.startedFrom = 'default';
    return fresh;
  }

  /** Builds a new session and only then replaces the live one (keeping the replaced one's saved copy). */
  private replaceWith(
    build: () => Promise<Session>,
    keepPrevious: boolean,
    position?: number | null,
  ): Promise<Loaded> {
    return this.serial(() => this.replaceNow(build, keepPrevious, position));
  }

  /**
   * Loads and changes run one at a time across sessions: an action that started on a session a load is about
   * to replace finishes (and is saved) before the load takes over, never after it.
   */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async replaceNow(
    build: () => Promise<Session>,
    keepPrevious: boolean,
    position?: number | null,
  ): Promise<Loaded> {
    try {
      const next = await build();
      if (position !== undefined && position !== null) {
        const path = next.pathTo(next.branch('main').head);
        if (position > path.length)
          throw new SessionError({
            kind: 'invalid',
            message: `the link points at step ${position}, but the scenario has only ${path.length} steps`,
          });
        await next.goto({ branch: 'main', node: position === 0 ? null : (path[position - 1] ?? null) });
      }
      const first = this.session === null;
      const previous = this.session === null ? this.replaced : JSON.stringify(toDoc(this.session));
      if (keepPrevious && previous !== null) await this.store.set(KEYS.previous, previous);
      this.replaced = null;
      this.session = next;
      if (first && this.startedFrom === null) this.startedFrom = 'link';
      await this.save();
      this.prefetch();
      const loaded: Loaded & { ok: true } = { ok: true, update: next.full(), notice: null };
      return first ? this.withStorageNotice(loaded) : loaded;
    } catch (e) {
      return { ok: false, problem: problemOf(e) };
    }
  }

  /** Reads the worlds around the cursor in the background, until another session replaces this one. */
  private prefetch(): void {
    const s = this.session;
    if (s !== null) void s.prefetch(8, () => this.session === s).catch(() => undefined);
  }

  presets(): PresetSummary[] {
    return presetSummaries();
  }

  loadPreset(id: string, position: number | null = null): Promise<Loaded> {
    const preset = getPreset(id);
    if (preset === undefined)
      return Promise.resolve({
        ok: false,
        problem: {
          kind: 'invalid',
          message: `there is no preset "${id}"; presets: ${SCENARIO_PRESETS.map((p) => p.id).join(', ')}`,
        },
      });
    return this.replaceWith(() => loadFast(preset.json, `preset:${id}`), true, position);
  }

  loadScenario(json: unknown, source: string, position: number | null = null): Promise<Loaded> {
    const checked = checkValue(json, `the ${source}`);
    if (!checked.ok)
      return Promise.resolve({ ok: false, problem: { kind: 'invalid', message: checked.message } });
    return this.replaceWith(() => loadFast(json, source), true, position);
  }

  /** Imports a saved session file (`restaking-sandbox/session@1`): history, branches and cursor. */
  importSession(json: unknown): Promise<Loaded> {
    const checked = checkValue(json, 'the session file');
    if (!checked.ok)
      return Promise.resolve({ ok: false, problem: { kind: 'invalid', message: checked.message } });
    return this.replaceWith(() => fromDoc(json), true);
  }

  /** The sandboxes kept aside, newest first. */
  keptSandboxes(): Promise<KeptSummary[]> {
    return this.kept.list();
  }

  /** A kept sandbox's record as text (to download it), or null when there is none. */
  keptRecord(id: string): Promise<string | null> {
    return this.kept.record(id);
  }

  /** Deletes a kept sandbox (only when a person asks). */
  dropKept(id: string): Promise<void> {
    return this.kept.drop(id);
  }

  /** Restores a kept sandbox; it stays in the list until deleted, and a refusal says why. */
  async restoreKept(id: string): Promise<Loaded> {
    const record = await this.kept.record(id);
    if (record === null)
      return { ok: false, problem: { kind: 'invalid', message: 'that kept sandbox is no longer there' } };
    const parsed = parseInput(record, 'the kept sandbox');
    if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', message: parsed.message } };
    return this.replaceWith(() => fromDoc(parsed.json), true);
  }

  /** Puts back the session the last load replaced. */
  async restorePrevious(): Promise<Loaded> {
    const saved = await this.store.get(KEYS.previous);
    if (typeof saved !== 'string')
      return {
        ok: false,
        problem: { kind: 'invalid', message: 'there is no earlier sandbox to go back to' },
      };
    const parsed = parseInput(saved, 'the earlier sandbox');
    if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', message: parsed.message } };
    return this.replaceWith(() => fromDoc(parsed.json), true);
  }

  /**
   * Runs a change in the session's turn and saves it. A move (`saveBehind`: undo, redo, a jump, a branch
   * switch) answers before its save is written: it changes only the cursor, and the saver writes the latest
   * state right after, in order. A change that makes something (a step, a branch) is saved before it answers.
   */
  private change(fn: (s: Session) => Promise<SessionUpdate | Outcome>, saveBehind = false): Promise<Outcome> {
    return this.serial(async () => {
      const s = this.session;
      if (s === null) return { ok: false, problem: { kind: 'error', message: 'no sandbox is loaded yet' } };
      return s.exclusive(async () => {
        try {
          const r = await fn(s);
          const out: Outcome = 'ok' in r ? r : { ok: true, update: r };
          if (out.ok && saveBehind) this.saveBehind();
          else if (out.ok) await this.save();
          return out;
        } catch (e) {
          // A failure may have moved the chain: back to the cursor, so the history and the chain agree.
          await s.moveChainTo(s.cursor.node).catch(() => undefined);
          return { ok: false, problem: problemOf(e) };
        }
      });
    });
  }

  act(step: StepJson): Promise<Outcome> {
    return this.change((s) => s.act(step));
  }

  goto(cursor: Cursor): Promise<Outcome> {
    return this.change((s) => s.goto(cursor), true);
  }

  undo(): Promise<Outcome> {
    return this.change(async (s) => {
      if (s.cursor.node === null)
        throw new SessionError({ kind: 'invalid', message: 'nothing to undo: this is the start' });
      return s.goto({ branch: s.cursor.branch, node: s.entry(s.cursor.node).node.parent });
    }, true);
  }

  redo(): Promise<Outcome> {
    return this.change(async (s) => {
      const path = s.pathTo(s.branch(s.cursor.branch).head);
      const next = path[s.cursor.node === null ? 0 : path.indexOf(s.cursor.node) + 1];
      if (next === undefined)
        throw new SessionError({
          kind: 'invalid',
          message: 'nothing to redo: this is the end of the branch',
        });
      return s.goto({ branch: s.cursor.branch, node: next });
    }, true);
  }

  newBranch(name: string): Promise<Outcome> {
    return this.change(async (s) => newBranch(s, name));
  }

  renameBranch(id: string, name: string): Promise<Outcome> {
    return this.change(async (s) => renameBranch(s, id, name));
  }

  deleteBranch(id: string): Promise<Outcome> {
    return this.change(async (s) => deleteBranch(s, id));
  }

  switchBranch(id: string): Promise<Outcome> {
    return this.change((s) => s.goto({ branch: id, node: s.branch(id).head }), true);
  }

  compare(a: string, b: string): Promise<{ a: World; b: World }> {
    const s = this.live();
    return s.exclusive(() => s.compare(a, b));
  }

  series(branch: string): Promise<SeriesPoint[]> {
    return this.live().series(branch);
  }

  /** The current branch up to the cursor as a scenario file, or the whole branch with `wholeBranch`. */
  exportScenario(wholeBranch = false): unknown {
    const s = this.live();
    return s.scenarioAt(wholeBranch ? s.branch(s.cursor.branch).head : s.cursor.node);
  }

  exportSession(): unknown {
    return toDoc(this.live());
  }

  /** What a share link needs: the preset id when the branch is an unchanged preset, else the scenario. */
  shareTarget(): { preset: string | null; scenario: unknown; position: number } {
    const s = this.live();
    const head = s.branch(s.cursor.branch).head;
    const scenario = s.scenarioAt(head);
    const position = s.pathTo(s.cursor.node).length;
    const presetId = s.source.startsWith('preset:') ? s.source.slice('preset:'.length) : null;
    const preset = presetId === null ? undefined : getPreset(presetId);
    const same = preset !== undefined && JSON.stringify(preset.json) === JSON.stringify(scenario);
    return { preset: same ? presetId : null, scenario, position };
  }

  /** The deployed contracts, for scripting (`window.sandbox.worker.contracts()`). */
  contracts(): ContractEntry[] {
    return contractsOf(this.live().sb);
  }

  rpc(method: string, params: readonly unknown[] = []): Promise<RpcAnswer> {
    return this.serial(() => {
      const s = this.live();
      return s.exclusive(async () => {
        // The provider's blocks name every step's state root.
        await s.rootsReady();
        const { rpc } = await loadRpc();
        const answer = await rpc(s, method, params);
        if ('update' in answer) await this.save();
        return answer;
      });
    });
  }
}
