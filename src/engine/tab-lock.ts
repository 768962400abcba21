// Which tab saves the sandbox. Every tab's worker used to write its whole session to the one saved record
// after each change, so with two tabs open the last writer silently won. Now one tab leads: it holds a Web
// Lock for as long as it lives, and only the leader writes. Another tab still works on its own copy and is
// told that it is not being saved; it can take over (the lock is stolen, the old leader is told, and what
// the old leader saved is kept in Kept sandboxes). A follower never takes the lead by itself: it would
// overwrite the leader's last save with its own older copy.
export type TabEvent = 'lost' | 'took-over';

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

export function webTabLock(locks: LockManager, name = LOCK_NAME): TabLock {
  let leads = false;
  let notify: (leads: boolean, event: TabEvent) => void = () => undefined;

  /** Requests the lock and, once granted, holds it until this tab closes or another tab steals it. */
  function request(options: LockOptions): Promise<boolean> {
    return new Promise((resolve) => {
      locks
        .request(name, options, async () => {
          leads = true;
          resolve(true);
          await new Promise<never>(() => undefined);
        })
        .catch(() => {
          // A timeout while waiting, or AbortError once another tab stole the lock.
          if (leads) {
            leads = false;
            notify(false, 'lost');
          }
          resolve(false);
        });
    });
  }

  return {
    get leads() {
      return leads;
    },
    async start(onChange) {
      const got = await request({ signal: AbortSignal.timeout(START_WAIT_MS) });
      notify = onChange;
      return got;
    },
    async takeOver() {
      if (leads) return;
      await request({ steal: true });
      notify(true, 'took-over');
    },
  };
}
