import { describe, expect, it } from 'vitest';
import { encodeErrorResult, getAddress } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { ACCOUNT_ADDRESSES } from './account-addresses.ts';
import {
  abiOf,
  accountKey,
  advance,
  checkpoint,
  cloneChain,
  createChain,
  deploy,
  getBalance,
  getNonce,
  read,
  restore,
  snapshot,
  stateRoot,
  write,
} from './runtime.ts';

const probe = async () => {
  const chain = await createChain({ accounts: 3, startBlock: 1_000_000n, startTimestamp: 1_000n });
  const from = chain.accounts[0]!.address;
  const to = await deploy(chain, { from, contract: 'RuntimeProbe', args: [5n] });
  return { chain, from, to };
};

describe('chain runtime', () => {
  it('the written-down account addresses are those the keys derive', () => {
    expect(ACCOUNT_ADDRESSES.map((_, i) => privateKeyToAddress(accountKey(i)))).toEqual(ACCOUNT_ADDRESSES);
  });

  it('derives the same funded accounts on every run', async () => {
    const a = await createChain({ accounts: 2 });
    const b = await createChain({ accounts: 2 });
    expect(a.accounts.map((x) => x.address)).toEqual(b.accounts.map((x) => x.address));
    expect(await getBalance(a, a.accounts[1]!.address)).toBe(10n ** 24n);
  });

  it('mines one block per signed transaction and decodes events and return values', async () => {
    const { chain, from, to } = await probe();
    expect(chain.head.number).toBe(1_000_001n); // the deployment was block 1,000,001
    const r = await write(chain, { from, to, contract: 'RuntimeProbe', functionName: 'store', args: [42n] });
    expect(r.ok).toBe(true);
    expect(r.block).toBe(1_000_002n);
    expect(r.timestamp).toBe(1_000n + 2n * 12n);
    expect(r.unsigned).toBe(false);
    expect(r.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(r.result).toBe(5n);
    expect(r.call).toEqual({ contract: 'RuntimeProbe', functionName: 'store', args: [42n] });
    expect(r.events).toEqual([{ address: to, eventName: 'Stored', args: { by: from, value: 42n } }]);
    expect(await getNonce(chain, from)).toBe(2n);
    expect(await read(chain, { to, contract: 'RuntimeProbe', functionName: 'value' })).toBe(42n);
  });

  it('decodes a custom error with its arguments and leaves state untouched', async () => {
    const { chain, from, to } = await probe();
    const r = await write(chain, { from, to, contract: 'RuntimeProbe', functionName: 'store', args: [3n] });
    expect(r.ok).toBe(false);
    // The revert data rides along as the contract returned it, so JSON-RPC clients can decode it themselves.
    const data = encodeErrorResult({ abi: abiOf('RuntimeProbe'), errorName: 'TooSmall', args: [3n, 10n] });
    expect(r.error).toEqual({ name: 'TooSmall', args: [3n, 10n], message: 'TooSmall(3, 10)', data });
    expect(r.events).toEqual([]);
    expect(await read(chain, { to, contract: 'RuntimeProbe', functionName: 'value' })).toBe(5n);
  });

  it('decodes a checked-arithmetic panic', async () => {
    const { chain, from, to } = await probe();
    const r = await write(chain, {
      from,
      to,
      contract: 'RuntimeProbe',
      functionName: 'underflow',
      args: [0n],
    });
    expect(r.error?.name).toBe('Panic');
    expect(r.error?.message).toBe('Panic(17: arithmetic underflow or overflow)');
  });

  it('reads at the head block without bumping any nonce', async () => {
    const { chain, from, to } = await probe();
    advance(chain, { blocks: 100n });
    const [number, timestamp] = await read<[bigint, bigint]>(chain, {
      to,
      from,
      contract: 'RuntimeProbe',
      functionName: 'context',
    });
    expect(number).toBe(1_000_101n);
    expect(timestamp).toBe(1_000n + 101n * 12n);
    expect(await getNonce(chain, from)).toBe(1n);
    advance(chain, { seconds: 13n }); // rounds up to whole blocks
    expect(chain.head.number).toBe(1_000_103n);
  });

  it('runs impersonated transactions without a key and marks their hash unsigned', async () => {
    const { chain, to } = await probe();
    const stranger = getAddress('0x00000000000000000000000000000000000000aa');
    const r = await write(chain, {
      from: stranger,
      to,
      contract: 'RuntimeProbe',
      functionName: 'store',
      args: [77n],
      impersonate: true,
    });
    expect(r.ok).toBe(true);
    expect(r.unsigned).toBe(true);
    expect(r.events[0]?.args).toEqual({ by: stranger, value: 77n });
  });

  it('restores a snapshot: state, nonces and head all go back', async () => {
    const { chain, from, to } = await probe();
    const snap = await snapshot(chain);
    await write(chain, { from, to, contract: 'RuntimeProbe', functionName: 'store', args: [99n] });
    advance(chain, { blocks: 50n });
    await restore(chain, snap);
    expect(chain.head.number).toBe(1_000_001n);
    expect(await read(chain, { to, contract: 'RuntimeProbe', functionName: 'value' })).toBe(5n);
    expect(await getNonce(chain, from)).toBe(1n);
    // the restored chain keeps working, and a later snapshot can be restored after an earlier one
    const r = await write(chain, { from, to, contract: 'RuntimeProbe', functionName: 'store', args: [11n] });
    expect(r.block).toBe(1_000_002n);
  });
});

describe('cloneChain', () => {
  it('starts from the template state and then diverges without touching it', async () => {
    const { chain, from, to } = await probe();
    const copy = await cloneChain(chain);
    expect(copy.head).toEqual(chain.head);
    expect(await read(copy, { to, contract: 'RuntimeProbe', functionName: 'value' })).toBe(5n);
    await write(copy, { from, to, contract: 'RuntimeProbe', functionName: 'store', args: [123n] });
    expect(await read(copy, { to, contract: 'RuntimeProbe', functionName: 'value' })).toBe(123n);
    expect(await read(chain, { to, contract: 'RuntimeProbe', functionName: 'value' })).toBe(5n);
    expect(await getNonce(chain, from)).toBe(1n);
    expect(await getNonce(copy, from)).toBe(2n);
    await write(chain, { from, to, contract: 'RuntimeProbe', functionName: 'store', args: [77n] });
    expect(await read(copy, { to, contract: 'RuntimeProbe', functionName: 'value' })).toBe(123n);
  });
});

describe('EVM speed-ups', () => {
  it('installs the jump-analysis cache in Node, and a cached chain computes what a bare one does', async () => {
    const { enableEvmSpeedups } = await import('./evm-speedups.ts');
    const fast = await probe();
    expect(await enableEvmSpeedups(fast.chain.vm)).toBe(true);
    const bare = await createChain({
      accounts: 3,
      startBlock: 1_000_000n,
      startTimestamp: 1_000n,
      caches: false,
    });
    const to = await deploy(bare, { from: fast.from, contract: 'RuntimeProbe', args: [5n] });
    for (const v of [10n, 11n, 3n, 12n]) {
      const a = await write(fast.chain, {
        from: fast.from,
        to: fast.to,
        contract: 'RuntimeProbe',
        functionName: 'store',
        args: [v],
      });
      const b = await write(bare, {
        from: fast.from,
        to,
        contract: 'RuntimeProbe',
        functionName: 'store',
        args: [v],
      });
      expect([a.ok, a.gasUsed, a.error?.name]).toEqual([b.ok, b.gasUsed, b.error?.name]);
    }
    expect(await stateRoot(fast.chain)).toEqual(await stateRoot(bare));
  });
});

describe('the pending level', () => {
  it('settles writes into the trie only when a root is taken, and refuses a root inside an open step', async () => {
    const { chain, from, to } = await probe();
    const before = await stateRoot(chain);
    await write(chain, { from, to, contract: 'RuntimeProbe', functionName: 'store', args: [60n] });
    const after = await stateRoot(chain);
    expect(after).not.toEqual(before);
    expect(await stateRoot(chain)).toEqual(after); // settling twice changes nothing
    const cp = await checkpoint(chain);
    await expect(stateRoot(chain)).rejects.toThrow('inside an open step');
    await cp.rollback();
    expect(await stateRoot(chain)).toEqual(after);
  });
});
