// The interpreter's loop awaits an async `runStep` for every opcode, and an async gas handler for every
// opcode with a dynamic cost: a promise and a microtask per step even for ADD or PUSH, which never touch
// state. A world read runs about 30,000 opcodes, so that overhead was a large share of it. This loop runs an
// opcode with a fixed cost and a synchronous handler in place (the same three things `runStep` does for it:
// charge its fixed gas, advance the counter, run the handler) and hands every other opcode to the original
// `runStep`. Whenever anything could observe the difference (step listeners, debug logging, the profiler, or
// an EIP whose bookkeeping lives in `runStep`), the original loop runs instead.
//
// Switched on per EVM with evm-speedups.ts's flag, like the jump-analysis cache, and installed by it.
import { bytesToBigInt } from '@ethereumjs/util';
import { loadWord, storeWord, wordBytes } from './evm-memory-words.ts';

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
interface Stack {
  _store: bigint[];
  _len: number;
}
interface RunState {
  code: Uint8Array;
  stack: Stack;
  memory: Parameters<typeof storeWord>[0] & { read(offset: number, size: number): Uint8Array };
  memoryWordCount: bigint;
  gasLeft: bigint;
  programCounter: number;
  opCode: number;
  validJumps: Uint8Array;
  cachedPushes: Record<number, bigint>;
  shouldDoJumpAnalysis: boolean;
  env: { accessWitness?: unknown };
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
const STACK_LIMIT = 1024;
const MEMORY_LIMIT = 2n ** 32n;

/** Whether a 32-byte word at `at` lies in memory already paid for (then MLOAD and MSTORE cost their base fee). */
function paidWord(rs: RunState, at: bigint): boolean {
  return at < MEMORY_LIMIT && Math.floor((Number(at) + 63) / 32) <= Number(rs.memoryWordCount);
}

/** A valid JUMPDEST for `dest`, or -1 (the original handler then raises the error). */
function jumpTarget(rs: RunState, dest: bigint, codeSize: bigint): number {
  if (dest >= codeSize) return -1;
  const d = Number(dest);
  return rs.validJumps[d] === 1 ? d : -1;
}

const NOTHING = new Uint8Array(0);

/**
 * RETURN's output, popping its two operands, when its memory range is already paid for (RETURN's only cost);
 * else undefined having changed nothing. A copy, as `memory.read` gives the original handler.
 */
function returnedBytes(rs: RunState, stack: Stack): Uint8Array | undefined {
  const s = stack._store;
  const n = stack._len;
  if (n < 2) return undefined;
  const at = s[n - 1]!;
  const length = s[n - 2]!;
  if (length === 0n) {
    stack._len = n - 2;
    return new Uint8Array(0);
  }
  if (at >= MEMORY_LIMIT || length >= MEMORY_LIMIT) return undefined;
  const end = Number(at) + Number(length);
  if (Math.ceil(end / 32) > Number(rs.memoryWordCount)) return undefined;
  stack._len = n - 2;
  return rs.memory.read(Number(at), Number(length));
}

/**
 * Runs the opcode at `pc` in place when it is one of the most frequent (stack, arithmetic and comparison,
 * jumps, MLOAD and MSTORE without memory growth) and nothing can go wrong: the stack has what it needs and a
 * jump lands on a JUMPDEST. Returns the next program counter, or -1 having changed nothing, so the original
 * handler runs and raises any error exactly as it would. Each case is the handler in
 * @ethereumjs/evm's opcodes/functions.ts, on the same bigints; the caller charges the opcode's fixed gas.
 */
function inlineStep(rs: RunState, stack: Stack, op: number, pc: number, codeSize: bigint): number {
  const s = stack._store;
  const n = stack._len;
  if (op >= 0x60 && op <= 0x7f) {
    // PUSH1..PUSH32: the value the jump analysis decoded, keyed by the byte after the opcode.
    if (rs.shouldDoJumpAnalysis || n >= STACK_LIMIT) return -1;
    s[n] = rs.cachedPushes[pc + 1]!;
    stack._len = n + 1;
    return pc + 1 + (op - 0x5f);
  }
  if (op >= 0x80 && op <= 0x8f) {
    const k = op - 0x7f; // DUPk
    if (n < k || n >= STACK_LIMIT) return -1;
    s[n] = s[n - k]!;
    stack._len = n + 1;
    return pc + 1;
  }
  if (op >= 0x90 && op <= 0x9f) {
    const k = op - 0x8f; // SWAPk
    if (n <= k) return -1;
    const top = s[n - 1]!;
    s[n - 1] = s[n - 1 - k]!;
    s[n - 1 - k] = top;
    return pc + 1;
  }
  switch (op) {
    case 0x5b: // JUMPDEST
      return pc + 1;
    case 0x50: // POP
      if (n < 1) return -1;
      stack._len = n - 1;
      return pc + 1;
    case 0x5f: // PUSH0
      if (n >= STACK_LIMIT) return -1;
      s[n] = 0n;
      stack._len = n + 1;
      return pc + 1;
    case 0x56: {
      // JUMP
      if (n < 1) return -1;
      const to = jumpTarget(rs, s[n - 1]!, codeSize);
      if (to < 0) return -1;
      stack._len = n - 1;
      return to;
    }
    case 0x57: {
      // JUMPI
      if (n < 2) return -1;
      if (s[n - 2] === 0n) {
        stack._len = n - 2;
        return pc + 1;
      }
      const to = jumpTarget(rs, s[n - 1]!, codeSize);
      if (to < 0) return -1;
      stack._len = n - 2;
      return to;
    }
    case 0x15: // ISZERO
      if (n < 1) return -1;
      s[n - 1] = s[n - 1] === 0n ? 1n : 0n;
      return pc + 1;
    case 0x19: // NOT
      if (n < 1) return -1;
      s[n - 1] = BigInt.asUintN(256, ~s[n - 1]!);
      return pc + 1;
    case 0x51: {
      // MLOAD, when the word is inside memory already paid for (else the gas handler prices the growth)
      if (n < 1) return -1;
      const at = s[n - 1]!;
      if (!paidWord(rs, at)) return -1;
      s[n - 1] = loadWord(rs.memory, Number(at));
      return pc + 1;
    }
    case 0x52: {
      // MSTORE, likewise
      if (n < 2) return -1;
      const at = s[n - 1]!;
      if (!paidWord(rs, at)) return -1;
      storeWord(rs.memory, Number(at), s[n - 2]!);
      stack._len = n - 2;
      return pc + 1;
    }
  }
  // Binary operations: a is the top of the stack, b the one below; the result replaces both.
  if (n < 2) return -1;
  const a = s[n - 1]!;
  const b = s[n - 2]!;
  let r: bigint;
  switch (op) {
    case 0x01: // ADD
      r = BigInt.asUintN(256, a + b);
      break;
    case 0x02: // MUL
      r = BigInt.asUintN(256, a * b);
      break;
    case 0x03: // SUB
      r = BigInt.asUintN(256, a - b);
      break;
    case 0x10: // LT
      r = a < b ? 1n : 0n;
      break;
    case 0x11: // GT
      r = a > b ? 1n : 0n;
      break;
    case 0x12: // SLT
      r = BigInt.asIntN(256, a) < BigInt.asIntN(256, b) ? 1n : 0n;
      break;
    case 0x13: // SGT
      r = BigInt.asIntN(256, a) > BigInt.asIntN(256, b) ? 1n : 0n;
      break;
    case 0x14: // EQ
      r = a === b ? 1n : 0n;
      break;
    case 0x16: // AND
      r = a & b;
      break;
    case 0x17: // OR
      r = a | b;
      break;
    case 0x18: // XOR
      r = a ^ b;
      break;
    case 0x1b: // SHL
      r = a > 256n ? 0n : BigInt.asUintN(256, b << a);
      break;
    case 0x1c: // SHR
      r = a > 256n ? 0n : b >> a;
      break;
    default:
      return -1;
  }
  s[n - 2] = r;
  stack._len = n - 1;
  return pc + 1;
}

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
const shapes = new Map<string, Record<string, unknown>>();

function mergeShaped(rs: object, result: object, env: object): object {
  const keys = Object.keys(rs);
  const resultKeys = Object.keys(result);
  const envKeys = Object.keys(env);
  const id = `${keys.join()}|${resultKeys.join()}|${envKeys.join()}`;
  let shape = shapes.get(id);
  if (shape === undefined) {
    const all = new Set([...keys, ...resultKeys, ...envKeys]);
    shape = Object.fromEntries([...all].map((k) => [k, undefined]));
    shapes.set(id, shape);
  }
  const merged: Record<string, unknown> = { ...shape };
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
          const returned = op === 0x00 ? NOTHING : returnedBytes(rs, stack);
          if (returned !== undefined) {
            if (op === 0xf3) this._result.returnValue = returned;
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

/** Installs the loop on the interpreter's prototype (evm-speedups.ts does, once, with its own patch). */
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

/** Runs this VM's EVM on the original loop (or back on this one): tests and benchmarks compare the two. */
export function useOriginalLoop(vm: { evm: object }, on: boolean): void {
  (vm.evm as Record<symbol, unknown>)[ORIGINAL_LOOP] = on;
}
