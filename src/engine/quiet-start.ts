// When the chain's worker starts loading behind a first visit's first screen (chain-worker.ts). Its code
// takes hundreds of ms of CPU to compile and evaluate, and its first session more to open: traced on a fresh
// page, that work landed under the learner's first undos and redos, which the first screen answers without
// the chain, and made them the slowest moves of the visit (two cores, the page's own drawing on one). So it
// starts once the moves pause, or at once when something needs the chain, and at the latest after a while.

/** The clock and timers it runs on (tests pass fake ones). */
export interface Timers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
};

export class QuietStart {
  /** Settles when the chain's worker may start. */
  readonly due: Promise<void>;
  private fire: () => void = () => undefined;
  private fired = false;
  private counting = false;
  private lastMove = -Infinity;
  private latest = Infinity;

  /**
   * `quietMs`: how long no move may come before it starts; `mostMs`: how long after `begin` it starts
   * whatever the moves do.
   */
  constructor(
    private readonly quietMs: number,
    private readonly mostMs: number,
    private readonly timers: Timers = realTimers,
  ) {
    this.due = new Promise((resolve) => (this.fire = resolve));
  }

  /** Starts counting: the first screen has been sent, so moves may come from now on. */
  begin(): void {
    if (this.counting || this.fired) return;
    this.counting = true;
    const t = this.timers.now();
    this.latest = t + this.mostMs;
    this.lastMove = Math.max(this.lastMove, t);
    this.check();
  }

  /** A move was answered without the chain: the quiet period counts again from now. */
  moved(): void {
    this.lastMove = this.timers.now();
  }

  /** Something needs the chain: it starts now. */
  now(): void {
    if (this.fired) return;
    this.fired = true;
    this.fire();
  }

  private check(): void {
    if (this.fired) return;
    const t = this.timers.now();
    const at = Math.min(this.lastMove + this.quietMs, this.latest);
    if (t >= at) this.now();
    else this.timers.setTimeout(() => this.check(), at - t);
  }
}
