// The chain worker's whole API: the protocol layer runs here unchanged, exactly as in Node, and the page
// talks to it through Comlink with plain data only (session updates, worlds, analyses). This is the
// worker's second chunk, loaded by chain-worker.ts while a first visit's page is already on screen.
import { abiOf, evmSpeedupsInstalled } from '../chain/runtime.ts';
import { networkFromWorld, type NetworkOptions } from '../protocol/network-from-world.ts';
import type { World } from '../protocol/world-types.ts';
import { Host } from './host.ts';
import { openShareFragment } from './share-open.ts';
import type { SaveStatus } from './saver.ts';
import { indexedDbStore } from './store.ts';
import { soleTab, webTabLock } from './tab-lock.ts';
import { installTemplateImages } from './template-images.ts';

/**
 * The security analyzer, loaded on first use: the sandbox is live before its code is even fetched.
 * The bundler serves HiGHS's WebAssembly as an asset; the loader is told where.
 */
let analyzer: Promise<typeof import('./analyzer-entry.ts')> | null = null;
function loadAnalyzer() {
  analyzer ??= import('./analyzer-entry.ts');
  return analyzer;
}

/** What the page hears while an analysis runs: its stage and time. */
export type AnalysisProgress = { stage: string; elapsedMs: number; budgetMs: number };

export type AnalyzeAnswer =
  { ok: true; analysis: unknown; network: unknown } | { ok: false; problems: string[] };

/** How the worker opens its first session, decided by its first chunk (chain-worker.ts). */
export interface OpenWith {
  /** The page loads a share or lesson link first: nothing opens before it (link-first.ts). */
  linkFirst: boolean;
  /** Nothing was saved and the page already shows the default sandbox from first-screen.json. */
  firstScreen: boolean;
}

/** The API over a new Host, which starts opening its first session at once. */
export function chainWorkerApi(open: OpenWith) {
  // A load that must deploy the protocol clones the prebuilt deployment instead (fetched when first needed).
  installTemplateImages();
  // One tab saves at a time (tab-lock.ts); without Web Locks every tab is on its own, as before.
  const host = new Host(
    indexedDbStore(),
    typeof navigator !== 'undefined' && 'locks' in navigator ? webTabLock(navigator.locks) : soleTab(),
  );
  // The session opens as soon as this runs. A page opened with a share or lesson link names the worker for it
  // (chain-worker-start.ts): then nothing opens before the link's own sandbox, which the page loads first
  // (start() opens the saved one only when the link cannot be opened).
  let starting = open.linkFirst ? null : open.firstScreen ? host.startDefault() : host.start();
  const linking = open.linkFirst ? host.startForLink() : null;

  /** Analyses started so far, and every one up to `cancelledUpTo` is to stop at its next checkpoint. */
  let analyses = 0;
  let cancelledUpTo = 0;

  const api = {
    start: () => (starting ??= host.start()),
    /**
     * Whether the worker waits for the page to load a link first; then `replaces` says whether a saved
     * sandbox is what the link replaces. Null when the worker opened its session on its own.
     */
    linkFirst: async () => (linking === null ? null : { replaces: await linking }),
    /** 'default' when nothing was saved: the page then greets a first visit (views/shell/StartScreen). */
    startedFrom: async () => (await starting, host.startedFrom),
    presets: () => host.presets(),
    loadPreset: (id: string, position: number | null = null) => host.loadPreset(id, position),
    loadScenario: (json: unknown, source: string, position: number | null = null) =>
      host.loadScenario(json, source, position),
    /**
     * Opens the share link of a page's fragment, asked for by the page before its own code has loaded
     * (first-request.ts): the worker decodes it and loads its sandbox at once, as the page would have.
     */
    openShareLink: (fragment: string) =>
      openShareFragment(fragment, (what) =>
        what.kind === 'preset'
          ? host.loadPreset(what.id, what.position)
          : host.loadScenario(what.json, 'shared link', what.position),
      ),
    importSession: (json: unknown) => host.importSession(json),
    restorePrevious: () => host.restorePrevious(),
    /** The page hears whether its work is saved and whether this tab leads (a Comlink.proxy callback). */
    watchSaves: (listener: (s: SaveStatus) => void) => host.watchSaves(listener),
    retrySave: () => host.retrySave(),
    takeOver: () => host.takeOver(),
    keptSandboxes: () => host.keptSandboxes(),
    keptRecord: (id: string) => host.keptRecord(id),
    restoreKept: (id: string) => host.restoreKept(id),
    dropKept: (id: string) => host.dropKept(id),
    act: host.act.bind(host),
    goto: host.goto.bind(host),
    undo: () => host.undo(),
    redo: () => host.redo(),
    newBranch: (name: string) => host.newBranch(name),
    renameBranch: (id: string, name: string) => host.renameBranch(id, name),
    deleteBranch: (id: string) => host.deleteBranch(id),
    switchBranch: (id: string) => host.switchBranch(id),
    compare: (a: string, b: string) => host.compare(a, b),
    series: (branch: string) => host.series(branch),
    exportScenario: (wholeBranch = false) => host.exportScenario(wholeBranch),
    exportSession: () => host.exportSession(),
    shareTarget: () => host.shareTarget(),
    contracts: () => host.contracts(),
    /** A miniature's ABI by artifact name (`contracts()[i].contract`), for viem's readContract / writeContract. */
    abi: (contract: string) => abiOf(contract),
    rpc: (method: string, params: readonly unknown[] = []) => host.rpc(method, params),
    /** Analyses a network@1 document (the security analyzer runs here too, off the page's thread). */
    async analyze(
      network: unknown,
      method: 'auto' | 'enumeration' | 'integer-program' = 'auto',
      /** Time budget in ms (the analyzer's default when absent); past it the answer says it is incomplete. */
      budgetMs?: number,
      onProgress?: (p: AnalysisProgress) => void,
    ): Promise<AnalyzeAnswer> {
      const run = ++analyses;
      const {
        analyzeNetwork,
        DEFAULT_BUDGET_MS,
        formatValidationError,
        moreProblems,
        toAnalysisJson,
        validateNetwork,
      } = await loadAnalyzer();
      const checked = validateNetwork(network);
      if (!checked.ok) {
        const listed = checked.errors.slice(0, 20).map(formatValidationError);
        return { ok: false, problems: [...listed, ...moreProblems(checked.errors.length, listed.length)] };
      }
      const budget = {
        ms: budgetMs ?? DEFAULT_BUDGET_MS,
        cancelled: () => run <= cancelledUpTo,
        ...(onProgress === undefined ? {} : { onProgress }),
      };
      return {
        ok: true,
        network,
        analysis: toAnalysisJson(await analyzeNetwork(checked.network, { method, budget })),
      };
    },
    /** Stops every analysis running now at its next checkpoint (within one solver call); the sandbox is untouched. */
    cancelAnalysis: () => {
      cancelledUpTo = analyses;
    },
    /** Derives network@1 from a world and analyses it. */
    analyzeWorld(
      world: World,
      options: NetworkOptions,
      method: 'auto' | 'enumeration' | 'integer-program' = 'auto',
      budgetMs?: number,
      onProgress?: (p: AnalysisProgress) => void,
    ) {
      return api.analyze(networkFromWorld(world, options), method, budgetMs, onProgress);
    },
    /** Whether the EVM's jump-analysis cache is active in this worker (see chain/evm-speedups.ts). */
    evmSpeedups: () => evmSpeedupsInstalled(),
  };
  return api;
}

export type ChainWorkerApi = ReturnType<typeof chainWorkerApi>;
