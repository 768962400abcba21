// eth_getProof: the proofs are checked here by walking them by hand (keccak and RLP from viem, no trie
// library), from the block's stateRoot down to the account and from its storageHash down to a slot, so a
// proof that only looked right to ethereumjs would fail.
import { createPublicClient, custom, fromRlp, keccak256, pad, parseEther, toHex, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { rpcHost } from './rpc-testing.ts';

type Node = Hex | Node[];
const nibbles = (h: Hex) => [...h.slice(2)].map((c) => parseInt(c, 16));

/** The value a Merkle Patricia proof proves for `key` under `root`; null when it proves the key absent. */
function walk(root: Hex, key: Hex, proof: readonly Hex[]): Hex | null {
  const path = nibbles(keccak256(key));
  let expected: Node = root;
  let at = 0;
  for (const raw of proof) {
    // Every node is named by its hash in its parent (a node under 32 bytes would be inlined instead).
    expect(typeof expected === 'string' ? expected : null).toBe(keccak256(raw));
    const node = fromRlp(raw, 'hex') as Node[];
    if (node.length === 17) {
      if (at === path.length) return (node[16] as Hex) === '0x' ? null : (node[16] as Hex);
      expected = node[path[at++]!]!;
      if (expected === '0x') return null;
      continue;
    }
    const encoded = nibbles(node[0] as Hex);
    const flag = encoded[0]!;
    const rest = encoded.slice(flag % 2 === 1 ? 1 : 2);
    const matches = rest.every((n, i) => path[at + i] === n);
    if (!matches) return null;
    at += rest.length;
    if (flag >= 2) return at === path.length ? (node[1] as Hex) : null; // a leaf
    expected = node[1]!; // an extension
  }
  throw new Error('the proof ended before reaching a value');
}

describe('eth_getProof', () => {
  it('proves balances and storage against the block stateRoot, at the head and at an earlier block', async () => {
    const { provider, actor, contract, request } = await rpcHost();
    const pub = createPublicClient({ transport: custom(provider) });
    const lst = contract('lst');
    const before = await pub.getBlock();
    await request({
      method: 'eth_sendTransaction',
      params: [{ from: actor('alice'), to: actor('bob'), value: toHex(parseEther('2')) }],
    });
    const head = await pub.getBlock();

    for (const block of [before, head]) {
      const bob = await pub.getProof({ address: actor('bob'), storageKeys: [], blockNumber: block.number });
      const account = walk(block.stateRoot, actor('bob'), bob.accountProof);
      expect(account).not.toBeNull();
      const [, balance] = fromRlp(account!, 'hex') as Hex[];
      const expected = await pub.getBalance({ address: actor('bob'), blockNumber: block.number });
      expect(BigInt(balance === '0x' ? 0 : balance!)).toBe(expected);
      expect(bob.balance).toBe(expected);
    }
    // Bob gained exactly the 2 ETH between the two blocks, as both proofs say.
    const [then, now] = await Promise.all(
      [before, head].map((b) =>
        pub.getProof({ address: actor('bob'), storageKeys: [], blockNumber: b.number }),
      ),
    );
    expect(now!.balance - then!.balance).toBe(parseEther('2'));

    // Every non-zero slot among the token's first ten proves its value under the account's storageHash.
    const slots = Array.from({ length: 10 }, (_, i) => pad(toHex(i)));
    const proof = await pub.getProof({ address: lst, storageKeys: slots });
    const account = fromRlp(walk(head.stateRoot, lst, proof.accountProof)!, 'hex') as Hex[];
    expect(account[2]).toBe(proof.storageHash);
    let nonZero = 0;
    for (const [i, s] of proof.storageProof.entries()) {
      const onChain = await pub.getStorageAt({ address: lst, slot: slots[i]! });
      expect(s.value).toBe(BigInt(onChain ?? '0x0'));
      const proven = walk(proof.storageHash, slots[i]!, s.proof);
      if (s.value === 0n) expect(proven).toBeNull();
      else {
        nonZero++;
        expect(BigInt(fromRlp(proven!, 'hex') as Hex)).toBe(s.value);
      }
    }
    expect(nonZero).toBeGreaterThan(0);
  });

  it('refuses bad parameters with -32602 naming the parameter', async () => {
    const { refusal, actor } = await rpcHost();
    const keys = await refusal('eth_getProof', [actor('bob'), 'nope', 'latest']);
    expect(keys.code).toBe(-32602);
    expect(keys.message).toMatch(/parameter 2 \(storage keys\) is not a list/);
    const key = await refusal('eth_getProof', [actor('bob'), ['0xzz'], 'latest']);
    expect(key.message).toMatch(/item 1: "0xzz" is not a storage key/);
    const who = await refusal('eth_getProof', ['0x12', [], 'latest']);
    expect(who.code).toBe(-32602);
  });
});
