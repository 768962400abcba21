// Which trie database entries a set of state roots can reach: the account trie's nodes, each account's
// storage trie and its code. A chain's database keeps every state a root was taken of (snapshots are roots
// into it), and more than one image needs: an image keeps only what its snapshots reach. Settling a root
// (trie-db.ts) uses it to drop the nodes its own flush wrote for states between two writes.
import { bytesToHex, hexToBytes, KECCAK256_NULL, KECCAK256_RLP } from '@ethereumjs/util';
import { fromRlp } from 'viem';

type Db = ReadonlyMap<string, Uint8Array | string>;
type Decoded = Uint8Array | Decoded[];

const key = (hash: Uint8Array) => bytesToHex(hash).slice(2);
/** Code is stored under 'c' (0x63) + its hash (the state manager's prefixCodeHashes default). */
const codeKey = (hash: Uint8Array) => `63${key(hash)}`;
const EMPTY_TRIE = key(KECCAK256_RLP);
const NO_CODE = key(KECCAK256_NULL);

function bytesOf(v: Uint8Array | string): Uint8Array {
  return typeof v === 'string' ? hexToBytes(v.startsWith('0x') ? (v as `0x${string}`) : `0x${v}`) : v;
}

/**
 * Every database key reachable from `roots` (state roots). A node missing from the database is skipped.
 * With `within`, only those keys are visited: the caller knows every other node, and all it reaches, is kept
 * (a node is written after its children, so a node older than `within` reaches nothing in it).
 */
export function reachableKeys(
  db: Db,
  roots: Iterable<Uint8Array>,
  within?: ReadonlySet<string>,
): Set<string> {
  const seen = new Set<string>();
  const todo: [string, boolean][] = [];
  for (const r of roots) todo.push([key(r), true]);

  const leaf = (value: Uint8Array, accounts: boolean) => {
    if (!accounts) return;
    // An account: [nonce, balance, storageRoot, codeHash].
    const [, , storageRoot, codeHash] = fromRlp(value, 'bytes') as Uint8Array[];
    if (storageRoot !== undefined && key(storageRoot) !== EMPTY_TRIE) todo.push([key(storageRoot), false]);
    if (codeHash !== undefined && key(codeHash) !== NO_CODE) {
      const code = codeKey(codeHash);
      if (within === undefined ? db.has(code) : within.has(code)) seen.add(code);
    }
  };
  const child = (ref: Decoded | undefined, accounts: boolean) => {
    if (ref === undefined) return;
    if (Array.isArray(ref))
      node(ref, accounts); // a node under 32 bytes is embedded in its parent
    else if (ref.length === 32) todo.push([key(ref), accounts]);
  };
  const node = (n: Decoded[], accounts: boolean) => {
    if (n.length === 17) {
      for (let i = 0; i < 16; i++) child(n[i], accounts);
      const value = n[16];
      if (value instanceof Uint8Array && value.length > 0) leaf(value, accounts);
      return;
    }
    const [path, rest] = n;
    if (!(path instanceof Uint8Array) || rest === undefined) return;
    // Hex-prefix encoding: the first nibble's bit 2 marks a leaf, else an extension.
    if ((path[0] ?? 0) >> 4 >= 2) {
      if (rest instanceof Uint8Array) leaf(rest, accounts);
    } else child(rest, accounts);
  };

  while (todo.length > 0) {
    const [k, accounts] = todo.pop()!;
    if (seen.has(k) || (within !== undefined && !within.has(k))) continue;
    const raw = db.get(k);
    if (raw === undefined) continue;
    seen.add(k);
    node(fromRlp(bytesOf(raw), 'bytes') as Decoded[], accounts);
  }
  return seen;
}
