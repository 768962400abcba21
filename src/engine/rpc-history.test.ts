// Reads at earlier blocks, filters over a moving chain, and test-node methods as steps and history moves.
import { createPublicClient, custom, parseAbi, parseEther, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { rpcHost } from './rpc-testing.ts';

const steps = (host: { exportSession(): unknown }) =>
  (host.exportSession() as { nodes: unknown[] }).nodes.length;

describe('the provider over history', () => {
  it('reads balances, calls and blocks at any block of the current branch, inside a step too', async () => {
    const { host, provider, actor, contract, request } = await rpcHost();
    const pub = createPublicClient({ transport: custom(provider) });
    const before = await pub.getBlockNumber();
    const hash = await request({
      method: 'eth_sendTransaction',
      params: [{ from: actor('alice'), to: actor('bob'), value: toHex(parseEther('2')) }],
    });
    const mined = await pub.getTransactionReceipt({ hash: hash as `0x${string}` });
    // Bob had 70 ETH (100 less 30 staked) before the transfer, 72 after it: both remain readable.
    expect(await pub.getBalance({ address: actor('bob'), blockNumber: before })).toBe(parseEther('70'));
    expect(await pub.getBalance({ address: actor('bob'), blockNumber: mined.blockNumber })).toBe(
      parseEther('72'),
    );
    expect(await pub.getBalance({ address: actor('bob'), blockHash: mined.blockHash } as never)).toBe(
      parseEther('72'),
    );
    // Alice's stETH deposit was one step of two transactions (approve, then deposit): at the approve's block
    // the allowance is set and the strategy has not moved the tokens yet.
    const lst = contract('lst');
    const erc20 = parseAbi([
      'function allowance(address,address) view returns (uint256)',
      'function balanceOf(address) view returns (uint256)',
    ]);
    const session = host.exportSession() as { nodes: { step: { action: string; by?: string } }[] };
    const deposit = session.nodes.findIndex(
      (n) => n.step.action === 'strategy.deposit' && n.step.by === 'alice',
    );
    expect(deposit).toBeGreaterThan(0);
    const logs = await pub.getLogs({ address: lst, fromBlock: 'earliest', toBlock: before });
    const approval = logs.find(
      (l) =>
        l.topics[0] === '0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925' &&
        l.topics[1]?.endsWith(actor('alice').slice(2).toLowerCase()),
    );
    expect(approval).toBeDefined();
    const at = approval!.blockNumber!;
    expect(
      await pub.readContract({
        address: lst,
        abi: erc20,
        functionName: 'balanceOf',
        args: [actor('alice')],
        blockNumber: at,
      }),
    ).toBe(parseEther('40'));
    expect(
      await pub.readContract({
        address: lst,
        abi: erc20,
        functionName: 'balanceOf',
        args: [actor('alice')],
        blockNumber: at + 1n,
      }),
    ).toBe(0n);
    // The chain is back at the cursor after reading the past.
    expect(await pub.getBalance({ address: actor('bob') })).toBe(parseEther('72'));
    const future = await host.rpc('eth_getBalance', [actor('bob'), toHex(before + 100n)]);
    expect('error' in future && future.error.message).toMatch(/there is no block .* on the current branch/);
    expect(await pub.getBlock({ blockNumber: before + 100n }).catch((e: Error) => e.name)).toBe(
      'BlockNotFoundError',
    );
  });

  it('a log filter reports new logs, and after an undo reports them again as removed', async () => {
    const { host, request, actor, contract } = await rpcHost();
    const lst = contract('lst');
    const filter = await request({ method: 'eth_newFilter', params: [{ address: lst }] });
    const blocks = await request({ method: 'eth_newBlockFilter' });
    expect(await request({ method: 'eth_getFilterChanges', params: [filter] })).toEqual([]);
    await host.act({ action: 'lst.stake', by: 'carol', amount: '1 ETH' });
    const fresh = (await request({ method: 'eth_getFilterChanges', params: [filter] })) as {
      removed: boolean;
      blockHash: string;
    }[];
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((l) => !l.removed)).toBe(true);
    const newBlocks = (await request({ method: 'eth_getFilterChanges', params: [blocks] })) as string[];
    expect(newBlocks).toEqual([fresh[0]!.blockHash]);
    await host.undo();
    const gone = (await request({ method: 'eth_getFilterChanges', params: [filter] })) as {
      removed: boolean;
    }[];
    expect(gone).toEqual(fresh.map((l) => ({ ...l, removed: true })));
    await host.act({ action: 'lst.stake', by: 'bob', amount: '1 ETH' });
    const other = (await request({ method: 'eth_getFilterChanges', params: [filter] })) as {
      blockHash: string;
      removed: boolean;
    }[];
    expect(other.length).toBeGreaterThan(0);
    // Same block number, another branch: another hash.
    expect(other[0]!.blockHash).not.toBe(fresh[0]!.blockHash);
    expect(await request({ method: 'eth_getFilterChanges', params: [blocks] })).toEqual([
      other[0]!.blockHash,
    ]);
    expect(await request({ method: 'eth_getFilterLogs', params: [filter] })).toEqual(
      // The filter's range is its criteria's ("latest" to "latest" by default): the head block's logs.
      await request({ method: 'eth_getLogs', params: [{ address: lst }] }),
    );
    expect(await request({ method: 'eth_uninstallFilter', params: [filter] })).toBe(true);
    const e = await host.rpc('eth_getFilterChanges', [filter]);
    expect('error' in e && e.error.message).toMatch(/filter not found/);
    expect(actor('bob')).toMatch(/^0x/);
  });

  it('test-node methods are steps (mine, increaseTime) or history moves (snapshot, revert)', async () => {
    const { host, request, refusal, actor } = await rpcHost();
    const start = BigInt((await request({ method: 'eth_blockNumber' })) as string);
    const n0 = steps(host);
    const snap = await request({ method: 'evm_snapshot' });
    await request({ method: 'anvil_mine', params: ['0x3', '0x0'] });
    expect(BigInt((await request({ method: 'eth_blockNumber' })) as string)).toBe(start + 3n);
    await request({ method: 'evm_mine' });
    // The playground's classroom preset: 12 s blocks, so 13 s is two blocks.
    expect(await request({ method: 'evm_increaseTime', params: ['0xd'] })).toBe(toHex(24));
    expect(BigInt((await request({ method: 'eth_blockNumber' })) as string)).toBe(start + 6n);
    expect(steps(host)).toBe(n0 + 3);
    expect(await request({ method: 'evm_revert', params: [snap] })).toBe(true);
    expect(BigInt((await request({ method: 'eth_blockNumber' })) as string)).toBe(start);
    // The steps stay in History; the snapshot is used up, as on anvil.
    expect(steps(host)).toBe(n0 + 3);
    expect(await request({ method: 'evm_revert', params: [snap] })).toBe(false);
    const set = await refusal('anvil_setBalance', [actor('alice'), '0x1']);
    expect(set.code).toBe(4200);
    expect(set.message).toMatch(
      /^The method anvil_setBalance does not exist \/ is not available: ETH comes from/,
    );
    expect((await refusal('evm_mine', ['0x5'])).code).toBe(-32602);
  });
});
