// The compiled miniatures and the decoding of what they emit: events, custom errors, panics. viem does all
// ABI work; this module only knows where the ABIs are.
import { decodeErrorResult, decodeEventLog, toEventSelector, type Abi, type AbiEvent, type Hex } from 'viem';
import compiledAbis from './contracts/abis.json' with { type: 'json' };
import type { Artifacts } from './solc.ts';

/** Every miniature's ABI by contract name (abis.json: artifacts.json without the bytecode). */
export const abis = compiledAbis as unknown as Readonly<Record<string, Abi>>;

export function abiOf(contract: string): Abi {
  const a = abis[contract];
  if (a === undefined) throw new Error(`no compiled contract named ${contract}`);
  return a;
}

/**
 * The creation bytecode is only needed to deploy (a sandbox restored from an image deploys nothing), so it
 * is fetched on the first deployment: a chunk of its own in the page, not part of the worker's first load.
 */
let compiled: Promise<Artifacts> | null = null;
export async function bytecodeOf(contract: string): Promise<Hex> {
  compiled ??= import('./contracts/artifacts.json', { with: { type: 'json' } }).then(
    (m) => m.default as unknown as Artifacts,
  );
  const a = (await compiled)[contract];
  if (a === undefined) throw new Error(`no compiled contract named ${contract}`);
  return a.bytecode as Hex;
}

/** Every event and error of every miniature, deduplicated by selector, so any log or revert can be decoded. */
export const combinedAbi: Abi = (() => {
  const seen = new Map<string, Abi[number]>();
  for (const abi of Object.values(abis)) {
    for (const item of abi) {
      if (item.type !== 'event' && item.type !== 'error') continue;
      const key = `${item.type}:${item.name}(${item.inputs.map((i) => i.type).join(',')})`;
      if (!seen.has(key)) seen.set(key, item);
    }
  }
  return [...seen.values()];
})();

export interface DecodedEvent {
  address: `0x${string}`;
  eventName: string;
  args: Record<string, unknown>;
}

export interface DecodedError {
  /** The custom error's name, or `Error` / `Panic` for Solidity's built-in reverts, or `Revert` when empty. */
  name: string;
  args: readonly unknown[];
  /** A one-line rendering: `InsufficientMagnitude()` or `Panic(17: arithmetic overflow)`. */
  message: string;
  /** The revert data as returned, so a client (viem, ethers) can decode it itself. */
  data?: Hex;
}

const PANICS: Record<string, string> = {
  '1': 'assert failed',
  '17': 'arithmetic underflow or overflow',
  '18': 'division by zero',
  '33': 'invalid enum value',
  '50': 'array index out of bounds',
  '65': 'out of memory',
  '81': 'call to an uninitialized function',
};

/**
 * Each event's ABI by its selector (topic 0), made on first use: viem finds a log's event by hashing the
 * signature of every event in the ABI it is given, which for the combined ABI was most of decoding a log
 * (a share link's replay decodes hundreds). Given the one event, it hashes only that one.
 */
let bySelector: Map<string, readonly [AbiEvent]> | undefined;
function eventsFor(selector: Hex | undefined): Abi {
  bySelector ??= new Map(
    combinedAbi
      .filter((i): i is AbiEvent => i.type === 'event' && i.anonymous !== true)
      .map((e) => [toEventSelector(e), [e] as const]),
  );
  return (selector === undefined ? undefined : bySelector.get(selector.toLowerCase())) ?? combinedAbi;
}

/**
 * Decoded logs by their topics and data (the address plays no part). A replay's steps emit the same logs over
 * and over: a share link's 235 logs were 14 different ones, and decoding one (viem hashes the event's
 * signature again for every log, then decodes) cost a cold worker a fifth of a millisecond. Bounded: cleared
 * when full. Each answer gets its own copy of the arguments' record, as a fresh decoding would.
 */
const decodedLogs = new Map<string, { eventName: string; args: Record<string, unknown> }>();
const DECODED_LOGS_KEPT = 1024;

export function decodeLog(address: `0x${string}`, topics: Hex[], data: Hex): DecodedEvent {
  const key = `${topics.join(',')}:${data}`;
  let known = decodedLogs.get(key);
  if (known === undefined) {
    known = decodeLogAnew(topics, data);
    if (decodedLogs.size >= DECODED_LOGS_KEPT) decodedLogs.clear();
    decodedLogs.set(key, known);
  }
  return { address, eventName: known.eventName, args: { ...known.args } };
}

function decodeLogAnew(topics: Hex[], data: Hex): { eventName: string; args: Record<string, unknown> } {
  try {
    const decoded = decodeEventLog({
      abi: eventsFor(topics[0]),
      topics: topics as [Hex, ...Hex[]],
      data,
      strict: false,
    });
    return { eventName: decoded.eventName ?? 'Unknown', args: { ...(decoded.args as object) } };
  } catch {
    return { eventName: 'Unknown', args: { topics, data } };
  }
}

function render(v: unknown): string {
  return typeof v === 'bigint'
    ? v.toString()
    : Array.isArray(v)
      ? `[${v.map(render).join(', ')}]`
      : String(v);
}

export function decodeRevert(data: Hex): DecodedError {
  return { ...decodeRevertData(data), data };
}

function decodeRevertData(data: Hex): DecodedError {
  if (data === '0x' || data.length < 10)
    return { name: 'Revert', args: [], message: 'reverted without a reason' };
  try {
    const d = decodeErrorResult({ abi: combinedAbi, data });
    const args = (d.args ?? []) as readonly unknown[];
    if (d.errorName === 'Panic') {
      const code = render(args[0]);
      return { name: 'Panic', args, message: `Panic(${code}: ${PANICS[code] ?? 'unknown panic'})` };
    }
    return { name: d.errorName, args, message: `${d.errorName}(${args.map(render).join(', ')})` };
  } catch {
    return { name: 'Unknown', args: [data], message: `unknown revert data ${data.slice(0, 10)}` };
  }
}

/** Event ABI items by name, for callers that filter logs. */
export function eventAbi(name: string): AbiEvent | undefined {
  return combinedAbi.find((i): i is AbiEvent => i.type === 'event' && i.name === name);
}
