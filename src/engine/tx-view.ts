// Transactions as the page shows them: every address named (actor ids, the protocol's contracts by their
// real names), every integer a decimal string, so the log reads in domain terms and crosses the worker as
// plain data.
import type { AbiFunction } from 'viem';
import { abiOf } from '../chain/abi.ts';
import type { TxResult } from '../chain/runtime.ts';
import type { Sandbox } from '../protocol/sandbox.ts';
import type { ArgEntry, ArgValue, TxView } from './session-types.ts';

/** The protocol's singletons under the names of the real contracts they mirror. */
const PROTOCOL_NAMES: Record<string, string> = {
  strategyManager: 'StrategyManager',
  delegationManager: 'DelegationManager',
  allocationManager: 'AllocationManager',
  eigenPodManager: 'EigenPodManager',
  beaconChain: 'beacon chain (mock)',
  rewardsCoordinator: 'RewardsCoordinator',
  lst: 'stETH (MiniLST)',
  wstETH: 'wstETH',
  burnAddress: 'burn address',
};

export type AddressBook = Map<string, string>;

/** Lower-cased address → display name, for every account and contract a sandbox knows. */
export function addressBook(sb: Sandbox): AddressBook {
  // address(0) is how the contracts say "none" (no redistribution recipient, no approver).
  const book: AddressBook = new Map([['0x0000000000000000000000000000000000000000', 'none (zero address)']]);
  for (const [key, value] of Object.entries(sb.addresses)) {
    if (typeof value === 'string') book.set(value.toLowerCase(), PROTOCOL_NAMES[key] ?? key);
  }
  for (const [name, address] of Object.entries(sb.addresses.strategies))
    book.set(address.toLowerCase(), `${name} strategy`);
  book.set(sb.system.deployer.toLowerCase(), 'deployer');
  book.set(sb.system.oracle.toLowerCase(), 'oracle');
  for (const a of Object.values(sb.actors)) {
    book.set(a.address.toLowerCase(), a.id);
    if (a.contract !== undefined)
      book.set(a.contract.toLowerCase(), a.role === 'vault' ? `${a.id} (vault)` : `${a.id} (MiniAVS)`);
  }
  return book;
}

/** Renders any decoded value as text: bigints in decimal, addresses by name, arrays and structs recursively. */
export function renderValue(book: AddressBook, v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return /^0x[0-9a-fA-F]{40}$/.test(v) ? (book.get(v.toLowerCase()) ?? v) : v;
  if (Array.isArray(v)) return `[${v.map((x) => renderValue(book, x)).join(', ')}]`;
  if (v !== null && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${renderValue(book, x)}`)
      .join(', ')} }`;
  return String(v);
}

/** A decoded value as plain structured data: what `renderValue` writes, with arrays and structs kept. */
export function argValue(book: AddressBook, v: unknown): ArgValue {
  if (Array.isArray(v)) return v.map((x) => argValue(book, x));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, argValue(book, x)]));
  return renderValue(book, v);
}

/** The call's arguments named by the miniature's ABI (positional names `arg0`… when it has none). */
function callParams(book: AddressBook, call: NonNullable<TxResult['call']>): ArgEntry[] {
  let inputs: readonly { name?: string | undefined }[] = [];
  try {
    const fn = abiOf(call.contract).find(
      (x): x is AbiFunction =>
        x.type === 'function' && x.name === call.functionName && x.inputs.length === call.args.length,
    );
    inputs = fn?.inputs ?? [];
  } catch {
    // An unknown contract: the arguments keep positional names.
  }
  return call.args.map((a, i) => ({ name: inputs[i]?.name || `arg${i}`, value: argValue(book, a) }));
}

export function txView(book: AddressBook, tx: TxResult): TxView {
  const name = (a: string | null) => (a === null ? null : (book.get(a.toLowerCase()) ?? a));
  return {
    hash: tx.hash,
    unsigned: tx.unsigned,
    ok: tx.ok,
    block: tx.block.toString(),
    timestamp: tx.timestamp.toString(),
    from: name(tx.from) ?? tx.from,
    to: name(tx.to),
    nonce: tx.nonce.toString(),
    gasUsed: tx.gasUsed.toString(),
    call:
      tx.call === undefined
        ? null
        : {
            contract: tx.call.contract,
            functionName: tx.call.functionName,
            args: tx.call.args.map((a) => renderValue(book, a)),
            params: callParams(book, tx.call),
          },
    events: tx.events.map((e) => ({
      contract: book.get(e.address.toLowerCase()) ?? null,
      eventName: e.eventName,
      args: Object.fromEntries(Object.entries(e.args).map(([k, v]) => [k, renderValue(book, v)])),
      params: Object.entries(e.args).map(([name, v]) => ({ name, value: argValue(book, v) })),
    })),
  };
}
