// The analyzer's code as one lazily loaded chunk of the chain worker (see chain-worker.ts), with HiGHS's
// WebAssembly located where the bundler put it.
import highsWasm from 'highs/runtime?url';
import { configureHighs } from '../analysis/highs.ts';

configureHighs({ locateFile: () => highsWasm });

export { analyzeNetwork, toAnalysisJson } from '../analysis/analyze.ts';
export { DEFAULT_BUDGET_MS } from '../analysis/budget.ts';
export { moreProblems } from '../protocol/scenario-schema.ts';
export { formatValidationError, validateNetwork } from '../analysis/network.ts';
