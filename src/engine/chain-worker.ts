// The Web Worker that owns the chain: the protocol layer runs here unchanged, exactly as in Node, and the
// page talks to it through Comlink with plain data only (session updates, worlds, analyses).
import * as Comlink from 'comlink';
import { abiOf, evmSpeedupsInstalled } from '../chain/runtime.ts';
import { networkFromWorld, type NetworkOptions } from '../protocol/network-from-world.ts';
import type { World } from '../protocol/world-types.ts';
import { Host } from './host.ts';
import { indexedDbStore } from './store.ts';

/**
 * The security analyzer, loaded on first use: the sandbox is live before its code is even fetched.
 * The bundler serves HiGHS's WebAssembly as an asset; the loader is told where.
 */
let analyzer: Promise<typeof import('./analyzer-entry.ts')> | null = null;
function loadAnalyzer() {
  analyzer ??= import('./analyzer-entry.ts');
  return analyzer;
}

const host = new Host(indexedDbStore());
// The worker opens the saved (or default) session as soon as it runs, while the page is still loading its
// own script; the page's start() gets this same session.
const starting = host.start();

export type AnalyzeAnswer =
  { ok: true; analysis: unknown; network: unknown } | { ok: false; problems: string[] };

const api = {
  start: () => starting,
  /** 'default' when nothing was saved: the page then greets a first visit (views/shell/StartScreen). */
  startedFrom: async () => (await starting, host.startedFrom),
  presets: () => host.presets(),
  loadPreset: (id: string, position: number | null = null) => host.loadPreset(id, position),
  loadScenario: (json: unknown, source: string, position: number | null = null) =>
    host.loadScenario(json, source, position),
  importSession: (json: unknown) => host.importSession(json),
  restorePrevious: () => host.restorePrevious(),
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
  ): Promise<AnalyzeAnswer> {
    const { analyzeNetwork, formatValidationError, toAnalysisJson, validateNetwork } = await loadAnalyzer();
    const checked = validateNetwork(network);
    if (!checked.ok) return { ok: false, problems: checked.errors.map(formatValidationError) };
    return { ok: true, network, analysis: toAnalysisJson(await analyzeNetwork(checked.network, { method })) };
  },
  /** Derives network@1 from a world and analyses it. */
  analyzeWorld(
    world: World,
    options: NetworkOptions,
    method: 'auto' | 'enumeration' | 'integer-program' = 'auto',
  ) {
    return api.analyze(networkFromWorld(world, options), method);
  },
  /** Whether the EVM's jump-analysis cache is active in this worker (see chain/evm-speedups.ts). */
  evmSpeedups: () => evmSpeedupsInstalled(),
};

export type ChainWorkerApi = typeof api;

Comlink.expose(api);
