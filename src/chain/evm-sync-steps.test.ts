import { describe, expect, it } from 'vitest';
import { encodeFunctionData } from 'viem';
import { abiOf, createChain, deploy, read, sendTransaction, stateRoot, type Chain } from './runtime.ts';
import { useOriginalLoop } from './evm-sync-steps.ts';

// The original interpreter loop is the reference: the same transactions and reads on the two loops must give
// the same results, gas, errors and state, down to the state root.
async function probe(original: boolean) {
  const chain = await createChain({ accounts: 2, startBlock: 1_000_000n, startTimestamp: 1_000n });
  useOriginalLoop(chain.vm, original);
  const from = chain.accounts[0]!.address;
  const to = await deploy(chain, { from, contract: 'RuntimeProbe', args: [5n] });
  return { chain, from, to };
}

async function workload({ chain, from, to }: { chain: Chain; from: `0x${string}`; to: `0x${string}` }) {
  const out: unknown[] = [];
  const tx = async (functionName: string, args: unknown[], gasLimit?: bigint) => {
    const data = encodeFunctionData({ abi: abiOf('RuntimeProbe'), functionName, args });
    const r = await sendTransaction(chain, {
      from,
      to,
      data,
      ...(gasLimit === undefined ? {} : { gasLimit }),
    });
    out.push([functionName, r.ok, r.gasUsed, r.error?.name, r.events.length, r.returnData]);
  };
  await tx('store', [12n]); // an event and a storage write
  await tx('store', [3n]); // a custom error
  await tx('underflow', [0n]); // a panic
  await tx('store', [40n], 23_000n); // out of gas just after the intrinsic cost
  out.push(await read(chain, { to, contract: 'RuntimeProbe', functionName: 'value' }));
  out.push(await read(chain, { to, contract: 'RuntimeProbe', functionName: 'context' }));
  out.push(await stateRoot(chain));
  return out;
}

describe('the synchronous interpreter loop', () => {
  it('gives what the original loop gives: results, gas, errors and the state root', async () => {
    const fast = await workload(await probe(false));
    const original = await workload(await probe(true));
    expect(fast).toEqual(original);
    // The workload did reach every path it means to check.
    expect(fast.slice(0, 4).map((r) => (r as unknown[])[1])).toEqual([true, false, false, false]);
    expect((fast[3] as unknown[])[3]).not.toEqual((fast[1] as unknown[])[3]);
  });
});
