// Which tab saves the sandbox. Every tab's worker used to write its whole session to the one saved record
// after each change, so with two tabs open the last writer silently won. Now one tab leads: it holds a Web
// Lock for as long as it lives, and only the leader writes. Another tab still works on its own copy and is
// told that it is not being saved; it can take over (the lock is stolen, and the old leader is told), and it
// leads by itself once the leader's tab closes. A tab reload releases the lock with the old page.
export type TabEvent = 'lost' | 'granted' | 'took-over';

export interface TabLock {
  /** True when this tab leads now. */
  readonly leads: boolean;
  /** Tries to lead without waiting; afterwards `onChange` hears every change of leadership. */
  start(onChange: (leads: boolean, event: TabEvent) => void): Promise<boolean>;
  /** Leads now, taking the lock from whichever tab holds it. */
  takeOver(): Promise<void>;
}

/** The only tab there is: Node, tests, and browsers without Web Locks. */
export function soleTab(): TabLock {
  return { leads: true, start: () => Promise.resolve(true), takeOver: () => Promise.resolve() };
}

export const LOCK_NAME = 'restaking-sandbox:session-writer';

export function webTabLock(locks: LockManager, name = LOCK_NAME): TabLock {
  let leads = false;
  let notify: (leads: boolean, event: TabEvent) => void = () => undefined;
  let waiting = false;

  /** Requests the lock and, once granted, holds it until this tab closes or another tab steals it. */
  function request(options: LockOptions, event: TabEvent | null): Promise<boolean> {
    return new Promise((resolve) => {
      locks
        .request(name, options, async (lock) => {
          if (lock === null) return resolve(false);
          const was = leads;
          leads = true;
          resolve(true);
          if (!was && event !== null) notify(true, event);
          await new Promise<never>(() => undefined);
        })
        .catch(() => {
          // AbortError: another tab stole the lock.
          if (leads) {
            leads = false;
            notify(false, 'lost');
            queue();
          }
          resolve(false);
        });
    });
  }

  /** A follower waits in line, so it leads as soon as the leading tab closes. */
  function queue() {
    if (waiting) return;
    waiting = true;
    void request({}, 'granted').then(() => (waiting = false));
  }

  return {
    get leads() {
      return leads;
    },
    async start(onChange) {
      const got = await request({ ifAvailable: true }, null);
      notify = onChange;
      if (!got) queue();
      return got;
    },
    async takeOver() {
      if (leads) return;
      await request({ steal: true }, 'took-over');
    },
  };
}
