// Reads: eth_call at the head block. A read never changes state: it runs inside a journal checkpoint that is
// always reverted, with no nonce bump and no balance check.
import { createBlock, type Block } from '@ethereumjs/block';
import { bytesToHex, hexToBytes, type Address as EjsAddress } from '@ethereumjs/util';
import {
  decodeAbiParameters,
  decodeFunctionResult,
  encodeFunctionData,
  prepareEncodeFunctionData,
  type Abi,
  type AbiFunction,
  type Address,
  type Hex,
} from 'viem';
import { abiOf, decodeRevert, type DecodedError } from './abi.ts';
import { bytesWord } from './evm-memory-words.ts';
import { runViewFrame } from './evm-call-frame.ts';
import { BLOCK_GAS_LIMIT, toEjsAddress, type Chain } from './evm.ts';
import { readMemo, recall, remember } from './read-memo.ts';
import { DEFAULT_GAS, type CallRequest } from './tx.ts';
import { argsKey } from './view-key.ts';

// Building a block costs about 0.3 ms, a large share of a small eth_call; reads between two writes all see
// the same head, so each chain keeps the last head block it built (keyed by number and timestamp, since
// `advance` and snapshot restores move the head without a transaction).
const headBlocks = new WeakMap<Chain, { number: bigint; timestamp: bigint; block: Block }>();

function headBlock(chain: Chain): Block {
  const { number, timestamp } = chain.head;
  const cached = headBlocks.get(chain);
  if (cached !== undefined && cached.number === number && cached.timestamp === timestamp) return cached.block;
  const block = createBlock(
    { header: { number, timestamp, gasLimit: BLOCK_GAS_LIMIT, baseFeePerGas: 0n } },
    { common: chain.common },
  );
  headBlocks.set(chain, { number, timestamp, block });
  return block;
}

/** Chains inside `readBatch`: their calls share one journal checkpoint. */
const batching = new WeakSet<Chain>();

/**
 * Runs many reads under one journal checkpoint, reverted at the end, instead of one each. A checkpoint's
 * revert also drops what the state caches learned inside it, so reads that each open and revert their own
 * checkpoint read the same storage from the trie again and again; inside a batch they hit the cache.
 */
export async function readBatch<T>(chain: Chain, fn: () => Promise<T>): Promise<T> {
  if (batching.has(chain)) return fn();
  await chain.stateManager.checkpoint();
  batching.add(chain);
  try {
    return await fn();
  } finally {
    batching.delete(chain);
    await chain.stateManager.revert();
  }
}

/** A call's outcome as the EVM gave it: the returned bytes themselves. */
interface CallOutcome {
  ok: boolean;
  returned: Uint8Array;
  gasUsed: bigint;
}

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/**
 * The library's address objects for the addresses view frames name, made once: parsing the hex (checked) cost
 * about as much as a small frame's set-up, twice per call. A frame only reads its addresses. Bounded.
 */
const viewAddresses = new Map<Address, EjsAddress>();

function viewAddress(a: Address): EjsAddress {
  let e = viewAddresses.get(a);
  if (e === undefined) {
    if (viewAddresses.size >= 1_000) viewAddresses.clear();
    viewAddresses.set(a, (e = toEjsAddress(a)));
  }
  return e;
}

/**
 * eth_call at the head block, calldata and answer as bytes (the world's view calls go no further). A call to a
 * function declared `view` (or `pure`) runs as a static frame without a checkpoint of its own when it can
 * (evm-call-frame.ts `runViewFrame`); its answer is the same.
 */
async function callBytes(
  chain: Chain,
  to: Address,
  data: Uint8Array,
  opts: { from?: Address; value?: bigint; view?: boolean } = {},
): Promise<CallOutcome> {
  const { from, value } = opts;
  const block = headBlock(chain);
  const sm = chain.stateManager;
  const own = !batching.has(chain);
  if (own) await sm.checkpoint();
  try {
    if (opts.view === true && value === undefined) {
      const viewed = await runViewFrame(chain.vm.evm, {
        to: viewAddress(to),
        caller: viewAddress(from ?? ZERO_ADDRESS),
        data,
        gasLimit: DEFAULT_GAS,
        block,
      });
      if (viewed !== undefined) return { ok: viewed.ok, returned: viewed.returned, gasUsed: viewed.gasUsed };
    }
    const res = await chain.vm.evm.runCall({
      to: toEjsAddress(to),
      caller: toEjsAddress(from ?? ZERO_ADDRESS),
      data,
      gasLimit: DEFAULT_GAS,
      ...(value === undefined ? {} : { value }),
      skipBalance: true,
      skipNonceIncrement: true,
      block,
    });
    const e = res.execResult;
    return { ok: e.exceptionError === undefined, returned: e.returnValue, gasUsed: e.executionGasUsed };
  } finally {
    if (own) await sm.revert();
  }
}

/** Raw eth_call at the head block; it never changes state (no nonce bump, no writes kept). */
export async function callRaw(
  chain: Chain,
  req: { to: Address; data: Hex; from?: Address; value?: bigint },
): Promise<{ ok: boolean; returnData: Hex; gasUsed: bigint; error?: DecodedError }> {
  const r = await callBytes(chain, req.to, hexToBytes(req.data), {
    ...(req.from === undefined ? {} : { from: req.from }),
    ...(req.value === undefined ? {} : { value: req.value }),
  });
  const returnData = bytesToHex(r.returned) as Hex;
  if (!r.ok) return { ok: false, returnData, gasUsed: r.gasUsed, error: decodeRevert(returnData) };
  return { ok: true, returnData, gasUsed: r.gasUsed };
}

/** Calls a view function and returns its decoded result; throws with the decoded error on revert. */
export async function read<T = unknown>(chain: Chain, req: CallRequest & { from?: Address }): Promise<T> {
  const codec = viewCodec(req.contract, req.functionName, req.args ?? []);
  const r = await callRaw(chain, {
    to: req.to,
    data: codec.data,
    ...(req.from === undefined ? {} : { from: req.from }),
  });
  if (!r.ok) throw new Error(`${req.contract}.${req.functionName} reverted: ${r.error?.message ?? ''}`);
  return codec.decode(r.returnData) as T;
}

/**
 * A view function's ABI entry and selector, found once. Naming a function makes viem search the ABI and hash
 * its signature (keccak in JavaScript) on every call; with one entry and its selector it does neither. An
 * overloaded name is left to viem, which picks the overload by the arguments.
 */
const preparedViews = new Map<string, { abi: Abi; functionName: Hex } | null>();

function preparedView(contract: string, functionName: string): { abi: Abi; functionName: Hex } | null {
  const key = `${contract}.${functionName}`;
  let p = preparedViews.get(key);
  if (p === undefined) {
    const abi = abiOf(contract);
    const named = abi.filter((e) => e.type === 'function' && e.name === functionName);
    p =
      named.length === 1
        ? (prepareEncodeFunctionData({ abi, functionName }) as { abi: Abi; functionName: Hex })
        : null;
    preparedViews.set(key, p);
  }
  return p;
}

/** Encodes a view call's calldata, and decodes its answer, as `encodeFunctionData`/`decodeFunctionResult` do. */
function viewCodec(contract: string, functionName: string, args: readonly unknown[]) {
  const p = preparedView(contract, functionName);
  if (p === null) {
    const abi = abiOf(contract);
    return {
      data: encodeFunctionData({ abi, functionName, args }),
      decode: (data: Hex): unknown => decodeFunctionResult({ abi, functionName, data }),
    };
  }
  return {
    data: encodeFunctionData({ abi: p.abi, functionName: p.functionName, args }),
    decode: (data: Hex): unknown => decodeFunctionResult({ abi: p.abi, data }),
  };
}

/** A world view call's calldata, and the decoder of its answer. */
interface ViewCall {
  data: Uint8Array;
  /** Whether the function is declared `view` or `pure` (it then runs as a static frame). */
  view: boolean;
  decode: (returned: Uint8Array) => unknown;
}

/**
 * Each view call's calldata, encoded once: a world read makes the same calls with the same arguments every
 * time (after each step, and after a move), and viem's encoder cost about as much as a small call's EVM run.
 * Bounded, for a long session that names ever new withdrawals and requests.
 */
const viewCalls = new Map<string, ViewCall>();
const VIEW_CALLS_KEPT = 20_000;

function viewCall(key: string, req: CallRequest): ViewCall {
  let c = viewCalls.get(key);
  if (c === undefined) {
    const codec = viewCodec(req.contract, req.functionName, req.args ?? []);
    const p = preparedView(req.contract, req.functionName);
    const fn = p?.abi[0] as AbiFunction | undefined;
    const outputs = fn?.outputs;
    const single = outputs?.length === 1 && outputs[0]!.type === 'uint256';
    c = {
      data: hexToBytes(codec.data),
      view: fn?.stateMutability === 'view' || fn?.stateMutability === 'pure',
      // decodeFunctionResult's own shaping over the returned bytes themselves (it takes hex, which the EVM's
      // answer would be turned into and back): one output is the value, several the list.
      decode:
        outputs === undefined
          ? (returned) => codec.decode(bytesToHex(returned) as Hex)
          : (returned) => {
              // One uint256 in exactly one word (most of a world's answers): read at once; else viem decodes.
              if (single && returned.length === 32) return bytesWord(returned);
              const values = decodeAbiParameters(outputs, returned);
              return values.length > 1 ? values : values[0];
            },
    };
    if (viewCalls.size >= VIEW_CALLS_KEPT) viewCalls.clear();
    viewCalls.set(key, c);
  }
  return c;
}

/**
 * `read` for the world's view calls, incrementally (read-memo.ts): a call whose recorded inputs were not
 * written since it last ran returns that run's decoded result. Callers must treat the result as read-only.
 */
export async function readView<T = unknown>(chain: Chain, req: CallRequest): Promise<T> {
  const m = readMemo(chain);
  const key = `${req.to}|${req.contract}.${req.functionName}|${argsKey(req.args ?? [])}`;
  const kept =
    recall(chain, m, key) ??
    (await remember(chain, m, key, async () => {
      const call = viewCall(key, req);
      const r = await callBytes(chain, req.to, call.data, { view: call.view });
      if (!r.ok) {
        const error = decodeRevert(bytesToHex(r.returned) as Hex);
        return { error: `${req.contract}.${req.functionName} reverted: ${error.message}` };
      }
      return { value: call.decode(r.returned) };
    }));
  if (kept.error !== undefined) throw new Error(kept.error);
  return kept.value as T;
}
