// The interpreter's loop awaits an async `runStep` for every opcode, and an async gas handler for every
// opcode with a dynamic cost: a promise and a microtask per step even for ADD or PUSH, which never touch
// state. A world read runs about 30,000 opcodes, so that overhead was a large share of it. This loop runs an
// opcode with a fixed cost and a synchronous handler in place (the same three things `runStep` does for it:
// charge its fixed gas, advance the counter, run the handler) and hands every other opcode to the original
// `runStep`. Whenever anything could observe the difference (step listeners, debug logging, the profiler, or
// an EIP whose bookkeeping lives in `runStep`), the original loop runs instead.
//
// Switched on per EVM with evm-speedups.ts's flag, like the jump-analysis cache, and installed by it.
const ENABLED = Symbol.for('restaking-sandbox/evm-speedups');
const ORIGINAL_LOOP = Symbol('original interpreter loop');

interface OpInfo {
  code: number;
  feeBigInt: bigint;
  dynamicGas: boolean;
  isAsync: boolean;
  isInvalid: boolean;
}
interface OpEntry {
  opcodeInfo: OpInfo;
  opHandler: (runState: unknown, common: unknown) => unknown;
}
interface RunState {
  code: Uint8Array;
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
  common: Common;
  profilerOpts?: { enabled?: boolean };
  runStep(entry?: OpEntry): Promise<void>;
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
    }
    return { runState: rs, exceptionError };
  };
}

/** Installs the loop on the interpreter's prototype (evm-speedups.ts does, once, with its own patch). */
export function installSyncSteps(proto: object): boolean {
  const p = proto as { run?: Run };
  if (typeof p.run !== 'function') return false;
  p.run = fastRun(p.run);
  return true;
}

/** Runs this VM's EVM on the original loop (or back on this one): tests and benchmarks compare the two. */
export function useOriginalLoop(vm: { evm: object }, on: boolean): void {
  (vm.evm as Record<symbol, unknown>)[ORIGINAL_LOOP] = on;
}
