// The JSON-RPC shapes of what the sandbox's chain has: receipts, transactions and the head block, with
// hex quantities as EIP-1474 asks. There is one transaction per block, so every index is 0; block hashes are
// derived from the number, since the sandbox builds no real block headers.
import { keccak256, numberToHex, toHex, type Hex } from 'viem';
import { BLOCK_GAS_LIMIT } from '../chain/evm.ts';
import { CHAIN_ID, type TxResult } from '../chain/runtime.ts';

export function blockHash(number: bigint): Hex {
  return keccak256(toHex(`restaking-sandbox/block/${number}`));
}

export function receipt(tx: TxResult): Record<string, unknown> {
  return {
    transactionHash: tx.hash,
    transactionIndex: '0x0',
    blockHash: blockHash(tx.block),
    blockNumber: numberToHex(tx.block),
    from: tx.from,
    to: tx.to,
    cumulativeGasUsed: numberToHex(tx.gasUsed),
    gasUsed: numberToHex(tx.gasUsed),
    effectiveGasPrice: '0x0',
    contractAddress: tx.createdAddress ?? null,
    logs: tx.logs.map((l, i) => ({
      ...l,
      logIndex: numberToHex(i),
      blockNumber: numberToHex(tx.block),
      blockHash: blockHash(tx.block),
      transactionHash: tx.hash,
      transactionIndex: '0x0',
      removed: false,
    })),
    logsBloom: `0x${'0'.repeat(512)}`,
    status: tx.ok ? '0x1' : '0x0',
    type: '0x2',
  };
}

export function transaction(tx: TxResult): Record<string, unknown> {
  return {
    hash: tx.hash,
    blockHash: blockHash(tx.block),
    blockNumber: numberToHex(tx.block),
    transactionIndex: '0x0',
    from: tx.from,
    to: tx.to,
    nonce: numberToHex(tx.nonce),
    input: tx.data,
    value: numberToHex(tx.value),
    gas: numberToHex(tx.gasUsed),
    gasPrice: '0x0',
    maxFeePerGas: '0x0',
    maxPriorityFeePerGas: '0x0',
    chainId: numberToHex(CHAIN_ID),
    type: '0x2',
  };
}

export function headBlock(head: { number: bigint; timestamp: bigint }): Record<string, unknown> {
  return {
    number: numberToHex(head.number),
    hash: blockHash(head.number),
    parentHash: blockHash(head.number - 1n),
    timestamp: numberToHex(head.timestamp),
    gasLimit: numberToHex(BLOCK_GAS_LIMIT),
    gasUsed: '0x0',
    baseFeePerGas: '0x0',
    miner: '0x0000000000000000000000000000000000000000',
    difficulty: '0x0',
    extraData: '0x',
    transactions: [],
    uncles: [],
  };
}
