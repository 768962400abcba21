// Two caches that @ethereumjs/evm does not keep, switched on per EVM instance (the benchmark's bare VMs stay
// bare). Both are pure memoization of deterministic work; neither changes what any opcode does.
//
// 1. Jump-destination analysis. The interpreter rescans a contract's whole bytecode (about 20 KB for the
//    allocation and delegation managers) on every call frame, allocating an array per byte. Geth caches this
//    per code; we cache it per code array: with read caches on, the state manager hands out the same array
//    for the same code, and code at an address never changes in place.
// 2. `Common.isActivatedEIP`, asked several times per opcode, is a linear search of a list; a Set answers it.
// 3. KECCAK256's answer as a word, remembered per short input (`fastKeccakOp`).
//
// It also installs the interpreter loop (evm-sync-steps.ts), the call frames' set-up (evm-call-frame.ts) and the
// journal's warm-slot bookkeeping (evm-journal.ts), each switched on by the same per-EVM flag.
//
// The interpreter is not exported by @ethereumjs/evm, so its module is imported by path (the package's
// `exports` map only guards bare specifiers). When that path is missing (another install layout, or Vite's
// dev-server pre-bundling, which gives the EVM its own copy) nothing is patched and the EVM runs as shipped.
import type { VM } from '@ethereumjs/vm';
import { installCallFrame, type InterpreterClass } from './evm-call-frame.ts';
import { installFastJournal } from './evm-journal.ts';
import { keccak256Memo, keccakWord } from './keccak-memo.ts';
import { fastPathsOn, installSyncSteps, type GrowMemory, type WarmSlot } from './evm-sync-steps.ts';

const ENABLED = Symbol.for('restaking-sandbox/evm-speedups');
const KECCAK_OP = Symbol.for('restaking-sandbox/keccak-op');

interface JumpAnalysis {
  jumps: Uint8Array;
  pushes: Record<number, bigint>;
  opcodesCached: unknown[];
}

interface InterpreterProto {
  _getValidJumpDestinations(this: { _evm: object }, code: Uint8Array): JumpAnalysis;
}

let patched: Promise<boolean> | undefined;
/** The interpreter's class, when its module could be imported (evm-call-frame.ts constructs it). */
let interpreterClass: InterpreterClass | undefined;

async function patchInterpreter(): Promise<boolean> {
  let mod: { Interpreter?: { prototype: InterpreterProto } };
  try {
    // Resolved to the very file evm.js imports, so Node and a production bundle share the one module.
    mod = (await import('../../node_modules/@ethereumjs/evm/dist/esm/interpreter.js')) as typeof mod;
  } catch {
    return false;
  }
  const proto = mod.Interpreter?.prototype;
  if (proto === undefined || typeof proto._getValidJumpDestinations !== 'function') return false;
  let grow: GrowMemory | undefined;
  try {
    const util = (await import('../../node_modules/@ethereumjs/evm/dist/esm/opcodes/util.js')) as unknown as {
      subMemUsage?: GrowMemory;
    };
    grow = util.subMemUsage;
  } catch {
    grow = undefined; // memory growth then takes the original step
  }
  let warm: WarmSlot | undefined;
  try {
    const eip2929 =
      (await import('../../node_modules/@ethereumjs/evm/dist/esm/opcodes/EIP2929.js')) as unknown as {
        accessStorageEIP2929?: WarmSlot;
      };
    warm = eip2929.accessStorageEIP2929;
  } catch {
    warm = undefined; // SLOAD then takes the original step
  }
  installSyncSteps(proto, grow, warm);
  interpreterClass = mod.Interpreter as unknown as InterpreterClass;
  const original = proto._getValidJumpDestinations;
  const caches = new WeakMap<object, WeakMap<Uint8Array, JumpAnalysis>>();
  proto._getValidJumpDestinations = function (code) {
    const evm = this._evm as Record<symbol, unknown>;
    if (evm[ENABLED] !== true) return original.call(this, code);
    let cache = caches.get(evm);
    if (cache === undefined) caches.set(evm, (cache = new WeakMap()));
    let analysis = cache.get(code);
    if (analysis === undefined) {
      analysis = sameBytes(evm, code) ?? original.call(this, code);
      cache.set(code, analysis);
      remember(evm, code, analysis);
    }
    return analysis;
  };
  return true;
}

/**
 * The same code often arrives as a new array (a restore or a clone empties the state manager's caches), so a
 * miss by identity looks for an analysed array with equal bytes: comparing is far cheaper than analysing.
 */
const byLength = new WeakMap<object, Map<number, { code: Uint8Array; analysis: JumpAnalysis }[]>>();

function sameBytes(evm: object, code: Uint8Array): JumpAnalysis | undefined {
  const known = byLength.get(evm)?.get(code.length);
  if (known === undefined) return undefined;
  outer: for (const k of known) {
    for (let i = 0; i < code.length; i++) if (k.code[i] !== code[i]) continue outer;
    return k.analysis;
  }
  return undefined;
}

function remember(evm: object, code: Uint8Array, analysis: JumpAnalysis): void {
  let lengths = byLength.get(evm);
  if (lengths === undefined) byLength.set(evm, (lengths = new Map()));
  const list = lengths.get(code.length) ?? [];
  if (!list.some((k) => k.analysis === analysis)) list.push({ code, analysis });
  lengths.set(code.length, list.slice(-8)); // a few codes per length; contracts rarely share one
}

function fastEipLookup(common: { _activatedEIPsCache?: number[]; isActivatedEIP(eip: number): boolean }) {
  let list: number[] | undefined;
  let set = new Set<number>();
  // The list is replaced (not mutated) when the hardfork or EIPs change, so its identity keys the Set.
  common.isActivatedEIP = (eip: number) => {
    const current = common._activatedEIPsCache ?? [];
    if (current !== list) {
      list = current;
      set = new Set(current);
    }
    return set.has(eip);
  };
}

interface KeccakState {
  stack: { popN(n: number): bigint[]; push(value: bigint): void };
  memory: { read(offset: number, size: number, avoidCopy?: boolean): Uint8Array };
}
type OpHandler = (rs: KeccakState, common: { customCrypto: { keccak256?: unknown } }) => void;

/**
 * KECCAK256's handler, its word taken from `keccakWord` (remembered per short input, as the hash itself is)
 * instead of parsed back from the hash's hex each time: a mapping lookup in a view call is one. The original
 * handler runs with the fast paths off, or on a Common whose keccak is not the memo's.
 */
function fastKeccakOp(evm: object): void {
  const entry = (evm as { _opcodeMap?: ({ opHandler: OpHandler } | undefined)[] })._opcodeMap?.[0x20];
  if (entry === undefined) return;
  const original = entry.opHandler;
  entry.opHandler = (rs, common) => {
    if (!fastPathsOn(evm) || common.customCrypto.keccak256 !== keccak256Memo) return original(rs, common);
    const [offset, length] = rs.stack.popN(2) as [bigint, bigint];
    // The memory read is the handler's own (it grows memory as needed); a view, since it is only hashed.
    const data = length === 0n ? new Uint8Array(0) : rs.memory.read(Number(offset), Number(length), true);
    rs.stack.push(keccakWord(data));
  };
}

/** Whether the jump-analysis cache is installed in this runtime (false under Vite's dev server). */
export function evmSpeedupsInstalled(): Promise<boolean> {
  patched ??= patchInterpreter();
  return patched;
}

/** EVM classes whose call frames are set up by evm-call-frame.ts (the EVM class is reached through an instance). */
const framed = new WeakSet<object>();

/** Switches both caches on for this VM's EVM. Returns whether the jump-analysis cache could be installed. */
export async function enableEvmSpeedups(vm: VM): Promise<boolean> {
  patched ??= patchInterpreter();
  const installed = await patched;
  const evm = vm.evm as unknown as Record<symbol, unknown> & { common: Parameters<typeof fastEipLookup>[0] };
  const proto = Object.getPrototypeOf(evm) as object;
  if (!framed.has(proto)) {
    framed.add(proto);
    installCallFrame(proto, fastPathsOn, installed ? interpreterClass : undefined);
  }
  evm[ENABLED] = true;
  fastEipLookup(evm.common);
  installFastJournal(evm as unknown as { journal: unknown }, fastPathsOn);
  if (evm[KECCAK_OP] !== true) {
    evm[KECCAK_OP] = true;
    fastKeccakOp(evm);
  }
  return installed;
}
