import { hexToBytes } from '@ethereumjs/util';
import { describe, expect, it } from 'vitest';
import {
  chainFromImage,
  createChain,
  getBalance,
  getCode,
  getStorageAt,
  imageOf,
  installMulticall3,
  MULTICALL3_ADDRESS,
  restore,
  setBalance,
  snapshot,
  toEjsAddress,
  type Chain,
} from './runtime.ts';

const SLOT = `0x${'0'.repeat(63)}7` as const;

async function putSlot(chain: Chain, value: number): Promise<void> {
  const word = new Uint8Array(32);
  word[31] = value;
  await chain.stateManager.putStorage(toEjsAddress(MULTICALL3_ADDRESS), hexToBytes(SLOT), word);
}

describe('images keep only what their snapshots reach', () => {
  it('restores every kept snapshot (balances, storage, code) and leaves the states between them out', async () => {
    const chain = await createChain({ accounts: 3 });
    const [a] = chain.accounts;
    if (a === undefined) throw new Error('no account');
    await installMulticall3(chain);
    await putSlot(chain, 1);
    const first = await snapshot(chain);
    // States that no snapshot keeps: each settled into the trie, then overwritten.
    for (let i = 2; i < 6; i++) {
      await setBalance(chain, a.address, BigInt(i));
      await putSlot(chain, i);
      await snapshot(chain);
    }
    await setBalance(chain, a.address, 99n);
    await putSlot(chain, 99);
    const last = await snapshot(chain);

    const whole = await imageOf(chain);
    const kept = await imageOf(chain, [first.stateRoot]);
    expect(kept.entries.length).toBeLessThan(whole.entries.length);

    const copy = await chainFromImage(JSON.parse(JSON.stringify(kept)));
    expect(await getBalance(copy, a.address)).toBe(99n);
    expect(BigInt(await getStorageAt(copy, MULTICALL3_ADDRESS, SLOT))).toBe(99n);
    await restore(copy, first);
    expect(await getBalance(copy, a.address)).toBe(
      await getBalance(await createChain({ accounts: 3 }), a.address),
    );
    expect(BigInt(await getStorageAt(copy, MULTICALL3_ADDRESS, SLOT))).toBe(1n);
    expect(await getCode(copy, MULTICALL3_ADDRESS)).toBe(await getCode(chain, MULTICALL3_ADDRESS));
    await restore(copy, last);
    expect(BigInt(await getStorageAt(copy, MULTICALL3_ADDRESS, SLOT))).toBe(99n);
  });
});
