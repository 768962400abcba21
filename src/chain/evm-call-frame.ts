// A call frame's set-up and result (@ethereumjs/evm's `_executeCall` and `runInterpreter`) without their object
// spreads. The library hands the interpreter a copy of the message made as `{ ...{ codeAddress }, ...message,
// gasLimit }`, and returns `{ ...result, runState: { ...runState, ...result, ...env }, exceptionError, ... }`.
// On Node 20's V8, spreading many properties into an object that already has some makes the engine build new
// hidden classes every time: measured 25-90 µs per spread, about 10 KB of garbage each (a world read of the
// 4-actor example: 83 frames; the first spread alone allocated 0.9 MB of its 9.8 MB). These copy the same keys in
// the same order with plain stores, and do the rest exactly as the library does, through its own methods.
//
// Only the path Prague takes: whenever an EIP with frame bookkeeping of its own is active (verkle and
// binary-tree witnesses, EIP-2780's top-frame charges, block-level access lists, ETH transfer logs, state gas),
// or debug logging or the profiler is on, the library's own method runs. Switched on per EVM with
// evm-speedups.ts's flag, and off with `useOriginalLoop`, like the interpreter loop.
import { EVMError, Message as LibraryMessage } from '@ethereumjs/evm';
import { Account, createZeroAddress, type Address } from '@ethereumjs/util';

/** EIPs whose bookkeeping lives in `_executeCall` itself. None is active in Prague. */
const FRAME_EIPS = [2780, 6800, 7708, 7864, 7928, 8037];

/** The fields of @ethereumjs/evm's `Message` this reads (it is a class with a `codeAddress` getter). */
interface Message {
  caller: unknown;
  to: unknown;
  value: bigint;
  gasLimit: bigint;
  gasRefund: bigint;
  delegatecall: boolean;
  depth: number;
  data: Uint8Array;
  code?: Uint8Array | ((...args: never[]) => unknown);
  isCompiled: boolean;
  readonly codeAddress: unknown;
}

interface ExecResult {
  executionGasUsed: bigint;
  gasRefund?: bigint;
}

/** The message `runInterpreter` gets: a copy made by `frameMessage`, or a `Message` (creates, `runCode`). */
interface FrameMessage {
  to?: unknown;
  caller?: unknown;
  data?: Uint8Array;
  value?: bigint;
  code?: unknown;
  isStatic?: boolean;
  isCreate?: boolean;
  depth?: number;
  gasLimit: bigint;
  codeAddress?: unknown;
  gasRefund?: bigint;
  chargeCodeAccesses?: boolean;
  blobVersionedHashes?: unknown[];
  accessWitness?: { commit(): void };
  createdAddresses?: Set<string>;
  selfdestruct?: Map<string, string>;
}

interface InterpreterRun {
  runState: { gasLeft: bigint; gasRefund: bigint; stateGasSpilled?: bigint };
  exceptionError?: { error: string };
}

interface InterpreterInstance {
  _runState: object;
  _result: Record<string, unknown> & { returnValue?: Uint8Array };
  _env: object;
  run(code: unknown, opts: object): Promise<InterpreterRun>;
}

/** @ethereumjs/evm's `Interpreter` class (not exported by the package; evm-speedups.ts imports it by path). */
export type InterpreterClass = new (...args: unknown[]) => InterpreterInstance;

interface Evm {
  DEBUG: boolean;
  _optsCached: { profiler?: { enabled?: boolean } };
  common: { isActivatedEIP(eip: number): boolean };
  stateManager: { getAccount(address: unknown): Promise<Account | undefined> };
  _reduceSenderBalance(account: Account, message: Message): Promise<unknown>;
  _addToBalance(account: Account, message: Message): Promise<void>;
  _loadCode(message: Message): Promise<void>;
  runPrecompile(code: unknown, data: Uint8Array, gasLimit: bigint): Promise<ExecResult>;
  runInterpreter(message: object, opts: { initialLogs?: unknown }): Promise<ExecResult>;
  postMessageCleanup(): void;
  _executeCall(message: Message): Promise<{ execResult: unknown }>;
  events: { listenerCount(topic: string): number };
  _tx: { gasPrice: bigint; origin?: unknown };
  _block?: unknown;
  blockchain: unknown;
  journal: { touchAddress(address: unknown): void };
  performanceLogger: unknown;
}

type RunInterpreter = (
  this: Evm,
  message: FrameMessage,
  opts?: { initialLogs?: unknown },
) => Promise<unknown>;

type ExecuteCall = (this: Evm, message: Message) => Promise<{ execResult: unknown }>;

function plainFrame(evm: Evm): boolean {
  if (evm.DEBUG || evm._optsCached.profiler?.enabled === true) return false;
  for (const eip of FRAME_EIPS) if (evm.common.isActivatedEIP(eip)) return false;
  return true;
}

/** A `Message`'s own keys, in the order its constructor writes them (and `_loadCode` adds the last). */
const MESSAGE_KEYS = [
  'to',
  'value',
  'caller',
  'gasLimit',
  'data',
  'eofCallData',
  'depth',
  'code',
  '_codeAddress',
  'isStatic',
  'isCompiled',
  'salt',
  'selfdestruct',
  'createdAddresses',
  'delegatecall',
  'gasRefund',
  'blobVersionedHashes',
  'accessWitness',
  'chargeCodeAccesses',
];

function usualKeys(keys: readonly string[]): boolean {
  if (keys.length !== MESSAGE_KEYS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== MESSAGE_KEYS[i]) return false;
  return true;
}

/** `{ ...{ codeAddress: message.codeAddress }, ...message, gasLimit }`, key for key, without the spread. */
function frameMessage(message: Message, gasLimit: bigint): Record<string, unknown> {
  const m = message as unknown as Record<string, unknown>;
  const keys = Object.keys(m);
  // The usual message as one literal (one hidden class for all); any other, key by key.
  if (usualKeys(keys))
    return {
      codeAddress: message.codeAddress,
      to: m['to'],
      value: m['value'],
      caller: m['caller'],
      gasLimit,
      data: m['data'],
      eofCallData: m['eofCallData'],
      depth: m['depth'],
      code: m['code'],
      _codeAddress: m['_codeAddress'],
      isStatic: m['isStatic'],
      isCompiled: m['isCompiled'],
      salt: m['salt'],
      selfdestruct: m['selfdestruct'],
      createdAddresses: m['createdAddresses'],
      delegatecall: m['delegatecall'],
      gasRefund: m['gasRefund'],
      blobVersionedHashes: m['blobVersionedHashes'],
      accessWitness: m['accessWitness'],
      chargeCodeAccesses: m['chargeCodeAccesses'],
    };
  const copy: Record<string, unknown> = { codeAddress: message.codeAddress };
  for (const k of keys) copy[k] = m[k];
  copy['gasLimit'] = gasLimit;
  return copy;
}

/**
 * Moves the call's value as `_reduceSenderBalance` or `_addToBalance` does. Moving nothing to or from an account
 * that exists changes nothing but the journal's touched set (the library stores the unchanged account again, and
 * each such store costs an RLP encoding, a cache entry and its checkpoint copy, and the next read's decoding):
 * so the account is only touched. An account that does not exist is stored (created empty), as by the library.
 */
async function moveValue(
  evm: Evm,
  address: unknown,
  message: Message,
  move: (account: Account, message: Message) => Promise<unknown>,
): Promise<unknown> {
  const found = await evm.stateManager.getAccount(address);
  if (message.value === 0n && found !== undefined) {
    evm.journal.touchAddress(address);
    return undefined;
  }
  try {
    await move.call(evm, found ?? new Account(), message);
  } catch (e) {
    return e;
  }
  return undefined;
}

/**
 * `_executeCall` without its spreads. `viewFrame`: a top-level view frame whose caller and callee `runViewFrame`
 * just found to exist, moving no value: they are only touched, as `moveValue` would do after looking them up
 * again.
 */
async function executeCall(evm: Evm, message: Message, viewFrame = false): Promise<{ execResult: unknown }> {
  const gasLimit = message.gasLimit;
  let errorMessage: unknown;
  if (viewFrame) {
    evm.journal.touchAddress(message.caller);
    evm.journal.touchAddress(message.to);
  } else if (message.delegatecall) {
    // The library reads both accounts even here (it stores neither): a read can bring one into the caches.
    await evm.stateManager.getAccount(message.caller);
    await evm.stateManager.getAccount(message.to);
  } else {
    errorMessage = await moveValue(evm, message.caller, message, evm._reduceSenderBalance);
    const toError = await moveValue(evm, message.to, message, evm._addToBalance);
    if (toError !== undefined) errorMessage = toError;
  }
  await evm._loadCode(message);
  const code = message.code;
  if (code === undefined || (typeof code !== 'function' && code.length === 0) || errorMessage !== undefined) {
    return {
      execResult: {
        gasRefund: message.gasRefund,
        executionGasUsed: message.gasLimit - gasLimit,
        exceptionError: errorMessage,
        returnValue: new Uint8Array(0),
        logs: undefined,
      },
    };
  }
  let result: ExecResult;
  if (message.isCompiled) {
    result = await evm.runPrecompile(code, message.data, gasLimit);
    result.gasRefund = message.gasRefund;
  } else {
    result = await evm.runInterpreter(frameMessage(message, gasLimit), { initialLogs: undefined });
  }
  if (message.depth === 0) evm.postMessageCleanup();
  result.executionGasUsed += message.gasLimit - gasLimit;
  return { execResult: result };
}

/** Writes every own key of `from` into `to`, in order: what spreading `from` into `to` does. */
function assignAll(to: Record<string, unknown>, from: object): void {
  const src = from as Record<string, unknown>;
  for (const k of Object.keys(src)) to[k] = src[k];
}

/** The library's `runInterpreter`, step for step, with its result built by `assignAll` instead of spreads. */
async function runInterpreter(
  evm: Evm,
  Interpreter: InterpreterClass,
  message: FrameMessage,
  opts: { initialLogs?: unknown },
): Promise<unknown> {
  const contract = (await evm.stateManager.getAccount(message.to ?? createZeroAddress())) ?? new Account();
  const env = {
    address: message.to ?? createZeroAddress(),
    caller: message.caller ?? createZeroAddress(),
    callData: message.data ?? Uint8Array.from([0]),
    callValue: message.value ?? 0n,
    code: message.code,
    isStatic: message.isStatic ?? false,
    isCreate: message.isCreate ?? false,
    depth: message.depth ?? 0,
    gasPrice: evm._tx.gasPrice,
    origin: evm._tx.origin ?? message.caller ?? createZeroAddress(),
    block: evm._block,
    contract,
    codeAddress: message.codeAddress,
    gasRefund: message.gasRefund,
    chargeCodeAccesses: message.chargeCodeAccesses,
    blobVersionedHashes: message.blobVersionedHashes ?? [],
    accessWitness: message.accessWitness,
    createdAddresses: message.createdAddresses,
    initialLogs: opts.initialLogs,
  };
  const interpreter = new Interpreter(
    evm,
    evm.stateManager,
    evm.blockchain,
    env,
    message.gasLimit,
    evm.journal,
    evm.performanceLogger,
    evm._optsCached.profiler,
  );
  if (message.selfdestruct) interpreter._result['selfdestruct'] = message.selfdestruct;
  if (message.createdAddresses) interpreter._result['createdAddresses'] = message.createdAddresses;
  const ran = await interpreter.run(message.code, opts);
  let result: Record<string, unknown> & { returnValue?: Uint8Array } = interpreter._result;
  let gasUsed = message.gasLimit - ran.runState.gasLeft;
  const error = ran.exceptionError;
  if (error) {
    if (
      error.error !== EVMError.errorMessages.REVERT &&
      error.error !== EVMError.errorMessages.INVALID_EOF_FORMAT
    )
      gasUsed = message.gasLimit;
    // Cleared on error, as the library does: a copy with empty logs, self-destructs and created addresses.
    const cleared: Record<string, unknown> = {};
    assignAll(cleared, result);
    cleared['logs'] = [];
    cleared['selfdestruct'] = new Map();
    cleared['createdAddresses'] = new Set();
    result = cleared;
  }
  message.accessWitness?.commit();
  const rs = ran.runState;
  const gasLeft = rs.gasLeft;
  const gasRefund = rs.gasRefund;
  const stateGasSpilled = rs.stateGasSpilled;
  // evm-sync-steps.ts's loop returns a copy of its run state that already has every key (`mergeShaped`): it is
  // this frame's alone, so it is completed in place and the stores only overwrite. The library's loop returns
  // the interpreter's own run state, which is copied first, as the library's spread copies it.
  const runState: Record<string, unknown> =
    (rs as unknown) === interpreter._runState ? { ...rs } : (rs as unknown as Record<string, unknown>);
  assignAll(runState, result);
  assignAll(runState, interpreter._env);
  const out: Record<string, unknown> = {};
  assignAll(out, result);
  out['runState'] = runState;
  out['exceptionError'] = error;
  out['gas'] = gasLeft;
  out['executionGasUsed'] = gasUsed;
  out['gasRefund'] = gasRefund;
  out['stateGasSpilled'] = stateGasSpilled;
  out['returnValue'] = result.returnValue ?? new Uint8Array(0);
  return out;
}

/** The flag `installCallFrame` was given: whether an EVM may take this file's frames. */
let frameEnabled: ((evm: object) => boolean) | undefined;

/** What a view call gives back: its returned bytes, whether it ended without an error, and its gas. */
export interface ViewOutcome {
  ok: boolean;
  returned: Uint8Array;
  gasUsed: bigint;
}

/**
 * Runs a call to a `view` function at the top level as `evm.runCall` does (no value, no balance check, no nonce
 * bump), but without the journal checkpoint `runCall` opens around its frame, and static: a view writes nothing,
 * so a static frame ends exactly as the library's (a write would end it with an error instead of being kept),
 * and there is nothing for a checkpoint to take back. A checkpoint and its commit (the trie's, the caches', the
 * journal's) cost about a tenth of a small view call.
 *
 * Undefined, having run nothing, unless the frame is this file's own (see `installCallFrame`), nobody listens to
 * the EVM's message events, and both the caller and the callee exist: the library's frame stores an account that
 * does not exist (creating it), and only a checkpoint could take that back if the call failed. The warm slots
 * and addresses a failed view call leaves (which a checkpoint would have dropped) change only later calls' gas.
 */
export async function runViewFrame(
  vmEvm: object,
  opts: { to: Address; caller: Address; data: Uint8Array; gasLimit: bigint; block: unknown },
): Promise<ViewOutcome | undefined> {
  const evm = vmEvm as Evm;
  if (frameEnabled === undefined || !frameEnabled(evm) || !plainFrame(evm)) return undefined;
  if (evm.events.listenerCount('beforeMessage') + evm.events.listenerCount('afterMessage') > 0)
    return undefined;
  const sm = evm.stateManager;
  if ((await sm.getAccount(opts.caller)) === undefined || (await sm.getAccount(opts.to)) === undefined)
    return undefined;
  evm._block = opts.block;
  evm._tx = { gasPrice: 0n, origin: opts.caller };
  const message = new LibraryMessage({
    caller: opts.caller,
    gasLimit: opts.gasLimit,
    to: opts.to,
    value: 0n,
    data: opts.data,
    isStatic: true,
    selfdestruct: new Map(),
    createdAddresses: new Set(),
  }) as unknown as Message;
  const { execResult } = (await executeCall(evm, message, true)) as {
    execResult: { exceptionError?: unknown; returnValue: Uint8Array; executionGasUsed: bigint };
  };
  return {
    ok: execResult.exceptionError === undefined,
    returned: execResult.returnValue,
    gasUsed: execResult.executionGasUsed,
  };
}

/**
 * Installs the frame set-up on the EVM's prototype; `enabled` says per EVM whether it may run (evm-speedups.ts's
 * flag, not the original loop), else the library's own method runs.
 */
export function installCallFrame(
  proto: object,
  enabled: (evm: object) => boolean,
  Interpreter: InterpreterClass | undefined,
): boolean {
  const p = proto as { _executeCall?: ExecuteCall; runInterpreter?: RunInterpreter };
  const original = p._executeCall;
  const originalRun = p.runInterpreter;
  if (typeof original !== 'function' || typeof originalRun !== 'function') return false;
  frameEnabled = enabled;
  p._executeCall = function (this: Evm, message: Message) {
    if (!enabled(this) || !plainFrame(this)) return original.call(this, message);
    return executeCall(this, message);
  };
  // Without the interpreter's class, or before a block is set (a frame always runs after one), the library's own.
  if (Interpreter !== undefined)
    p.runInterpreter = function (this: Evm, message: FrameMessage, opts = {}) {
      if (!enabled(this) || !plainFrame(this) || this._block === undefined)
        return originalRun.call(this, message, opts);
      return runInterpreter(this, Interpreter, message, opts);
    };
  return true;
}
