// A sandbox session: one live chain plus its history as a tree. Every step performed becomes a node holding
// the chain snapshot after it (O(1): a state root), so undo, scrubbing and switching branches restore a
// snapshot instead of replaying. Acting anywhere but at a branch's end starts a new branch, so nothing a
// person did is ever thrown away. All chain work runs one call at a time (see `exclusive`).
import {
  deferredSnapshot,
  isSettled,
  restore,
  settleSnapshots,
  snapshot,
  trackWrites,
  type Snapshot,
  type TxResult,
} from '../chain/runtime.ts';
import { bootSandbox } from '../protocol/boot.ts';
import { explainError } from '../protocol/error-words.ts';
import { runStep } from '../protocol/runner.ts';
import { cloneNames, type Names, type Sandbox } from '../protocol/sandbox.ts';
import { REAL_SECONDS_PER_BLOCK } from '../protocol/scenario-config.ts';
import { formatIssues, validateScenario, type Scenario } from '../protocol/scenario-schema.ts';
import { readWorld } from '../protocol/world.ts';
import type { World } from '../protocol/world-types.ts';
import { MAX_STEPS, tooManySteps } from './input-limits.ts';
import { seriesPoint } from './series-point.ts';
import { freshBranchId, freshBranchName } from './session-branches.ts';
import { BackgroundWorlds, type Position } from './session-worlds.ts';
import type {
  Branch,
  ConfigView,
  Cursor,
  HistoryNode,
  Outcome,
  Problem,
  SeriesPoint,
  SessionUpdate,
  StepJson,
} from './session-types.ts';
import { stepLabel } from './step-label.ts';
import { addressBook, txView, type AddressBook } from './tx-view.ts';
import type { Walk, WalkedStep } from './session-walk.ts';

/** A scenario file without its steps: what every node's path is validated against. */
export type ScenarioHeader = Record<string, unknown> & { title?: unknown };

export interface Entry {
  node: HistoryNode;
  /** The step's transactions as the chain returned them (receipts for the EIP-1193 provider). */
  txs: TxResult[];
  snap: Snapshot;
  names: Names;
  world: World | null;
  /** The inputs the step wrote (read-memo.ts), so moves keep the reads it could not have changed. */
  writes?: readonly string[];
}

export interface SessionParts {
  sb: Sandbox;
  header: ScenarioHeader;
  scenario: Scenario;
  source: string;
  genesis: Genesis;
  entries: Entry[];
  branches: Branch[];
  cursor: Cursor;
  /** The node the chain stands at, when the caller put it there (an image restore): moves then keep reads. */
  chainAt?: number | null;
  /** A lesson's walk-through taken ahead of time (session-walk.ts): steps it took are not run again. */
  walk?: Walk;
}

export interface Genesis {
  snap: Snapshot;
  names: Names;
  /** Read on first use: a loaded scenario usually starts at its end, and reading a world is not free. */
  world: World | null;
}

/**
 * How many positions around the cursor a prefetch visits when their worlds are held already (decoding one
 * took up to 14 ms of a first visit's undo in Chromium); bounded, so a 2000-step reload decodes no more.
 */
const HELD_AHEAD = 32;

/** The branch a loaded scenario's steps form. */
export const MAIN_BRANCH: Branch = { id: 'main', name: 'main', head: null };

export class SessionError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

export class Session {
  readonly entries = new Map<number, Entry>();
  branches: Branch[] = [{ ...MAIN_BRANCH }];
  cursor: Cursor = { branch: MAIN_BRANCH.id, node: null };
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly book: AddressBook;
  /** The node the live chain stands at (undefined: not known, after a failure or an image restore). */
  private chainAt: number | null | undefined = null;
  private readonly background = new BackgroundWorlds(this);
  /** Steps whose results are known ahead (a lesson's walk-through in its image), by the position they start at. */
  private walk: Walk | undefined;
  /** Snapshots a load took with their state roots left for later (see `rootsReady`). */
  private unsettled: Snapshot[] = [];
  private settling: Promise<void> = Promise.resolve();

  private constructor(
    readonly sb: Sandbox,
    readonly header: ScenarioHeader,
    readonly scenario: Scenario,
    readonly source: string,
    private readonly genesis: Genesis,
  ) {
    this.book = addressBook(sb);
  }

  /** Boots a session for a scenario@1 file and performs its steps on the main branch; throws SessionError. */
  static async load(json: unknown, source: string): Promise<Session> {
    const raw = (json as { steps?: unknown } | null)?.steps;
    if (Array.isArray(raw) && raw.length > MAX_STEPS)
      throw new SessionError({ kind: 'invalid', message: tooManySteps('the scenario', raw.length) });
    const checked = validateScenario(json);
    if (!checked.ok) throw new SessionError({ kind: 'invalid', message: formatIssues(checked.issues) });
    const { steps: rawSteps, ...header } = json as ScenarioHeader & { steps: StepJson[] };
    const sb = await bootSandbox(checked.scenario);
    const genesis = {
      snap: await snapshot(sb.chain),
      names: cloneNames(sb.names),
      world: await readWorld(sb),
    };
    const session = new Session(sb, header, checked.scenario, source, genesis);
    for (const [i, step] of checked.scenario.steps.entries()) {
      const raw = rawSteps[i];
      if (raw === undefined) break;
      const last = i === checked.scenario.steps.length - 1;
      await session.perform(raw, step, i, last, undefined, !last);
    }
    if (checked.scenario.steps.length === 0) session.genesis.world = await readWorld(sb);
    return session;
  }

  /** The session's parts, for an image (session-image.ts): built ahead of time, restored without replay. */
  parts(): SessionParts {
    return {
      sb: this.sb,
      header: this.header,
      scenario: this.scenario,
      source: this.source,
      genesis: this.genesis,
      entries: [...this.entries.values()],
      branches: this.branches,
      cursor: this.cursor,
    };
  }

  static assemble(p: SessionParts): Session {
    const s = new Session(p.sb, p.header, p.scenario, p.source, p.genesis);
    for (const e of p.entries) s.entries.set(e.node.id, e);
    s.nextId = Math.max(0, ...p.entries.map((e) => e.node.id)) + 1;
    s.branches = p.branches.map((b) => ({ ...b }));
    s.cursor = { ...p.cursor };
    s.chainAt = p.chainAt;
    s.walk = p.walk;
    return s;
  }

  /** How many steps were taken from a lesson's walk-through instead of run (session-walk.ts). */
  get walkedSteps(): number {
    return this.walk?.taken ?? 0;
  }

  /** Runs `fn` after every earlier call has finished: the chain is never touched by two calls at once. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const guarded = async () => {
      try {
        return await fn();
      } catch (e) {
        // Whatever failed may have moved the chain (a compare, a world read, a step that ran): put it back at
        // the cursor, so the next step builds on the state the history says it does.
        this.chainAt = undefined;
        await this.moveChainTo(this.cursor.node).catch(() => undefined);
        throw e;
      }
    };
    const run = this.queue.then(guarded, guarded);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get title(): string {
    return this.scenario.title;
  }

  config(): ConfigView {
    const c = this.scenario.config;
    return {
      preset: c.preset,
      withdrawalDelayBlocks: c.withdrawalDelayBlocks.toString(),
      deallocationDelayBlocks: c.deallocationDelayBlocks.toString(),
      allocationConfigurationDelayBlocks: c.allocationConfigurationDelayBlocks.toString(),
      startBlock: c.startBlock.toString(),
      secondsPerBlock: c.secondsPerBlock.toString(),
      realSecondsPerBlock: REAL_SECONDS_PER_BLOCK[c.preset].toString(),
    };
  }

  branch(id: string): Branch {
    const b = this.branches.find((x) => x.id === id);
    if (b === undefined) throw new SessionError({ kind: 'invalid', message: `there is no branch "${id}"` });
    return b;
  }

  /** Node ids from the first step to `node` (empty for genesis). */
  pathTo(node: number | null): number[] {
    const path: number[] = [];
    for (let at = node; at !== null; at = this.entry(at).node.parent) path.push(at);
    return path.reverse();
  }

  /** The current branch up to the cursor, genesis first: each position's snapshot and transactions. */
  chainPath(): { node: number | null; snap: Snapshot; txs: readonly TxResult[] }[] {
    const steps = this.pathTo(this.cursor.node).map((id) => {
      const e = this.entry(id);
      return { node: id, snap: e.snap, txs: e.txs };
    });
    return [{ node: null, snap: this.genesis.snap, txs: [] }, ...steps];
  }

  entry(id: number): Entry {
    const e = this.entries.get(id);
    if (e === undefined)
      throw new SessionError({ kind: 'invalid', message: `there is no history step ${id}` });
    return e;
  }

  /** The whole scenario up to `node`, as a file: the header plus the steps on its path. */
  scenarioAt(node: number | null): ScenarioHeader & { steps: StepJson[] } {
    return { ...this.header, steps: this.pathTo(node).map((id) => this.entry(id).node.step) };
  }

  /**
   * Performs one step at the cursor. On success the step becomes a node after the cursor (on the current
   * branch, or on a new branch when the cursor is not at its end); on failure nothing changes.
   */
  async act(raw: StepJson): Promise<Outcome> {
    const r = await this.attempt(raw, undefined, true);
    return 'kind' in r ? { ok: false, problem: r } : { ok: true, update: this.update([r.node]) };
  }

  /** `act` returning the entry or the problem; replays pass `readWorldNow` false and read only where they end. */
  async attempt(
    raw: StepJson,
    forcedId: number | undefined,
    readWorldNow: boolean,
    /** The step already validated with its whole path (replays validate each path once, not per step). */
    parsed?: Scenario['steps'][number],
    /** A load's step before its last: its state root is worked out later (`rootsReady`). */
    deferRoot = false,
  ): Promise<Entry | Problem> {
    const path = this.pathTo(this.cursor.node);
    if (parsed !== undefined)
      return this.performChecked(raw, parsed, path.length, readWorldNow, forcedId, deferRoot);
    const checked = validateScenario({
      ...this.header,
      steps: [...path.map((id) => this.entry(id).node.step), raw],
    });
    if (!checked.ok) {
      const prefix = `steps[${path.length}]`;
      const own = checked.issues.filter((i) => i.path.startsWith(prefix));
      const issues = (own.length > 0 ? own : checked.issues).map((i) => ({
        ...i,
        path: i.path === prefix ? raw.action : i.path.replace(prefix, '').replace(/^\./, ''),
      }));
      return { kind: 'invalid', message: formatIssues(issues) };
    }
    const step = checked.scenario.steps[path.length];
    if (step === undefined) return { kind: 'invalid', message: 'the step did not parse' };
    return this.performChecked(raw, step, path.length, readWorldNow, forcedId, deferRoot);
  }

  private async performChecked(
    raw: StepJson,
    step: Scenario['steps'][number],
    index: number,
    readWorldNow: boolean,
    forcedId: number | undefined,
    deferRoot: boolean,
  ): Promise<Entry | Problem> {
    try {
      return await this.perform(raw, step, index, readWorldNow, forcedId, deferRoot);
    } catch (e) {
      if (e instanceof SessionError) return e.problem;
      throw e;
    }
  }

  private async perform(
    raw: StepJson,
    step: Scenario['steps'][number],
    index: number,
    readWorldNow: boolean,
    forcedId?: number,
    deferRoot = false,
  ): Promise<Entry> {
    if (this.entries.size >= MAX_STEPS)
      throw new SessionError({
        kind: 'invalid',
        message: `this sandbox already holds ${MAX_STEPS.toLocaleString('en')} steps, the most a sandbox holds, so it takes no more; export the session to keep it, and load a scenario to go on in a new sandbox`,
      });
    const walked = this.walked(raw);
    if (walked !== undefined) return this.adopt(walked, readWorldNow, forcedId);
    const tracked = trackWrites(this.sb.chain);
    const { record, failure } = await runStep(this.sb, index, step).finally(() => tracked.stop());
    if (failure !== undefined || record === undefined) {
      const problem: Problem = {
        kind: failure?.kind === 'revert' || failure?.kind === 'expectRevert' ? 'revert' : 'invalid',
        message: failure?.message ?? 'the step failed',
      };
      if (failure?.error !== undefined) {
        const name = (a: string) => this.book.get(a.toLowerCase()) ?? a;
        problem.explanation = explainError(failure.error, name);
        problem.error = { name: failure.error.name, args: failure.error.args.map((a) => String(a)) };
        if (failure.error.data !== undefined) problem.error.data = failure.error.data;
      }
      throw new SessionError(problem);
    }
    const id = forcedId ?? this.nextId;
    this.nextId = Math.max(this.nextId, id + 1);
    const node: HistoryNode = {
      id,
      parent: this.cursor.node,
      step: raw,
      label: stepLabel(raw),
      txs: record.txs.map((t) => txView(this.book, t)),
      block: this.sb.chain.head.number.toString(),
      timestamp: this.sb.chain.head.timestamp.toString(),
      expectedRevert: record.expectedRevert?.name ?? null,
    };
    const entry: Entry = {
      node,
      txs: record.txs,
      snap: deferRoot ? await this.deferredSnapshot() : await snapshot(this.sb.chain),
      names: cloneNames(this.sb.names),
      world: readWorldNow ? await readWorld(this.sb) : null,
      writes: [...tracked.stop()],
    };
    return this.record(entry);
  }

  /** The walk-through's result of `raw` from where the chain stands, when it took that very step there. */
  private walked(raw: StepJson): WalkedStep | undefined {
    if (this.walk === undefined || this.chainAt !== this.cursor.node) return undefined;
    const at = this.cursor.node === null ? this.genesis : this.entry(this.cursor.node);
    // A position whose root is not worked out yet is one the walk-through never took (its are all known).
    return isSettled(at.snap) ? this.walk.find(at.snap, at.names, raw) : undefined;
  }

  private async deferredSnapshot(): Promise<Snapshot> {
    const snap = await deferredSnapshot(this.sb.chain);
    if (!isSettled(snap)) this.unsettled.push(snap);
    return snap;
  }

  /**
   * Works out the state roots a load left for later: a replayed link shows only its last step, so the steps
   * before it leave their writes waiting and their roots are taken here, in one go (deferred-root.ts), once
   * something needs them: a move, an image, the provider's blocks, a background world. The session is the
   * one the eager path builds (session-deferred.test.ts holds them equal).
   */
  rootsReady(): Promise<void> {
    if (this.unsettled.length > 0) {
      const snaps = this.unsettled;
      this.unsettled = [];
      this.settling = this.settling.then(() => settleSnapshots(this.sb.chain, snaps));
    }
    return this.settling;
  }

  /**
   * A step the walk-through took from this very position: the chain moves to its snapshot (keeping every
   * read its written inputs leave alone, as a redo does) and the entry is the one running it would make.
   */
  private async adopt(w: WalkedStep, readWorldNow: boolean, forcedId: number | undefined): Promise<Entry> {
    const writes = w.writes ?? [];
    this.chainAt = undefined;
    await restore(this.sb.chain, w.snap, new Set(writes));
    this.sb.names = cloneNames(w.names);
    const id = forcedId ?? this.nextId;
    this.nextId = Math.max(this.nextId, id + 1);
    return this.record({
      node: { ...w.node, id, parent: this.cursor.node },
      txs: w.txs,
      snap: w.snap,
      names: cloneNames(w.names),
      world: w.world ?? (readWorldNow ? await readWorld(this.sb) : null),
      writes: [...writes],
    });
  }

  /** Adds a performed step's entry after the cursor and moves the cursor to it. */
  private record(entry: Entry): Entry {
    const id = entry.node.id;
    this.chainAt = id;
    this.entries.set(id, entry);
    const branch = this.branch(this.cursor.branch);
    if (branch.head === this.cursor.node) branch.head = id;
    else
      this.branches.push({
        id: freshBranchId(this.branches),
        name: freshBranchName(this.branches),
        head: id,
      });
    const owner = branch.head === id ? branch : this.branches[this.branches.length - 1];
    this.cursor = { branch: owner?.id ?? branch.id, node: id };
    return entry;
  }

  /** The world after `node` (null: genesis), read once and kept. Leaves the chain at `node`. */
  async worldAt(node: number | null): Promise<World> {
    if (node === null) {
      await this.moveChainTo(null);
      this.genesis.world ??= await readWorld(this.sb);
      return this.genesis.world;
    }
    const e = this.entry(node);
    await this.moveChainTo(node);
    e.world ??= await readWorld(this.sb);
    return e.world;
  }

  /** Restores the chain and the names to a node (null: genesis); the cursor does not move. */
  async moveChainTo(node: number | null): Promise<void> {
    // A restore drops the writes waiting in the caches: the roots they give are worked out first.
    await this.rootsReady();
    const at = node === null ? this.genesis : this.entry(node);
    const changed = this.writesBetween(this.chainAt, node);
    this.chainAt = undefined;
    await restore(this.sb.chain, at.snap, changed);
    this.chainAt = node;
    this.sb.names = cloneNames(at.names);
  }

  /**
   * Every input the steps between two nodes may have written: the writes of the steps from each up to their
   * common ancestor. Undefined when a node is unknown or a step's writes were not recorded.
   */
  writesBetween(a: number | null | undefined, b: number | null): ReadonlySet<string> | undefined {
    if (a === undefined || (a !== null && !this.entries.has(a)) || (b !== null && !this.entries.has(b)))
      return undefined;
    const [pa, pb] = [this.pathTo(a), this.pathTo(b)];
    let i = 0;
    while (i < pa.length && pa[i] === pb[i]) i++;
    const out = new Set<string>();
    for (const id of [...pa.slice(i), ...pb.slice(i)]) {
      const w = this.entry(id).writes;
      if (w === undefined) return undefined;
      for (const d of w) out.add(d);
    }
    return out;
  }

  /** A node's position for the background reader (undefined when the node is gone). */
  position(node: number | null): Position | undefined {
    return node === null ? this.genesis : this.entries.get(node);
  }

  /**
   * Reads, in the background, the worlds of the cursor's branch that are not read yet, nearest the cursor
   * first, at most `limit` of them, while `wanted()`: the undos and redos a person is about to make then
   * find their worlds kept. Worlds an image holds are only decoded, which costs no read: those of the
   * `HELD_AHEAD` positions nearest the cursor are, so the first undos of a prebuilt session decode nothing.
   * Then it makes the move path run once (`warmMoves`).
   */
  async prefetch(limit = 64, wanted: () => boolean = () => true): Promise<number> {
    const path = [null, ...this.pathTo(this.branch(this.cursor.branch).head)];
    const at = path.indexOf(this.cursor.node);
    const order = path
      .map((node, i) => ({ node, d: i <= at ? at - i : i - at + 0.5 }))
      .sort((x, y) => x.d - y.d)
      .slice(0, Math.max(limit, HELD_AHEAD))
      .map((x) => x.node);
    const read = await this.background.fill(order, wanted, limit);
    if (wanted()) await this.warmMoves();
    return read;
  }

  /**
   * A move to where the cursor already is: nothing changes (the chain is restored to its own snapshot, with
   * no input written in between, so every kept read stays), but the move path has run once. The first undo
   * of a fresh page then does not compile it (about 10 ms of the worker's, measured in Chromium).
   */
  warmMoves(): Promise<SessionUpdate> {
    return this.exclusive(() => this.goto(this.cursor));
  }

  /** Moves the cursor (undo, redo, scrubbing, switching branches): a snapshot restore, no replay. */
  async goto(cursor: Cursor): Promise<SessionUpdate> {
    const branch = this.branch(cursor.branch);
    if (cursor.node !== null && !this.pathTo(branch.head).includes(cursor.node))
      throw new SessionError({
        kind: 'invalid',
        message: `step ${cursor.node} is not on branch "${branch.name}"`,
      });
    await this.worldAt(cursor.node);
    this.cursor = { branch: branch.id, node: cursor.node };
    return this.update([]);
  }

  /** The worlds at two branches' ends, for a side-by-side comparison. The chain returns to the cursor. */
  async compare(a: string, b: string): Promise<{ a: World; b: World }> {
    const [ba, bb] = [this.branch(a), this.branch(b)];
    const worlds = { a: await this.worldAt(ba.head), b: await this.worldAt(bb.head) };
    await this.moveChainTo(this.cursor.node);
    return worlds;
  }

  /**
   * Key quantities at every position of a branch. The worlds not read yet are read in the background, in
   * order along the branch on a clone of the chain (session-worlds.ts), so a move is never queued behind them.
   */
  async series(branchId: string): Promise<SeriesPoint[]> {
    const path = [null, ...this.pathTo(this.branch(branchId).head)];
    await this.background.fill(path);
    const points: SeriesPoint[] = [];
    for (const [position, node] of path.entries()) {
      const world = this.position(node)?.world;
      if (world !== undefined && world !== null) points.push(seriesPoint(world, position, node));
    }
    return points;
  }

  /** The update that describes the whole session (after a load or a reload). */
  full(): SessionUpdate {
    return {
      ...this.update([...this.entries.values()].map((e) => e.node)),
      reset: true,
      header: {
        title: this.scenario.title,
        description: this.scenario.description,
        config: this.config(),
        actors: Object.values(this.sb.actors).map((a) => ({
          id: a.id,
          role: a.role,
          address: a.address,
          operator: a.operator ?? null,
          contract: a.contract ?? null,
        })),
        source: this.source,
      },
    };
  }

  /** An update naming `nodes` as new, with the branches, the cursor and the world at it. */
  update(nodes: HistoryNode[]): SessionUpdate {
    const at = (this.cursor.node === null ? this.genesis : this.entry(this.cursor.node)).world;
    if (at === null) throw new Error('the world at the cursor was not read');
    return {
      reset: false,
      nodes,
      branches: this.branches.map((b) => ({ ...b })),
      cursor: { ...this.cursor },
      world: at,
    };
  }
}
