import { expect, test } from 'vitest';
import { FrameProgress, type Frames } from './frame-progress.ts';

/** A fake frame scheduler: frames run when the test says, the clock moves when the test says. */
function fakeFrames() {
  let clock = 0;
  let next = 1;
  const pending = new Map<number, () => void>();
  const frames: Frames = {
    request: (cb) => {
      pending.set(next, cb);
      return next++;
    },
    cancel: (id) => void pending.delete(id),
    now: () => clock,
  };
  /** Advances the clock by `ms` and runs the callbacks pending at that moment (one browser frame). */
  const frame = (ms: number) => {
    clock += ms;
    const due = [...pending.values()];
    pending.clear();
    for (const cb of due) cb();
  };
  return { frames, frame, pending };
}

test('a run shows 0 at once, eased values on each frame, and ends exactly at 1 with no frame left', () => {
  const f = fakeFrames();
  const shown: number[] = [];
  const p = new FrameProgress(
    (t) => shown.push(t),
    (u) => u * u,
    f.frames,
  );
  p.run(100);
  expect(shown).toEqual([0]);
  f.frame(50);
  expect(shown).toEqual([0, 0.25]);
  expect(p.running).toBe(true);
  f.frame(60);
  expect(shown).toEqual([0, 0.25, 1]);
  expect(p.running).toBe(false);
  expect(f.pending.size).toBe(0);
});

test('restarts in quick succession keep one frame callback: each frame shows one value', () => {
  // The cause of the long tasks this replaces: every restart of a running animation added one more frame
  // callback, so n quick restarts drew the diagram n times per frame.
  const f = fakeFrames();
  const shown: number[] = [];
  const p = new FrameProgress(
    (t) => shown.push(t),
    (u) => u,
    f.frames,
  );
  for (let i = 0; i < 20; i++) {
    p.run(700);
    f.frame(10);
    expect(f.pending.size).toBe(1);
  }
  shown.length = 0;
  f.frame(10);
  expect(shown).toHaveLength(1);
  expect(f.pending.size).toBe(1);
});

test('a zero duration (reduced motion, paused) shows 1 at once and asks for no frame', () => {
  const f = fakeFrames();
  const shown: number[] = [];
  const p = new FrameProgress(
    (t) => shown.push(t),
    (u) => u,
    f.frames,
  );
  p.run(700);
  f.frame(10);
  p.run(0);
  expect(shown.at(-1)).toBe(1);
  expect(f.pending.size).toBe(0);
  expect(p.running).toBe(false);
});

test('stop leaves the value where it is and cancels the pending frame', () => {
  const f = fakeFrames();
  const shown: number[] = [];
  const p = new FrameProgress(
    (t) => shown.push(t),
    (u) => u,
    f.frames,
  );
  p.run(100);
  f.frame(40);
  p.stop();
  f.frame(100);
  expect(shown).toEqual([0, 0.4]);
  expect(f.pending.size).toBe(0);
});
