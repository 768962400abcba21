// MiniLRT on the real EVM with the core. Expected values come from the formulas (mechanics.md §1.2, §3, §4),
// evaluated by a small reference model below where stETH rounding makes them long, and by hand otherwise.
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { advance } from '../../runtime.ts';
import { deployVault } from '../../deploy-periphery.ts';
import {
  allocate,
  createSet,
  ETH,
  fixture,
  registerForSets,
  registerOperator,
  WAD,
  type Fixture,
} from './fixture.ts';

const V = 'MiniLRT';
const OFFSET = 1000n; // StrategyBase's virtual shares and balance

// ---- reference model: stETH shares (Lido) and StrategyBase with offsets, all floors -------------------------
class LstModel {
  constructor(
    public pooled: bigint,
    public total: bigint,
  ) {}
  sharesFor = (eth: bigint) => (eth * this.total) / this.pooled;
  valueOf = (shares: bigint) => (shares * this.pooled) / this.total;
  report(gain: bigint): void {
    const fee = gain / 10n;
    const post = this.pooled + gain;
    this.total += (fee * this.total) / (post - fee);
    this.pooled = post;
  }
  submit(eth: bigint): bigint {
    const s = this.sharesFor(eth);
    this.total += s;
    this.pooled += eth;
    return s;
  }
}
const toUnderlying = (balance: bigint, totalShares: bigint, shares: bigint) =>
  ((balance + OFFSET) * shares) / (totalShares + OFFSET);

// ---- fixture -------------------------------------------------------------------------------------------------
interface VaultFixture extends Fixture {
  vault: Address;
}

async function setup(opts: { vaultBeforeOperator?: boolean } = {}): Promise<VaultFixture> {
  const f = await fixture();
  const vaultOpts = { operator: f.operator, owner: f.deployer, name: 'Mini restaked ETH', symbol: 'mrETH' };
  let vault: Address;
  if (opts.vaultBeforeOperator === true) {
    vault = await deployVault(f.chain, f.core, vaultOpts);
    await registerOperator(f, f.operator);
  } else {
    await registerOperator(f, f.operator);
    vault = await deployVault(f.chain, f.core, vaultOpts);
  }
  return { ...f, vault };
}

/** Stakes `eth` in the LST and deposits `amount` (default all of it) into the vault; returns the tokens minted. */
async function depositToVault(f: VaultFixture, who: Address, eth: bigint, amount = eth): Promise<bigint> {
  await f.tx(who, f.lst, 'MiniLST', 'submit', [], eth);
  await f.tx(who, f.lst, 'MiniLST', 'approve', [f.vault, amount]);
  const r = await f.tx(who, f.vault, V, 'deposit', [amount]);
  return r.result as bigint;
}

/** The operator allocates all of its stETH magnitude to set 0 and registers: a "fully allocated" operator. */
async function fullyAllocate(f: VaultFixture): Promise<void> {
  await createSet(f, 0);
  await allocate(f, f.operator, 0, WAD);
  expect((await registerForSets(f, f.operator, [0])).ok).toBe(true);
}

const slash = (f: VaultFixture, wad: bigint) =>
  f.tx(f.avsOwner, f.avs, 'MiniAVS', 'slash', [f.operator, 0, [f.strategy], [wad], 'fault']);

/** totalValue = idle + staked + queued − owed, exactly; returns totalValue. */
async function navIdentity(f: VaultFixture): Promise<bigint> {
  const [tv, idle, staked, queued, owed] = await Promise.all(
    ['totalValue', 'idleAssets', 'stakedValue', 'queuedValue', 'owedToRedeemers'].map((fn) =>
      f.call(f.vault, V, fn),
    ),
  );
  expect(tv).toBe(idle! + staked! + queued! - owed!);
  return tv!;
}

describe('MiniLRT deposits', () => {
  it('mints 1:1 first, then at NAV after rewards: fewer vault tokens per stETH', async () => {
    const f = await setup();
    expect(await depositToVault(f, f.alice, 100n * ETH)).toBe(100n * ETH);
    expect(await f.call(f.vault, V, 'rate')).toBe(WAD);
    await f.tx(f.deployer, f.lst, 'MiniLST', 'handleOracleReport', [10n * ETH], 10n * ETH);

    // Model: the strategy holds all 100e18 stETH shares and has 100e18 strategy shares (the vault's).
    const m = new LstModel(100n * ETH, 100n * ETH);
    m.report(10n * ETH);
    let strategyLstShares = 100n * ETH;
    let strategyShares = 100n * ETH;
    const valueBefore = toUnderlying(m.valueOf(strategyLstShares), strategyShares, strategyShares);
    expect(await f.call(f.vault, V, 'totalValue')).toBe(valueBefore);
    expect(await f.call(f.vault, V, 'rate')).toBe((valueBefore * WAD) / (100n * ETH));

    m.submit(11n * ETH); // bob stakes 11 ETH (his floor nudges the share rate), then deposits 10 stETH of it
    const valueAtDeposit = toUnderlying(m.valueOf(strategyLstShares), strategyShares, strategyShares);
    const amount = 10n * ETH;
    const vaultLstShares = m.sharesFor(amount); // bob → vault, amount converted to shares (floor)
    const received = m.valueOf(vaultLstShares);
    const moved = m.sharesFor(received); // vault → strategy
    strategyLstShares += moved;
    const balanceAfter = m.valueOf(strategyLstShares);
    const newShares = (received * (strategyShares + OFFSET)) / (balanceAfter + OFFSET - received);
    strategyShares += newShares;
    const valueAfter =
      m.valueOf(vaultLstShares - moved) + toUnderlying(balanceAfter, strategyShares, strategyShares);
    const expected = ((valueAfter - valueAtDeposit) * 100n * ETH) / valueAtDeposit;

    const minted = await depositToVault(f, f.bob, 11n * ETH, amount);
    expect(minted).toBe(expected);
    expect(minted < amount).toBe(true); // about 10/1.09 = 9.17 tokens for 10 stETH
    expect(minted / 10n ** 16n).toBe(917n);
    expect(await navIdentity(f)).toBe(valueAfter);
    // Minting at NAV never lowers the rate for those already in.
    expect((valueAfter * WAD) / (100n * ETH + minted) >= (valueAtDeposit * WAD) / (100n * ETH)).toBe(true);
  });

  it('delegates at the first deposit when the operator registered after the vault', async () => {
    const f = await setup({ vaultBeforeOperator: true });
    expect(await f.call(f.core.delegationManager, 'MiniDelegationManager', 'delegatedTo', [f.vault])).toBe(
      '0x0000000000000000000000000000000000000000',
    );
    await depositToVault(f, f.alice, ETH);
    expect(await f.call(f.core.delegationManager, 'MiniDelegationManager', 'delegatedTo', [f.vault])).toBe(
      f.operator,
    );
  });

  it('rejects a deposit that would mint nothing', async () => {
    const f = await setup();
    await depositToVault(f, f.alice, 100n * ETH);
    await f.tx(f.deployer, f.lst, 'MiniLST', 'handleOracleReport', [10n * ETH], 10n * ETH);
    await f.tx(f.bob, f.lst, 'MiniLST', 'submit', [], ETH);
    await f.tx(f.bob, f.lst, 'MiniLST', 'approve', [f.vault, 1n]);
    // 1 wei of stETH is ⌊1·totalShares/pooled⌋ = 0 shares after a positive rebase: nothing arrives.
    expect((await f.attempt(f.bob, f.vault, V, 'deposit', [1n])).error?.name).toBe('ZeroMint');
    expect((await f.attempt(f.bob, f.vault, V, 'deposit', [0n])).error?.name).toBe('ZeroAmount');
  });
});

describe('MiniLRT and slashing', () => {
  it('drops the rate to 0.9 after a 10% slash of a fully allocated operator, for every holder at once', async () => {
    const f = await setup();
    await depositToVault(f, f.alice, 60n * ETH);
    await depositToVault(f, f.bob, 40n * ETH);
    await fullyAllocate(f);
    await slash(f, WAD / 10n);
    // withdrawable = 100e18·0.9 = 90e18; staked = ⌊(100e18+1e3)·90e18/(100e18+1e3)⌋ = 90e18.
    expect(await navIdentity(f)).toBe(90n * ETH);
    expect(await f.call(f.vault, V, 'rate')).toBe((9n * WAD) / 10n);
    // Burning the slashed strategy shares later does not change it: (90e18+1e3)·90e18/(90e18+1e3).
    await f.tx(f.bob, f.core.strategyManager, 'MiniStrategyManager', 'clearBurnOrRedistributableShares', [
      { avs: f.avs, id: 0 },
      1n,
    ]);
    expect(await f.call(f.vault, V, 'rate')).toBe((9n * WAD) / 10n);
  });

  it('pauses deposits when the rate falls more than the limit below its high-water mark', async () => {
    const f = await setup();
    await depositToVault(f, f.alice, 100n * ETH);
    await fullyAllocate(f);
    await f.tx(f.deployer, f.vault, V, 'setMaxRateDropBps', [500n]); // 5%
    await slash(f, WAD / 10n);
    await f.tx(f.bob, f.lst, 'MiniLST', 'submit', [], ETH);
    await f.tx(f.bob, f.lst, 'MiniLST', 'approve', [f.vault, ETH]);
    expect((await f.attempt(f.bob, f.vault, V, 'deposit', [ETH])).error?.name).toBe('Paused');
    const u = await f.tx(f.bob, f.vault, V, 'updateRate');
    expect(u.events.map((e) => e.eventName)).toEqual(['RateUpdated', 'Paused']);
    expect(u.events[0]?.args).toEqual({ previousRate: WAD, newRate: (9n * WAD) / 10n });
    expect(await f.call(f.vault, V, 'paused')).toBe(true);
    await f.tx(f.deployer, f.vault, V, 'unpause');
    // The deposit d = 1e18 lands on s = 100e18 deposit shares at slashing factor 0.9 (SlashingLib.update):
    // k' = ⌊⌊(a + d)·W/(s + d)⌋·W/sf⌋ with a = 90e18; withdrawable w = ⌊⌊(s + d)·k'/W⌋·sf/W⌋, slightly under 91e18.
    const sf = (9n * WAD) / 10n;
    const s0 = 100n * ETH;
    const k = ((((90n * ETH + ETH) * WAD) / (s0 + ETH)) * WAD) / sf;
    const w = ((((s0 + ETH) * k) / WAD) * sf) / WAD;
    // The strategy is at 1:1 (101e18 + 1e3 over 101e18 + 1e3), so staked value = w; minted at NAV 0.9.
    const minted = (await f.tx(f.bob, f.vault, V, 'deposit', [ETH])).result;
    expect(minted).toBe(((w - 90n * ETH) * 100n * ETH) / (90n * ETH));
    expect((ETH * 100n) / 90n - (minted as bigint)).toBeLessThan(100n); // ≈ 1/0.9 tokens, less DSF rounding
  });
});

describe('MiniLRT market price of stETH', () => {
  it('values its stETH at the oracle price: rate = ⌊totalValue·price/supply⌋ for every holder', async () => {
    const f = await setup();
    await depositToVault(f, f.alice, 60n * ETH);
    await depositToVault(f, f.bob, 40n * ETH);
    // 100 stETH at face value: 100e18 of value over 100e18 tokens (the strategy is at 1:1 with its offset).
    expect(await f.call(f.vault, V, 'rate')).toBe(WAD);
    const price = (97n * WAD) / 100n; // 0.97 ETH per stETH
    const r = await f.tx(f.deployer, f.vault, V, 'setAssetPrice', [price]);
    expect(r.events.map((e) => e.eventName)).toEqual(['AssetPriceSet', 'RateUpdated']);
    // totalValue is still 100e18 stETH: the holdings did not change, only what the market pays for them.
    expect(await f.call(f.vault, V, 'totalValue')).toBe(100n * ETH);
    expect(await f.call(f.vault, V, 'rate')).toBe((100n * ETH * price) / (100n * ETH));
    expect(await f.call(f.vault, V, 'rate')).toBe((97n * WAD) / 100n);
  });

  it('refuses a price from anyone but its oracle, and a price of 0', async () => {
    const f = await setup();
    expect((await f.attempt(f.bob, f.vault, V, 'setAssetPrice', [WAD / 2n])).error?.name).toBe(
      'NotPriceOracle',
    );
    expect((await f.attempt(f.deployer, f.vault, V, 'setAssetPrice', [0n])).error?.name).toBe('InvalidPrice');
    expect(await f.call(f.vault, V, 'assetPrice')).toBe(WAD);
  });

  it('pauses when a depeg takes the rate below its high-water mark by more than the limit', async () => {
    const f = await setup();
    await depositToVault(f, f.alice, 100n * ETH);
    await f.tx(f.deployer, f.vault, V, 'setMaxRateDropBps', [200n]); // 2%
    await f.tx(f.deployer, f.vault, V, 'setAssetPrice', [(97n * WAD) / 100n]);
    expect(await f.call(f.vault, V, 'isPaused')).toBe(true);
  });
});

describe('MiniLRT rewards', () => {
  it('claims its staker rewards, stakes them, and the rate rises for every holder', async () => {
    const f = await setup();
    await depositToVault(f, f.alice, 100n * ETH);
    await fullyAllocate(f);
    await f.tx(f.avsOwner, f.avs, 'MiniAVS', 'submitRewards', [0], ETH);
    // The vault is the operator's only staker with stake: 1 ETH − 10% commission = 0.9 ETH.
    expect(await f.call(f.rewardsCoordinator, 'MiniRewardsCoordinator', 'pendingEarnings', [f.vault])).toBe(
      (9n * ETH) / 10n,
    );
    advance(f.chain, { blocks: 10n });
    const r = await f.tx(f.bob, f.vault, V, 'claimRewards', [f.rewardsCoordinator]);
    expect(r.result).toBe((9n * ETH) / 10n);
    // Staked 1:1 (no rebase yet): 0.9 stETH idle; NAV 100.9 over 100 tokens.
    expect(await f.call(f.vault, V, 'idleAssets')).toBe((9n * ETH) / 10n);
    expect(await navIdentity(f)).toBe(100n * ETH + (9n * ETH) / 10n);
    expect(await f.call(f.vault, V, 'rate')).toBe(1_009_000_000_000_000_000n);
  });
});

describe('MiniLRT redemptions', () => {
  it('pays the claim-time value when a slash lands while the redemption is queued', async () => {
    const f = await setup();
    await depositToVault(f, f.alice, 100n * ETH);
    await fullyAllocate(f);
    const r = await f.tx(f.alice, f.vault, V, 'requestRedeem', [50n * ETH]);
    const completableAfter = r.block + 50n; // TESTNET withdrawal delay
    expect(r.events.find((e) => e.eventName === 'RedeemRequested')?.args).toMatchObject({
      requestId: 0n,
      owner: f.alice,
      burned: 50n * ETH,
      valueAtRequest: 50n * ETH, // ⌊100e18·50e18/100e18⌋
      completableAfterBlock: Number(completableAfter),
    });
    // Burned tokens leave the supply and what they are owed leaves the NAV: the rate does not jump.
    expect(await navIdentity(f)).toBe(50n * ETH);
    expect(await f.call(f.vault, V, 'rate')).toBe(WAD);

    await slash(f, WAD / 10n); // still slashable: the queued 50 shares lose 10% too
    expect(await f.call(f.vault, V, 'requestValueNow', [0n])).toBe(45n * ETH);
    expect(await navIdentity(f)).toBe(45n * ETH); // 45 staked + 45 queued − min(50, 45) owed
    expect(await f.call(f.vault, V, 'rate')).toBe((9n * WAD) / 10n);

    advance(f.chain, { blocks: completableAfter - f.chain.head.number - 1n });
    const early = await f.attempt(f.alice, f.vault, V, 'claim', [0n]);
    expect(early.block).toBe(completableAfter);
    expect(early.error).toMatchObject({ name: 'NotReady', args: [0n, Number(completableAfter)] });
    expect((await f.attempt(f.bob, f.vault, V, 'claim', [0n])).error?.name).toBe('NotRequestOwner');

    const c = await f.tx(f.alice, f.vault, V, 'claim', [0n]);
    expect(c.events.find((e) => e.eventName === 'Claimed')?.args).toEqual({
      requestId: 0n,
      owner: f.alice,
      valueAtRequest: 50n * ETH,
      valueAtClaim: 45n * ETH,
      paid: 45n * ETH, // min(50, 45)
    });
    expect(await f.call(f.lst, 'MiniLST', 'balanceOf', [f.alice])).toBe(45n * ETH);
    expect(await navIdentity(f)).toBe(45n * ETH);
    expect((await f.attempt(f.alice, f.vault, V, 'claim', [0n])).error?.name).toBe('AlreadyClaimed');
  });

  it('pays the request-time value when rewards accrue while queued; the surplus stays with holders', async () => {
    const f = await setup();
    await depositToVault(f, f.alice, 100n * ETH);
    const r = await f.tx(f.alice, f.vault, V, 'requestRedeem', [50n * ETH]);
    await f.tx(f.deployer, f.lst, 'MiniLST', 'handleOracleReport', [10n * ETH], 10n * ETH);

    // Model: strategy holds 100e18 stETH shares, 100e18 strategy shares; 50e18 queued, 50e18 staked.
    const m = new LstModel(100n * ETH, 100n * ETH);
    m.report(10n * ETH);
    const balance = m.valueOf(100n * ETH);
    const half = toUnderlying(balance, 100n * ETH, 50n * ETH);
    expect(await f.call(f.vault, V, 'requestValueNow', [0n])).toBe(half);
    expect(await navIdentity(f)).toBe(half + half - 50n * ETH); // the queue's gain belongs to the holders

    advance(f.chain, { blocks: r.block + 50n - f.chain.head.number });
    const c = await f.tx(f.alice, f.vault, V, 'claim', [0n]);
    const out = half; // strategy.withdraw(50e18) pays the same formula
    const vaultShares = m.sharesFor(out);
    const received = m.valueOf(vaultShares);
    expect(c.events.find((e) => e.eventName === 'Claimed')?.args).toEqual({
      requestId: 0n,
      owner: f.alice,
      valueAtRequest: 50n * ETH,
      valueAtClaim: received,
      paid: 50n * ETH, // min(50, ~54.5)
    });
    const toAlice = m.sharesFor(50n * ETH);
    expect(await f.call(f.lst, 'MiniLST', 'balanceOf', [f.alice])).toBe(m.valueOf(toAlice));
    const idle = m.valueOf(vaultShares - toAlice);
    expect(await f.call(f.vault, V, 'idleAssets')).toBe(idle);
    const staked = toUnderlying(m.valueOf(100n * ETH - vaultShares), 50n * ETH, 50n * ETH);
    expect(await navIdentity(f)).toBe(idle + staked);
  });
});
