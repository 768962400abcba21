// A message call's frame set-up (@ethereumjs/evm's `_executeCall`) without its object spread. The library hands
// the interpreter a copy of the message made as `{ ...{ codeAddress }, ...message, gasLimit }`. On Node 20's V8,
// spreading an object's many properties into an object that already has one makes the engine build new hidden
// classes every time: measured 25-90 µs per call frame, about 10 KB of garbage each (a world read of the 4-actor
// example: 83 frames, 0.9 MB of its 9.8 MB allocated). This copies the same keys in the same order with plain
// stores, and does the rest of the frame's set-up exactly as the library does, through its own methods.
//
// Only the path Prague takes: whenever an EIP with frame bookkeeping of its own is active (verkle and
// binary-tree witnesses, EIP-2780's top-frame charges, block-level access lists, ETH transfer logs, state gas),
// or debug logging or the profiler is on, the library's own method runs. Switched on per EVM with
// evm-speedups.ts's flag, and off with `useOriginalLoop`, like the interpreter loop.
import { Account } from '@ethereumjs/util';

/** EIPs whose bookkeeping lives in `_executeCall` itself. None is active in Prague. */
const FRAME_EIPS = [2780, 6800, 7708, 7864, 7928, 8037];

/** The fields of @ethereumjs/evm's `Message` this reads (it is a class with a `codeAddress` getter). */
interface Message {
  caller: unknown;
  to: unknown;
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
}

type ExecuteCall = (this: Evm, message: Message) => Promise<{ execResult: unknown }>;

function plainFrame(evm: Evm): boolean {
  if (evm.DEBUG || evm._optsCached.profiler?.enabled === true) return false;
  for (const eip of FRAME_EIPS) if (evm.common.isActivatedEIP(eip)) return false;
  return true;
}

/** `{ ...{ codeAddress: message.codeAddress }, ...message, gasLimit }`, key for key, without the spread. */
function frameMessage(message: Message, gasLimit: bigint): Record<string, unknown> {
  const copy: Record<string, unknown> = { codeAddress: message.codeAddress };
  const from = message as unknown as Record<string, unknown>;
  for (const k of Object.keys(from)) copy[k] = from[k];
  copy['gasLimit'] = gasLimit;
  return copy;
}

async function executeCall(evm: Evm, message: Message): Promise<{ execResult: unknown }> {
  const gasLimit = message.gasLimit;
  const account = (await evm.stateManager.getAccount(message.caller)) ?? new Account();
  let errorMessage: unknown;
  if (!message.delegatecall) {
    try {
      await evm._reduceSenderBalance(account, message);
    } catch (e) {
      errorMessage = e;
    }
  }
  const toAccount = (await evm.stateManager.getAccount(message.to)) ?? new Account();
  if (!message.delegatecall) {
    try {
      await evm._addToBalance(toAccount, message);
    } catch (e) {
      errorMessage = e;
    }
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

/**
 * Installs the frame set-up on the EVM's prototype; `enabled` says per EVM whether it may run (evm-speedups.ts's
 * flag, not the original loop), else the library's own method runs.
 */
export function installCallFrame(proto: object, enabled: (evm: object) => boolean): boolean {
  const p = proto as { _executeCall?: ExecuteCall };
  const original = p._executeCall;
  if (typeof original !== 'function') return false;
  p._executeCall = function (this: Evm, message: Message) {
    if (!enabled(this) || !plainFrame(this)) return original.call(this, message);
    return executeCall(this, message);
  };
  return true;
}
