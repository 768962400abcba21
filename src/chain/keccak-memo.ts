// keccak-256 for our chains' Common (`customCrypto.keccak256`, the hook @ethereumjs offers for another
// implementation), remembering the hashes of short inputs. A world read hashes the same short inputs again and
// again: every mapping slot its view calls compute (KECCAK256 over a key and a slot, 64 bytes), and every
// storage slot and address the state trie looks up (the trie is keyed by their hashes). In JavaScript a hash
// costs several microseconds; looking one up costs a fraction of that. Longer inputs (trie nodes, code,
// transactions) are rarely hashed twice and are hashed as before.
import { bytesToUnprefixedHex } from '@ethereumjs/util';
import { keccak256 } from 'viem';

const SHORT = 64;
const LIMIT = 1 << 12; // about 1 MB at most (a world read needs a few hundred); forgotten all at once when full
const hashes = new Map<string, Uint8Array>();

export function keccak256Memo(data: Uint8Array): Uint8Array {
  if (data.length > SHORT) return keccak256(data, 'bytes');
  const key = bytesToUnprefixedHex(data);
  let hash = hashes.get(key);
  if (hash === undefined) {
    if (hashes.size >= LIMIT) hashes.clear();
    hash = keccak256(data, 'bytes');
    hashes.set(key, hash);
  }
  return hash.slice(); // callers own what they get
}
