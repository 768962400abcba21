// A lesson running in the page: its machine as an actor beside the sandbox, bridged to Svelte runes. The
// engine gives the machine its chain effects (perform, analyze) with provide(), tells it of every action
// the learner takes (ACTED, with the worlds around it), and pairs every lesson step with the chain's
// position when it began, so going back restores both and a reload resumes where the learner was.
//
// The lesson follows the chain, not the other way round: an undo or a redo in History that lands on a
// step's own position takes the lesson there; one that lands elsewhere is flagged (offTrack) until the
// learner puts the chain back, and meanwhile nothing counts.
import { createActor, fromPromise, type AnyActorRef, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import type { AnalyzeInput, AnalyzeOutput, LessonContext, LessonEvent, StepMeta } from './lesson-kit.ts';
import { PROGRESS_FORMAT, type LessonProgress, type LessonStepRecord } from './lesson-progress.ts';
import { lessonSource, loadLesson, type Lesson } from './lessons.ts';
import type { Acted, SandboxApp } from './sandbox-app.svelte.ts';
import type { Cursor, StepJson } from './session-types.ts';
import { KEYS, type KeyValueStore } from './store.ts';

export { LESSON_DOCS, preloadLesson } from './lessons.ts';
export { readProgress } from './lesson-progress.ts';
export { decodeLessonLink, encodeLessonLink } from './lesson-link.ts';

const stateOf = (snap: AnyMachineSnapshot): string =>
  typeof snap.value === 'string' ? snap.value : JSON.stringify(snap.value);
const sameCursor = (a: Cursor | null, b: Cursor | null) =>
  a !== null && b !== null && a.branch === b.branch && a.node === b.node;
const newRunId = () => Math.random().toString(36).slice(2, 10);

export class LessonRun {
  snapshot = $state.raw<AnyMachineSnapshot | null>(null);
  /** Steps reached, oldest first, each with the chain position it began at. */
  steps = $state.raw<LessonStepRecord[]>([]);
  /** Steps left by going back, nearest first. */
  ahead = $state.raw<LessonStepRecord[]>([]);
  /** Hints shown at this step: 0, 1 (the nudge) or 2 (the exact action). */
  hint = $state(0);
  /** On screen (false while the learner is in the free sandbox). */
  open = $state(true);
  /** A "show me", a load or a move between steps is under way. */
  moving = $state(false);
  /** The chain was moved (History) to a place that is no step of the lesson: nothing counts until it is back. */
  offTrack = $state(false);

  state = $derived(this.snapshot === null ? '' : stateOf(this.snapshot));
  meta = $derived(this.metaOf(this.state));
  context = $derived((this.snapshot?.context ?? { feedback: null, answers: {} }) as LessonContext);
  done = $derived(this.snapshot?.status === 'done');
  /** The step's number, 1 for the first. */
  number = $derived(this.steps.length);

  private actor: AnyActorRef | null = null;
  private session: unknown = null;
  /** Names this run's sandbox (`lesson:<id>#<run>`), so another copy of the same lesson is not taken for it. */
  private runId = newRunId();
  /** Where the lesson last saw the chain: a move from anywhere else came from History. */
  private expected: Cursor | null = null;
  private closed = false;
  private saving: Promise<void> = Promise.resolve();
  private stepWaiters: (() => void)[] = [];
  private readonly onActed = (a: Acted) => this.acted(a);
  private readonly provided;

  constructor(
    readonly app: SandboxApp,
    readonly lesson: Lesson,
    private readonly store: KeyValueStore,
  ) {
    this.provided = lesson.machine.provide({
      actions: { perform: (_: unknown, params: { steps: StepJson[] }) => void this.perform(params.steps) },
      actors: {
        analyze: fromPromise<AnalyzeOutput, AnalyzeInput>(async ({ input }) => {
          // Only the lesson's own chain is judged; a failure is an answer the machine can explain.
          const world = this.app.session?.world;
          if (world === undefined || !this.onItsSandbox)
            return { ok: false, problems: ["the sandbox on screen is not this lesson's"] };
          try {
            return await this.app.worker.analyzeWorld(world, input.options);
          } catch (e) {
            return {
              ok: false,
              problems: [`the analyzer failed: ${e instanceof Error ? e.message : String(e)}`],
            };
          }
        }),
      },
    });
    app.onActed = this.onActed;
  }

  get id(): string {
    return this.lesson.doc.id;
  }

  get section() {
    return this.lesson.doc.sections[this.state] ?? null;
  }

  /** How many steps the lesson tells (waiting states are not steps). */
  get total(): number {
    return this.lesson.doc.order.filter((id) => this.metaOf(id)?.kind !== 'wait').length;
  }

  /** The session source of this run's sandbox. */
  get source(): string {
    return `${lessonSource(this.id)}#${this.runId}`;
  }

  /** Whether the sandbox on screen is this run's (a load from the top bar may have replaced it). */
  get onItsSandbox(): boolean {
    return this.app.session?.source === this.source;
  }

  /** Whether the learner's moves count now: the lesson is on screen, on its chain, at one of its steps. */
  get live(): boolean {
    return !this.closed && this.open && !this.offTrack && this.onItsSandbox;
  }

  metaOf(state: string): StepMeta | undefined {
    const m = this.lesson.machine;
    return m.states[state] === undefined ? undefined : (m.states[state].meta as StepMeta | undefined);
  }

  /** Opens a lesson from its start, on a fresh copy of its scenario (the replaced sandbox can be brought back). */
  static async begin(app: SandboxApp, store: KeyValueStore, id: string): Promise<LessonRun | null> {
    const run = new LessonRun(app, await loadLesson(id), store);
    return (await run.restart()) ? run : null;
  }

  /**
   * Opens saved progress where the learner left it, chain and all. Null when the progress belongs to an
   * older version of the lesson (a step it names no longer exists): the caller says so and starts afresh.
   */
  static async resume(
    app: SandboxApp,
    store: KeyValueStore,
    p: LessonProgress,
    /** A lesson that is not built in (a lesson file), compiled again by the caller. */
    lesson?: Lesson,
  ): Promise<LessonRun | null> {
    const run = new LessonRun(app, lesson ?? (await loadLesson(p.lesson)), store);
    if ([...p.steps, ...p.ahead].some((r) => run.metaOf(r.state) === undefined)) return null;
    run.runId = p.run;
    run.session = p.session;
    run.ahead = p.ahead;
    run.steps = p.steps;
    run.open = p.open;
    if (!p.open) return run;
    return (await run.comeBack()) ? run : null;
  }

  /** Back from the free sandbox (or a reload): the lesson's chain at the current step, then the step. */
  async comeBack(): Promise<boolean> {
    const last = this.steps.at(-1);
    if (this.moving || this.closed) return false;
    if (last === undefined) return this.restart();
    let back = false;
    this.moving = true;
    try {
      // Another sandbox replaced the lesson's: bring the lesson's back from its saved document.
      if (!this.sandboxHas(last) && this.session !== null) await this.app.importSession(this.session);
      back = this.sandboxHas(last) && (await this.app.goto(last.cursor)) && this.startActor(last.snapshot);
    } finally {
      this.moving = false;
    }
    if (!back) return this.replayTo(this.steps.length);
    this.open = true;
    this.offTrack = false;
    this.save(false);
    return true;
  }

  private sandboxHas(r: LessonStepRecord): boolean {
    const s = this.app.session;
    return (
      s !== null &&
      s.source === this.source &&
      s.branches.some((b) => b.id === r.cursor.branch) &&
      (r.cursor.node === null || s.nodes[r.cursor.node] !== undefined)
    );
  }

  /**
   * Starts the lesson over. On its own sandbox that is a move to where the lesson began (its history stays,
   * and so does the sandbox a load replaced); otherwise a fresh copy of its scenario is loaded.
   */
  async restart(): Promise<boolean> {
    if (this.moving || this.closed) return false;
    this.moving = true;
    try {
      const first = this.steps[0];
      const inPlace = first !== undefined && this.sandboxHas(first) && (await this.app.goto(first.cursor));
      if (!inPlace) {
        this.runId = newRunId();
        if (!(await this.app.loadScenario(this.lesson.scenario, this.source))) return false;
      }
      this.steps = [];
      this.ahead = [];
      this.open = true;
      this.offTrack = false;
      return this.startActor(undefined);
    } finally {
      this.moving = false;
    }
  }

  /** Starts over and plays the lesson's own walk-through up to step n (a lost sandbox). */
  async replayTo(n: number): Promise<boolean> {
    return (await this.restart()) && this.advanceTo(n);
  }

  /** Plays the lesson's own walk-through from here up to step n (lesson links). */
  async advanceTo(n: number): Promise<boolean> {
    while (this.steps.length < n && !this.done && !this.closed) {
      const reached = this.steps.length;
      await this.idle();
      const moved = this.waitForStep(reached + 1);
      if (!(await this.forward())) break;
      await moved;
      if (this.steps.length === reached) break;
    }
    return !this.closed;
  }

  /** Resolves once no "show me", load or move is under way. */
  async idle(): Promise<void> {
    for (let i = 0; this.moving && i < 3000; i++) await new Promise((r) => setTimeout(r, 5));
  }

  private waitForStep(count: number): Promise<void> {
    return new Promise((resolve) => {
      // A step that does not come (a refused "show me") must not hang the walk-through.
      const timer = setTimeout(resolve, 15_000);
      const check = () => {
        // Done: the step came, or whatever was to bring it (a "show me", the analyzer) is over without it.
        const over = !this.moving && this.meta?.kind !== 'wait';
        if (this.steps.length >= count || this.done || this.closed || over) {
          clearTimeout(timer);
          resolve();
        } else this.stepWaiters.push(check);
      };
      this.stepWaiters.push(check);
    });
  }

  /** Starts the machine (from a saved snapshot, or from its beginning); false when the snapshot is unusable. */
  private startActor(snapshot: unknown): boolean {
    this.actor?.stop();
    const actor = createActor(
      this.provided,
      snapshot === undefined ? {} : { snapshot: snapshot as Snapshot<unknown> },
    );
    this.actor = actor;
    actor.subscribe({ next: (snap) => this.observe(snap as AnyMachineSnapshot), error: () => {} });
    actor.start();
    const snap = actor.getSnapshot() as AnyMachineSnapshot;
    if (snap.status === 'error' || this.metaOf(stateOf(snap)) === undefined) {
      actor.stop();
      this.actor = null;
      return false;
    }
    this.observe(snap);
    return true;
  }

  private observe(snap: AnyMachineSnapshot): void {
    if (this.actor === null || this.closed) return;
    this.snapshot = snap;
    this.expected = this.app.session?.cursor ?? null;
    const state = stateOf(snap);
    // The analyzer's waiting state is not a step: going back never lands in the middle of an analysis.
    if (this.metaOf(state)?.kind !== 'wait') {
      const persisted = this.actor.getPersistedSnapshot();
      const last = this.steps.at(-1);
      if (last?.state === state) {
        this.steps = [...this.steps.slice(0, -1), { ...last, snapshot: persisted }];
        this.save(false);
      } else {
        const cursor = this.app.session?.cursor ?? { branch: 'main', node: null };
        this.steps = [...this.steps, { state, cursor, snapshot: persisted }];
        this.ahead = [];
        this.hint = 0;
        this.save(true);
      }
    }
    const waiters = this.stepWaiters;
    this.stepWaiters = [];
    for (const w of waiters) w();
  }

  private acted(a: Acted): void {
    // Actions in the free sandbox, on another sandbox, or on a chain moved off the lesson are not the lesson's.
    if (!this.live) return;
    const event: LessonEvent = {
      type: 'ACTED',
      step: a.step,
      ok: a.ok,
      error: a.problem === null ? null : (a.problem.explanation ?? a.problem.message),
      before: a.before,
      after: a.after,
    };
    this.actor?.send(event);
    this.expected = this.app.session?.cursor ?? null;
  }

  /**
   * The chain moved without the lesson (undo, redo, a click in History, a branch switch). A move to a
   * step's own position takes the lesson to that step; a move within the current step (undoing or redoing
   * what the learner did since it began) changes nothing; anything else puts the lesson off track.
   */
  followChain(): void {
    const c = this.app.session?.cursor ?? null;
    if (c === null || this.closed || !this.open || this.moving || !this.onItsSandbox) return;
    if (sameCursor(c, this.expected)) return;
    this.expected = c;
    const here = this.steps.at(-1);
    let earlier = -1;
    this.steps.forEach((r, i) => sameCursor(r.cursor, c) && (earlier = i));
    if (earlier >= 0 && earlier < this.steps.length - 1) {
      this.ahead = [...this.steps.slice(earlier + 1), ...this.ahead];
      this.steps = this.steps.slice(0, earlier + 1);
      this.restore(this.steps[earlier]);
      return;
    }
    const later = this.ahead.findIndex((r) => sameCursor(r.cursor, c));
    if (later >= 0) {
      this.steps = [...this.steps, ...this.ahead.slice(0, later + 1)];
      this.ahead = this.ahead.slice(later + 1);
      this.restore(this.steps.at(-1));
      return;
    }
    this.offTrack = here === undefined || !this.descends(c, here.cursor);
  }

  private restore(r: LessonStepRecord | undefined): void {
    if (r === undefined) return;
    this.offTrack = false;
    this.hint = 0;
    this.startActor(r.snapshot);
    this.save(false);
  }

  /** Whether position `c` lies after `start` on the history tree (or is it). */
  private descends(c: Cursor, start: Cursor): boolean {
    const nodes = this.app.session?.nodes ?? {};
    for (let at: number | null = c.node; ; at = nodes[at]?.parent ?? null) {
      if (at === start.node) return true;
      if (at === null) return false;
    }
  }

  /** Puts the chain back where the lesson last saw it (after an undo that left the lesson). */
  async realign(): Promise<boolean> {
    const to = this.expected;
    if (to === null || this.moving) return false;
    const here = this.steps.at(-1);
    this.moving = true;
    try {
      const target = here !== undefined && !this.descends(to, here.cursor) ? here.cursor : to;
      if (!(await this.app.goto(target))) return false;
      this.expected = target;
      this.offTrack = false;
      return true;
    } finally {
      this.moving = false;
    }
  }

  private send(event: LessonEvent): void {
    if (this.live) this.actor?.send(event);
  }

  next = () => this.send({ type: 'NEXT' });
  answer = (choice: string) => this.send({ type: 'ANSWER', choice });
  skip = () => this.send({ type: 'SKIP' });
  analyze = () => this.send({ type: 'ANALYZE' });
  /** Shows the next hint: the nudge, then the exact action. */
  moreHints = () => (this.hint = Math.min(2, this.hint + 1));
  show = () => {
    if (this.moving || !this.live) return;
    this.hint = 2;
    this.send({ type: 'SHOW' });
  };

  private async perform(steps: StepJson[]): Promise<void> {
    this.moving = true;
    try {
      for (const step of steps) {
        if (!this.live || !(await this.app.act(step))) break;
      }
    } finally {
      this.moving = false;
      const waiters = this.stepWaiters;
      this.stepWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** The previous step (or, while the analyzer works, the step that asked it), with the chain as it began. */
  async back(): Promise<boolean> {
    if (this.moving || !this.live) return false;
    const waiting = this.meta?.kind === 'wait';
    const here = this.steps.at(-1);
    const to = waiting ? here : this.steps.at(-2);
    if (here === undefined || to === undefined) return false;
    this.moving = true;
    try {
      if (!(await this.app.goto(to.cursor))) return false;
      if (!waiting) {
        this.steps = this.steps.slice(0, -1);
        this.ahead = [here, ...this.ahead];
      }
      this.restore(to);
      return true;
    } finally {
      this.moving = false;
    }
  }

  /**
   * The next step: one left by going back, else what the step asks (Next, skip the question, "show me",
   * ask the analyzer). What a presenter's clicker does.
   */
  async forward(): Promise<boolean> {
    if (this.moving || this.done || !this.live) return false;
    const next = this.ahead[0];
    if (next !== undefined) {
      this.moving = true;
      try {
        if (!(await this.app.goto(next.cursor))) return false;
        this.steps = [...this.steps, next];
        this.ahead = this.ahead.slice(1);
        this.restore(next);
        return true;
      } finally {
        this.moving = false;
      }
    }
    switch (this.meta?.kind) {
      case 'read':
        this.next();
        return true;
      case 'predict':
      case 'quiz':
        this.skip();
        return true;
      case 'act':
        this.show();
        return true;
      case 'analyze':
        this.analyze();
        return true;
      default:
        return false;
    }
  }

  /** Leaves the lesson for the free sandbox; the lesson keeps its place and its chain. */
  leave(): void {
    if (this.moving) return;
    this.open = false;
    this.save(true);
  }

  progress(): LessonProgress {
    return {
      format: PROGRESS_FORMAT,
      lesson: this.id,
      run: this.runId,
      steps: this.steps,
      ahead: this.ahead,
      open: this.open,
      session: this.session,
    };
  }

  /** Saves in order; a new step also saves the lesson's sandbox, in case another replaces it later. */
  private save(withSession: boolean): void {
    this.saving = this.saving.then(async () => {
      // Only the tab that saves the sandbox saves the lesson: another tab on the same lesson would
      // overwrite the leader's progress with its own (it is told that it is not saving, and can take over).
      if (this.closed || !this.leads()) return;
      try {
        // The step first (one quick write), then the sandbox's document, which waits for the worker.
        await this.store.set(KEYS.lesson, JSON.stringify(this.progress()));
        if (!withSession || !this.onItsSandbox) return;
        this.session = await this.app.worker.exportSession();
        if (!this.closed) await this.store.set(KEYS.lesson, JSON.stringify(this.progress()));
      } catch {
        // The store is guarded; an export that fails keeps the previous copy.
      }
    });
  }

  /** Whether this tab saves (not known yet counts as yes: a single tab, or the worker has not said). */
  private leads(): boolean {
    return this.app.saveStatus?.leads !== false;
  }

  /** Resolves when everything said so far is saved. */
  flush(): Promise<void> {
    return this.saving;
  }

  /** Closes the lesson for good (a new lesson replaces it): nothing it started acts or saves afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
    this.actor?.stop();
    this.actor = null;
    if (this.app.onActed === this.onActed) this.app.onActed = null;
    await this.saving;
    if (this.leads()) await this.store.del(KEYS.lesson);
  }
}
