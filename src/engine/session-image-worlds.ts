// The worlds a reload image keeps (session-image.ts): every world the session has read, each stored as the
// changes from its parent's world, because consecutive worlds differ in a few numbers (a 2000-step session's
// worlds as whole objects would be tens of megabytes). A restored node gets its world back on first use, by
// applying its changes to its parent's, so a reload reads nothing from the chain for a world it had already
// read, and decodes only the worlds a move asks for. Every value is one the chain produced when it was read.
import type { World } from '../protocol/world-types.ts';

/** A changed leaf: its path and its new value; an object key that disappeared has no value. */
type Change = [path: string[], value?: unknown];

/** A node's world: whole (no parent world to start from), or the changes from its parent's world. */
export type StoredWorld = { whole: World } | { changes: Change[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Lists and scalars are compared as a whole; objects key by key, unless a key was added: then the object is
 * stored whole, so its keys keep the order the chain's read gave them.
 */
function diff(a: unknown, b: unknown, path: string[], out: Change[]): void {
  if (isRecord(a) && isRecord(b) && Object.keys(b).every((k) => Object.hasOwn(a, k))) {
    for (const k of Object.keys(b)) diff(a[k], b[k], [...path, k], out);
    for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) out.push([[...path, k]]);
    return;
  }
  if (a === b) return;
  if (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b)) return;
  out.push([path, b]);
}

/** `world` as the changes from `parent` (or whole when there is no parent world). */
export function storeWorld(world: World, parent: World | null): StoredWorld {
  if (parent === null) return { whole: world };
  const changes: Change[] = [];
  diff(parent, world, [], changes);
  return { changes };
}

/**
 * The world a stored form gives back on `parent`. Unchanged parts are shared with the parent's world
 * (worlds are never modified once read), so decoding costs only the paths that changed.
 */
export function loadWorld(stored: StoredWorld, parent: World | null): World {
  if ('whole' in stored) return stored.whole;
  if (parent === null) throw new Error('a stored world needs its parent world');
  let root: Record<string, unknown> = { ...parent };
  for (const [path, ...rest] of stored.changes) {
    const last = path[path.length - 1];
    if (last === undefined) {
      root = { ...(rest[0] as Record<string, unknown>) };
      continue;
    }
    let at = root;
    for (const key of path.slice(0, -1)) {
      const next = at[key];
      const copy = isRecord(next) ? { ...next } : {};
      at[key] = copy;
      at = copy;
    }
    if (rest.length === 0) delete at[last];
    else at[last] = rest[0];
  }
  return root as unknown as World;
}

/** Each world's stored form, kept with the parent world it was taken against: a world is compared once. */
const storedForms = new WeakMap<World, { parent: World | null; stored: StoredWorld }>();

/** `storeWorld`, remembered: taking the next image costs only the worlds read since the last. */
export function storeWorldOnce(world: World, parent: World | null): StoredWorld {
  const kept = storedForms.get(world);
  if (kept !== undefined && kept.parent === parent) return kept.stored;
  const stored = storeWorld(world, parent);
  storedForms.set(world, { parent, stored });
  return stored;
}

/**
 * Gives each restored node its stored world on first use. Decoding walks up to the nearest world already
 * known and back down, without recursion, so a node 2000 steps from the nearest whole world decodes as well.
 */
export class StoredWorlds {
  private readonly known = new Map<number | null, World>();

  constructor(
    private readonly stored: ReadonlyMap<number, StoredWorld>,
    private readonly parentOf: (id: number) => number | null,
    genesis: World | null,
  ) {
    if (genesis !== null) this.known.set(null, genesis);
  }

  has(id: number): boolean {
    return this.stored.has(id);
  }

  world(id: number): World | null {
    const up: number[] = [];
    let at: number | null = id;
    while (at !== null && !this.known.has(at)) {
      if (!this.stored.has(at)) break;
      up.push(at);
      at = this.parentOf(at);
    }
    const top = up.at(-1);
    if (top === undefined) return this.known.get(id) ?? null;
    // The oldest undecoded node must be whole, or have a known parent world.
    let parent = at === null || this.known.has(at) ? (this.known.get(at) ?? null) : null;
    for (const node of up.reverse()) {
      const s = this.stored.get(node);
      if (s === undefined || ('changes' in s && parent === null)) return null;
      parent = loadWorld(s, parent);
      storedForms.set(parent, { parent: this.known.get(this.parentOf(node)) ?? null, stored: s });
      this.known.set(node, parent);
    }
    return this.known.get(id) ?? null;
  }
}
