// Kept sandboxes: a saved session that could not be restored (damaged, too long, not text at all) or that
// another tab's save would have replaced is put aside here, each under its own key, so the next failure never
// overwrites the last one. The page lists them (views/shell/KeptSandboxes.svelte) to restore, download or
// delete; nothing is ever removed without a person asking.
import { KEYS, type KeyValueStore } from './store.ts';

export interface KeptSummary {
  id: string;
  /** ISO time it was kept. */
  when: string;
  /** Why it was kept, in a sentence. */
  why: string;
  /** Its title and step count when the record could be read that far, else null. */
  title: string | null;
  steps: number | null;
  /** Characters of the kept record. */
  size: number;
}

interface KeptRecord {
  when: string;
  why: string;
  record: string;
}

/** A record as text, whatever was stored: a non-string is written out as JSON when it can be. */
export function recordText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** Title and step count from a session@1 record, for the list; nothing is parsed deeper than that. */
function describe(record: string): { title: string | null; steps: number | null } {
  try {
    const doc = JSON.parse(record) as { scenario?: { title?: unknown }; nodes?: unknown };
    const title = typeof doc.scenario?.title === 'string' ? doc.scenario.title.slice(0, 120) : null;
    return { title, steps: Array.isArray(doc.nodes) ? doc.nodes.length : null };
  } catch {
    return { title: null, steps: null };
  }
}

export class KeptSandboxes {
  private count = 0;

  constructor(
    private readonly store: KeyValueStore & { trySet(k: string, v: string): Promise<string | null> },
  ) {}

  /** Keeps a record aside; returns null when kept, else why the browser refused to store it. */
  keep(raw: unknown, why: string, now = new Date()): Promise<string | null> {
    const when = now.toISOString();
    const id = `${KEYS.kept}${when}#${++this.count}-${Math.random().toString(36).slice(2, 8)}`;
    const kept: KeptRecord = { when, why, record: recordText(raw) };
    return this.store.trySet(id, JSON.stringify(kept));
  }

  async list(): Promise<KeptSummary[]> {
    const ids = (await this.store.keys()).filter((k) => k.startsWith(KEYS.kept)).sort();
    const out: KeptSummary[] = [];
    for (const id of ids) {
      const kept = await this.read(id);
      if (kept === null) continue;
      out.push({ id, when: kept.when, why: kept.why, size: kept.record.length, ...describe(kept.record) });
    }
    return out.reverse();
  }

  /** The kept record's text, or null when there is no such entry. */
  async record(id: string): Promise<string | null> {
    return (await this.read(id))?.record ?? null;
  }

  drop(id: string): Promise<void> {
    return id.startsWith(KEYS.kept) ? this.store.del(id) : Promise.resolve();
  }

  private async read(id: string): Promise<KeptRecord | null> {
    if (!id.startsWith(KEYS.kept)) return null;
    const raw = await this.store.get(id);
    if (typeof raw !== 'string')
      return raw === undefined ? null : { when: '', why: 'unreadable', record: recordText(raw) };
    try {
      const kept = JSON.parse(raw) as Partial<KeptRecord>;
      return {
        when: typeof kept.when === 'string' ? kept.when : '',
        why: typeof kept.why === 'string' ? kept.why : '',
        record: typeof kept.record === 'string' ? kept.record : recordText(kept.record),
      };
    } catch {
      return { when: '', why: 'unreadable', record: raw };
    }
  }
}
