// `npm run contracts`: compiles src/chain/contracts/**/*.sol into artifacts.json, and its ABIs alone into
// abis.json (both committed, so the app and the CLI never need the compiler; a test recompiles and fails on
// drift, and another holds abis.json to artifacts.json).
import { writeFileSync } from 'node:fs';
import { abisOf, compile } from '../chain/solc.ts';
import { ABIS_FILE, ARTIFACTS_FILE, loadSolc, readSources, resolveImport } from './contract-sources.ts';

const solc = await loadSolc();
const started = performance.now();
const artifacts = compile(solc, readSources(), resolveImport);
writeFileSync(ARTIFACTS_FILE, JSON.stringify(artifacts, null, 1) + '\n');
writeFileSync(ABIS_FILE, JSON.stringify(abisOf(artifacts)) + '\n');
const ms = Math.round(performance.now() - started);
console.log(
  `solc ${solc.version()}: ${Object.keys(artifacts).length} contracts in ${ms} ms -> artifacts.json`,
);
