// `npm run bench`: the standard mixed workload three ways in one run, side by side:
//   stack      - the project's full stack (scenario steps -> protocol actions -> signed txs -> decoded results)
//   raw        - bare @ethereumjs/vm running the same transactions: same state manager (Merkle, with caches),
//                signed the same way, calldata encoded in advance
//   remixStyle - the same on the VM's default state manager with no caches (how Remix's VM runs)
// Every way starts from the same booted state and must end on the same state root. World reads (one view call
// per number, each kept until an input it read is written: src/chain/read-memo.ts), side by side:
//   readWorldMs          the workload's final world (29 actors, 160 named withdrawals) read again, unchanged
//   readWorldColdMs      the same world with nothing kept (every view call runs in the EVM)
//   readWorldAfterStepMs the same world read right after one typical step of the workload (median)
//   readWorldSmallMs     formats.md's 4-actor example, cold
//   readWorldSmallCpuMs  the same read's CPU time (the process's, so Node's GC threads count too): steadier
//                        than wall time on a shared machine
// Memory, over the stack's run of the workload (a scenario run: no snapshot taken on the way):
//   heapGrowthMBPer10kTx  heap used after a full GC, after the run less before it
//   trieEntriesPer10kTx   trie database entries the run wrote, its final state settled
// Last line: one JSON object.
import { readFileSync } from 'node:fs';
import { createBlock } from '@ethereumjs/block';
import { MerkleStateManager, Caches } from '@ethereumjs/statemanager';
import { createFeeMarket1559Tx } from '@ethereumjs/tx';
import { createAddressFromString as createAddr, hexToBytes } from '@ethereumjs/util';
import { createVM, runTx } from '@ethereumjs/vm';
import { bytesToHex } from 'viem';
import {
  BLOCK_GAS_LIMIT,
  forgetReads,
  restore,
  snapshot,
  stateRoot,
  type Chain,
  type RecordedTx,
} from '../../src/chain/runtime.ts';
import { bootSandbox } from '../../src/protocol/boot.ts';
import { runScenario, runStep } from '../../src/protocol/runner.ts';
import { validateScenario, type Scenario } from '../../src/protocol/scenario-schema.ts';
import { readWorld } from '../../src/protocol/world.ts';
import { mixedWorkload } from './workload.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 8);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** Entries in a chain's trie database, as the trie sees it (its layer and the layers under it). */
const trieEntries = (chain: Chain) =>
  (
    chain.stateManager as unknown as {
      _trie: { database(): { db: { _database: ReadonlyMap<string, unknown> } } };
    }
  )._trie.database().db._database.size;

function scenario(): Scenario {
  const v = validateScenario(mixedWorkload(ROUNDS));
  if (!v.ok) throw new Error(`workload is invalid: ${JSON.stringify(v.issues.slice(0, 3))}`);
  return v.scenario;
}

/** Replays recorded transactions on a bare VM over a state manager sharing the booted state. */
async function replay(chain: Chain, root: Uint8Array, txs: RecordedTx[], caches: boolean) {
  const trie = (
    chain.stateManager as unknown as { _trie: { shallowCopy(b: boolean): never } }
  )._trie.shallowCopy(false);
  const stateManager = new MerkleStateManager({
    common: chain.common,
    trie,
    ...(caches ? { caches: new Caches() } : {}),
  });
  await stateManager.setStateRoot(root);
  const vm = await createVM({ common: chain.common, stateManager });
  const keys = new Map(chain.accounts.map((a) => [a.address.toLowerCase(), hexToBytes(a.privateKey)]));
  const nonces = new Map<string, bigint>();
  // Calldata, keys and nonces are prepared in advance; signing stays inside the timed loop, as in the stack.
  const prepared = [];
  for (const t of txs) {
    const from = t.from.toLowerCase();
    const nonce = nonces.get(from) ?? (await stateManager.getAccount(createAddr(t.from)))?.nonce ?? 0n;
    nonces.set(from, nonce + 1n);
    prepared.push({ ...t, nonce, data: hexToBytes(t.data), key: keys.get(from)! });
  }
  const started = performance.now();
  for (const t of prepared) {
    const tx = createFeeMarket1559Tx(
      {
        chainId: chain.common.chainId(),
        nonce: t.nonce,
        maxFeePerGas: 0n,
        maxPriorityFeePerGas: 0n,
        gasLimit: t.gasLimit,
        ...(t.to === null ? {} : { to: t.to }),
        value: t.value,
        data: t.data,
      },
      { common: chain.common },
    ).sign(t.key);
    const block = createBlock(
      { header: { number: t.number, timestamp: t.timestamp, gasLimit: BLOCK_GAS_LIMIT, baseFeePerGas: 0n } },
      { common: chain.common },
    );
    await runTx(vm, { tx, block, skipBlockGasLimitValidation: true, skipHardForkValidation: true });
  }
  const ms = performance.now() - started;
  return { ms, root: bytesToHex(await stateManager.getStateRoot()) };
}

async function main() {
  const sc = scenario();
  const coldStart = performance.now();
  await bootSandbox(sc); // deploys the protocol template for this configuration
  const bootColdMs = performance.now() - coldStart;
  const boots: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await bootSandbox(sc);
    boots.push(performance.now() - t);
  }

  const sb = await bootSandbox(sc);
  const bootRoot = await stateRoot(sb.chain);
  const recorded: RecordedTx[] = [];
  sb.chain.recorder = (t) => recorded.push(t);
  const bootEntries = trieEntries(sb.chain);
  const heapBefore = heapMB();
  const stackStart = performance.now();
  for (const [i, step] of sc.steps.entries()) {
    const { failure } = await runStep(sb, i, step);
    if (failure !== undefined) throw new Error(`workload failed: ${failure.message}`);
  }
  const stackMs = performance.now() - stackStart;
  const heapAfter = heapMB();
  delete sb.chain.recorder;
  const stackRoot = bytesToHex(await stateRoot(sb.chain));
  const trieEntriesWritten = trieEntries(sb.chain) - bootEntries;

  const raw = await replay(sb.chain, bootRoot, recorded, true);
  const remix = await replay(sb.chain, bootRoot, recorded, false);
  if (raw.root !== stackRoot || remix.root !== stackRoot)
    throw new Error('replays ended on a different state root');

  const worldTimes: number[] = [];
  const coldTimes: number[] = [];
  for (let i = 0; i < 11; i++) {
    let t = performance.now();
    await readWorld(sb);
    worldTimes.push(performance.now() - t);
    forgetReads(sb.chain);
    t = performance.now();
    await readWorld(sb);
    coldTimes.push(performance.now() - t);
  }
  // After one typical step: the workload's own round actions, by a different staker each time.
  const afterStepTimes: number[] = [];
  const typical = ['lst.stake', 'strategy.deposit', 'vault.deposit', 'withdrawal.queue'];
  const typicalSteps = sc.steps.filter((st) => typical.includes(st.action)).slice(-21);
  for (const [i, step] of typicalSteps.entries()) {
    const extra = step.action === 'withdrawal.queue' ? { ...step, as: `after-step-${i}` } : step;
    const { failure } = await runStep(sb, sc.steps.length + i, extra);
    if (failure !== undefined) throw new Error(`typical step failed: ${failure.message}`);
    const t = performance.now();
    await readWorld(sb);
    afterStepTimes.push(performance.now() - t);
  }
  // The same read on a classroom-sized world: formats.md's example (4 actors, one operator set).
  const small = validateScenario(
    JSON.parse(readFileSync('test/fixtures/scenarios/formats-example.json', 'utf8')),
  );
  if (!small.ok) throw new Error('formats-example.json is invalid');
  const smallRun = await runScenario(small.scenario);
  const smallTimes: number[] = [];
  const smallCpu: number[] = [];
  for (let i = 0; i < 21; i++) {
    forgetReads(smallRun.sandbox.chain);
    const cpu = process.cpuUsage();
    const t = performance.now();
    await readWorld(smallRun.sandbox);
    smallTimes.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    smallCpu.push((used.user + used.system) / 1000);
  }

  // Undo as the app does it: snapshot after a step (flushing that step's writes into the trie), then jump
  // back to a snapshot taken ten steps earlier, and forward again.
  const undoStep = { action: 'lst.stake', by: 's0', amount: 10n ** 18n } as const;
  const history = [await snapshot(sb.chain)];
  const snapTimes: number[] = [];
  for (let i = 0; i < 21; i++) {
    await runStep(sb, i, undoStep);
    const t = performance.now();
    history.push(await snapshot(sb.chain));
    await restore(sb.chain, history[Math.max(0, history.length - 11)]!);
    await restore(sb.chain, history[history.length - 1]!);
    snapTimes.push(performance.now() - t);
  }

  const n = recorded.length;
  const per10k = (x: number) => (x / n) * 10_000;
  const perSec = (ms: number) => Math.round((n / ms) * 1000);
  const result = {
    transactions: n,
    steps: sc.steps.length,
    stackTxPerSec: perSec(stackMs),
    rawTxPerSec: perSec(raw.ms),
    remixStyleTxPerSec: perSec(remix.ms),
    ratioToRaw: Number((raw.ms / stackMs).toFixed(3)),
    ratioToRemixStyle: Number((remix.ms / stackMs).toFixed(3)),
    bootMs: Number(median(boots).toFixed(1)),
    bootColdMs: Number(bootColdMs.toFixed(1)),
    readWorldMs: Number(median(worldTimes).toFixed(2)),
    readWorldColdMs: Number(median(coldTimes).toFixed(2)),
    readWorldAfterStepMs: Number(median(afterStepTimes).toFixed(2)),
    readWorldSmallMs: Number(median(smallTimes).toFixed(2)),
    readWorldSmallCpuMs: Number(median(smallCpu).toFixed(2)),
    snapshotRestoreMs: Number(median(snapTimes).toFixed(2)),
    heapGrowthMBPer10kTx: gc === undefined ? null : Number(per10k(heapAfter - heapBefore).toFixed(1)),
    trieEntriesPer10kTx: Math.round(per10k(trieEntriesWritten)),
  };
  console.log(
    `stack ${stackMs.toFixed(0)} ms, raw ${raw.ms.toFixed(0)} ms, remix-style ${remix.ms.toFixed(0)} ms for ${n} transactions`,
  );
  console.log(JSON.stringify(result));
}

await main();
