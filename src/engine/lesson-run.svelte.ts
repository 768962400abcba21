// A lesson running in the page: its machine as an actor beside the sandbox, bridged to Svelte runes. The
// engine gives the machine its chain effects (perform, analyze) with provide(), tells it of every action
// the learner takes (ACTED, with the worlds around it), and pairs every lesson step with the chain's
// position when it began, so going back restores both and a reload resumes where the learner was.
import { createActor, fromPromise, type AnyActorRef, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import type { AnalyzeInput, AnalyzeOutput, LessonContext, LessonEvent, StepMeta } from './lesson-kit.ts';
import { PROGRESS_FORMAT, type LessonProgress, type LessonStepRecord } from './lesson-progress.ts';
import { lessonSource, loadLesson, type Lesson } from './lessons.ts';
import type { Acted, SandboxApp } from './sandbox-app.svelte.ts';
import type { StepJson } from './session-types.ts';
import { KEYS, type KeyValueStore } from './store.ts';

export { LESSON_DOCS } from './lessons.ts';
export { readProgress } from './lesson-progress.ts';
export { decodeLessonLink, encodeLessonLink } from './lesson-link.ts';

const stateOf = (snap: AnyMachineSnapshot): string =>
  typeof snap.value === 'string' ? snap.value : JSON.stringify(snap.value);

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
  /** A "show me" or a move between steps is under way. */
  moving = $state(false);

  state = $derived(this.snapshot === null ? '' : stateOf(this.snapshot));
  meta = $derived(this.metaOf(this.state));
  context = $derived((this.snapshot?.context ?? { feedback: null, answers: {} }) as LessonContext);
  done = $derived(this.snapshot?.status === 'done');
  /** The step's number, 1 for the first. */
  number = $derived(this.steps.length);

  private actor: AnyActorRef | null = null;
  private session: unknown = null;
  private saving: Promise<void> = Promise.resolve();
  private stepWaiters: (() => void)[] = [];

  private readonly provided;

  constructor(
    readonly app: SandboxApp,
    readonly lesson: Lesson,
    private readonly store: KeyValueStore,
  ) {
    this.provided = lesson.machine.provide({
      actions: { perform: (_: unknown, params: { steps: StepJson[] }) => void this.perform(params.steps) },
      actors: {
        analyze: fromPromise<AnalyzeOutput, AnalyzeInput>(({ input }) => {
          const world = this.app.session?.world;
          if (world === undefined) throw new Error('the sandbox has no chain yet');
          return this.app.worker.analyzeWorld(world, input.options);
        }),
      },
    });
    app.onActed = (a) => this.acted(a);
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

  metaOf(state: string): StepMeta | undefined {
    const m = this.lesson.machine;
    return m.states[state] === undefined ? undefined : (m.states[state].meta as StepMeta | undefined);
  }

  /** Opens a lesson from its start, on a fresh copy of its scenario (the replaced sandbox can be brought back). */
  static async begin(app: SandboxApp, store: KeyValueStore, id: string): Promise<LessonRun | null> {
    const run = new LessonRun(app, await loadLesson(id), store);
    return (await run.restart()) ? run : null;
  }

  /** Opens saved progress where the learner left it, chain and all. */
  static async resume(app: SandboxApp, store: KeyValueStore, p: LessonProgress): Promise<LessonRun | null> {
    const run = new LessonRun(app, await loadLesson(p.lesson), store);
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
    if (last === undefined) return this.restart();
    this.moving = true;
    try {
      if (!this.sandboxHas(last)) {
        // Another sandbox replaced the lesson's: bring the lesson's back from its saved document.
        if (this.session === null || !(await this.app.importSession(this.session)) || !this.sandboxHas(last))
          return await this.replayTo(this.steps.length);
      }
      if (!(await this.app.goto(last.cursor))) return await this.replayTo(this.steps.length);
      this.open = true;
      this.startActor(last.snapshot);
      this.save(false);
      return true;
    } finally {
      this.moving = false;
    }
  }

  private sandboxHas(r: LessonStepRecord): boolean {
    const s = this.app.session;
    return (
      s !== null &&
      s.source === lessonSource(this.id) &&
      s.branches.some((b) => b.id === r.cursor.branch) &&
      (r.cursor.node === null || s.nodes[r.cursor.node] !== undefined)
    );
  }

  /** Starts the lesson over on a fresh copy of its scenario. */
  async restart(): Promise<boolean> {
    if (!(await this.app.loadScenario(this.lesson.scenario, lessonSource(this.id)))) return false;
    this.steps = [];
    this.ahead = [];
    this.open = true;
    this.startActor(undefined);
    return true;
  }

  /** Starts over and plays the lesson's own walk-through up to step n (lesson links, lost sandboxes). */
  async replayTo(n: number): Promise<boolean> {
    if (!(await this.restart())) return false;
    while (this.steps.length < n && !this.done) {
      const reached = this.steps.length;
      await this.idle();
      const moved = this.waitForStep(reached + 1);
      if (!(await this.forward())) return true;
      await moved;
      if (this.steps.length === reached) return true;
    }
    return true;
  }

  /** Resolves once no "show me" or move is under way. */
  async idle(): Promise<void> {
    for (let i = 0; this.moving && i < 3000; i++) await new Promise((r) => setTimeout(r, 5));
  }

  private waitForStep(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.steps.length >= count || this.done) resolve();
        else this.stepWaiters.push(check);
      };
      check();
      // A step that does not come (a refused "show me") must not hang the replay.
      setTimeout(resolve, 15_000);
    });
  }

  private startActor(snapshot: unknown): void {
    this.actor?.stop();
    const actor = createActor(
      this.provided,
      snapshot === undefined ? {} : { snapshot: snapshot as Snapshot<unknown> },
    );
    this.actor = actor;
    actor.subscribe((snap) => this.observe(snap as AnyMachineSnapshot));
    actor.start();
    this.observe(actor.getSnapshot() as AnyMachineSnapshot);
  }

  private observe(snap: AnyMachineSnapshot): void {
    if (this.actor === null) return;
    this.snapshot = snap;
    const state = stateOf(snap);
    // The analyzer's waiting state is not a step: going back never lands in the middle of an analysis.
    if (this.metaOf(state)?.kind === 'wait') return;
    const persisted = this.actor.getPersistedSnapshot();
    const last = this.steps.at(-1);
    if (last?.state === state) {
      this.steps = [...this.steps.slice(0, -1), { ...last, snapshot: persisted }];
      this.save(false);
      return;
    }
    const cursor = this.app.session?.cursor ?? { branch: 'main', node: null };
    this.steps = [...this.steps, { state, cursor, snapshot: persisted }];
    this.ahead = [];
    this.hint = 0;
    this.save(true);
    const waiters = this.stepWaiters;
    this.stepWaiters = [];
    for (const w of waiters) w();
  }

  /** Whether the sandbox on screen is this lesson's (a load from the top bar may have replaced it). */
  get onItsSandbox(): boolean {
    return this.app.session?.source === lessonSource(this.id);
  }

  private acted(a: Acted): void {
    // Actions in the free sandbox, or on another sandbox, are not the lesson's.
    if (!this.open || !this.onItsSandbox) return;
    const event: LessonEvent = {
      type: 'ACTED',
      step: a.step,
      ok: a.ok,
      error: a.problem === null ? null : (a.problem.explanation ?? a.problem.message),
      before: a.before,
      after: a.after,
    };
    this.actor?.send(event);
  }

  private send(event: LessonEvent): void {
    this.actor?.send(event);
  }

  next = () => this.send({ type: 'NEXT' });
  answer = (choice: string) => this.send({ type: 'ANSWER', choice });
  skip = () => this.send({ type: 'SKIP' });
  analyze = () => this.send({ type: 'ANALYZE' });
  /** Shows the next hint: the nudge, then the exact action. */
  moreHints = () => (this.hint = Math.min(2, this.hint + 1));
  show = () => {
    this.hint = 2;
    this.send({ type: 'SHOW' });
  };

  private async perform(steps: StepJson[]): Promise<void> {
    this.moving = true;
    try {
      for (const step of steps) if (!(await this.app.act(step))) break;
    } finally {
      this.moving = false;
    }
  }

  /** The previous step, with the chain as it was when that step began. */
  async back(): Promise<boolean> {
    const here = this.steps.at(-1);
    const prev = this.steps.at(-2);
    if (here === undefined || prev === undefined || this.moving) return false;
    this.moving = true;
    try {
      if (!(await this.app.goto(prev.cursor))) return false;
      this.steps = this.steps.slice(0, -1);
      this.ahead = [here, ...this.ahead];
      this.startActor(prev.snapshot);
      this.hint = 0;
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
    if (this.moving || this.done) return false;
    const next = this.ahead[0];
    if (next !== undefined) {
      this.moving = true;
      try {
        if (!(await this.app.goto(next.cursor))) return false;
        this.steps = [...this.steps, next];
        this.ahead = this.ahead.slice(1);
        this.startActor(next.snapshot);
        this.hint = 0;
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
    this.open = false;
    this.save(true);
  }

  progress(): LessonProgress {
    return {
      format: PROGRESS_FORMAT,
      lesson: this.id,
      steps: this.steps,
      ahead: this.ahead,
      open: this.open,
      session: this.session,
    };
  }

  /** Saves in order; a new step also saves the lesson's sandbox, in case another replaces it later. */
  private save(withSession: boolean): void {
    this.saving = this.saving.then(async () => {
      try {
        if (withSession && this.app.session?.source === lessonSource(this.id))
          this.session = await this.app.worker.exportSession();
        await this.store.set(KEYS.lesson, JSON.stringify(this.progress()));
      } catch {
        // The store is guarded; an export that fails keeps the previous copy.
      }
    });
  }

  /** Resolves when everything said so far is saved. */
  flush(): Promise<void> {
    return this.saving;
  }

  /** Closes the lesson for good (a new lesson replaces it, or the learner ends it). */
  async close(): Promise<void> {
    this.actor?.stop();
    this.actor = null;
    if (this.app.onActed !== null) this.app.onActed = null;
    await this.saving;
    await this.store.del(KEYS.lesson);
  }
}
