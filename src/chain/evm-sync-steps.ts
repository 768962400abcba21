// The interpreter's loop awaits an async `runStep` for every opcode, and an async gas handler for every
// opcode with a dynamic cost: a promise and a microtask per step even for ADD or PUSH, which never touch
// state. A world read runs about 30,000 opcodes, so that overhead was a large share of it. This loop runs an
// opcode with a fixed cost and a synchronous handler in place (the same three things `runStep` does for it:
// charge its fixed gas, advance the counter, run the handler) and hands every other opcode to the original
// `runStep`. Whenever anything could observe the difference (step listeners, debug logging, the profiler, or
// an EIP whose bookkeeping lives in `runStep`), the original loop runs instead.
//
// The most frequent opcodes go further (evm-inline-ops.ts): run in place with the frame's gas as a number
// (rs.gasLeft, a bigint, is brought up to date before anything else runs), without a handler call, and with no
// error object for STOP and RETURN; MLOAD/MSTORE that grow memory and SLOAD are priced by the library's own
// functions. A world read's cost was about 1 µs per opcode; these are most of its 32,000 opcodes.
//
// Switched on per EVM with evm-speedups.ts's flag, like the jump-analysis cache, and installed by it.
import { bytesToBigInt } from '@ethereumjs/util';
import { loadWord, storeWord, wordBytes } from './evm-memory-words.ts';
import { inlineStep, MEMORY_LIMIT, returnedBytes, type InlineState } from './evm-inline-ops.ts';

const ENABLED = Symbol.for('restaking-sandbox/evm-speedups');
const ORIGINAL_LOOP = Symbol('original interpreter loop');

interface OpInfo {
  code: number;
  fee: number;
  feeBigInt: bigint;
  dynamicGas: boolean;
  isAsync: boolean;
  isInvalid: boolean;
}
interface OpEntry {
  opcodeInfo: OpInfo;
  opHandler: (runState: unknown, common: unknown) => unknown;
}
interface RunState extends InlineState {
  code: Uint8Array;
  gasLeft: bigint;
  programCounter: number;
  opCode: number;
  env: { accessWitness?: unknown; callData: Uint8Array };
  eip7928PostTargetCallOog?: unknown;
  eip8037BurnLeftoverAfterCreateHaltOntoAlive?: boolean;
}
interface Common {
  isActivatedEIP(eip: number): boolean;
}
interface InterpreterThis {
  _evm: Record<symbol, unknown> & { DEBUG: boolean; events: { listenerCount(name: string): number } };
  _runState: RunState;
  _result: { returnValue?: Uint8Array };
  _env: object;
  common: Common;
  profilerOpts?: { enabled?: boolean };
  runStep(entry?: OpEntry): Promise<void>;
  storageLoad(key: Uint8Array): Promise<Uint8Array>;
  lookupOpInfo(op: number): OpEntry;
  useGas(amount: bigint, context: OpInfo): void;
  _getValidJumpDestinations(code: Uint8Array): {
    jumps: Uint8Array;
    pushes: Record<number, bigint>;
    opcodesCached: OpEntry[];
  };
}
type Run = (this: InterpreterThis, code: Uint8Array, opts?: { pc?: number }) => Promise<unknown>;

// EIPs whose per-step bookkeeping lives in `runStep` or `run`: EOF (3540), verkle and binary-tree code
// chunks (6800, 7864), block-level access lists (7928) and state gas (8037). None is active in Prague.
const STEP_EIPS = [3540, 6800, 7864, 7928, 8037];

function plainSteps(self: InterpreterThis): boolean {
  const evm = self._evm;
  if (
    evm[ENABLED] !== true ||
    evm[ORIGINAL_LOOP] === true ||
    evm.DEBUG ||
    self.profilerOpts?.enabled === true
  )
    return false;
  if (evm.events.listenerCount('step') > 0) return false;
  if (self._runState.env.accessWitness !== undefined) return false;
  for (const eip of STEP_EIPS) if (self.common.isActivatedEIP(eip)) return false;
  return true;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The run state as the loop returns it. The EVM's caller (`runInterpreter`) copies it into its result as
 * `{ ...runState, ...result, ...env }`. On Node 20's V8, a spread that adds many properties to an object made by
 * an earlier spread takes about 100 µs (measured: `{ ...a, ...b }` with 3 + 19 properties, 100-290 µs; the
 * same with every key already in `a`, under 1 µs), and that was paid on every call frame. So this returns a
 * copy of the run state that already has all three objects' keys, in the order the spreads would add them:
 * the spreads then only overwrite, and give the same object as before. Keys of `result` and `env` keep a
 * placeholder until the spreads write them; everything read from it directly (gas left, refund) is the run
 * state's own.
 */
interface Shape {
  rs: readonly string[];
  result: readonly string[];
  env: readonly string[];
  object: Record<string, unknown>;
}
/** The shapes met so far (a handful: the key lists hardly ever change), looked up by comparing key lists. */
const shapes: Shape[] = [];

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function shapeOf(keys: string[], resultKeys: string[], envKeys: string[]): Record<string, unknown> {
  for (const s of shapes)
    if (sameKeys(s.rs, keys) && sameKeys(s.result, resultKeys) && sameKeys(s.env, envKeys)) return s.object;
  const all = new Set([...keys, ...resultKeys, ...envKeys]);
  const object = Object.fromEntries([...all].map((k) => [k, undefined]));
  shapes.unshift({ rs: keys, result: resultKeys, env: envKeys, object });
  shapes.length = Math.min(shapes.length, 16);
  return object;
}

function mergeShaped(rs: object, result: object, env: object): object {
  const keys = Object.keys(rs);
  const merged: Record<string, unknown> = { ...shapeOf(keys, Object.keys(result), Object.keys(env)) };
  for (const k of keys) merged[k] = (rs as Record<string, unknown>)[k];
  return merged;
}

const isJump = (op: number) => op === 0x56 || op === 0x57 || op === 0x5e;

function isStop(e: unknown): 'stop' | 'vm' | 'other' {
  if (typeof e !== 'object' || e === null || (e as { errorType?: unknown }).errorType !== 'EVMError')
    return 'other';
  return (e as { error?: unknown }).error === 'stop' ? 'stop' : 'vm';
}

function fastRun(original: Run): Run {
  return async function (this: InterpreterThis, code, opts = {}) {
    if (!plainSteps(this)) return original.call(this, code, opts);
    const rs = this._runState;
    rs.code = code;
    rs.programCounter = opts.pc ?? rs.programCounter;
    const start = rs.programCounter;
    if (start !== 0 && (start < 0 || start >= code.length))
      throw new Error('Internal error: program counter not in range');
    const stack = rs.stack;
    const codeSize = BigInt(code.length);
    // Gas as a number while inline opcodes run (exact: a frame's gas is far below 2^53); rs.gasLeft is brought
    // up to date before anything else runs, and taken back after. A negative value switches inlining off.
    let gas = rs.gasLeft <= MAX_SAFE ? Number(rs.gasLeft) : -1;
    let owed = false; // whether `gas` is ahead of rs.gasLeft
    let cached: OpEntry[] | undefined;
    let exceptionError: unknown;
    while (rs.programCounter < code.length) {
      const pc = rs.programCounter;
      let entry: OpEntry;
      let op: number;
      if (cached === undefined) {
        op = code[pc]!;
        // As the original loop: the jump analysis runs at the first jump, and its opcode cache is used after.
        if (isJump(op)) {
          const { jumps, pushes, opcodesCached } = this._getValidJumpDestinations(code);
          rs.validJumps = jumps;
          rs.cachedPushes = pushes;
          rs.shouldDoJumpAnalysis = false;
          cached = opcodesCached;
        }
        entry = this.lookupOpInfo(op);
      } else {
        entry = cached[pc]!;
        op = entry.opcodeInfo.code;
      }
      const info = entry.opcodeInfo;
      rs.opCode = op;
      if (gas >= info.fee && rs.eip7928PostTargetCallOog === undefined) {
        if (op === 0x00 || op === 0xf3) {
          // STOP and RETURN end the frame; the original handlers say so by throwing an error (with its stack
          // trace) that the loop catches. Here the loop just ends, with the same result.
          const returned = op === 0x00 ? undefined : returnedBytes(rs, stack);
          if (op === 0x00 || returned !== undefined) {
            if (returned !== undefined) this._result.returnValue = returned;
            gas -= info.fee;
            owed = true;
            rs.programCounter = pc + 1;
            break;
          }
        }
        const next = inlineStep(rs, stack, op, pc, codeSize);
        if (next >= 0) {
          gas -= info.fee;
          owed = true;
          rs.programCounter = next;
          continue;
        }
        if ((op === 0x51 || op === 0x52) && growMemory !== undefined) {
          // MLOAD or MSTORE that grows memory: priced by the library's own memory-growth function, which (as
          // in the gas handler) records the new size before the charge.
          const n = stack._len;
          const at = stack._store[n - 1];
          if (n >= (op === 0x51 ? 1 : 2) && at !== undefined && at < MEMORY_LIMIT) {
            const cost = info.feeBigInt + growMemory(rs, at, 32n, this.common);
            if (cost <= BigInt(gas)) {
              gas -= Number(cost);
              owed = true;
              if (op === 0x51) stack._store[n - 1] = loadWord(rs.memory, Number(at));
              else {
                storeWord(rs.memory, Number(at), stack._store[n - 2]!);
                stack._len = n - 2;
              }
              rs.programCounter = pc + 1;
              continue;
            }
            // Too little gas: charged as the original step charges it, which ends the frame out of gas.
            rs.gasLeft = BigInt(gas);
            owed = false;
            try {
              this.useGas(cost, info);
            } catch (e) {
              if (isStop(e) === 'other') throw e;
              exceptionError = e;
              break;
            }
          }
        }
      }
      if (op === 0x54 && warmSlot !== undefined && gas >= 0 && rs.eip7928PostTargetCallOog === undefined) {
        // SLOAD: the original takes two promises (its gas handler and its handler) and converts the key
        // through a hex string twice. Same charge (the library's EIP-2929 function, which warms the slot), same
        // load (the interpreter's storageLoad), one await.
        const n = stack._len;
        if (n >= 1) {
          const key = wordBytes(stack._store[n - 1]!);
          const cost = info.feeBigInt + warmSlot(rs, key, false, this.common, true);
          rs.gasLeft = BigInt(gas);
          owed = false;
          try {
            this.useGas(cost, info); // ends the frame out of gas when there is too little, as the original
            rs.programCounter = pc + 1;
            stack._len = n - 1;
            const value = await this.storageLoad(key);
            stack._store[stack._len++] = value.length > 0 ? bytesToBigInt(value) : 0n;
          } catch (e) {
            if (isStop(e) === 'other') throw e;
            exceptionError = e;
            break;
          }
          gas = rs.gasLeft <= MAX_SAFE ? Number(rs.gasLeft) : -1;
          continue;
        }
      }
      if (owed) {
        rs.gasLeft = BigInt(gas);
        owed = false;
      }
      try {
        if (info.dynamicGas || info.isAsync || info.isInvalid || rs.eip7928PostTargetCallOog !== undefined)
          await this.runStep(entry);
        else {
          this.useGas(info.feeBigInt, info);
          rs.programCounter++;
          entry.opHandler.call(undefined, rs, this.common);
        }
      } catch (e) {
        const kind = isStop(e);
        if (kind === 'other') throw e;
        if (kind === 'vm') exceptionError = e;
        break;
      }
      if (gas >= 0) gas = rs.gasLeft <= MAX_SAFE ? Number(rs.gasLeft) : -1;
    }
    if (owed) rs.gasLeft = BigInt(gas);
    return { runState: mergeShaped(rs, this._result, this._env), exceptionError };
  };
}

/** @ethereumjs/evm's `subMemUsage`: the gas a memory access costs, recording the memory's new size. */
export type GrowMemory = (rs: RunState, offset: bigint, length: bigint, common: Common) => bigint;
let growMemory: GrowMemory | undefined;
/** @ethereumjs/evm's `accessStorageEIP2929`: an SLOAD's access charge, warming the slot. */
export type WarmSlot = (
  rs: RunState,
  key: Uint8Array,
  isSstore: boolean,
  common: Common,
  charge: boolean,
) => bigint;
let warmSlot: WarmSlot | undefined;

/**
 * Installs the loop on the interpreter's prototype (evm-speedups.ts does, once, with its own patch). Without
 * `grow`, MLOAD and MSTORE that grow memory take the original step; without `warm`, SLOAD does.
 */
export function installSyncSteps(proto: object, grow?: GrowMemory, warm?: WarmSlot): boolean {
  const p = proto as { run?: Run };
  if (typeof p.run !== 'function') return false;
  growMemory = grow;
  warmSlot = warm;
  p.run = fastRun(p.run);
  return true;
}

/** Whether this EVM may take the project's fast paths: speedups on, and not switched to the original loop. */
export function fastPathsOn(evm: object): boolean {
  const e = evm as Record<symbol, unknown>;
  return e[ENABLED] === true && e[ORIGINAL_LOOP] !== true;
}

/**
 * Runs this VM's EVM on the original loop and the library's own call frames (or back on this project's): tests
 * and benchmarks compare the two.
 */
export function useOriginalLoop(vm: { evm: object }, on: boolean): void {
  (vm.evm as Record<symbol, unknown>)[ORIGINAL_LOOP] = on;
}
