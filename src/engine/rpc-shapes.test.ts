// Every answer's shape against the Ethereum execution-apis schemas (ethereum/execution-apis, src/schemas):
// the required fields of a block, a 1559 transaction, a receipt and a log, each a hex quantity or data.
import { keccak256, parseEther, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { logsBloom } from './rpc-shapes.ts';
import { rpcHost } from './rpc-testing.ts';

const BLOCK = [
  'hash',
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
  'size',
  'baseFeePerGas',
  'withdrawalsRoot',
  'blobGasUsed',
  'excessBlobGas',
  'parentBeaconBlockRoot',
  'uncles',
  'transactions',
  'withdrawals',
];
const TX_1559 = [
  'type',
  'nonce',
  'to',
  'gas',
  'value',
  'input',
  'maxPriorityFeePerGas',
  'maxFeePerGas',
  'accessList',
  'chainId',
  'yParity',
  'r',
  's',
  'v',
  'gasPrice',
  'hash',
  'blockHash',
  'blockNumber',
  'transactionIndex',
  'from',
];
const RECEIPT = [
  'type',
  'transactionHash',
  'transactionIndex',
  'blockHash',
  'blockNumber',
  'from',
  'to',
  'cumulativeGasUsed',
  'gasUsed',
  'contractAddress',
  'logs',
  'logsBloom',
  'status',
  'effectiveGasPrice',
];
const LOG = [
  'removed',
  'logIndex',
  'transactionIndex',
  'transactionHash',
  'blockHash',
  'blockNumber',
  'address',
  'data',
  'topics',
];
const QUANTITY = /^0x(0|[1-9a-f][0-9a-f]*)$/;
const HASH = /^0x[0-9a-f]{64}$/;

function fields(o: unknown, required: string[]): Record<string, unknown> {
  const r = o as Record<string, unknown>;
  for (const k of required) expect(r, k).toHaveProperty(k);
  return r;
}

describe('JSON-RPC shapes', () => {
  it('a block, its transaction, receipt and logs have every field the spec requires, in hex', async () => {
    const { request, actor } = await rpcHost();
    const hash = (await request({
      method: 'eth_sendTransaction',
      params: [{ from: actor('alice'), to: actor('bob'), value: toHex(parseEther('1')) }],
    })) as string;
    const receipt = fields(await request({ method: 'eth_getTransactionReceipt', params: [hash] }), RECEIPT);
    const block = fields(
      await request({ method: 'eth_getBlockByNumber', params: [receipt['blockNumber'], true] }),
      BLOCK,
    );
    for (const k of ['number', 'gasLimit', 'gasUsed', 'timestamp', 'size', 'baseFeePerGas', 'difficulty'])
      expect(block[k], k).toMatch(QUANTITY);
    for (const k of ['hash', 'parentHash', 'stateRoot', 'transactionsRoot', 'receiptsRoot', 'mixHash'])
      expect(block[k], k).toMatch(HASH);
    expect(block['nonce']).toMatch(/^0x[0-9a-f]{16}$/);
    expect(block['logsBloom']).toMatch(/^0x[0-9a-f]{512}$/);
    // A value transfer costs exactly 21000 gas, the block's only transaction.
    expect(block['gasUsed']).toBe('0x5208');
    const [tx] = block['transactions'] as Record<string, unknown>[];
    fields(tx, TX_1559);
    expect(tx!['hash']).toBe(hash);
    expect(tx!['blockHash']).toBe(block['hash']);
    expect(receipt['blockHash']).toBe(block['hash']);
    expect(tx!['r']).toMatch(QUANTITY);
    expect(tx!['r']).not.toBe('0x0');
    expect(tx!['yParity']).toMatch(/^0x[01]$/);
    expect(await request({ method: 'eth_getBlockByHash', params: [block['hash'], false] })).toMatchObject({
      number: block['number'],
      transactions: [hash],
    });
    const parent = (await request({
      method: 'eth_getBlockByNumber',
      params: [toHex(BigInt(block['number'] as string) - 1n), false],
    })) as Record<string, unknown>;
    expect(block['parentHash']).toBe(parent['hash']);
    expect(await request({ method: 'eth_getBlockReceipts', params: [block['number']] })).toEqual([receipt]);
  });

  it('logs of a protocol step carry their place in the chain', async () => {
    const { request } = await rpcHost();
    const head = BigInt((await request({ method: 'eth_blockNumber' })) as string);
    const logs = (await request({
      method: 'eth_getLogs',
      params: [{ fromBlock: 'earliest', toBlock: toHex(head) }],
    })) as Record<string, unknown>[];
    expect(logs.length).toBeGreaterThan(10);
    for (const l of logs) {
      fields(l, LOG);
      expect(l['removed']).toBe(false);
      const r = (await request({ method: 'eth_getTransactionReceipt', params: [l['transactionHash']] })) as {
        logs: unknown[];
        blockHash: string;
        logsBloom: string;
      };
      expect(r.logs).toContainEqual(l);
      expect(l['blockHash']).toBe(r.blockHash);
    }
  });

  it('the bloom of a log sets the three bits of its address and of each topic (yellow paper 4.3.1)', () => {
    const address = '0x0000000000000000000000000000000000000001';
    const bloom = BigInt(logsBloom([{ address, topics: [], data: '0x' }]));
    const h = keccak256(address);
    const bits = [0, 2, 4].map((i) => parseInt(h.slice(2 + i * 2, 6 + i * 2), 16) & 2047);
    expect(bloom).toBe(bits.reduce((acc, b) => acc | (1n << BigInt(b)), 0n));
  });
});
