// StrategyBase share pricing with virtual offsets (mechanics.md §1.2), by hand:
// newShares = ⌊amount·(totalShares+1e3) / (balanceBefore+1e3)⌋, out = ⌊(balance+1e3)·shares/(totalShares+1e3)⌋.
import { describe, expect, it } from 'vitest';
import { depositLst, eventArgs, setup } from './fixture.ts';

describe('MiniStrategy (StrategyBase)', () => {
  it('prices a first deposit 1:1 and emits the exchange rate', async () => {
    const f = await setup();
    const alice = f.acct[1]!;
    const r = await depositLst(f, alice, 5000n);
    // ⌊5000·1000/1000⌋ = 5000 shares; rate = 1e18·(5000+1000)/(5000+1000) = 1e18.
    expect(await f.view(f.strategy, 'MiniStrategy', 'totalShares')).toBe(5000n);
    expect(eventArgs(r, 'ExchangeRateEmitted')).toEqual([{ rate: 10n ** 18n }]);
    expect(eventArgs(r, 'Deposit')).toEqual([{ staker: alice, strategy: f.strategy, shares: 5000n }]);
    expect(
      await f.view(f.core.strategyManager, 'MiniStrategyManager', 'stakerDepositShares', [alice, f.strategy]),
    ).toBe(5000n);
  });

  it("the accounting doc's donation example: Bob's 1000 gets 0 shares and reverts NewSharesZero", async () => {
    const f = await setup();
    const [alice, bob] = [f.acct[1]!, f.acct[2]!];
    await depositLst(f, alice, 1n); // 1 share
    await f.ok(alice, f.token, 'MiniTestToken', 'mint', [f.strategy, 1_000_000n]); // donation
    await f.ok(bob, f.token, 'MiniTestToken', 'mint', [bob, 1000n]);
    await f.ok(bob, f.token, 'MiniTestToken', 'approve', [f.core.strategyManager, 1000n]);
    // ⌊1000·(1+1000) / (1000001+1000)⌋ = ⌊1001000/1001001⌋ = 0
    await f.fails(
      'NewSharesZero',
      bob,
      f.core.strategyManager,
      'MiniStrategyManager',
      'depositIntoStrategy',
      [f.strategy, f.token, 1000n],
    );
    // Alice's single share is worth ⌊(1000001+1000)·1/(1+1000)⌋ = 1000 tokens: the attacker lost most of the donation.
    expect(await f.view(f.strategy, 'MiniStrategy', 'sharesToUnderlyingView', [1n])).toBe(1000n);
  });

  it('prices shares after a gain and converts both ways with floors', async () => {
    const f = await setup();
    await depositLst(f, f.acct[1]!, 1000n);
    await f.ok(f.acct[1]!, f.token, 'MiniTestToken', 'mint', [f.strategy, 500n]); // +50% gain
    // balance 1500, shares 1000: 300 tokens → ⌊300·2000/2500⌋ = 240 shares
    expect(await f.view(f.strategy, 'MiniStrategy', 'underlyingToSharesView', [300n])).toBe(240n);
    // 333 shares → ⌊2500·333/2000⌋ = 416 tokens
    expect(await f.view(f.strategy, 'MiniStrategy', 'sharesToUnderlyingView', [333n])).toBe(416n);
    const r = await depositLst(f, f.acct[2]!, 300n);
    expect(eventArgs(r, 'Deposit')[0]?.['shares']).toBe(240n);
  });

  it('only the StrategyManager may move funds, and only whitelisted strategies take deposits', async () => {
    const f = await setup();
    await f.fails('OnlyStrategyManager', f.acct[1]!, f.strategy, 'MiniStrategy', 'deposit', [f.token, 1n]);
    await f.fails('OnlyStrategyManager', f.acct[1]!, f.strategy, 'MiniStrategy', 'withdraw', [
      f.acct[1]!,
      f.token,
      1n,
    ]);
    await f.fails(
      'StrategyNotWhitelisted',
      f.acct[1]!,
      f.core.strategyManager,
      'MiniStrategyManager',
      'depositIntoStrategy',
      [f.acct[3]!, f.token, 1n],
    );
  });
});
