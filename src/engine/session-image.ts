// A session as a file that restores without running anything: the chain's trie (every state its history
// snapshots point at), the sandbox's addresses and actors, and each history node with its snapshot, names
// and transactions. The page's default scenario ships as one (images/), built by `npm run images` and checked
// against a fresh run by a test, so the page is live without deploying or replaying on a first visit.
import {
  chainFromImage,
  imageOf,
  keepReads,
  keptReads,
  restore,
  type ChainImage,
  type Snapshot,
} from '../chain/runtime.ts';
import { cloneNames, type Names, type Sandbox } from '../protocol/sandbox.ts';
import { validateScenario } from '../protocol/scenario-schema.ts';
import { readWorld } from '../protocol/world.ts';
import type { World } from '../protocol/world-types.ts';
import { packReads, unpackCalls, unpackWrites, type ImageReads } from './image-reads.ts';
import { Session, type Entry } from './session.ts';
import { Walk } from './session-walk.ts';
import { storeWorldOnce, StoredWorlds, type StoredWorld } from './session-image-worlds.ts';
import type { Branch, Cursor } from './session-types.ts';
import { fromTagged, toTagged } from './tagged-json.ts';

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
  /**
   * Tagged JSON of each entry; the prebuilt images keep every world here, a reload image none (see
   * `worlds`). Its `writes`, when present, are indexes into `reads.inputs`.
   */
  entries: unknown[];
  /** The view calls kept at the cursor and the inputs they read (absent from images of earlier builds). */
  reads?: ImageReads;
  branches: Branch[];
  cursor: Cursor;
  /**
   * A reload image (image-cache.ts) only: every world the session had read, each entry's as the changes
   * from its parent's (session-image-worlds.ts), null where none was read; the genesis world whole. Its
   * entries then keep no world of their own.
   */
  worlds?: (StoredWorld | null)[];
  genesisWorld?: World | null;
  /**
   * A lesson's image only: its walk-through ahead of the cursor (session-walk.ts), tagged entries as in
   * `entries` (worlds included, `writes` indexes into `reads.inputs`), each after its parent. They are not
   * part of the history; a step the lesson's "show me" performs from the same position takes its result.
   */
  walk?: unknown[];
}

/**
 * The session as an image. `allWorlds` (the prebuilt images) reads and keeps every node's world too: they
 * compress to almost nothing (consecutive worlds differ in a few numbers), and a first visit's undos and
 * charts then read nothing at all.
 */
export async function imageOfSession(
  s: Session,
  allWorlds = false,
  /** A lesson's walk-through, taken on this session's chain after its cursor and then left (`walk`). */
  walked: readonly Entry[] = [],
): Promise<SessionImage> {
  if (allWorlds) for (const node of [null, ...s.entries.keys()]) await s.worldAt(node);
  // The kept reads are the chain's at the cursor, the state a restore puts back.
  await s.moveChainTo(s.cursor.node);
  // Every view call of the cursor's world is kept (a prebuilt image is taken once, so it pays to be whole).
  if (allWorlds) await readWorld(s.sb);
  const p = s.parts();
  const { reads, writes } = packReads(
    keptReads(p.sb.chain),
    [...p.entries, ...walked].map((e) => e.writes),
  );
  return {
    format: IMAGE_FORMAT,
    source: p.source,
    // The header is what a restore needs (config, actors); the steps are in the entries.
    scenario: s.scenarioAt(null),
    // Only what the history's snapshots reach: the transactions' intermediate states stay out.
    chain: await imageOf(
      p.sb.chain,
      [p.genesis.snap, ...p.entries.map((e) => e.snap), ...walked.map((e) => e.snap)].map((x) => x.stateRoot),
    ),
    sandbox: { addresses: p.sb.addresses, actors: p.sb.actors, system: p.sb.system },
    genesis: toTagged({
      snap: p.genesis.snap,
      names: p.genesis.names,
      ...(allWorlds ? { world: p.genesis.world } : {}),
    }),
    entries: p.entries.map((e, i) => ({
      ...(taggedEntry(e, allWorlds) as object),
      ...(writes[i] === undefined ? {} : { writes: writes[i] }),
    })),
    branches: p.branches,
    cursor: p.cursor,
    reads,
    ...(walked.length === 0
      ? {}
      : {
          walk: walked.map((e, i) => ({
            ...(taggedEntry(e, true) as object),
            ...(writes[p.entries.length + i] === undefined ? {} : { writes: writes[p.entries.length + i] }),
          })),
        }),
    // The prebuilt images hold their worlds in the entries: every move in them reads nothing.
    ...(allWorlds ? {} : reloadWorlds(p.entries, p.genesis.world)),
  };
}

/**
 * Each entry's tagged form without its writes (packed per image), once: entries never change but for their
 * world, which a reload image keeps apart.
 */
const tagged = new WeakMap<Entry, unknown>();
function taggedEntry(e: Entry, withWorld: boolean): unknown {
  const plain = (world: World | null) =>
    toTagged({ node: e.node, txs: e.txs, snap: e.snap, names: e.names, world });
  if (withWorld) return plain(e.world);
  let t = tagged.get(e);
  if (t === undefined) tagged.set(e, (t = plain(null)));
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

/** A reload image's worlds put back on its entries, each decoded on first use. */
function restoreReloadWorlds(image: SessionImage, entries: Entry[], genesis: { world: World | null }) {
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

/**
 * Gives `target` the tagged `fields`, each decoded when first read (or replaced when first written): a
 * restore decodes only what the start shows (the cursor's world), and the other worlds and the transactions'
 * receipts when an undo, a chart or the provider asks for them.
 */
function lazily<T extends object>(target: T, fields: Record<string, unknown>): T {
  for (const [key, tagged] of Object.entries(fields)) {
    let value: unknown;
    let decoded = false;
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!decoded) [value, decoded] = [fromTagged(tagged), true];
        return value;
      },
      set: (v: unknown) => {
        [value, decoded] = [v, true];
      },
    });
  }
  return target;
}

/** The session an image holds; `source` renames it (a prebuilt image opened for a lesson or a link). */
export async function sessionFromImage(image: SessionImage, source = image.source): Promise<Session> {
  if (image.format !== IMAGE_FORMAT) throw new Error(`not a session image: ${String(image.format)}`);
  const checked = validateScenario(image.scenario);
  if (!checked.ok) throw new Error('the session image holds an invalid scenario');
  const { steps: _steps, ...header } = image.scenario as Record<string, unknown>;
  const chain = await chainFromImage(image.chain);
  const { world: genesisWorld, ...genesisRest } = image.genesis as { world?: unknown };
  const genesis = lazily(fromTagged(genesisRest) as { snap: Snapshot; names: Names; world: World | null }, {
    world: genesisWorld ?? null,
  });
  const entryOf = (tagged: unknown) => {
    const { writes: w, world, txs, ...e } = tagged as { writes?: unknown; world?: unknown; txs?: unknown };
    const writes = unpackWrites(image.reads, w);
    const entry = lazily(fromTagged(e) as Entry, { world: world ?? null, txs: txs ?? [] });
    if (writes !== undefined) entry.writes = writes;
    return entry;
  };
  const entries = image.entries.map(entryOf);
  restoreReloadWorlds(image, entries, genesis);
  const at = entries.find((e) => e.node.id === image.cursor.node) ?? genesis;
  const sb: Sandbox = {
    chain,
    config: checked.scenario.config,
    addresses: image.sandbox.addresses,
    actors: image.sandbox.actors,
    system: image.sandbox.system,
    names: cloneNames(at.names),
  };
  await restore(chain, at.snap);
  // The chain now stands where the image's reads were kept: they are as good as runs here.
  if (image.reads !== undefined) keepReads(chain, unpackCalls(image.reads));
  return Session.assemble({
    sb,
    header,
    scenario: checked.scenario,
    source,
    genesis,
    entries,
    branches: image.branches,
    cursor: image.cursor,
    chainAt: image.cursor.node,
    ...(image.walk === undefined ? {} : { walk: walkOf(image.walk.map(entryOf), entries, genesis) }),
  });
}

/** The walk-through's steps, each with the position it started from (its parent, in the history or the walk). */
function walkOf(walked: Entry[], entries: readonly Entry[], genesis: Pick<Entry, 'snap' | 'names'>): Walk {
  const byId = new Map<number, Pick<Entry, 'snap' | 'names'>>(entries.map((e) => [e.node.id, e]));
  return new Walk(
    walked.map((step) => {
      const parent = step.node.parent;
      const before = parent === null ? genesis : byId.get(parent);
      if (before === undefined) throw new Error(`the session image's walk-through names no step ${parent}`);
      byId.set(step.node.id, step);
      return { before, step };
    }),
  );
}
