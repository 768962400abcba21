// What the provider tests do in the page, with unmodified viem and ethers v6: bundled with them into one
// script (provider-clients.test.ts) and run in order on one sandbox. Each check returns plain values that the
// test compares with what a real node would answer.
import * as ethers from 'ethers';
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  custom,
  defineChain,
  formatEther,
  keccak256,
  parseAbi,
  parseEther,
  type Abi,
  type Address,
} from 'viem';

const sandbox = () => window.sandbox!;
const chain = defineChain({
  id: 31337,
  name: 'Restaking Sandbox',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [] } },
  contracts: { multicall3: { address: '0xcA11bde05977b3631167028862bE2a173976CA11' } },
});
const transport = () => custom(sandbox().provider);
const pub = () => createPublicClient({ chain, transport: transport(), pollingInterval: 50 });
const wallet = (account: Address) => createWalletClient({ chain, transport: transport(), account });
const accounts = async () => {
  const [alice, bob, carol] = (await sandbox().provider.request({ method: 'eth_accounts' })) as Address[];
  return { alice: alice!, bob: bob!, carol: carol! };
};
const lst = async () => {
  const c = (await sandbox().worker.contracts()).find((x) => x.name === 'lst');
  return { address: c!.address as Address, abi: (await sandbox().worker.abi('MiniLST')) as Abi };
};
const erc20 = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
]);
const typed = {
  domain: { name: 'Sandbox', version: '1', chainId: 31337 },
  types: {
    Approval: [
      { name: 'staker', type: 'address' },
      { name: 'expiry', type: 'uint256' },
    ],
  },
  primaryType: 'Approval' as const,
  message: { staker: '0x0000000000000000000000000000000000000001' as Address, expiry: 99n },
};
/** Resolves with the first value `start` hands its callback, or rejects after 30 s. */
const first = <T>(start: (done: (v: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('timed out')), 30_000);
    start(resolve);
  });
const stakeAsCarol = () => sandbox().app.act({ action: 'lst.stake', by: 'carol', amount: '1 ETH' });

export const viemChecks: Record<string, () => Promise<unknown>> = {
  async 'reads the chain id and a balance'() {
    const { bob } = await accounts();
    return { chainId: await pub().getChainId(), bob: formatEther(await pub().getBalance({ address: bob })) };
  },
  async 'reads a contract and batches reads through Multicall3'() {
    const { alice, carol } = await accounts();
    const { address } = await lst();
    const read = await pub().readContract({ address, abi: erc20, functionName: 'balanceOf', args: [alice] });
    const batch = await pub().multicall({
      contracts: [alice, carol].map(
        (a) => ({ address, abi: erc20, functionName: 'balanceOf', args: [a] }) as const,
      ),
      allowFailure: false,
    });
    return [read, ...batch].map(String);
  },
  async 'sends a transaction, waits for its receipt and reads the block before it'() {
    const { alice, bob } = await accounts();
    const before = await pub().getBlockNumber();
    const hash = await wallet(alice).sendTransaction({ to: bob, value: parseEther('1') });
    const receipt = await pub().waitForTransactionReceipt({ hash });
    const block = await pub().getBlock({ blockNumber: receipt.blockNumber, includeTransactions: true });
    const byHash = await pub().getBlock({ blockHash: block.hash });
    const then = await pub().getBalance({ address: bob, blockNumber: before });
    const now = await pub().getBalance({ address: bob });
    return {
      status: receipt.status,
      transactions: block.transactions.map((t) => t.hash === hash),
      gasUsed: block.gasUsed.toString(),
      byHash: byHash.number === receipt.blockNumber,
      gained: formatEther(now - then),
    };
  },
  async 'decodes the custom error of a refused write'() {
    const { carol, bob } = await accounts();
    const { address, abi } = await lst();
    const error = await wallet(carol)
      .writeContract({ address, abi, functionName: 'transfer', args: [bob, parseEther('1')] })
      .then(
        () => null,
        (e: BaseError) => e.walk((x) => x instanceof ContractFunctionRevertedError),
      );
    return (error as ContractFunctionRevertedError | null)?.data?.errorName ?? null;
  },
  async 'reads past events and watches new ones'() {
    const { address } = await lst();
    const past = await pub().getContractEvents({
      address,
      abi: erc20,
      eventName: 'Transfer',
      fromBlock: 'earliest',
    });
    const seen = first<string>((done) => {
      const stop = pub().watchContractEvent({
        address,
        abi: erc20,
        eventName: 'Transfer',
        onLogs: (logs) => {
          stop();
          done(logs[0]!.eventName);
        },
      });
      setTimeout(() => void stakeAsCarol(), 300);
    });
    return { past: past.length > 0, watched: await seen };
  },
  async 'signs messages and typed data that recover to the persona'() {
    const { alice } = await accounts();
    const w = wallet(alice);
    const signature = await w.signMessage({ message: 'restake' });
    const t = await w.signTypedData(typed);
    return {
      message: await pub().verifyMessage({ address: alice, message: 'restake', signature }),
      typed: await pub().verifyTypedData({ address: alice, ...typed, signature: t }),
    };
  },
  async 'signs a transaction and sends it raw'() {
    const { alice, bob } = await accounts();
    const raw = await wallet(alice).signTransaction({ to: bob, value: 5n, gas: 21_000n });
    const hash = await pub().sendRawTransaction({ serializedTransaction: raw });
    const receipt = await pub().waitForTransactionReceipt({ hash });
    return { same: hash === keccak256(raw), status: receipt.status };
  },
  async 'mines, moves time and reverts a snapshot with test actions'() {
    const test = createTestClient({ chain, mode: 'anvil', transport: transport() });
    const start = await pub().getBlockNumber();
    const id = await test.snapshot();
    await test.mine({ blocks: 2 });
    await test.increaseTime({ seconds: 12 });
    const moved = (await pub().getBlockNumber()) - start;
    await test.revert({ id });
    return { moved: moved.toString(), back: (await pub().getBlockNumber()) === start };
  },
  async 'reads fee history and switches only to its own chain'() {
    const { alice } = await accounts();
    const history = await pub().getFeeHistory({ blockCount: 4, rewardPercentiles: [50] });
    const fees = await pub().estimateFeesPerGas();
    await wallet(alice).switchChain({ id: 31337 });
    const other = await wallet(alice)
      .switchChain({ id: 1 })
      .then(
        () => null,
        (e: BaseError) => (e.walk() as { code?: number }).code ?? null,
      );
    return { baseFees: history.baseFeePerGas.length, maxFee: String(fees.maxFeePerGas), other };
  },
};

const browser = () => new ethers.BrowserProvider(sandbox().provider, undefined, { pollingInterval: 100 });

export const ethersChecks: Record<string, () => Promise<unknown>> = {
  async 'reads the network and a balance'() {
    const { carol } = await accounts();
    const p = browser();
    return {
      chainId: String((await p.getNetwork()).chainId),
      carol: ethers.formatEther(await p.getBalance(carol)),
    };
  },
  async 'sends a transaction and tx.wait() resolves'() {
    const { alice, bob } = await accounts();
    const p = browser();
    const before = await p.getBlockNumber();
    const tx = await (await p.getSigner(alice)).sendTransaction({ to: bob, value: ethers.parseEther('1') });
    const receipt = await tx.wait();
    const block = await p.getBlock(receipt!.blockNumber, true);
    const gained = (await p.getBalance(bob)) - (await p.getBalance(bob, before));
    return {
      status: receipt!.status,
      transactions: block!.prefetchedTransactions.map((t) => t.hash === tx.hash),
      gained: ethers.formatEther(gained),
    };
  },
  async 'decodes the custom error of a refused write'() {
    const { carol, bob } = await accounts();
    const { address, abi } = await lst();
    const token = new ethers.Contract(address, abi as ethers.InterfaceAbi, await browser().getSigner(carol));
    const amount = ethers.parseEther('1000'); // more stETH than Carol holds
    // A static call decodes the error with the contract's ABI; a send is a CALL_EXCEPTION carrying the data.
    const call = await token['transfer']!.staticCall(bob, amount).then(
      () => null,
      (e: { revert?: { name: string } }) => e.revert?.name ?? null,
    );
    const sent = await token['transfer']!(bob, amount).then(
      () => null,
      (e: { code?: string; data?: string }) => ({
        code: e.code ?? null,
        name: e.data === undefined ? null : (token.interface.parseError(e.data)?.name ?? null),
      }),
    );
    return { call, sent };
  },
  async 'queries past events and hears new ones with contract.on'() {
    const { address } = await lst();
    const token = new ethers.Contract(address, erc20 as unknown as ethers.InterfaceAbi, browser());
    const past = await token.queryFilter('Transfer', 0);
    const heard = first<string>((done) => {
      void token.on(
        'Transfer',
        (_from: string, _to: string, _value: bigint, event: ethers.ContractEventPayload) => {
          void token.removeAllListeners('Transfer');
          done(event.eventName);
        },
      );
      setTimeout(() => void stakeAsCarol(), 500);
    });
    return { past: past.length > 0, heard: await heard };
  },
  async 'signs messages and typed data that recover to the persona'() {
    const { alice } = await accounts();
    const signer = await browser().getSigner(alice);
    const message = await signer.signMessage('restake');
    const { EIP712Domain: _d, ...types } = { EIP712Domain: [], ...typed.types };
    const t = await signer.signTypedData(typed.domain, types, typed.message);
    return {
      message: ethers.verifyMessage('restake', message) === alice,
      typed: ethers.verifyTypedData(typed.domain, types, typed.message, t) === alice,
    };
  },
  async 'mines a block with evm_mine'() {
    const p = browser();
    // Read the head with eth_blockNumber: ethers caches getBlockNumber() between polls.
    const head = async () => BigInt((await p.send('eth_blockNumber', [])) as string);
    const before = await head();
    await p.send('evm_mine', []);
    return Number((await head()) - before);
  },
};

declare global {
  interface Window {
    providerChecks?: Record<string, () => Promise<unknown>>;
  }
}

window.providerChecks = {
  ...Object.fromEntries(Object.entries(viemChecks).map(([k, f]) => [`viem ${k}`, f])),
  ...Object.fromEntries(Object.entries(ethersChecks).map(([k, f]) => [`ethers ${k}`, f])),
};
