// Where the session survives a reload: IndexedDB (through idb-keyval), as a JSON string so that whatever
// is read back goes through the same validation as an imported file. Tests pass an in-memory store.
import { createStore, del, get, set } from 'idb-keyval';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<void>;
  del(key: string): Promise<void>;
}

export function indexedDbStore(): KeyValueStore {
  const store = createStore('restaking-sandbox', 'kv');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
  };
}

/**
 * A store whose failures (storage disabled, quota exceeded, a private window) never stop the sandbox: a read
 * that fails reads nothing, a write that fails is skipped, and `failure` keeps the first reason so the
 * page can say that work will not survive a reload.
 */
export function guardedStore(inner: KeyValueStore): KeyValueStore & { failure: string | null } {
  const guarded = {
    failure: null as string | null,
    async get(key: string) {
      try {
        return await inner.get(key);
      } catch (e) {
        guarded.failure ??= e instanceof Error ? e.message : String(e);
        return undefined;
      }
    },
    async set(key: string, value: string) {
      try {
        await inner.set(key, value);
      } catch (e) {
        guarded.failure ??= e instanceof Error ? e.message : String(e);
      }
    },
    async del(key: string) {
      try {
        await inner.del(key);
      } catch (e) {
        guarded.failure ??= e instanceof Error ? e.message : String(e);
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
  };
}

export const KEYS = {
  session: 'session',
  /** The session a loaded preset, file or link replaced: one step back, so nothing made is lost. */
  previous: 'session-previous',
  /** The saved session as an image, for fast reloads (image-cache.ts). */
  image: 'session-image',
  /** A saved session that could not be restored, kept for inspection instead of being overwritten. */
  corrupt: 'session-corrupt',
  /** The open lesson: its steps paired with chain positions (lesson-run.svelte.ts). */
  lesson: 'lesson-progress',
} as const;
