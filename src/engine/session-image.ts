// A session as a file that restores without running anything: the chain's trie (every state its history
// snapshots point at), the sandbox's addresses and actors, and each history node with its snapshot, names
// and transactions. The page's default scenario ships as one (images/), built by `npm run images` and checked
// against a fresh run by a test, so the page is live without deploying or replaying on a first visit.
import { chainFromImage, imageOf, restore, type ChainImage, type Snapshot } from '../chain/runtime.ts';
import { cloneNames, type Names, type Sandbox } from '../protocol/sandbox.ts';
import { validateScenario } from '../protocol/scenario-schema.ts';
import type { World } from '../protocol/world-types.ts';
import { Session, type Entry } from './session.ts';
import type { Branch, Cursor } from './session-types.ts';
import { fromTagged, toTagged } from './tagged-json.ts';
import { storeWorldOnce, StoredWorlds, type StoredWorld } from './session-image-worlds.ts';

export const IMAGE_FORMAT = 'restaking-sandbox/session-image@1';

export interface SessionImage {
  format: typeof IMAGE_FORMAT;
  source: string;
  /** The scenario file's header (title, description, config, actors) with no steps. */
  scenario: unknown;
  chain: ChainImage;
  sandbox: Pick<Sandbox, 'addresses' | 'actors' | 'system'>;
  /** Tagged JSON (tagged-json.ts) of the genesis snapshot and names. */
  genesis: unknown;
  /** Tagged JSON of each entry; the prebuilt images keep every world here, a reload image none. */
  entries: unknown[];
  branches: Branch[];
  cursor: Cursor;
  /**
   * A reload image (image-cache.ts) only: every world the session had read, each entry's as the changes
   * from its parent's (session-image-worlds.ts), null where none was read; the genesis world whole.
   */
  worlds?: (StoredWorld | null)[];
  genesisWorld?: World | null;
  /**
   * A reload image only: the inputs each step wrote (read-memo.ts), as indexes into `inputs`, so moves
   * after a reload keep the reads those steps could not have changed; null where they were not recorded.
   */
  inputs?: string[];
  writes?: (number[] | null)[];
}

/**
 * The session as an image. `allWorlds` (the prebuilt images) reads and keeps every node's world too: they
 * compress to almost nothing (consecutive worlds differ in a few numbers), and a first visit's undos and
 * charts then read nothing at all.
 */
export async function imageOfSession(s: Session, allWorlds = false): Promise<SessionImage> {
  if (allWorlds) {
    for (const node of [null, ...s.entries.keys()]) await s.worldAt(node);
    await s.moveChainTo(s.cursor.node);
  }
  const p = s.parts();
  return {
    format: IMAGE_FORMAT,
    source: p.source,
    // The header is what a restore needs (config, actors); the steps are in the entries.
    scenario: s.scenarioAt(null),
    // Only what the history's snapshots reach: the transactions' intermediate states stay out.
    chain: await imageOf(
      p.sb.chain,
      [p.genesis.snap, ...p.entries.map((e) => e.snap)].map((x) => x.stateRoot),
    ),
    sandbox: { addresses: p.sb.addresses, actors: p.sb.actors, system: p.sb.system },
    genesis: toTagged({
      snap: p.genesis.snap,
      names: p.genesis.names,
      ...(allWorlds ? { world: p.genesis.world } : {}),
    }),
    entries: p.entries.map((e) => taggedEntry(e, allWorlds)),
    branches: p.branches,
    cursor: p.cursor,
    // The prebuilt images hold their worlds in the entries, and no writes: every move in them reads nothing.
    ...(allWorlds ? {} : { ...reloadWorlds(p.entries, p.genesis.world), ...stepWrites(p.entries) }),
  };
}

/** Each entry's tagged form, once (entries never change but for their world, which is kept apart). */
const tagged = new WeakMap<Entry, unknown>();
function taggedEntry(e: Entry, withWorld: boolean): unknown {
  if (withWorld) return toTagged({ node: e.node, txs: e.txs, snap: e.snap, names: e.names, world: e.world });
  let t = tagged.get(e);
  if (t === undefined)
    tagged.set(e, (t = toTagged({ node: e.node, txs: e.txs, snap: e.snap, names: e.names, world: null })));
  return t;
}

/** Every world read so far, each as the changes from its parent's (parents come before their children). */
function reloadWorlds(entries: readonly Entry[], genesis: World | null) {
  const byId = new Map<number | null, World | null>([[null, genesis]]);
  const worlds = entries.map((e) => {
    byId.set(e.node.id, e.world);
    return e.world === null ? null : storeWorldOnce(e.world, byId.get(e.node.parent) ?? null);
  });
  return { worlds, genesisWorld: genesis };
}

/** The steps' writes, each input named once in a table. */
function stepWrites(entries: readonly Entry[]) {
  const index = new Map<string, number>();
  const writes = entries.map((e) =>
    e.writes === undefined
      ? null
      : e.writes.map((w) => {
          let i = index.get(w);
          if (i === undefined) index.set(w, (i = index.size));
          return i;
        }),
  );
  return { inputs: [...index.keys()], writes };
}

/** A reload image's worlds and writes put back on its entries: worlds decoded on first use. */
function restoreReloadParts(image: SessionImage, entries: Entry[], genesis: { world: World | null }) {
  const inputs = image.inputs ?? [];
  entries.forEach((e, i) => {
    const w = image.writes?.[i];
    if (w !== undefined && w !== null) e.writes = w.map((k) => inputs[k] ?? '');
  });
  if (image.worlds === undefined) return;
  genesis.world ??= image.genesisWorld ?? null;
  const stored = new Map<number, StoredWorld>();
  entries.forEach((e, i) => {
    const w = image.worlds?.[i];
    if (w !== undefined && w !== null) stored.set(e.node.id, w);
  });
  const parents = new Map(entries.map((e) => [e.node.id, e.node.parent]));
  const lazy = new StoredWorlds(stored, (id) => parents.get(id) ?? null, genesis.world);
  for (const e of entries) {
    if (!lazy.has(e.node.id)) continue;
    let own: World | null | undefined;
    Object.defineProperty(e, 'world', {
      enumerable: true,
      configurable: true,
      get: () => (own === undefined ? lazy.world(e.node.id) : own),
      set: (w: World | null) => (own = w),
    });
  }
}

/** The session an image holds; `source` renames it (a prebuilt image opened for a lesson or a link). */
export async function sessionFromImage(image: SessionImage, source = image.source): Promise<Session> {
  if (image.format !== IMAGE_FORMAT) throw new Error(`not a session image: ${String(image.format)}`);
  const checked = validateScenario(image.scenario);
  if (!checked.ok) throw new Error('the session image holds an invalid scenario');
  const { steps: _steps, ...header } = image.scenario as Record<string, unknown>;
  const chain = await chainFromImage(image.chain);
  const genesis = fromTagged(image.genesis) as { snap: Snapshot; names: Names; world?: World | null };
  const entries = image.entries.map((e) => fromTagged(e) as Entry);
  const start = { world: genesis.world ?? null };
  restoreReloadParts(image, entries, start);
  const at = entries.find((e) => e.node.id === image.cursor.node) ?? {
    ...genesis,
    world: null as World | null,
  };
  const sb: Sandbox = {
    chain,
    config: checked.scenario.config,
    addresses: image.sandbox.addresses,
    actors: image.sandbox.actors,
    system: image.sandbox.system,
    names: cloneNames(at.names),
  };
  await restore(chain, at.snap);
  return Session.assemble({
    sb,
    header,
    scenario: checked.scenario,
    source,
    genesis: { ...genesis, world: start.world },
    entries,
    branches: image.branches,
    cursor: image.cursor,
  });
}
