// Reads: state at any block of the current branch, blocks, transactions, receipts, fee history and logs.
import { numberToHex, type Address, type Hex } from 'viem';
import {
  BLOCK_GAS_LIMIT,
  callRaw,
  getBalance,
  getCode,
  getNonce,
  getStorageAt,
  proofOf,
} from '../chain/runtime.ts';
import { findBlock, hashOf, stateBlock } from './rpc-blocks.ts';
import { atBlock, stateRootOf, type ChainView } from './rpc-chain.ts';
import { logsMatching, readCriteria } from './rpc-logs.ts';
import { address, data, invalid, optional, quantity, type Params, type RpcError } from './rpc-params.ts';
import { block, receipt, transaction } from './rpc-shapes.ts';
import type { Session } from './session.ts';

/** Execution gas is measured; the transaction's own cost is added (EIP-2028 call data, EIP-7623 floor). */
function intrinsicGas(input: Hex): bigint {
  let zeros = 0n;
  let others = 0n;
  for (let i = 2; i < input.length; i += 2) {
    if (input.slice(i, i + 2) === '00') zeros++;
    else others++;
  }
  const tokens = zeros + others * 4n;
  const standard = 21_000n + tokens * 4n;
  const floor = 21_000n + tokens * 10n;
  return standard > floor ? standard : floor;
}

/** More keys than this in one eth_getProof is a mistake, not a proof anyone checks. */
const MAX_PROOF_KEYS = 1024;

/** eth_getProof's storage keys: a list of at most 32-byte hex keys ("0x0" and "0x00…01" both name slot 1). */
function storageKeys(list: unknown, what: string): Hex[] {
  if (!Array.isArray(list)) throw invalid(`${what} is not a list of storage keys`);
  if (list.length > MAX_PROOF_KEYS)
    throw invalid(`${what} has ${list.length} keys; at most ${MAX_PROOF_KEYS}`);
  return list.map((k, i) => {
    if (typeof k !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(k))
      throw invalid(
        `${what} item ${i + 1}: ${JSON.stringify(k)?.slice(0, 80)} is not a storage key (0x and up to 64 hex digits)`,
      );
    return numberToHex(BigInt(k), { size: 32 });
  });
}

export async function readState(
  s: Session,
  v: ChainView,
  p: Params,
): Promise<{ result: unknown } | { error: RpcError }> {
  const chain = s.sb.chain;
  switch (p.method) {
    case 'eth_getBalance':
    case 'eth_getTransactionCount':
    case 'eth_getCode': {
      const who = p.address(0);
      const n = stateBlock(v, p.list[1], `${p.method} parameter 2 (block)`);
      return atBlock(s, v, n, async () => {
        if (p.method === 'eth_getCode') return { result: await getCode(chain, who) };
        const read = p.method === 'eth_getBalance' ? getBalance : getNonce;
        return { result: numberToHex(await read(chain, who)) };
      });
    }
    case 'eth_getStorageAt': {
      const who = p.address(0);
      const slot = numberToHex(p.quantity(1, 'slot'), { size: 32 });
      const n = stateBlock(v, p.list[2], `${p.method} parameter 3 (block)`);
      return atBlock(s, v, n, async () => ({ result: await getStorageAt(chain, who, slot) }));
    }
    case 'eth_getProof': {
      const who = p.address(0);
      const keys = storageKeys(p.raw(1, 'storage keys'), `${p.method} parameter 2 (storage keys)`);
      const n = stateBlock(v, p.list[2], `${p.method} parameter 3 (block)`);
      return atBlock(s, v, n, async () => ({ result: await proofOf(chain, who, keys) }));
    }
  }
  const o = p.object(0, 'transaction');
  const what = `${p.method} parameter 1 (transaction)`;
  const to = optional(o, 'to', what, address);
  if (to === undefined) throw invalid(`${what} has no "to": deployments are not supported, call a contract`);
  const from = optional(o, 'from', what, address);
  const input = optional(o, 'data', what, data) ?? optional(o, 'input', what, data) ?? '0x';
  const value = optional(o, 'value', what, quantity);
  optional(o, 'gas', what, quantity);
  const n = stateBlock(v, p.list[1], `${p.method} parameter 2 (block)`);
  const r = await atBlock(s, v, n, () =>
    callRaw(chain, {
      to,
      data: input,
      ...(from === undefined ? {} : { from: from as Address }),
      ...(value === undefined ? {} : { value }),
    }),
  );
  if (!r.ok)
    return {
      error: { code: 3, message: `execution reverted: ${r.error?.message ?? ''}`, data: r.returnData },
    };
  if (p.method === 'eth_call') return { result: r.returnData };
  // Nested calls keep 1/64 of the gas back (EIP-150), so the estimate leaves room for that, and more.
  return { result: numberToHex(intrinsicGas(input) + (r.gasUsed * 64n) / 63n + 10_000n) };
}

/** eth_getBlockByNumber / ByHash and the transaction counts: null for a block the branch does not have. */
export async function blockByTag(s: Session, v: ChainView, p: Params): Promise<unknown> {
  const byHash = p.method.endsWith('ByHash');
  const n = byHash
    ? findBlock(v, { blockHash: p.hash(0, 'block hash') }, `${p.method} parameter 1 (block hash)`)
    : findBlock(v, p.raw(0, 'block'), `${p.method} parameter 1 (block)`);
  if (n === null) return null;
  if (p.method.includes('TransactionCount')) return v.byBlock.has(n) ? '0x1' : '0x0';
  const full = p.boolean(1, 'full transactions', false);
  hashOf(v, n);
  return block(v, n, full, await stateRootOf(s, v, n));
}

export function blockReceipts(v: ChainView, p: Params): unknown {
  const n = findBlock(v, p.raw(0, 'block'), `${p.method} parameter 1 (block)`);
  if (n === null) return null;
  const m = v.byBlock.get(n);
  return m === undefined ? [] : [receipt(v, m)];
}

export function txByHash(v: ChainView, p: Params): unknown {
  const m = v.byHash.get(p.hash(0, 'transaction hash'));
  if (m === undefined) return null;
  return p.method === 'eth_getTransactionByHash' ? transaction(v, m) : receipt(v, m);
}

export function txInBlock(v: ChainView, p: Params): unknown {
  const byHash = p.method.includes('BlockHash');
  const n = byHash
    ? findBlock(v, { blockHash: p.hash(0, 'block hash') }, `${p.method} parameter 1 (block hash)`)
    : findBlock(v, p.raw(0, 'block'), `${p.method} parameter 1 (block)`);
  const index = p.quantity(1, 'index');
  const m = n === null ? undefined : v.byBlock.get(n);
  return m === undefined || index !== 0n ? null : transaction(v, m);
}

/** Fees are zero but for signed transactions that chose a tip: each block's rewards are its one tip. */
export function feeHistory(v: ChainView, p: Params): unknown {
  const count = p.quantity(0, 'block count');
  if (count === 0n || count > 1024n) throw invalid(`${p.method} parameter 1 (block count) must be 1 to 1024`);
  const newest = stateBlock(v, p.raw(1, 'newest block'), `${p.method} parameter 2 (newest block)`);
  const percentiles = p.has(2) ? p.raw(2, 'reward percentiles') : null;
  if (percentiles !== null && (!Array.isArray(percentiles) || percentiles.some((x) => typeof x !== 'number')))
    throw invalid(`${p.method} parameter 3 (reward percentiles) is not a list of numbers`);
  const oldest = newest - count + 1n > v.genesis.number ? newest - count + 1n : v.genesis.number;
  const blocks: bigint[] = [];
  for (let n = oldest; n <= newest; n++) blocks.push(n);
  const used = (n: bigint) => v.byBlock.get(n)?.tx.gasUsed ?? 0n;
  const tip = (n: bigint) => {
    const m = v.byBlock.get(n);
    return m === undefined ? '0x0' : ((transaction(v, m)['gasPrice'] as Hex | undefined) ?? '0x0');
  };
  return {
    oldestBlock: numberToHex(oldest),
    baseFeePerGas: [...blocks, newest + 1n].map(() => '0x0'),
    gasUsedRatio: blocks.map((n) => Number(used(n)) / Number(BLOCK_GAS_LIMIT)),
    baseFeePerBlobGas: [...blocks, newest + 1n].map(() => '0x1'),
    blobGasUsedRatio: blocks.map(() => 0),
    ...(percentiles === null
      ? {}
      : { reward: blocks.map((n) => (percentiles as number[]).map(() => tip(n))) }),
  };
}

export function getLogs(v: ChainView, p: Params): unknown {
  return logsMatching(v, readCriteria(p, 0), `${p.method} parameter 1 (filter)`);
}
