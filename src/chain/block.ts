// The block a transaction is mined in. Every block of a chain differs only in its number and timestamp, but
// the library's constructor copies the chain's Common and rebuilds its whole parameter cache for each one
// (about 0.3 ms, an eighth of a replayed step's work in a share link's replay). So each chain builds one block
// with the real constructor, and every later block is that block with its own number, timestamp and hash
// cache: the same fields, methods and Common, and the one check that depends on the number (the DAO fork's
// extra data) still runs. block.test.ts holds each equal to the one the constructor builds.
import { createBlock, type Block, type BlockHeader } from '@ethereumjs/block';
import { BLOCK_GAS_LIMIT, type Chain } from './evm.ts';

const templates = new WeakMap<Chain, Block>();

/** The constructor's block: what `blockAt` gives, built the slow way (the template, and tests). */
export function constructedBlock(chain: Chain, number: bigint, timestamp: bigint): Block {
  return createBlock(
    { header: { number, timestamp, gasLimit: BLOCK_GAS_LIMIT, baseFeePerGas: 0n } },
    { common: chain.common },
  );
}

/** The chain's block at `number` and `timestamp`, empty, with zero base fee and the chain's gas limit. */
export function blockAt(chain: Chain, number: bigint, timestamp: bigint): Block {
  const template = templates.get(chain);
  if (template === undefined) {
    const block = constructedBlock(chain, number, timestamp);
    templates.set(chain, block);
    return block;
  }
  if (template.header.number === number && template.header.timestamp === timestamp) return template;
  const header = Object.create(template.header, {
    number: { value: number, enumerable: true },
    timestamp: { value: timestamp, enumerable: true },
    cache: { value: { hash: undefined }, enumerable: true },
  }) as BlockHeader;
  (header as unknown as { _validateDAOExtraData(): void })._validateDAOExtraData();
  Object.freeze(header);
  const block = Object.create(template, {
    header: { value: header, enumerable: true },
    cache: { value: {}, enumerable: true },
  }) as Block;
  Object.freeze(block);
  return block;
}
