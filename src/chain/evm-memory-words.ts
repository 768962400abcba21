// MLOAD and MSTORE move one 32-byte word between the stack (a bigint) and memory. @ethereumjs/evm converts
// through a hex string and a spread-built array each time (bigIntToBytes, setLengthLeft, bytesToBigInt);
// these do the same conversion through 64-bit lanes. A world read runs about 1,600 of them.
const LANE = 64n;
const SMALL = 2 ** 53;

interface Words {
  _store: Uint8Array;
  extend(offset: number, size: number): void;
}

let viewOf: Uint8Array | undefined;
let view: DataView | undefined;

/** A DataView over the memory's current buffer (memory grows by replacing it, so it is kept per buffer). */
function lanes(store: Uint8Array): DataView {
  if (viewOf !== store || view === undefined) {
    view = new DataView(store.buffer, store.byteOffset, store.byteLength);
    viewOf = store;
  }
  return view;
}

/** Writes `word` (0 ≤ word < 2^256) big-endian at `offset`, as MSTORE does. */
export function storeWord(memory: Words, offset: number, word: bigint): void {
  memory.extend(offset, 32);
  const store = memory._store;
  if (word < SMALL) {
    // Most words an ABI encoder stores are offsets, lengths and small numbers.
    store.fill(0, offset, offset + 24);
    lanes(store).setBigUint64(offset + 24, word);
    return;
  }
  const v = lanes(store);
  v.setBigUint64(offset, word >> (3n * LANE));
  v.setBigUint64(offset + 8, BigInt.asUintN(64, word >> (2n * LANE)));
  v.setBigUint64(offset + 16, BigInt.asUintN(64, word >> LANE));
  v.setBigUint64(offset + 24, BigInt.asUintN(64, word));
}

/** Reads the big-endian word at `offset`, as MLOAD does (memory past its end reads as zeros). */
export function loadWord(memory: Words, offset: number): bigint {
  memory.extend(offset, 32);
  const v = lanes(memory._store);
  const a = v.getBigUint64(offset);
  const b = v.getBigUint64(offset + 8);
  const c = v.getBigUint64(offset + 16);
  const d = v.getBigUint64(offset + 24);
  if (a === 0n && b === 0n && c === 0n) return d;
  return (a << (3n * LANE)) | (b << (2n * LANE)) | (c << LANE) | d;
}

/** `word` as 32 big-endian bytes in a new array (a storage key, as SLOAD hands it to the state). */
export function wordBytes(word: bigint): Uint8Array {
  const out = new Uint8Array(32);
  const v = new DataView(out.buffer);
  v.setBigUint64(0, word >> (3n * LANE));
  v.setBigUint64(8, BigInt.asUintN(64, word >> (2n * LANE)));
  v.setBigUint64(16, BigInt.asUintN(64, word >> LANE));
  v.setBigUint64(24, BigInt.asUintN(64, word));
  return out;
}

/**
 * The word in `bytes`, exactly 32 of them, big-endian: a view call's one uint256 answer, as viem's decoder
 * reads it (which converts through hex and a cursor).
 */
export function bytesWord(bytes: Uint8Array): bigint {
  if (bytes.length !== 32) throw new Error(`a word is 32 bytes, not ${bytes.length}`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, 32);
  const a = v.getBigUint64(0);
  const b = v.getBigUint64(8);
  const c = v.getBigUint64(16);
  const d = v.getBigUint64(24);
  if (a === 0n && b === 0n && c === 0n) return d;
  return (a << (3n * LANE)) | (b << (2n * LANE)) | (c << LANE) | d;
}
