// The JSON-RPC shapes of what the sandbox's chain has, field for field as an execution client returns them
// (the Ethereum execution-apis schemas; anvil as the local node to match): hex quantities, 32-byte hashes,
// null where the spec says null. One transaction per block, so every transaction and log index is within it.
import { hexToBytes, keccak256, numberToHex, parseTransaction, toRlp, type Hex } from 'viem';
import { BLOCK_GAS_LIMIT, CHAIN_ID, type RawLog, type TxResult } from '../chain/runtime.ts';
import { blockHashOf, timestampOf, type ChainView, type MinedTx } from './rpc-chain.ts';

const ZERO32: Hex = `0x${'0'.repeat(64)}`;
const ZERO_ADDRESS: Hex = `0x${'0'.repeat(40)}`;
/** keccak256(rlp([])): the ommers hash of every post-merge block. */
const EMPTY_OMMERS: Hex = '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347';
/** The root of an empty trie: no withdrawals. */
const EMPTY_TRIE: Hex = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421';

/** The 2048-bit bloom filter of logs (yellow paper §4.3.1): 3 bits per address and per topic. */
export function logsBloom(logs: readonly RawLog[]): Hex {
  const bloom = new Uint8Array(256);
  for (const l of logs)
    for (const item of [l.address, ...l.topics]) {
      const h = hexToBytes(keccak256(item));
      for (let i = 0; i < 6; i += 2) {
        const bit = ((h[i]! << 8) | h[i + 1]!) & 2047;
        bloom[255 - (bit >> 3)]! |= 1 << (bit & 7);
      }
    }
  return `0x${[...bloom].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The fees a transaction was signed with (gas is priced at zero, so the sandbox's own are zero). */
function fees(tx: TxResult): { type: Hex; fields: Record<string, unknown>; price: bigint } {
  if (tx.raw === null)
    return {
      type: '0x2',
      fields: { maxFeePerGas: '0x0', maxPriorityFeePerGas: '0x0', accessList: [] },
      price: 0n,
    };
  const p = parseTransaction(tx.raw);
  const accessList = p.accessList ?? [];
  if (p.type === 'legacy')
    return { type: '0x0', fields: { gasPrice: numberToHex(p.gasPrice ?? 0n) }, price: p.gasPrice ?? 0n };
  if (p.type === 'eip2930')
    return {
      type: '0x1',
      fields: { gasPrice: numberToHex(p.gasPrice ?? 0n), accessList },
      price: p.gasPrice ?? 0n,
    };
  // Base fee 0: a 1559 transaction pays its priority fee, capped by its max fee.
  const max = p.maxFeePerGas ?? 0n;
  const tip = p.maxPriorityFeePerGas ?? 0n;
  return {
    type: p.type === 'eip1559' ? '0x2' : numberToHex(0),
    fields: { maxFeePerGas: numberToHex(max), maxPriorityFeePerGas: numberToHex(tip), accessList },
    price: tip < max ? tip : max,
  };
}

/** r, s, v and yParity as signed; an impersonated transaction has a zero signature, as anvil gives it. */
function signature(tx: TxResult): Record<string, Hex> {
  if (tx.raw === null) return { r: '0x0', s: '0x0', v: '0x0', yParity: '0x0' };
  const p = parseTransaction(tx.raw);
  const r = numberToHex(BigInt(p.r ?? '0x0'));
  const s = numberToHex(BigInt(p.s ?? '0x0'));
  if (p.type === 'legacy') return { r, s, v: numberToHex(p.v ?? 0n) };
  const parity = numberToHex(p.yParity ?? 0);
  return { r, s, v: parity, yParity: parity };
}

function where(v: ChainView, tx: TxResult): Record<string, Hex> {
  return {
    blockHash: blockHashOf(v, tx.block),
    blockNumber: numberToHex(tx.block),
    transactionIndex: '0x0',
  };
}

export function transaction(v: ChainView, m: MinedTx): Record<string, unknown> {
  const tx = m.tx;
  const f = fees(tx);
  return {
    type: f.type,
    chainId: numberToHex(CHAIN_ID),
    nonce: numberToHex(tx.nonce),
    gas: numberToHex(tx.gasLimit),
    ...f.fields,
    gasPrice: numberToHex(f.price),
    to: tx.to,
    value: numberToHex(tx.value),
    input: tx.data,
    ...signature(tx),
    hash: tx.hash,
    ...where(v, tx),
    from: tx.from,
  };
}

export function logsOf(v: ChainView, m: MinedTx): Record<string, unknown>[] {
  const tx = m.tx;
  return tx.logs.map((l, i) => ({
    address: l.address,
    topics: l.topics,
    data: l.data,
    ...where(v, tx),
    blockTimestamp: numberToHex(tx.timestamp),
    transactionHash: tx.hash,
    logIndex: numberToHex(i),
    removed: false,
  }));
}

export function receipt(v: ChainView, m: MinedTx): Record<string, unknown> {
  const tx = m.tx;
  const f = fees(tx);
  return {
    type: f.type,
    status: tx.ok ? '0x1' : '0x0',
    cumulativeGasUsed: numberToHex(tx.gasUsed),
    logs: logsOf(v, m),
    logsBloom: logsBloom(tx.logs),
    transactionHash: tx.hash,
    ...where(v, tx),
    from: tx.from,
    to: tx.to,
    contractAddress: tx.createdAddress ?? null,
    gasUsed: numberToHex(tx.gasUsed),
    effectiveGasPrice: numberToHex(f.price),
  };
}

/**
 * Block `n` of the view (which must have it), with its transactions as hashes or in full. The sandbox mines
 * no real block headers (see rpc-chain.ts), so the hash, and the transactions and receipts roots, are
 * stand-ins derived from the branch's transactions: unique per content, never a trie a client could verify.
 * The state root is real.
 */
/** RLP wants quantities in minimal big-endian bytes: zero is the empty string. */
const rlpQuantity = (q: Hex): Hex => (BigInt(q) === 0n ? '0x' : numberToHex(BigInt(q)));

/** The byte length of the block as given: its RLP-encoded header, transactions, ommers and withdrawals. */
function sizeOf(b: Record<string, unknown>, raw: Hex | null): Hex {
  const header = [
    'parentHash',
    'sha3Uncles',
    'miner',
    'stateRoot',
    'transactionsRoot',
    'receiptsRoot',
    'logsBloom',
    'difficulty',
    'number',
    'gasLimit',
    'gasUsed',
    'timestamp',
    'extraData',
    'mixHash',
    'nonce',
    'baseFeePerGas',
    'withdrawalsRoot',
    'blobGasUsed',
    'excessBlobGas',
    'parentBeaconBlockRoot',
  ].map((k) => {
    const v = b[k] as Hex;
    return /^(difficulty|number|gasLimit|gasUsed|timestamp|baseFeePerGas|blobGasUsed|excessBlobGas)$/.test(k)
      ? rlpQuantity(v)
      : v;
  });
  const rlp = toRlp([header, raw === null ? [] : [raw], [], []]);
  return numberToHex((rlp.length - 2) / 2);
}

export function block(v: ChainView, n: bigint, full: boolean, stateRoot: Hex): Record<string, unknown> {
  const m = v.byBlock.get(n);
  const logs = m?.tx.logs ?? [];
  const b: Record<string, unknown> = {
    hash: blockHashOf(v, n),
    parentHash: n === v.genesis.number ? ZERO32 : blockHashOf(v, n - 1n),
    sha3Uncles: EMPTY_OMMERS,
    miner: ZERO_ADDRESS,
    stateRoot,
    transactionsRoot: m === undefined ? EMPTY_TRIE : keccak256(m.tx.hash),
    receiptsRoot: m === undefined ? EMPTY_TRIE : keccak256(m.link),
    logsBloom: logsBloom(logs),
    difficulty: '0x0',
    number: numberToHex(n),
    gasLimit: numberToHex(BLOCK_GAS_LIMIT),
    gasUsed: numberToHex(m?.tx.gasUsed ?? 0n),
    timestamp: numberToHex(timestampOf(v, n)),
    extraData: '0x',
    mixHash: ZERO32,
    nonce: '0x0000000000000000',
    baseFeePerGas: '0x0',
    withdrawalsRoot: EMPTY_TRIE,
    blobGasUsed: '0x0',
    excessBlobGas: '0x0',
    parentBeaconBlockRoot: ZERO32,
    totalDifficulty: '0x0',
    uncles: [],
    transactions: m === undefined ? [] : [full ? transaction(v, m) : m.tx.hash],
    withdrawals: [],
  };
  b['size'] = sizeOf(b, m?.tx.raw ?? null);
  return b;
}
