// Which tab saves the sandbox. Every tab's worker used to write its whole session to the one saved record
// after each change, so with two tabs open the last writer silently won. Now one tab leads: it holds a Web
// Lock for as long as it lives, and only the leader writes. Another tab still works on its own copy and is
// told that it is not being saved; it can take over (the lock is stolen, the old leader is told, and what
// the old leader saved is kept in Kept sandboxes). When the leader closes, a follower takes the lead by
// itself (the saver first keeps the leader's last save in Kept sandboxes, so nothing is overwritten
// silently), but only after a grace period: a leader that is reloading gets its lock back first.
/** lost: another tab took over; took-over: this tab did; inherited: the leading tab closed, this one leads. */
export type TabEvent = 'lost' | 'took-over' | 'inherited';

export interface TabLock {
  /** True when this tab leads now. */
  readonly leads: boolean;
  /** Tries to lead; afterwards `onChange` hears every change of leadership. */
  start(onChange: (leads: boolean, event: TabEvent) => void): Promise<boolean>;
  /** Leads now, taking the lock from whichever tab holds it. */
  takeOver(): Promise<void>;
}

/** The only tab there is: Node, tests, and browsers without Web Locks. */
export function soleTab(): TabLock {
  return { leads: true, start: () => Promise.resolve(true), takeOver: () => Promise.resolve() };
}

export const LOCK_NAME = 'restaking-sandbox:session-writer';
/**
 * How long a starting tab waits for the lock: a reload starts the new worker while the old page may still
 * be letting go of it, and that tab should go on leading.
 */
export const START_WAIT_MS = 2_000;
/**
 * How long a follower waits, once the leader's lock was let go, before it takes the lead: a reload lets go
 * and the new page asks again as soon as its worker starts, which on a busy machine takes seconds.
 */
export const HANDOVER_MS = 8_000;

export function webTabLock(locks: LockManager, name = LOCK_NAME, handoverMs = HANDOVER_MS): TabLock {
  let leads = false;
  let waiting = false;
  let notify: (leads: boolean, event: TabEvent) => void = () => undefined;

  /**
   * Requests the lock and, once granted, holds it until this tab closes or another tab steals it. Resolves
   * false when it was not granted (a timeout, or not available at once with `ifAvailable`).
   */
  function request(options: LockOptions): Promise<boolean> {
    return new Promise((resolve) => {
      locks
        .request(name, options, async (lock) => {
          if (lock === null) return resolve(false);
          leads = true;
          resolve(true);
          await new Promise<never>(() => undefined);
        })
        .catch(() => {
          // A timeout while waiting, or AbortError once another tab stole the lock.
          if (leads) {
            leads = false;
            notify(false, 'lost');
            void follow();
          }
          resolve(false);
        });
    });
  }

  /** Waits until no tab holds the lock and none takes it within the grace period, then leads. */
  async function follow(): Promise<void> {
    if (waiting) return;
    waiting = true;
    try {
      while (!leads) {
        // Granted once the leader let go; given back at once, so that a reloading leader can have it.
        await locks.request(name, async () => undefined);
        if (leads) return;
        await new Promise((r) => setTimeout(r, handoverMs));
        if (leads) return;
        if (await request({ ifAvailable: true })) return notify(true, 'inherited');
      }
    } finally {
      waiting = false;
    }
  }

  return {
    get leads() {
      return leads;
    },
    async start(onChange) {
      const got = await request({ signal: AbortSignal.timeout(START_WAIT_MS) });
      notify = onChange;
      if (!got) void follow();
      return got;
    },
    async takeOver() {
      if (leads) return;
      await request({ steal: true });
      notify(true, 'took-over');
    },
  };
}
