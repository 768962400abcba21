// Signing with the personas' keys, raw transactions as steps, Multicall3, and parameter errors (-32602
// naming the parameter, never the runtime's own words).
import {
  createPublicClient,
  createWalletClient,
  custom,
  keccak256,
  parseAbi,
  parseEther,
  recoverMessageAddress,
  recoverTypedDataAddress,
  toHex,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { fromDoc } from './session-doc.ts';
import { rpcHost } from './rpc-testing.ts';

const typed = {
  domain: { name: 'Sandbox', version: '1', chainId: 31337 },
  types: {
    Approval: [
      { name: 'staker', type: 'address' },
      { name: 'expiry', type: 'uint256' },
    ],
  },
  primaryType: 'Approval' as const,
  message: { staker: '0x0000000000000000000000000000000000000001' as const, expiry: 99n },
};

describe('signing and raw transactions', () => {
  it("signs messages and typed data with the persona's key", async () => {
    const { provider, actor } = await rpcHost();
    const alice = actor('alice');
    const wallet = createWalletClient({ transport: custom(provider), account: alice });
    const signature = await wallet.signMessage({ message: 'restake' });
    expect(await recoverMessageAddress({ message: 'restake', signature })).toBe(alice);
    const ethSign = (await provider.request({
      method: 'eth_sign',
      params: [alice, toHex('restake')],
    })) as `0x${string}`;
    expect(ethSign).toBe(signature);
    const t = await wallet.signTypedData(typed);
    expect(await recoverTypedDataAddress({ ...typed, signature: t })).toBe(alice);
  });

  it('a transaction signed with eth_signTransaction is mined as signed and replays after a reload', async () => {
    const { host, provider, actor } = await rpcHost();
    const raw = (await provider.request({
      method: 'eth_signTransaction',
      params: [{ from: actor('carol'), to: actor('bob'), value: toHex(parseEther('3')), gas: '0x5208' }],
    })) as `0x${string}`;
    const hash = await provider.request({ method: 'eth_sendRawTransaction', params: [raw] });
    expect(hash).toBe(keccak256(raw));
    const pub = createPublicClient({ transport: custom(provider) });
    const tx = await pub.getTransaction({ hash: hash as `0x${string}` });
    expect(tx.gas).toBe(21000n);
    expect(tx.from).toBe(actor('carol'));
    expect(await pub.getBalance({ address: actor('bob') })).toBe(parseEther('73'));
    const doc = host.exportSession() as { nodes: { step: Record<string, unknown> }[] };
    expect(doc.nodes.at(-1)?.step).toMatchObject({ action: 'tx.send', by: 'carol', to: 'bob', raw });
    // Replaying the session mines the very same transaction.
    const replayed = await fromDoc(doc);
    expect(replayed.entry(replayed.cursor.node!).txs[0]?.hash).toBe(hash);
    // The same bytes again: the nonce is used, nothing is mined.
    const again = await host.rpc('eth_sendRawTransaction', [raw]);
    expect('error' in again && again.error.message).toMatch(/nonce .* the next nonce of .* is/);
  });

  it('Multicall3 answers at its canonical address (viem multicall)', async () => {
    const { provider, actor, contract } = await rpcHost();
    const pub = createPublicClient({
      transport: custom(provider),
      chain: {
        id: 31337,
        name: 'sandbox',
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [] } },
        contracts: { multicall3: { address: '0xcA11bde05977b3631167028862bE2a173976CA11' } },
      },
    });
    const abi = parseAbi(['function balanceOf(address) view returns (uint256)']);
    const [a, c] = await pub.multicall({
      contracts: [
        { address: contract('lst'), abi, functionName: 'balanceOf', args: [actor('alice')] },
        { address: contract('lst'), abi, functionName: 'balanceOf', args: [actor('carol')] },
      ],
      allowFailure: false,
    });
    // Both deposited all their stETH into the strategy.
    expect([a, c]).toEqual([0n, 0n]);
  });

  it('refuses bad parameters with -32602 and a message naming the parameter', async () => {
    const { refusal, actor } = await rpcHost();
    const cases: [string, unknown[], RegExp][] = [
      ['eth_getBalance', ['abc'], /^eth_getBalance parameter 1 \(address\): "abc" is not an address/],
      ['eth_getBalance', [actor('bob'), 'abc'], /parameter 2 \(block\).*"abc" is not a quantity/],
      ['eth_getStorageAt', [actor('bob')], /parameter 2 \(slot\) is missing/],
      [
        'eth_call',
        [{ to: actor('bob'), value: 'lots' }],
        /parameter 1 \(transaction\) field "value": "lots" is not a quantity/,
      ],
      ['eth_sendTransaction', [{ from: 7 }], /parameter 1 \(transaction\) field "from": 7 is not an address/],
      [
        'eth_sendTransaction',
        [{ from: actor('alice'), to: actor('bob'), data: '0x1' }],
        /field "data": "0x1" is not hex data/,
      ],
      [
        'eth_getTransactionByHash',
        ['0x12'],
        /parameter 1 \(transaction hash\): "0x12" is not a 32-byte hash/,
      ],
      [
        'eth_sendRawTransaction',
        ['0x1234'],
        /parameter 1 \(signed transaction\) is not a signed transaction/,
      ],
      ['eth_getLogs', [{ topics: 'x' }], /field "topics" is not a list/],
      ['personal_sign', ['0x00', actor('op1').replace('0x', '0x0')], /parameter 2 \(address\)/],
    ];
    for (const [method, params, message] of cases) {
      const e = await refusal(method, params);
      expect({ method, code: e.code }).toEqual({ method, code: -32602 });
      expect(e.message).toMatch(message);
      expect(e.message).not.toMatch(/BigInt|toLowerCase|INTRINSIC/);
    }
    const unknown = await refusal('eth_mining_pool');
    expect(unknown).toEqual({
      code: 4200,
      message: 'The method eth_mining_pool does not exist / is not available',
    });
    expect((await refusal('wallet_switchEthereumChain', [{ chainId: '0x1' }])).code).toBe(4902);
  });
});
