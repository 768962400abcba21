// keccak-256 for our chains' Common (`customCrypto.keccak256`, the hook @ethereumjs offers for another
// implementation), remembering the hashes of short inputs. A world read hashes the same short inputs again and
// again: every mapping slot its view calls compute (KECCAK256 over a key and a slot, 64 bytes, whose answer as a
// word is remembered too: `keccakWord`), and every storage slot and address the state trie looks up (the trie is
// keyed by their hashes). In JavaScript a hash
// costs several microseconds; looking one up costs a fraction of that. Longer inputs (trie nodes, code,
// transactions) are rarely hashed twice and are hashed as before.
import { keccak256 } from 'viem';

const SHORT = 64;
const LIMIT = 2048; // a world read needs a few hundred; all forgotten at once when full
// The hashes sit side by side in one buffer, found by their input (a character per byte): about 200 bytes an entry, where a
// Map of arrays took about 700 (the chain benchmark's heap growth counted it).
const pool = new Uint8Array(LIMIT * 32);
const slots = new Map<string, number>();

/**
 * The hashes as KECCAK256 pushes them, big-endian words, by pool slot: made when first asked for. The opcode's
 * own handler turns the hash into hex and parses that back, on every mapping lookup.
 */
const words: (bigint | undefined)[] = new Array<bigint | undefined>(LIMIT).fill(undefined);
const lanes = new DataView(pool.buffer);

/** The pool slot of `data`'s hash (`data` at most SHORT bytes), hashed on first sight. */
function slotOf(data: Uint8Array): number {
  // One character per byte (not two hex digits): half the time to make and to hash as a Map key, measured 0.22
  // against 0.43 µs for 64 bytes. Inputs of different bytes or lengths give different strings.
  const key = String.fromCharCode.apply(null, data as unknown as number[]);
  let slot = slots.get(key);
  if (slot !== undefined) return slot;
  if (slots.size >= LIMIT) {
    slots.clear();
    words.fill(undefined);
  }
  slot = slots.size;
  pool.set(keccak256(data, 'bytes'), slot * 32);
  slots.set(key, slot);
  return slot;
}

export function keccak256Memo(data: Uint8Array): Uint8Array {
  if (data.length > SHORT) return keccak256(data, 'bytes');
  const slot = slotOf(data);
  return pool.slice(slot * 32, slot * 32 + 32); // callers own what they get
}

function wordAt(view: DataView, at: number): bigint {
  return (
    (view.getBigUint64(at) << 192n) |
    (view.getBigUint64(at + 8) << 128n) |
    (view.getBigUint64(at + 16) << 64n) |
    view.getBigUint64(at + 24)
  );
}

/** keccak-256 of `data` as a 256-bit word (what KECCAK256 pushes), remembered for short inputs. */
export function keccakWord(data: Uint8Array): bigint {
  if (data.length > SHORT) return wordAt(new DataView(keccak256(data, 'bytes').buffer), 0);
  const slot = slotOf(data);
  let word = words[slot];
  if (word === undefined) words[slot] = word = wordAt(lanes, slot * 32);
  return word;
}
