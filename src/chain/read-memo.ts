// Incremental reads. A view call is a pure function of the storage slots it loads, the code it runs and, for
// a few opcodes, the head block or account balances; so each result is kept with exactly those inputs, as
// the EVM itself reported them while it ran, and dropped the moment any of them is written. A read whose
// inputs were not written since returns the kept result: the number still came from the EVM, earlier, on
// identical inputs. After a step, only the calls that loaded a slot the step wrote run again.
//
// Inputs are recorded by wrapping this chain's state manager (getStorage, getCode and getCodeSize are how the
// interpreter loads storage and code) and the handlers of the opcodes that read the head (BLOCKHASH,
// TIMESTAMP, NUMBER) or an account (BALANCE, SELFBALANCE, EXTCODEHASH). Writes are seen the same way
// (putStorage, putCode, putAccount and friends), and so are journal reverts: a revert puts back every slot
// written since its checkpoint, so those slots invalidate again.
import type { Chain } from './evm.ts';
import { addressHex, slotHex } from './trie-db.ts';

/** A recorded input: `s:<address>:<slot>`, `c:<address>` (code) or ACCOUNTS (any account's fields). */
type Dep = string;
const ACCOUNTS = 'a';

export interface Kept {
  value: unknown;
  error: string | undefined;
  deps: Dep[];
  /** The head it ran at, when it read the head (else any head will do). */
  head: string | undefined;
}

interface Recording {
  deps: Set<Dep>;
  head: boolean;
}

export interface ReadMemo {
  readonly kept: Map<string, Kept>;
  readonly byDep: Map<Dep, Set<string>>;
  recording: Recording | undefined;
  /** The call being recorded: reads started meanwhile (Promise.all over reads) wait their turn. */
  running: Promise<unknown> | undefined;
  /** Writes since each open journal checkpoint, innermost last. */
  readonly levels: Set<Dep>[];
  /** Collects every input key written while set (a step's writes, for moves in a history tree). */
  tracking: Set<Dep> | undefined;
  /** The inputs a coming `setStateRoot` changes; unset, it forgets everything. */
  expected: ReadonlySet<Dep> | undefined;
  hits: number;
  misses: number;
}

const memos = new WeakMap<Chain, ReadMemo>();

// Every storage load of a recorded read and every storage write names its slot in unprefixed hex, an address's
// made once per address and a slot's once per load (trie-db.ts `addressHex`, `slotHex`).
const addr = (a: { bytes: Uint8Array }) => addressHex(a.bytes);

function invalidate(m: ReadMemo, dep: Dep): void {
  m.tracking?.add(dep);
  m.levels[m.levels.length - 1]?.add(dep);
  const keys = m.byDep.get(dep);
  if (keys === undefined) return;
  m.byDep.delete(dep);
  for (const k of keys) m.kept.delete(k);
}

export function forgetAll(m: ReadMemo): void {
  m.kept.clear();
  m.byDep.clear();
}

type AnyFn = (...args: never[]) => unknown;

/** Replaces `obj[name]` with a wrapper that runs `before` with the same arguments first. */
function around(obj: object, name: string, before: (...args: never[]) => void): void {
  const target = obj as Record<string, AnyFn>;
  const original = target[name];
  if (typeof original !== 'function') throw new Error(`cannot watch ${name}: it is not a method`);
  target[name] = function (this: unknown, ...args: never[]) {
    before(...args);
    return original.apply(this, args);
  };
}

/** Replaces `obj[name]`, a method of one or two arguments, with one that runs `before` with them first. */
function readThrough(obj: object, name: string, before: (a: never, b: never) => void): void {
  const target = obj as Record<string, (a: never, b: never) => unknown>;
  const original = target[name];
  if (typeof original !== 'function') throw new Error(`cannot watch ${name}: it is not a method`);
  target[name] = function (this: unknown, a: never, b: never) {
    before(a, b);
    return original.call(this, a, b);
  };
}

interface RunState {
  interpreter: { _env: { address: { bytes: Uint8Array } } };
}

function install(chain: Chain): ReadMemo {
  const m: ReadMemo = {
    kept: new Map(),
    byDep: new Map(),
    recording: undefined,
    running: undefined,
    levels: [],
    tracking: undefined,
    expected: undefined,
    hits: 0,
    misses: 0,
  };
  const sm = chain.stateManager;
  type A = { bytes: Uint8Array };
  // The loads a view call makes, hundreds per world read: recorded by wrappers of their own arity (no rest
  // arguments).
  readThrough(sm, 'getStorage', (a: A, key: Uint8Array) => {
    if (m.recording !== undefined) m.recording.deps.add(`s:${addr(a)}:${slotHex(key)}`);
  });
  readThrough(sm, 'getCode', (a: A) => {
    if (m.recording !== undefined) m.recording.deps.add(`c:${addr(a)}`);
  });
  readThrough(sm, 'getCodeSize', (a: A) => {
    if (m.recording !== undefined) m.recording.deps.add(`c:${addr(a)}`);
  });
  around(sm, 'putStorage', (a: A, key: Uint8Array) => invalidate(m, `s:${addr(a)}:${slotHex(key)}`));
  around(sm, 'putCode', (a: A) => invalidate(m, `c:${addr(a)}`));
  around(sm, 'putAccount', () => invalidate(m, ACCOUNTS));
  around(sm, 'deleteAccount', () => invalidate(m, ACCOUNTS));
  around(sm, 'modifyAccountFields', () => invalidate(m, ACCOUNTS));
  // Clearing an account's storage touches slots nobody listed: forget everything (it never happens in a view).
  around(sm, 'clearStorage', () => {
    m.tracking?.add(ACCOUNTS);
    forgetAll(m);
  });
  around(sm, 'checkpoint', () => m.levels.push(new Set()));
  around(sm, 'commit', () => {
    const top = m.levels.pop();
    const below = m.levels[m.levels.length - 1];
    if (top !== undefined && below !== undefined) for (const d of top) below.add(d);
  });
  around(sm, 'revert', () => {
    const top = m.levels.pop();
    if (top !== undefined) for (const d of top) invalidate(m, d);
  });
  around(sm, 'setStateRoot', () => {
    const expected = m.expected;
    m.expected = undefined;
    if (expected === undefined) forgetAll(m);
    else for (const d of expected) invalidate(m, d);
  });
  // The opcodes whose answer depends on more than storage and code.
  const map = (chain.vm.evm as unknown as { _opcodeMap: ({ opHandler: AnyFn } | undefined)[] })._opcodeMap;
  const headOps = [0x40, 0x42, 0x43]; // BLOCKHASH, TIMESTAMP, NUMBER
  const accountOps = [0x31, 0x47, 0x3f]; // BALANCE, SELFBALANCE, EXTCODEHASH
  for (const op of [...headOps, ...accountOps]) {
    const entry = map[op];
    if (entry === undefined) continue;
    const head = headOps.includes(op);
    around(entry, 'opHandler', (_rs: RunState) => {
      if (m.recording === undefined) return;
      if (head) m.recording.head = true;
      else m.recording.deps.add(ACCOUNTS);
    });
  }
  return m;
}

export function readMemo(chain: Chain): ReadMemo {
  let m = memos.get(chain);
  if (m === undefined) {
    m = install(chain);
    // Checkpoints opened before the memo existed (the pending level) still get their levels.
    const depth = (chain.stateManager as unknown as { _checkpointCount: number })._checkpointCount;
    for (let i = 0; i < depth; i++) m.levels.push(new Set());
    memos.set(chain, m);
  }
  return m;
}

const headKey = (chain: Chain) => `${chain.head.number}@${chain.head.timestamp}`;

/** The kept result for `key`, if none of its inputs changed since it ran. */
export function recall(chain: Chain, m: ReadMemo, key: string): Kept | undefined {
  const k = m.kept.get(key);
  if (k === undefined || (k.head !== undefined && k.head !== headKey(chain))) {
    m.misses++;
    return undefined;
  }
  m.hits++;
  return k;
}

/** Runs `run` while recording its inputs, and keeps its result (or its error) under `key`. */
export async function remember(
  chain: Chain,
  m: ReadMemo,
  key: string,
  run: () => Promise<{ value?: unknown; error?: string }>,
): Promise<Kept> {
  // One recording at a time: concurrent reads would each record the other's inputs.
  while (m.running !== undefined) await m.running.catch(() => undefined);
  const again = m.kept.get(key); // a read that waited may find its answer kept meanwhile
  if (again !== undefined && (again.head === undefined || again.head === headKey(chain))) return again;
  const rec: Recording = { deps: new Set(), head: false };
  m.recording = rec;
  let out: { value?: unknown; error?: string };
  const running = run();
  m.running = running;
  try {
    out = await running;
  } finally {
    m.recording = undefined;
    m.running = undefined;
  }
  const kept: Kept = {
    value: out.value,
    error: out.error,
    deps: [...rec.deps],
    head: rec.head ? headKey(chain) : undefined,
  };
  m.kept.set(key, kept);
  for (const d of kept.deps) {
    let keys = m.byDep.get(d);
    if (keys === undefined) m.byDep.set(d, (keys = new Set()));
    keys.add(key);
  }
  return kept;
}

/**
 * Collects the inputs written from now until `stop()`: a step's writes. Moving between two snapshots of one
 * history, the union of the writes of the steps between them names every input that can differ.
 */
export function trackWrites(chain: Chain): { stop: () => ReadonlySet<string> } {
  const m = readMemo(chain);
  const outer = m.tracking;
  const mine = new Set<Dep>();
  m.tracking = mine;
  return {
    stop: () => {
      m.tracking = outer;
      if (outer !== undefined) for (const d of mine) outer.add(d);
      return mine;
    },
  };
}

/** Tells the next state-root change which inputs it changes, so the rest stays kept. */
export function expectChanges(chain: Chain, changed: ReadonlySet<string> | undefined): void {
  readMemo(chain).expected = changed;
}

/** Drops every kept result (benchmarks measure cold reads this way). */
export function forgetReads(chain: Chain): void {
  forgetAll(readMemo(chain));
}

/** Every kept result with its inputs: what a session image carries, so the chain it restores starts warm. */
export function keptReads(chain: Chain): [key: string, kept: Kept][] {
  return [...readMemo(chain).kept];
}

/**
 * Puts back results kept on a chain standing at the very state this one stands at now (a session image
 * taken there): each is as good as a run here, since a view call is a pure function of its recorded inputs.
 */
export function keepReads(chain: Chain, reads: Iterable<[key: string, kept: Kept]>): void {
  const m = readMemo(chain);
  for (const [key, kept] of reads) {
    m.kept.set(key, kept);
    for (const d of kept.deps) {
      let keys = m.byDep.get(d);
      if (keys === undefined) m.byDep.set(d, (keys = new Set()));
      keys.add(key);
    }
  }
}
