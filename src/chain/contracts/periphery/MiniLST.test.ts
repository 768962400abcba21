// MiniLST and MiniWstETH on the real EVM. Expected values are derived by hand from Lido's formulas
// (mechanics.md §3): balance = ⌊shares·pooled/totalShares⌋, shares = ⌊eth·totalShares/pooled⌋,
// feeShares = ⌊feeEther·sharesBefore/(postEther − feeEther)⌋ with feeEther = ⌊rewards·feeBP/10000⌋.
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { createChain, getBalance, read, sendTransaction, write, type Chain } from '../../runtime.ts';
import { deployLst } from '../../deploy-periphery.ts';

const ETH = 10n ** 18n;
const DEAD = '0x000000000000000000000000000000000000dEaD';

async function setup(opts: { stone?: bigint } = {}) {
  const chain = await createChain({ accounts: 5 });
  const [oracle, treasury, alice, bob] = chain.accounts.map((a) => a.address) as [
    Address,
    Address,
    Address,
    Address,
  ];
  const { lst, wstETH } = await deployLst(chain, { oracle, treasury, ...opts });
  const lstRead = (functionName: string, args: readonly unknown[] = []) =>
    read<bigint>(chain, { to: lst, contract: 'MiniLST', functionName, args });
  const lstWrite = (from: Address, functionName: string, args: readonly unknown[] = [], value?: bigint) =>
    write(chain, {
      from,
      to: lst,
      contract: 'MiniLST',
      functionName,
      args,
      ...(value === undefined ? {} : { value }),
    });
  return { chain, oracle, treasury, alice, bob, lst, wstETH, lstRead, lstWrite };
}

async function backed(chain: Chain, lst: Address): Promise<void> {
  const pooled = await read<bigint>(chain, {
    to: lst,
    contract: 'MiniLST',
    functionName: 'totalPooledEther',
  });
  expect(await getBalance(chain, lst)).toBe(pooled);
}

describe('MiniLST (stETH-like)', () => {
  it('mints shares 1:1 into an empty pool and rejects a zero deposit', async () => {
    const { alice, lstRead, lstWrite } = await setup();
    const r = await lstWrite(alice, 'submit', [], 10n * ETH);
    expect(r.ok).toBe(true);
    expect(r.result).toBe(10n * ETH);
    expect(r.events.map((e) => e.eventName)).toEqual(['Submitted', 'Transfer', 'TransferShares']);
    expect(await lstRead('sharesOf', [alice])).toBe(10n * ETH);
    expect(await lstRead('balanceOf', [alice])).toBe(10n * ETH);
    const zero = await lstWrite(alice, 'submit', [], 0n);
    expect(zero.error?.name).toBe('ZeroDeposit');
  });

  it('rebases with a 10% fee paid in shares, exactly', async () => {
    const { chain, oracle, treasury, alice, lst, lstRead, lstWrite } = await setup();
    await lstWrite(alice, 'submit', [], 10n * ETH);
    const r = await lstWrite(oracle, 'handleOracleReport', [1n * ETH], 1n * ETH);
    expect(r.ok).toBe(true);
    // feeEther = 0.1 ETH; feeShares = ⌊0.1e18·10e18/(11e18 − 0.1e18)⌋ = ⌊1e36/10.9e18⌋
    const feeShares = 91_743_119_266_055_045n;
    expect(r.result).toBe(feeShares);
    const rebased = r.events.find((e) => e.eventName === 'TokenRebased');
    expect(rebased?.args).toEqual({
      preTotalShares: 10n * ETH,
      preTotalEther: 10n * ETH,
      postTotalShares: 10n * ETH + feeShares,
      postTotalEther: 11n * ETH,
      sharesMintedAsFees: feeShares,
    });
    expect(await lstRead('sharesOf', [treasury])).toBe(feeShares);
    // Alice keeps 90% of the reward: 10·11/(10 + 10/109) = 10.9 exactly.
    expect(await lstRead('balanceOf', [alice])).toBe(10_900_000_000_000_000_000n);
    // The treasury's shares are worth the fee, one wei short from the floor of feeShares.
    expect(await lstRead('balanceOf', [treasury])).toBe(ETH / 10n - 1n);
    expect(await lstRead('sharesOf', [alice])).toBe(10n * ETH); // shares never rebase
    await backed(chain, lst);
  });

  it('takes no fee on a loss, sends the lost ETH away, and lowers every balance pro rata', async () => {
    const { chain, oracle, treasury, alice, bob, lst, lstRead, lstWrite } = await setup();
    await lstWrite(alice, 'submit', [], 30n * ETH);
    await lstWrite(bob, 'submit', [], 10n * ETH);
    const r = await lstWrite(oracle, 'handleOracleReport', [-4n * ETH]);
    expect(r.ok).toBe(true);
    expect(r.result).toBe(0n);
    expect(await lstRead('sharesOf', [treasury])).toBe(0n);
    expect(await lstRead('totalShares')).toBe(40n * ETH);
    expect(await lstRead('totalPooledEther')).toBe(36n * ETH);
    expect(await lstRead('balanceOf', [alice])).toBe(27n * ETH); // 30·36/40
    expect(await lstRead('balanceOf', [bob])).toBe(9n * ETH); // 10·36/40
    await backed(chain, lst);
    expect(await getBalance(chain, '0x0000000000000000000000000000000000000000')).toBe(4n * ETH);
  });

  it('accepts reports only from the oracle, with the ETH of a gain attached', async () => {
    const { oracle, alice, lstWrite } = await setup();
    expect((await lstWrite(oracle, 'handleOracleReport', [ETH], ETH)).error?.name).toBe('EmptyPool');
    await lstWrite(alice, 'submit', [], ETH);
    expect((await lstWrite(alice, 'handleOracleReport', [ETH], ETH)).error?.name).toBe('NotOracle');
    const short = await lstWrite(oracle, 'handleOracleReport', [ETH], ETH - 1n);
    expect(short.error).toMatchObject({ name: 'ReportValueMismatch', args: [ETH, ETH - 1n] });
    const all = await lstWrite(oracle, 'handleOracleReport', [-ETH]);
    expect(all.error).toMatchObject({ name: 'LossExceedsPool', args: [ETH, ETH] });
  });

  it('loses 1 wei on a token transfer after a rebase; transferShares is exact', async () => {
    const { oracle, alice, bob, lstRead, lstWrite } = await setup();
    await lstWrite(alice, 'submit', [], 10n * ETH);
    await lstWrite(oracle, 'handleOracleReport', [ETH], ETH);
    // totalShares T = 10e18 + 91743119266055045, pooled 11e18.
    // shares for 1 ETH = ⌊1e18·T/11e18⌋ = 917431192660550458; worth ⌊that·11e18/T⌋ = 1e18 − 1.
    const r = await lstWrite(alice, 'transfer', [bob, ETH]);
    expect(r.events.map((e) => [e.eventName, e.args])).toEqual([
      ['Transfer', { from: alice, to: bob, value: ETH }],
      ['TransferShares', { from: alice, to: bob, sharesValue: 917_431_192_660_550_458n }],
    ]);
    expect(await lstRead('balanceOf', [bob])).toBe(ETH - 1n);
    expect(await lstRead('balanceOf', [alice])).toBe(9_900_000_000_000_000_001n);
    const s = await lstWrite(alice, 'transferShares', [bob, 82_568_807_339_449_542n]);
    expect(s.ok).toBe(true);
    expect(await lstRead('sharesOf', [bob])).toBe(ETH);
    // feeShares = ⌊10e18/109⌋, so T is a hair under 10e18·110/109 and 1e18 shares are worth a hair over
    // 1.09 ETH: ⌊1e18·11e18/T⌋ = 1.09e18.
    expect(await lstRead('balanceOf', [bob])).toBe(1_090_000_000_000_000_000n);
    const tooMuch = await lstWrite(bob, 'transferShares', [alice, ETH + 1n]);
    expect(tooMuch.error).toMatchObject({ name: 'InsufficientShares', args: [ETH, ETH + 1n] });
  });

  it('spends token-unit allowances in transferFrom', async () => {
    const { alice, bob, lstRead, lstWrite } = await setup();
    await lstWrite(alice, 'submit', [], 5n * ETH);
    await lstWrite(alice, 'approve', [bob, 2n * ETH]);
    const over = await lstWrite(bob, 'transferFrom', [alice, bob, 3n * ETH]);
    expect(over.error).toMatchObject({ name: 'InsufficientAllowance', args: [2n * ETH, 3n * ETH] });
    expect((await lstWrite(bob, 'transferFrom', [alice, bob, 2n * ETH])).ok).toBe(true);
    expect(await lstRead('allowance', [alice, bob])).toBe(0n);
    expect(await lstRead('balanceOf', [bob])).toBe(2n * ETH);
    // transferSharesFrom spends the shares' token value: 1e18 shares at 1:1 cost 1 ETH of allowance.
    await lstWrite(alice, 'approve', [bob, 3n * ETH]);
    const r = await lstWrite(bob, 'transferSharesFrom', [alice, bob, ETH]);
    expect(r.result).toBe(ETH);
    expect(await lstRead('allowance', [alice, bob])).toBe(2n * ETH);
    expect(await lstRead('sharesOf', [bob])).toBe(3n * ETH);
  });

  it('mints the stone shares to 0xdead at deployment when ETH is sent', async () => {
    const { chain, alice, lst, lstRead, lstWrite } = await setup({ stone: 1000n });
    expect(await lstRead('sharesOf', [DEAD])).toBe(1000n);
    await lstWrite(alice, 'submit', [], ETH);
    expect(await lstRead('totalPooledEther')).toBe(ETH + 1000n);
    await backed(chain, lst);
  });
});

describe('MiniWstETH', () => {
  it('wraps to the share count and unwraps to its stETH value, as Lido does', async () => {
    const { chain, oracle, alice, lst, wstETH, lstRead, lstWrite } = await setup();
    const wst = (functionName: string, args: readonly unknown[] = []) =>
      read<bigint>(chain, { to: wstETH, contract: 'MiniWstETH', functionName, args });
    await lstWrite(alice, 'submit', [], 10n * ETH);
    await lstWrite(oracle, 'handleOracleReport', [ETH], ETH);
    expect(await wst('stEthPerToken')).toBe(1_090_000_000_000_000_000n); // ⌊1e18·11e18/T⌋, T as above
    expect(await wst('tokensPerStEth')).toBe(917_431_192_660_550_458n);
    await lstWrite(alice, 'approve', [wstETH, 2n * ETH]);
    const w = await write(chain, {
      from: alice,
      to: wstETH,
      contract: 'MiniWstETH',
      functionName: 'wrap',
      args: [2n * ETH],
    });
    // ⌊2e18·T/11e18⌋ = 1834862385321100917 shares
    const shares = 1_834_862_385_321_100_917n;
    expect(w.result).toBe(shares);
    expect(await wst('balanceOf', [alice])).toBe(shares);
    expect(await lstRead('sharesOf', [wstETH])).toBe(shares);
    expect(await lstRead('sharesOf', [alice])).toBe(10n * ETH - shares);
    // A rebase changes what each wstETH is worth, not how many there are.
    await lstWrite(oracle, 'handleOracleReport', [-ETH]);
    expect(await wst('balanceOf', [alice])).toBe(shares);
    const u = await write(chain, {
      from: alice,
      to: wstETH,
      contract: 'MiniWstETH',
      functionName: 'unwrap',
      args: [shares],
    });
    expect(u.ok).toBe(true);
    // Lido's unwrap transfers an amount: ⌊shares·P/T⌋ = 1818181818181818181 wei (P = 10e18 after the loss),
    // which moves ⌊1818181818181818181·T/P⌋ = shares − 1; the one-share dust stays in the wrapper.
    expect(u.result).toBe(1_818_181_818_181_818_181n);
    expect(await lstRead('sharesOf', [alice])).toBe(10n * ETH - 1n);
    expect(await lstRead('sharesOf', [wstETH])).toBe(1n);
    // (10e18 − 1) shares of T: ⌊(10e18 − 1)·10e18/T⌋.
    expect(await lstRead('balanceOf', [alice])).toBe(9_909_090_909_090_909_090n);
    expect(lst).toBeDefined();
  });

  it('stakes and wraps ETH sent to it in one step', async () => {
    const { chain, oracle, alice, wstETH, lstRead, lstWrite } = await setup();
    await lstWrite(alice, 'submit', [], 10n * ETH);
    await lstWrite(oracle, 'handleOracleReport', [ETH], ETH);
    const r = await sendTransaction(chain, { from: alice, to: wstETH, data: '0x', value: 11n * ETH });
    expect(r.ok).toBe(true);
    // 11 ETH buys ⌊11e18·T/11e18⌋ = T shares (T = 10e18 + 91743119266055045), all wrapped.
    const T = 10n * ETH + 91_743_119_266_055_045n;
    expect(
      await read(chain, { to: wstETH, contract: 'MiniWstETH', functionName: 'balanceOf', args: [alice] }),
    ).toBe(T);
    expect(await lstRead('sharesOf', [wstETH])).toBe(T);
  });
});
