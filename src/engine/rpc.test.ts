// The EIP-1193 provider's methods, driven by viem exactly as console code would drive the page.
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  custom,
  parseAbi,
  parseEther,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { Host } from './host.ts';
import { memoryStore } from './store.ts';

const erc20 = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function transfer(address to, uint256 amount) returns (bool)',
]);

async function setup() {
  const host = new Host(memoryStore());
  const { update } = await host.start();
  const provider = {
    request: async ({ method, params }: { method: string; params?: unknown }) => {
      const a = await host.rpc(method, (params as unknown[] | undefined) ?? []);
      if ('error' in a)
        throw Object.assign(new Error(a.error.message), { code: a.error.code, data: a.error.data });
      return a.result;
    },
  };
  const actor = (id: string) => {
    const a = update.header?.actors.find((x) => x.id === id);
    if (a === undefined) throw new Error(id);
    return a.address as `0x${string}`;
  };
  return { host, provider, actor };
}

describe('the EIP-1193 provider', () => {
  it('reads and writes the contracts through viem, and a write is a step in the history', async () => {
    const { host, provider, actor } = await setup();
    const pub = createPublicClient({ transport: custom(provider) });
    expect(await pub.getChainId()).toBe(31337);
    const accounts = (await provider.request({ method: 'eth_accounts' })) as string[];
    expect(accounts).toContain(actor('alice'));
    // An account has no code; the token does.
    expect(await pub.getCode({ address: actor('alice') })).toBeUndefined();
    const token = await findLst(host);
    expect((await pub.getCode({ address: token }))?.length).toBeGreaterThan(100);
    // Alice staked 40 ETH and deposited all 40 stETH into the strategy: she holds none.
    expect(
      await pub.readContract({
        address: token,
        abi: erc20,
        functionName: 'balanceOf',
        args: [actor('alice')],
      }),
    ).toBe(0n);
    const wallet = createWalletClient({ transport: custom(provider), account: actor('alice') });
    const nodesBefore = host.exportSession() as { nodes: unknown[] };
    const hash = await wallet.sendTransaction({ to: actor('bob'), value: parseEther('1'), chain: null });
    const receipt = await pub.waitForTransactionReceipt({ hash, pollingInterval: 10 });
    expect(receipt.status).toBe('success');
    expect(await pub.getBalance({ address: actor('bob') })).toBe(parseEther('71'));
    expect((host.exportSession() as { nodes: unknown[] }).nodes).toHaveLength(nodesBefore.nodes.length + 1);
    await host.undo();
    expect(await pub.getBalance({ address: actor('bob') })).toBe(parseEther('70'));
    expect(await pub.getTransactionReceipt({ hash }).catch((e: Error) => e.name)).toBe(
      'TransactionReceiptNotFoundError',
    );
  });

  it('refuses a reverting write with the decoded error, and unknown methods by name', async () => {
    const { host, provider, actor } = await setup();
    const token = await findLst(host);
    const wallet = createWalletClient({ transport: custom(provider), account: actor('carol') });
    const err = await wallet
      .writeContract({
        address: token,
        abi: erc20,
        functionName: 'transfer',
        args: [actor('bob'), parseEther('1')],
        chain: null,
      })
      .catch((e: Error) => e.message);
    expect(err).toMatch(/InsufficientShares\(0, 1000000000000000000\).*nothing was mined/);
    // A reverting call carries its revert data, which viem decodes into the custom error by name.
    const pub = createPublicClient({ transport: custom(provider) });
    const dm = host.contracts().find((c) => c.name === 'delegationManager');
    if (dm === undefined) throw new Error('no delegation manager');
    const abi = parseAbi(['function delegateTo(address operator)', 'error ActivelyDelegated()']);
    const reverted = await pub
      .simulateContract({
        address: dm.address as `0x${string}`,
        abi,
        functionName: 'delegateTo',
        args: [actor('op2')],
        account: actor('alice'),
      })
      .then(
        () => null,
        (e: BaseError) => e.walk((x) => x instanceof ContractFunctionRevertedError),
      );
    expect((reverted as ContractFunctionRevertedError | null)?.data?.errorName).toBe('ActivelyDelegated');
    // An AVS's own account is not its contract: a transfer to it lands on the account.
    const avsAccount = actor('avs1');
    const before = await pub.getBalance({ address: avsAccount });
    await createWalletClient({ transport: custom(provider), account: actor('bob') }).sendTransaction({
      to: avsAccount,
      value: 5n,
      chain: null,
    });
    expect(await pub.getBalance({ address: avsAccount })).toBe(before + 5n);
    const unknown = await host.rpc('eth_submitWork', []);
    expect('error' in unknown && unknown.error.code).toBe(4200);
  });
});

/** The stETH-like token's address, from the host's contract list (window.sandbox.worker.contracts()). */
async function findLst(host: Host): Promise<`0x${string}`> {
  const lst = host.contracts().find((c) => c.name === 'lst');
  if (lst === undefined) throw new Error('no lst');
  return lst.address as `0x${string}`;
}
