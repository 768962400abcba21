// One number run from 0 to 1 over a duration, one animation frame at a time, for the stake-flow diagram's
// motion. Why not svelte/motion's Tween: restarting a Tween (set to 0 at once, then to 1 over time) aborts its
// running task and starts a new one, and Svelte's frame loop then schedules a second frame callback while the
// first is still pending. Each restart during a running animation adds one more callback per frame, so after
// n steps in quick succession the diagram was recomputed and re-rendered n times in every frame (profiled:
// up to a dozen renders in one frame, tasks of 100-250 ms while 100 steps ran). Here a restart cancels the
// pending frame before it asks for the next one: there is never more than one.

/** The clock and frame scheduler (the browser's by default; tests pass their own). */
export interface Frames {
  request: (callback: () => void) => number;
  cancel: (id: number) => void;
  now: () => number;
}

const browserFrames: Frames = {
  request: (callback) => requestAnimationFrame(() => callback()),
  cancel: (id) => cancelAnimationFrame(id),
  now: () => performance.now(),
};

export class FrameProgress {
  /** The pending frame's id, or null when none is pending. */
  #frame: number | null = null;

  /**
   * `show` receives each eased value, 1 last. `easing` maps elapsed time (0..1) to the value shown.
   */
  constructor(
    private readonly show: (t: number) => void,
    private readonly easing: (u: number) => number = (u) => u,
    private readonly frames: Frames = browserFrames,
  ) {}

  /** Whether a frame is pending (the animation is running). */
  get running(): boolean {
    return this.#frame !== null;
  }

  /** Shows 0 now and runs to 1 over `ms`, replacing a run in progress; `ms` ≤ 0 shows 1 at once. */
  run(ms: number): void {
    this.stop();
    if (!(ms > 0)) {
      this.show(1);
      return;
    }
    const start = this.frames.now();
    this.show(0);
    const tick = () => {
      const u = (this.frames.now() - start) / ms;
      if (u >= 1) {
        this.#frame = null;
        this.show(1);
        return;
      }
      this.#frame = this.frames.request(tick);
      this.show(this.easing(Math.max(0, u)));
    };
    this.#frame = this.frames.request(tick);
  }

  /** Cancels the pending frame; the value shown stays where it is. */
  stop(): void {
    if (this.#frame !== null) this.frames.cancel(this.#frame);
    this.#frame = null;
  }
}
