// The Web Worker that owns the chain: the protocol layer runs here unchanged, exactly as in Node, and the
// page talks to it through Comlink with plain data only (world snapshots, step records).
import * as Comlink from 'comlink';
import highsWasm from 'highs/runtime?url';
import { analyzeNetwork, toAnalysisJson } from '../analysis/analyze.ts';
import { configureHighs } from '../analysis/highs.ts';
import { formatValidationError, validateNetwork } from '../analysis/network.ts';
import { evmSpeedupsInstalled } from '../chain/runtime.ts';
import { runScenario } from '../protocol/runner.ts';
import { SCENARIO_PRESETS } from '../protocol/scenarios/index.ts';
import { formatIssues, validateScenario } from '../protocol/scenario-schema.ts';
import { summarizeWorld } from '../protocol/world-summary.ts';
import type { World } from '../protocol/world-types.ts';

export interface PresetRun {
  ok: boolean;
  title: string;
  summary: string;
  world: World | null;
  message: string | null;
  ms: number;
}

// The bundler serves HiGHS's WebAssembly as an asset; tell the loader where.
configureHighs({ locateFile: () => highsWasm });

const api = {
  /** Analyses a network@1 document (the security analyzer runs here too, off the page's thread). */
  async analyze(
    network: unknown,
    method: 'auto' | 'enumeration' | 'integer-program' = 'auto',
  ): Promise<{ ok: true; analysis: unknown } | { ok: false; problems: string[] }> {
    const checked = validateNetwork(network);
    if (!checked.ok) return { ok: false, problems: checked.errors.map(formatValidationError) };
    return { ok: true, analysis: toAnalysisJson(await analyzeNetwork(checked.network, { method })) };
  },
  /** Whether the EVM's jump-analysis cache is active in this worker (see chain/evm-speedups.ts). */
  evmSpeedups: () => evmSpeedupsInstalled(),
  presets(): { id: string; title: string }[] {
    return SCENARIO_PRESETS.map((p) => ({ id: p.id, title: (p.json as { title?: string }).title ?? p.id }));
  },
  async runPreset(id: string): Promise<PresetRun> {
    const started = performance.now();
    const preset = SCENARIO_PRESETS.find((p) => p.id === id);
    if (preset === undefined)
      return { ok: false, title: id, summary: '', world: null, message: `no preset "${id}"`, ms: 0 };
    const v = validateScenario(preset.json);
    if (!v.ok)
      return { ok: false, title: id, summary: '', world: null, message: formatIssues(v.issues), ms: 0 };
    const r = await runScenario(v.scenario);
    return {
      ok: r.ok,
      title: v.scenario.title,
      summary: summarizeWorld(v.scenario.title, r.world, r.steps),
      world: r.world,
      message: r.failure?.message ?? null,
      ms: performance.now() - started,
    };
  },
};

export type ChainWorkerApi = typeof api;

Comlink.expose(api);
