import fc from 'fast-check';
import { createFeeMarket1559Tx, paramsTx } from '@ethereumjs/tx';
import { bytesToHex } from '@ethereumjs/util';
import { describe, expect, it } from 'vitest';
import { createChain } from './evm.ts';
import { txCommon } from './tx-common.ts';

/** A transaction and everything the chain reads of it and its Common. */
const described = (tx: ReturnType<typeof createFeeMarket1559Tx>) => ({
  json: tx.toJSON(),
  message: bytesToHex(tx.getHashedMessageToSign()),
  serialized: bytesToHex(tx.serialize()),
  hash: tx.isSigned() ? bytesToHex(tx.hash()) : null,
  hardfork: tx.common.hardfork(),
  intrinsic: tx.getIntrinsicGas(),
  params: Object.keys(paramsTx[1] ?? {})
    .concat(['txGas', 'txCreationGas', 'txDataZeroGas', 'txDataNonZeroGas', 'accessListStorageKeyGas'])
    .map((name) => {
      try {
        return [name, tx.common.param(name)];
      } catch (e) {
        return [name, String(e)];
      }
    }),
});

describe('txCommon', () => {
  it('builds and signs transactions exactly as the chain’s own Common does', async () => {
    const chain = await createChain({ accounts: 1 });
    const key = new Uint8Array(32).fill(3);
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt(0n, 1000n),
        fc.uint8Array({ maxLength: 80 }),
        fc.bigInt(0n, 10n ** 20n),
        fc.option(fc.uint8Array({ minLength: 20, maxLength: 20 })),
        async (nonce, data, value, to) => {
          const fields = {
            chainId: chain.common.chainId(),
            nonce,
            maxFeePerGas: 0n,
            maxPriorityFeePerGas: 0n,
            gasLimit: 30_000_000n,
            value,
            data,
            ...(to === null ? {} : { to: bytesToHex(to) }),
          };
          const stock = createFeeMarket1559Tx(fields, { common: chain.common });
          const ours = createFeeMarket1559Tx(fields, { common: txCommon(chain) });
          expect(described(ours)).toEqual(described(stock));
          expect(described(ours.sign(key))).toEqual(described(stock.sign(key)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('still merges parameters other than the transaction ones', async () => {
    const chain = await createChain({ accounts: 1 });
    const copy = txCommon(chain).copy();
    copy.updateParams({ 1: { txGas: 12345 } });
    expect(copy.param('txGas')).toBe(12345n);
  });
});
