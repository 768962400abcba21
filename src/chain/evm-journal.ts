// The EVM journal's warm addresses and slots (EIP-2929) and touched accounts, keyed as the library keys them
// (unprefixed hex), with each address's hex made once per address array (trie-db.ts `addressHex`) and a slot's
// once per load (`slotHex`). The
// library's methods make an address's hex on every call, a character pair at a time, and a map lookup then
// flattens and hashes that string again: every SLOAD asks whether its slot is warm, every call frame touches
// its caller and callee. Each method here does what the library's does, in the same order, on the same maps;
// with the EVM's fast paths off (`useOriginalLoop`) the library's own runs.
import { addressHex, slotHex } from './trie-db.ts';

type Slots = Set<string>;

/** The parts of @ethereumjs/evm's `Journal` these methods use (it is not exported). */
interface Journal {
  journal: Map<string, Slots>;
  alwaysWarmJournal: Map<string, Slots>;
  journalDiff: [number, [Set<string>, Map<string, Slots>, Set<string>]][];
  accessList?: Map<string, Slots>;
  touchAccount(address: string): void;
  isWarmedStorage(address: Uint8Array, slot: Uint8Array): boolean;
  addWarmedStorage(address: Uint8Array, slot: Uint8Array): void;
  isWarmedAddress(address: Uint8Array): boolean;
  addWarmedAddress(address: Uint8Array): void;
  touchAddress(address: { bytes: Uint8Array }): void;
}

function isWarmedStorage(j: Journal, address: Uint8Array, slot: Uint8Array): boolean {
  const a = addressHex(address);
  const slots = j.journal.get(a);
  const s = slotHex(slot);
  if (slots?.has(s) === true) return true;
  return j.alwaysWarmJournal.get(a)?.has(s) ?? false;
}

function addWarmedAddress(j: Journal, address: Uint8Array): void {
  const a = addressHex(address);
  if (!j.journal.has(a)) {
    j.journal.set(a, new Set());
    j.journalDiff[j.journalDiff.length - 1]![1][0].add(a);
  }
  if (j.accessList !== undefined && !j.accessList.has(a)) j.accessList.set(a, new Set());
}

function addWarmedStorage(j: Journal, address: Uint8Array, slot: Uint8Array): void {
  const a = addressHex(address);
  let slots = j.journal.get(a);
  if (slots === undefined) {
    j.addWarmedAddress(address);
    slots = j.journal.get(a)!;
  }
  const s = slotHex(slot);
  if (!slots.has(s)) {
    slots.add(s);
    const bySlot = j.journalDiff[j.journalDiff.length - 1]![1][1];
    let diff = bySlot.get(a);
    if (diff === undefined) bySlot.set(a, (diff = new Set()));
    diff.add(s);
  }
  j.accessList?.get(a)!.add(s);
}

const installed = new WeakSet<object>();

/** Puts these methods on the journal of `evm` (once), each running the library's own unless `fast(evm)`. */
export function installFastJournal(evm: { journal: unknown }, fast: (evm: object) => boolean): void {
  const j = evm.journal as Journal;
  if (installed.has(j)) return;
  installed.add(j);
  const original = {
    isWarmedStorage: j.isWarmedStorage,
    addWarmedStorage: j.addWarmedStorage,
    isWarmedAddress: j.isWarmedAddress,
    addWarmedAddress: j.addWarmedAddress,
    touchAddress: j.touchAddress,
  };
  j.isWarmedStorage = function (this: Journal, address, slot) {
    return fast(evm)
      ? isWarmedStorage(this, address, slot)
      : original.isWarmedStorage.call(this, address, slot);
  };
  j.addWarmedStorage = function (this: Journal, address, slot) {
    if (fast(evm)) addWarmedStorage(this, address, slot);
    else original.addWarmedStorage.call(this, address, slot);
  };
  j.isWarmedAddress = function (this: Journal, address) {
    if (!fast(evm)) return original.isWarmedAddress.call(this, address);
    const a = addressHex(address);
    return this.journal.has(a) || this.alwaysWarmJournal.has(a);
  };
  j.addWarmedAddress = function (this: Journal, address) {
    if (fast(evm)) addWarmedAddress(this, address);
    else original.addWarmedAddress.call(this, address);
  };
  // The library's key is `address.toString().slice(2)`: the same lowercase hex.
  j.touchAddress = function (this: Journal, address) {
    if (fast(evm)) this.touchAccount(addressHex(address.bytes));
    else original.touchAddress.call(this, address);
  };
}
