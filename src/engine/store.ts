// Where the session survives a reload: IndexedDB (through idb-keyval), as a JSON string so that whatever
// is read back goes through the same validation as an imported file. Tests pass an in-memory store.
import { createStore, del, get, keys, set } from 'idb-keyval';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<void>;
  del(key: string): Promise<void>;
  /** Every key, for the lists kept under a prefix (kept sandboxes). */
  keys(): Promise<string[]>;
}

export function indexedDbStore(): KeyValueStore {
  const store = createStore('restaking-sandbox', 'kv');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}

export type GuardedStore = KeyValueStore & {
  failure: string | null;
  /** A write that says why it failed (null: it succeeded): saving the session must know, to say so. */
  trySet(key: string, value: string): Promise<string | null>;
};

const reason = (e: unknown) =>
  e instanceof Error ? (e.name === 'Error' ? e.message : `${e.name}: ${e.message}`) : String(e);

/**
 * A store whose failures (storage disabled, quota exceeded, a private window) never stop the sandbox: a read
 * that fails reads nothing, a write that fails is skipped, and `failure` keeps the first reason so the
 * page can say that work will not survive a reload.
 */
export function guardedStore(inner: KeyValueStore): GuardedStore {
  const guarded = {
    failure: null as string | null,
    async trySet(key: string, value: string) {
      try {
        await inner.set(key, value);
        return null;
      } catch (e) {
        guarded.failure ??= reason(e);
        return reason(e);
      }
    },
    async keys() {
      try {
        return await inner.keys();
      } catch (e) {
        guarded.failure ??= reason(e);
        return [];
      }
    },
    async get(key: string) {
      try {
        return await inner.get(key);
      } catch (e) {
        guarded.failure ??= reason(e);
        return undefined;
      }
    },
    async set(key: string, value: string) {
      try {
        await inner.set(key, value);
      } catch (e) {
        guarded.failure ??= reason(e);
      }
    },
    async del(key: string) {
      try {
        await inner.del(key);
      } catch (e) {
        guarded.failure ??= reason(e);
      }
    },
  };
  return guarded;
}

export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: async (key) => data.get(key),
    set: async (key, value) => void data.set(key, value),
    del: async (key) => void data.delete(key),
    keys: async () => [...data.keys()],
  };
}

export const KEYS = {
  session: 'session',
  /** The session a loaded preset, file or link replaced: one step back, so nothing made is lost. */
  previous: 'session-previous',
  /** The saved session as an image, for fast reloads (image-cache.ts). */
  image: 'session-image',
  /** Sandboxes kept aside (kept.ts): each under its own key after this prefix, never overwritten. */
  kept: 'kept:',
  /** The open lesson: its steps paired with chain positions (lesson-run.svelte.ts). */
  lesson: 'lesson-progress',
} as const;
