import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockAt, constructedBlock } from './block.ts';
import { createChain } from './evm.ts';

/** Everything a block says about itself: its fields, its encoding and its hash. */
const described = (b: ReturnType<typeof blockAt>) => ({
  json: b.toJSON(),
  header: b.header.toJSON(),
  raw: b.header.serialize(),
  hash: b.hash(),
  number: b.header.number,
  timestamp: b.header.timestamp,
  hardfork: b.common.hardfork(),
  baseFee: b.header.baseFeePerGas,
  gasLimit: b.header.gasLimit,
  coinbase: b.header.coinbase.toString(),
});

const outcome = (f: () => unknown) => {
  try {
    return { ok: described(f() as ReturnType<typeof blockAt>) };
  } catch (e) {
    return { threw: e instanceof Error ? e.message : String(e) };
  }
};

describe('blockAt', () => {
  it('gives, for any number and timestamp, the block the constructor builds', async () => {
    const chain = await createChain({ accounts: 1 });
    blockAt(chain, 1n, 12n); // the chain's template
    await fc.assert(
      fc.property(fc.bigInt(0n, 2n ** 40n), fc.bigInt(0n, 2n ** 40n), (number, timestamp) => {
        expect(described(blockAt(chain, number, timestamp))).toEqual(
          described(constructedBlock(chain, number, timestamp)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the constructor's number-dependent check: the DAO fork's blocks are refused the same way", async () => {
    const chain = await createChain({ accounts: 1 });
    blockAt(chain, 5n, 60n);
    for (const number of [1_919_999n, 1_920_000n, 1_920_009n, 1_920_010n]) {
      const fast = outcome(() => blockAt(chain, number, 7n));
      expect(fast).toEqual(outcome(() => constructedBlock(chain, number, 7n)));
    }
    // The window really is refused (so the comparison above compares refusals, not only blocks).
    expect(outcome(() => blockAt(chain, 1_920_000n, 7n))).toHaveProperty('threw');
  });

  it('gives each block its own hash, not the one its template cached', async () => {
    const chain = await createChain({ accounts: 1 });
    const first = blockAt(chain, 10n, 100n);
    const firstHash = first.hash();
    const later = blockAt(chain, 11n, 112n);
    expect(later.hash()).not.toEqual(firstHash);
    expect(later.hash()).toEqual(constructedBlock(chain, 11n, 112n).hash());
    expect(first.hash()).toEqual(firstHash);
  });
});
