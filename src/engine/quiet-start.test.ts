import { describe, expect, it } from 'vitest';
import { QuietStart, type Timers } from './quiet-start.ts';

/** A clock that only moves when told, with its timers run in order as it passes them. */
function fakeTimers() {
  let t = 0;
  const pending: { at: number; fn: () => void }[] = [];
  const timers: Timers = {
    now: () => t,
    setTimeout: (fn, ms) => pending.push({ at: t + ms, fn }),
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      pending.sort((a, b) => a.at - b.at);
      const next = pending[0];
      if (next === undefined || next.at > end) break;
      pending.shift();
      t = next.at;
      next.fn();
    }
    t = end;
  };
  return { timers, advance };
}

/** Whether `due` has settled, after the microtasks queued so far ran. */
async function settled(q: QuietStart): Promise<boolean> {
  let done = false;
  void q.due.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('QuietStart', () => {
  it('is due once no move came for the quiet period, counted from begin', async () => {
    const { timers, advance } = fakeTimers();
    const q = new QuietStart(500, 5000, timers);
    advance(1000);
    expect(await settled(q)).toBe(false);
    q.begin();
    advance(499);
    expect(await settled(q)).toBe(false);
    advance(1);
    expect(await settled(q)).toBe(true);
  });

  it('waits while moves keep coming, and is due the quiet period after the last one', async () => {
    const { timers, advance } = fakeTimers();
    const q = new QuietStart(500, 5000, timers);
    q.begin();
    for (let i = 0; i < 20; i++) {
      advance(100);
      q.moved();
    }
    // 2000 ms of moves: the quiet period has not passed since the last.
    advance(499);
    expect(await settled(q)).toBe(false);
    advance(1);
    expect(await settled(q)).toBe(true);
  });

  it('is due at the latest `mostMs` after begin, however the moves go on', async () => {
    const { timers, advance } = fakeTimers();
    const q = new QuietStart(500, 3000, timers);
    q.begin();
    for (let i = 0; i < 29; i++) {
      advance(100);
      q.moved();
    }
    expect(await settled(q)).toBe(false);
    advance(100);
    expect(await settled(q)).toBe(true);
  });

  it('is due at once when something needs the chain, before begin or during moves', async () => {
    const { timers, advance } = fakeTimers();
    const early = new QuietStart(500, 5000, timers);
    early.now();
    expect(await settled(early)).toBe(true);
    const q = new QuietStart(500, 5000, timers);
    q.begin();
    advance(100);
    q.moved();
    q.now();
    expect(await settled(q)).toBe(true);
    // Later moves and a second begin change nothing.
    q.moved();
    q.begin();
    advance(10_000);
    expect(await settled(q)).toBe(true);
  });
});
