// `npm run bench:cli`: the command's cold start, as a whole process, side by side in one run. Each round
// starts `restaking-sandbox run` of a small scenario twice: from the bundle postinstall builds
// (build/cli/restaking-sandbox.mjs), and from the TypeScript sources through tsx (RESTAKING_SANDBOX_TSX=1,
// the development path and the old way), alternating so the machine's noise falls on both alike.
// Last line: one JSON object: medians of wall time and of the child's CPU time (user + system, reported by a
// tiny exit hook; load on a shared machine inflates it far less than wall time), in ms.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);
const FILE = 'src/protocol/scenarios/single-avs-slash.json';
const CPU_HOOK =
  "data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('cpu-ms:'+(u.user+u.system)/1000)})";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
if (!existsSync('build/cli/restaking-sandbox.mjs')) throw new Error('no bundle: run `npm run cli` first');

function once(tsx) {
  const env = { ...process.env };
  if (tsx) env['RESTAKING_SANDBOX_TSX'] = '1';
  else delete env['RESTAKING_SANDBOX_TSX'];
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, 'src/cli/bin.js', 'run', FILE], {
    env,
    encoding: 'utf8',
  });
  const wall = performance.now() - t;
  if (r.status !== 0 || !r.stdout.includes('ok: ')) throw new Error(`the run failed: ${r.stderr}`);
  const cpu = Number(/cpu-ms:([\d.]+)/.exec(r.stderr)?.[1]);
  return { wall, cpu };
}

const bundle = [];
const tsx = [];
for (let i = 0; i < ROUNDS; i++) {
  bundle.push(once(false));
  tsx.push(once(true));
}
const m = (xs, k) => Math.round(median(xs.map((x) => x[k])));
const result = {
  rounds: ROUNDS,
  cliColdStartMs: m(bundle, 'wall'),
  cliColdStartTsxMs: m(tsx, 'wall'),
  cliColdStartCpuMs: m(bundle, 'cpu'),
  cliColdStartTsxCpuMs: m(tsx, 'cpu'),
  ratioTsxToBundle: Number((m(tsx, 'wall') / m(bundle, 'wall')).toFixed(2)),
};
const show = (xs) => xs.map((x) => `${Math.round(x.wall)}/${Math.round(x.cpu)}`).join(' ');
console.log(`wall/cpu ms: bundle ${show(bundle)}; tsx ${show(tsx)}`);
console.log(JSON.stringify(result));
