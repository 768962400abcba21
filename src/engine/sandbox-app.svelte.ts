// The page's state of the sandbox, as Svelte runes: the session the worker reports (merged from its
// updates), what is running, and the last refusal. Views read these fields and call these methods; nothing
// here touches the chain, which lives in the worker. Raw state: worlds are replaced, never mutated.
import { callback, workerFailure, type ChainClient } from './chain-client.ts';
import type { Loaded } from './host.ts';
import { parseInput } from './input-limits.ts';
import type { KeptSummary } from './kept.ts';
import type { SaveStatus } from './saver.ts';
import type {
  Cursor,
  HistoryNode,
  Outcome,
  Problem,
  SeriesPoint,
  SessionState,
  SessionUpdate,
  StepJson,
} from './session-types.ts';
import { decodeShare, encodeShare } from './share.ts';
import { scenarioOf, shortTarget } from './share-base.ts';
import { shareLoad, type LinkOpening } from './share-open.ts';
import type { World } from '../protocol/world-types.ts';

export interface Preset {
  id: string;
  title: string;
  description: string;
}

/** The step that just landed, with the worlds around it: what the stake-flow view animates and attributes. */
export interface Landed {
  node: HistoryNode;
  before: World;
  after: World;
}

/** An action taken through `act`, landed or refused, with the worlds around it (what a lesson checks). */
export interface Acted {
  step: StepJson;
  ok: boolean;
  problem: Problem | null;
  before: World;
  after: World;
}

export class SandboxApp {
  session = $state.raw<SessionState | null>(null);
  presets = $state.raw<Preset[]>([]);
  busy = $state(false);
  /** Calls in flight: busy until the last of overlapping calls ends. */
  private inFlight = 0;
  problem = $state.raw<Problem | null>(null);
  /** Whether the problem answers an action from the forms (shown under them) or a load or move (shown on top). */
  problemFrom = $state<'action' | 'other'>('other');
  notice = $state<string | null>(null);
  series = $state.raw<SeriesPoint[]>([]);
  landed = $state.raw<Landed | null>(null);
  /** A load (preset, file, link) replaced a sandbox, which can be brought back. */
  previousAvailable = $state(false);
  /** Whether the latest change is saved and whether this tab is the one saving (the worker reports). */
  saveStatus = $state.raw<SaveStatus | null>(null);
  /** Sandboxes kept aside (damaged, refused, or another tab's): restorable until a person deletes them. */
  kept = $state.raw<KeptSummary[]>([]);

  /** The path last handed out: a move keeps its branch, and then its path is this same array. */
  private lastPath: number[] = [];
  /**
   * Node ids of the current branch, genesis excluded. The same array while the branch's steps are the same
   * (every undo and redo): what is worked out from the path (History's rows, the stage's steps) is not redone.
   */
  path = $derived.by(() => {
    const s = this.session;
    if (s === null) return [];
    const head = s.branches.find((b) => b.id === s.cursor.branch)?.head ?? null;
    const ids: number[] = [];
    for (let at = head; at !== null; at = s.nodes[at]?.parent ?? null) ids.push(at);
    ids.reverse();
    const last = this.lastPath;
    if (ids.length === last.length && ids.every((id, i) => id === last[i])) return last;
    this.lastPath = ids;
    return ids;
  });
  /** Steps applied on the current branch: 0 at genesis. */
  position = $derived(
    this.session?.cursor.node == null ? 0 : this.path.indexOf(this.session.cursor.node) + 1,
  );
  canUndo = $derived(this.position > 0);
  canRedo = $derived(this.position < this.path.length);

  /**
   * Answers the page asked for before the app existed (first-request.ts), which `open` applies as soon as they
   * come: `started`, to `worker.start()` (a page opened without a link), and `linked`, to
   * `worker.openShareLink(fragment)` (a page opened with a share link, which the worker opens first).
   */
  constructor(
    readonly worker: ChainClient,
    private started: Promise<Loaded> | null = null,
    private linked: Promise<LinkOpening<Loaded>> | null = null,
  ) {}

  /**
   * Opens a share link when the URL has one, else the saved sandbox (or the default preset). A page opened
   * with a link has a worker that waits for it (link-first.ts): the link's sandbox is then the first one
   * opened, and the saved one only when the link cannot be. `lessonLink` opens a lesson link's sandbox (the
   * page's lesson runtime does that) and says whether it did.
   */
  async start(fragment: string, lessonLink?: () => Promise<boolean>): Promise<void> {
    const failed = (e: unknown) => {
      // Never a blank page: say what failed.
      this.problem = {
        kind: 'error',
        message: `The chain could not start in this page: ${e instanceof Error ? e.message : String(e)}. Reload to try again.`,
      };
      this.problemFrom = 'other';
    };
    try {
      await Promise.race([this.open(fragment, lessonLink), workerFailure()]);
    } catch (e) {
      failed(e);
      return;
    }
    // A first visit's first screen comes before the chain's code has loaded (chain-worker.ts): a failure to
    // load it is still said, whenever it comes.
    workerFailure().catch(failed);
    void this.worker.watchSaves(callback((s: SaveStatus) => this.onSaveStatus(s)));
    await this.refreshKept();
  }

  private async open(fragment: string, lessonLink?: () => Promise<boolean>): Promise<void> {
    const presets = this.worker.presets().then((p) => void (this.presets = p));
    const early = this.started;
    if (early !== null) {
      // Asked for early, so no link opens first (first-request.ts): applied without asking the worker that.
      this.started = null;
      const shared = decodeShare(fragment);
      this.applyLoaded(await early);
      if (lessonLink === undefined) await this.openShared(await shared);
      await presets;
      return;
    }
    const linked = lessonLink === undefined ? this.linked : null;
    this.linked = null;
    const [linkFirst, shared] = await Promise.all([
      this.worker.linkFirst(),
      linked === null ? decodeShare(fragment) : null,
    ]);
    if (linkFirst !== null) {
      const opened =
        lessonLink !== undefined
          ? await lessonLink()
          : linked !== null
            ? await this.openedEarly(await linked, fragment)
            : await this.openShared(shared);
      // Only a saved sandbox is there to go back to: a first visit's link replaced nothing.
      if (opened) this.previousAvailable = linkFirst.replaces;
      else this.applyLoaded(await this.worker.start());
    } else {
      this.applyLoaded(await this.worker.start());
      // A lesson link is opened by the page's lesson runtime after this.
      if (lessonLink === undefined)
        await (linked !== null ? this.openedEarly(await linked, fragment) : this.openShared(shared));
    }
    await presets;
  }

  /** Applies the worker's answer to the link it opened first; true when the link's sandbox is on screen. */
  private async openedEarly(early: LinkOpening<Loaded>, fragment: string): Promise<boolean> {
    if (early.kind === 'none') return false;
    if (early.kind === 'refused') return this.refuseLink(early.message);
    if (early.kind === 'page') return this.openShared(await decodeShare(fragment));
    return this.replacing(() => Promise.resolve(early.loaded));
  }

  private onSaveStatus(s: SaveStatus): void {
    const before = this.saveStatus;
    this.saveStatus = s;
    // A change of leadership may have kept another tab's sandbox aside.
    if (before !== null && before.tabEvent !== s.tabEvent) void this.refreshKept();
  }

  async refreshKept(): Promise<void> {
    this.kept = await this.worker.keptSandboxes();
  }

  retrySave = async () => {
    this.saveStatus = await this.worker.retrySave();
  };
  takeOver = async () => {
    this.saveStatus = await this.worker.takeOver();
    await this.refreshKept();
  };
  restoreKept = (id: string) => this.replacing(() => this.worker.restoreKept(id));
  dropKept = async (id: string) => {
    await this.worker.dropKept(id);
    await this.refreshKept();
  };

  /** Opens a share link pasted into an open page (the fragment changed); false when it is not one. */
  async openLink(fragment: string): Promise<boolean> {
    const shared = await decodeShare(fragment);
    await this.openShared(shared);
    return shared !== null;
  }

  /** Opens a decoded share link; true when its sandbox replaced the one on screen (or was the first). */
  private async openShared(shared: Awaited<ReturnType<typeof decodeShare>>): Promise<boolean> {
    if (shared === null) return false;
    const what = shared.ok ? await shareLoad(shared, scenarioOf) : shared;
    if (!what.ok) return this.refuseLink(what.message);
    const load = what.load;
    return this.replacing(() =>
      load.kind === 'preset'
        ? this.worker.loadPreset(load.id, load.position)
        : this.worker.loadScenario(load.json, 'shared link', load.position),
    );
  }

  /** A link that cannot be opened: its message is shown and nothing changes. */
  private refuseLink(message: string): false {
    this.problem = { kind: 'invalid', message };
    this.problemFrom = 'other';
    return false;
  }

  private applyLoaded(r: Loaded): void {
    if (!r.ok) {
      this.problem = r.problem;
      this.problemFrom = 'other';
      return;
    }
    this.apply(r.update);
    if (r.notice !== null) this.notice = r.notice;
  }

  apply(u: SessionUpdate): void {
    const prev = this.session;
    const before = prev?.world ?? null;
    if (u.reset || prev === null) {
      if (u.header === undefined) return;
      // The benchmark splits readyMs at this mark: the worker's part before it, drawing the page after it.
      if (prev === null) performance.mark('sandbox-session');
      const nodes: Record<number, HistoryNode> = {};
      for (const n of u.nodes) nodes[n.id] = n;
      this.session = { ...u.header, nodes, branches: u.branches, cursor: u.cursor, world: u.world };
      this.landed = null;
    } else {
      // A move brings no nodes: the record of nodes is kept as it is (a 5000-step one is not copied).
      let nodes = prev.nodes;
      if (u.nodes.length > 0) {
        nodes = { ...prev.nodes };
        for (const n of u.nodes) nodes[n.id] = n;
      }
      this.session = { ...prev, nodes, branches: u.branches, cursor: u.cursor, world: u.world };
      const node = u.nodes.at(-1);
      this.landed = node !== undefined && before !== null ? { node, before, after: u.world } : null;
    }
    void this.refreshSeries();
  }

  private seriesRun = 0;
  private seriesWanted = false;

  /** The charts are on screen (true) or not: series are read only while someone looks at them. */
  watchSeries(on: boolean): void {
    this.seriesWanted = on;
    if (on) void this.refreshSeries();
  }

  /**
   * Chart data for the current branch, fetched after every change while the charts are shown (the newest
   * request wins). Each point needs the world at that step, which the worker reads once and keeps.
   */
  async refreshSeries(): Promise<void> {
    const s = this.session;
    if (s === null || !this.seriesWanted) return;
    const run = ++this.seriesRun;
    const points = await this.worker.series(s.cursor.branch);
    if (run === this.seriesRun) this.series = points;
  }

  private async run(call: () => Promise<Outcome>, from: 'action' | 'other' = 'other'): Promise<boolean> {
    this.inFlight++;
    this.busy = true;
    try {
      const out = await call();
      if (!out.ok) {
        this.problem = out.problem;
        this.problemFrom = from;
        return false;
      }
      this.problem = null;
      this.apply(out.update);
      return true;
    } finally {
      this.busy = --this.inFlight > 0;
    }
  }

  private async load(call: () => Promise<Loaded>): Promise<boolean> {
    this.inFlight++;
    this.busy = true;
    try {
      const r = await call();
      // A loaded session is drawn in a task of its own: receiving a 5000-step session (megabytes to copy)
      // and drawing it in one task would hold the page for longer than a frame budget allows.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (r.ok) this.problem = null;
      this.applyLoaded(r);
      return r.ok;
    } finally {
      this.busy = --this.inFlight > 0;
    }
  }

  /** Told of every action taken through `act` (a running lesson listens). */
  onActed: ((a: Acted) => void) | null = null;

  act = async (step: StepJson): Promise<boolean> => {
    const before = this.session?.world;
    const ok = await this.run(() => this.worker.act(step), 'action');
    const after = this.session?.world;
    if (before !== undefined && after !== undefined)
      this.onActed?.({ step, ok, problem: ok ? null : this.problem, before, after: ok ? after : before });
    return ok;
  };
  /**
   * What a request to the EIP-1193 provider did: its update applied like any step's, and a step it made or
   * tried told to the lesson on screen, so a script's transaction counts as the forms' would.
   */
  fromProvider = (
    u: SessionUpdate | undefined,
    acted?: { step: StepJson; problem: Problem | null },
  ): void => {
    const before = this.session?.world;
    if (u !== undefined) this.apply(u);
    const after = this.session?.world;
    if (acted === undefined || before === undefined || after === undefined) return;
    const ok = acted.problem === null;
    this.onActed?.({ step: acted.step, ok, problem: acted.problem, before, after: ok ? after : before });
  };
  undo = () => this.run(() => this.worker.undo());
  redo = () => this.run(() => this.worker.redo());
  goto = (cursor: Cursor) => this.run(() => this.worker.goto(cursor));
  /** Moves to a position on the current branch (0: genesis). */
  gotoPosition = (position: number) => {
    const s = this.session;
    if (s === null) return Promise.resolve(false);
    return this.goto({
      branch: s.cursor.branch,
      node: position === 0 ? null : (this.path[position - 1] ?? null),
    });
  };
  newBranch = (name: string) => this.run(() => this.worker.newBranch(name));
  renameBranch = (id: string, name: string) => this.run(() => this.worker.renameBranch(id, name));
  deleteBranch = (id: string) => this.run(() => this.worker.deleteBranch(id));
  switchBranch = (id: string) => this.run(() => this.worker.switchBranch(id));
  loadPreset = (id: string) => this.replacing(() => this.worker.loadPreset(id));
  restorePrevious = () => this.replacing(() => this.worker.restorePrevious());
  /** Loads a scenario the app itself holds (a lesson's start), naming where it came from. */
  loadScenario = (json: unknown, source: string) =>
    this.replacing(() => this.worker.loadScenario(json, source));
  importSession = (json: unknown) => this.replacing(() => this.worker.importSession(json));

  /** A load that replaces the sandbox: the one it replaced is kept by the worker and can be brought back. */
  private async replacing(call: () => Promise<Loaded>): Promise<boolean> {
    const ok = await this.load(call);
    if (ok) this.previousAvailable = true;
    return ok;
  }

  /** Imports a scenario@1 or session@1 file; a broken one is refused with the reason, nothing changes. */
  importText(text: string, fileName: string): Promise<boolean> {
    const parsed = parseInput(text, fileName);
    if (!parsed.ok) {
      this.problem = { kind: 'invalid', message: parsed.message };
      this.problemFrom = 'other';
      return Promise.resolve(false);
    }
    const json = parsed.json;
    // A session file of another version, or with a damaged format field, is still reported as a session.
    const doc = typeof json === 'object' && json !== null ? (json as { format?: unknown }) : null;
    const format = doc?.format;
    if ((typeof format === 'string' && format.includes('/session@')) || (doc !== null && 'nodes' in doc))
      return this.replacing(() => this.worker.importSession(json));
    return this.replacing(() => this.worker.loadScenario(json, `file ${fileName}`));
  }

  /** The fragment of a link that reproduces the scenario and the current position. */
  async shareFragment(): Promise<string> {
    const t = await this.worker.shareTarget();
    return encodeShare(await shortTarget(t.scenario, this.session?.source ?? '', t.position));
  }
}
