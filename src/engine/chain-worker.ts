// The page's chain worker. It is small, and the chain runs behind it in a worker of its own
// (chain-worker-core.ts), to which it passes the page's calls. On a first visit (nothing saved, no link) it
// answers the page's first screen itself (first-screen.ts) and, until the chain is live, its undos, redos and
// moves too (first-screen-moves.ts): the page is drawn and answered while the chain's code is still being
// compiled on the other thread. The chain's worker starts loading once those moves pause (quiet-start.ts), so
// its compiling does not share the processor with them. When something turns out to be saved, every call goes
// to the chain, which starts at once; links and return visits start the chain's worker directly
// (link-first.ts).
import * as Comlink from 'comlink';
import type { ChainWorkerApi } from './chain-worker-api.ts';
import { FIRST_SCREEN, opensFirstScreen } from './first-screen.ts';
import { FirstScreenMoves } from './first-screen-moves.ts';
import type { ChainCore } from './chain-worker-core.ts';
import { BEHIND, readWorkerName, startsWithFirstScreen } from './link-first.ts';
import { QuietStart } from './quiet-start.ts';
import type { Cursor, Outcome } from './session-types.ts';
import { indexedDbStore } from './store.ts';

export type { AnalysisProgress, AnalyzeAnswer, ChainWorkerApi } from './chain-worker-api.ts';

const name = typeof self === 'undefined' ? '' : self.name;
const { linkFirst } = readWorkerName(name);
/** Whether the page's first start is answered here: nothing is saved and no link is to be loaded first. */
const firstScreen = linkFirst ? Promise.resolve(false) : opensFirstScreen(indexedDbStore());

/**
 * Resolves once the page has been sent its first screen, or has asked for anything the chain answers (and,
 * whatever the page does, after a few seconds).
 */
let answered: () => void = () => undefined;
const sent = new Promise<void>((resolve) => {
  answered = () => setTimeout(resolve, 0);
  setTimeout(resolve, 3000);
});

/**
 * The chain's worker starts behind the first screen once its moves have paused for QUIET_MS (in traces of the
 * browser bench, its first undo came about 350 ms after the first screen was sent, so the pause counts from
 * then too), at once when a
 * call needs the chain, and LATEST_MS after the first screen at the latest.
 */
const QUIET_MS = 500;
const LATEST_MS = 5000;
const quiet = new QuietStart(QUIET_MS, LATEST_MS);
/**
 * Calls the page makes once it has its first session, which wait for the chain without hurrying it: the pause
 * counts from them too, so a page slow to draw its first screen (a loaded machine) still gets its first moves
 * answered before the chain starts.
 */
const PATIENT = new Set(['watchSaves', 'keptSandboxes']);

/** The first screen's moves, answered here while `local` holds: until the chain is live or another call came. */
const moves = new FirstScreenMoves(FIRST_SCREEN);
let local = false;
let frozen = false;

type Chain = Comlink.Remote<ChainCore>;

/** Starts the chain's worker. Its name carries this one's: the link and the image hints (link-first.ts). */
function startCore(): Chain {
  const core = new Worker(new URL('./chain-worker-core.ts', import.meta.url), {
    type: 'module',
    name: `${name} ${BEHIND}`.trim(),
  });
  // Its failure to load is this worker's error, which the page reports as the chain failing to start.
  core.addEventListener('error', (e) => {
    setTimeout(() => {
      throw new Error(e.message || 'the chain could not be loaded');
    });
  });
  return Comlink.wrap<ChainCore>(core);
}

/**
 * The chain's worker starts at once, unless this is most likely a first visit (no link, and no offline cache
 * controls the page: the playground is the image hint). Then it starts after the first screen was sent, so
 * the page's own script and first drawing have the processor until then, and once its moves pause.
 */
const startedAtOnce = startsWithFirstScreen(name) ? null : startCore();
const started: Promise<Chain> = firstScreen.then(async (first) => {
  local = first && !frozen;
  if (first) {
    await sent;
    quiet.begin();
    await quiet.due;
  }
  const chain = startedAtOnce ?? startCore();
  void chain.open({ linkFirst, firstScreen: first });
  return chain;
});
const sameCursor = (a: Cursor, b: Cursor) => a.branch === b.branch && a.node === b.node;

/** The live chain, brought to the cursor the first screen's moves left, before any call goes to it. */
const full = Promise.all([started, firstScreen]).then(async ([chain, first]) => {
  if (first) {
    // The chain has opened the default sandbox once this answers; moves made meanwhile are still answered here.
    await chain.startedFrom();
    // The chain follows the moves while they go on being answered here, and takes over only once it is where
    // they left the cursor: its first move runs on code that has not run yet (a world read of 100 ms and
    // more), and no move waits for that. Moves made while it caught up are caught up with in turn.
    let at = moves.start;
    while (!sameCursor(at, moves.cursor)) {
      const to = { ...moves.cursor };
      await chain.goto(to);
      at = to;
    }
    local = false;
  }
  return chain;
});

/** A move answered here while the chain loads, or by the chain once any other call has gone to it. */
function move(here: () => Outcome, there: (chain: Chain) => Promise<Outcome>): Promise<Outcome> {
  if (!local) return full.then(there);
  quiet.moved();
  return Promise.resolve(here());
}

/** A call only the chain answers: it starts loading now, if it has not yet. */
function needChain(): Promise<Chain> {
  quiet.now();
  return full;
}

const isCursor = (c: unknown): c is Cursor =>
  typeof c === 'object' &&
  c !== null &&
  typeof (c as Cursor).branch === 'string' &&
  ((c as Cursor).node === null || Number.isSafeInteger((c as Cursor).node));

/** The calls this chunk answers itself. */
const early = {
  start: async () => {
    if (!(await firstScreen)) return (await full).start();
    answered();
    return FIRST_SCREEN.start;
  },
  startedFrom: async () => ((await firstScreen) ? ('default' as const) : (await full).startedFrom()),
  presets: () => FIRST_SCREEN.presets,
  linkFirst: async () => (linkFirst ? (await full).linkFirst() : null),
  undo: () =>
    move(
      () => moves.undo(),
      (c) => c.undo(),
    ),
  redo: () =>
    move(
      () => moves.redo(),
      (c) => c.redo(),
    ),
  goto: (cursor: Cursor) =>
    isCursor(cursor)
      ? move(
          () => moves.goto(cursor),
          (c) => c.goto(cursor),
        )
      : needChain().then((c): Promise<Outcome> => c.goto(cursor)),
};

/**
 * Calls that neither change the session nor depend on its cursor: the first screen's moves go on being
 * answered here while they wait for the chain. Any other call waits for the chain and goes to it, and from
 * then on the chain answers moves too, so each call sees the moves made before it and none made after.
 */
const CURSOR_FREE = new Set([
  'watchSaves',
  'keptSandboxes',
  'keptRecord',
  'contracts',
  'abi',
  'evmSpeedups',
  'analyze',
  'analyzeWorld',
  'cancelAnalysis',
  'series',
]);

const api = new Proxy(early as unknown as ChainWorkerApi, {
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    if (key in target) return (target as unknown as Record<string, unknown>)[key];
    return async (...args: unknown[]) => {
      if (!CURSOR_FREE.has(key)) [local, frozen] = [false, true];
      answered();
      if (PATIENT.has(key)) quiet.moved();
      const chain = (await (PATIENT.has(key) ? full : needChain())) as unknown as Record<
        string,
        (...a: unknown[]) => unknown
      >;
      // A page callback (save status, analysis progress) reaches here as a proxy; the chain gets one of its own.
      return chain[key]?.(...args.map((a) => (typeof a === 'function' ? Comlink.proxy(a) : a)));
    };
  },
});

Comlink.expose(api);
