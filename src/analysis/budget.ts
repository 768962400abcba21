// Every analysis runs against a time budget. Between its stages (and between solver calls) it yields to
// the event loop, reports which stage it is in, and stops once the budget is spent or the caller cancelled;
// HiGHS gets the time that is left as its own limit. A stopped analysis is not an error: analyze.ts answers
// with what it proved by then (the exact bound, the best attack found) and says it is incomplete.

/** Seconds an analysis may take unless told otherwise: a classroom network needs well under one. */
export const DEFAULT_BUDGET_MS = 60_000;

export type Stage = 'bounds' | 'single-service attacks' | 'best attack' | 'γ-slack' | 'cascade';

export interface Progress {
  stage: Stage;
  elapsedMs: number;
  budgetMs: number;
}

export interface Budget {
  /** Milliseconds the analysis may take. */
  ms: number;
  onProgress?: (p: Progress) => void;
  /** Polled at every checkpoint: true stops the analysis as if the budget were spent. */
  cancelled?: () => boolean;
  /** The clock, for tests. */
  now?: () => number;
}

export class BudgetSpent extends Error {
  constructor(
    readonly stage: Stage,
    readonly why: 'time' | 'cancelled',
  ) {
    super(why === 'time' ? `the time budget ran out during ${stage}` : `cancelled during ${stage}`);
  }
}

const YIELD_EVERY_MS = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Clock {
  private readonly started: number;
  private readonly now: () => number;
  stage: Stage = 'bounds';

  constructor(private readonly budget: Budget = { ms: DEFAULT_BUDGET_MS }) {
    this.now = budget.now ?? (() => performance.now());
    this.started = this.now();
  }

  get budgetMs(): number {
    return this.budget.ms;
  }

  elapsedMs(): number {
    return this.now() - this.started;
  }

  /** Seconds left, for HiGHS's time_limit (never zero: HiGHS reads 0 as "stop at once" and fails). */
  remainingSeconds(): number {
    return Math.max(0.001, (this.budget.ms - this.elapsedMs()) / 1000);
  }

  /** Names the stage now running, and tells the listener. */
  report(stage: Stage): void {
    this.stage = stage;
    this.budget.onProgress?.({ stage, elapsedMs: this.elapsedMs(), budgetMs: this.budget.ms });
  }

  /** Enters a stage: reported, then a checkpoint. */
  async enter(stage: Stage): Promise<void> {
    this.report(stage);
    await this.checkpoint();
  }

  private lastYield = 0;

  /**
   * Lets other work run (a cancel message, the page) when the last chance was a while ago, then stops when
   * cancelled or out of time. Cheap enough for inner loops: it yields at most every YIELD_EVERY_MS.
   */
  async checkpoint(): Promise<void> {
    if (this.now() - this.lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      this.lastYield = this.now();
    }
    if (this.budget.cancelled?.() === true) throw new BudgetSpent(this.stage, 'cancelled');
    if (this.elapsedMs() >= this.budget.ms) throw new BudgetSpent(this.stage, 'time');
  }

  /** The solver stopped at its time limit. */
  spent(): BudgetSpent {
    return new BudgetSpent(this.stage, 'time');
  }
}
