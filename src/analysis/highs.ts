// The one place that loads HiGHS (WebAssembly MILP solver). Node finds highs.wasm beside the
// package's loader; a browser build may need to say where the asset is served from, so the app calls
// configureHighs({ locateFile }) (or passes wasmBinary) once before the first analysis of a large network.
import type { Highs, InitOptions } from 'highs';

let options: InitOptions = {};
let loading: Promise<Highs> | undefined;

export function configureHighs(init: InitOptions): void {
  options = init;
  loading = undefined;
}

/** Loads the solver once; the dynamic import keeps the wasm out of bundles that never need it. */
export function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((mod) => mod.default(options));
  return loading;
}
