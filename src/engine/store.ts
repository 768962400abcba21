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
} as const;
