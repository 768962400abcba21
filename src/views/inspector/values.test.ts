import { describe, expect, it } from 'vitest';
import { afterBlockCell, delayCell, deltaCell, effectCell, pathCell, tokenUnit, vetoCell } from './values.ts';

// Classroom clock: 12 s per block on the chain, one hour per block in the real protocol; head at 1050.
const clock = { block: 1050n, secondsPerBlock: '12', realSecondsPerBlock: '3600' };

describe('pathCell: every world@1 leaf in the unit its path says', () => {
  it('writes ETH in ETH and strategy shares as shares, with the raw integer in exact', () => {
    const c = pathCell('accounts.alice.eth', '48600000000000000000');
    expect(c).toMatchObject({ text: '48.6 ETH', exact: '48600000000000000000 wei', note: null });
    expect(c.shown?.kind).toBe('exact');
    const s = pathCell('stakers.alice.strategies.stETH.withdrawableShares', '48600000000000000000');
    expect(s.text).toBe('48.6 shares');
    expect(pathCell('operators.op1.allocations.avs1/0.stETH.allocatedStake', '1000').text).toBe('1000 wei');
  });

  it('names rounding dust instead of printing 18 decimals (lesson 6: 28 shares less 28 wei)', () => {
    const c = pathCell('operators.op1.allocations.avs1/0.stETH.allocatedStake', '27999999999999999972');
    expect(c.text).toBe('28 shares − 28 wei');
    expect(c.shown?.exact).toBe('27.999999999999999972 shares');
    expect(c.exact).toBe('27999999999999999972 base units (18 decimals)');
  });

  it('writes token balances in their own token', () => {
    expect(pathCell('accounts.alice.stETH', '40000000000000000000').text).toBe('40 stETH');
    expect(pathCell('accounts.alice.wstETH', '2500000000000000000').text).toBe('2.5 wstETH');
    expect(pathCell('accounts.alice.vaultTokens.lrt', '500000000000000000').text).toBe('0.5 lrt tokens');
    expect(pathCell('vaults.lrt.supply', '60000000000000000000').text).toBe('60 lrt tokens');
    expect(pathCell('burned.stETH', '3').text).toBe('3 wei');
    expect(pathCell('lst.totalShares', '90000000000000000000').text).toBe('90 stETH shares');
    expect(pathCell('accounts.alice.eth', '10000000000000000000').text).toBe('10 ETH');
  });

  it('writes WAD fractions as exact percentages, above 100% too', () => {
    expect(pathCell('operators.op1.maxMagnitude.stETH', '810000000000000000').text).toBe('81%');
    // 10/9 as a WAD: rounded for reading, every digit one step away.
    const dsf = pathCell('stakers.c.strategies.stETH.depositScalingFactor', '1111111111111111111');
    expect(dsf.text).toBe('≈ 111.11%');
    expect(dsf.shown?.exact).toBe('111.1111111111111111%');
    expect(pathCell('stakers.c.beaconChainSlashingFactor', '1').shown?.exact).toBe('0.0000000000000001%');
    expect(pathCell('operators.op1.maxMagnitude.stETH', '810000000000000000').exact).toBe(
      '810000000000000000 WAD units (10^18 = 100%)',
    );
  });

  it('writes rates per token, gwei balances in ETH, and plain integers as they are', () => {
    expect(pathCell('vaults.lrt.rate', '810000000000000000').text).toBe('0.81 ETH per token');
    expect(pathCell('validators.v1.balanceGwei', '31500000000')).toMatchObject({
      text: '31.5 ETH',
      exact: '31500000000 gwei',
      note: null,
    });
    expect(pathCell('operators.op1.allocations.avs1/0.stETH.effectBlock', '1060').text).toBe('1060');
  });

  it('writes booleans, lists and missing leaves in words', () => {
    expect(pathCell('validators.v1.slashed', 'true').text).toBe('yes');
    expect(pathCell('avs.avs1.sets.0.strategies', '["stETH","beaconETH"]').text).toBe('stETH, beaconETH');
    expect(pathCell('avs.avs1.sets.0.operators', '[]').text).toBe('none');
    expect(pathCell('stakers.alice.delegatedTo', null).text).toBe('none');
    expect(pathCell('stakers.alice.withdrawals.w1/stETH.scaledShares', null).text).toBe('absent');
    expect(pathCell('stakers.alice.delegatedTo', 'op1').text).toBe('op1');
  });

  it('shows a malformed number as it is instead of throwing', () => {
    expect(pathCell('accounts.alice.eth', '1.5').text).toBe('1.5');
  });
});

describe('deltaCell', () => {
  it('signs differences in the unit of the path', () => {
    expect(deltaCell('stakers.a.strategies.stETH.withdrawableShares', '-11400000000000000000').text).toBe(
      '−11.4 shares',
    );
    expect(deltaCell('accounts.a.eth', '-11400000000000000000').text).toBe('−11.4 ETH');
    expect(deltaCell('operators.op1.allocations.avs1/0.stETH.allocatedStake', '+33').text).toBe('+33 wei');
    expect(deltaCell('operators.op1.maxMagnitude.stETH', '+190000000000000000').text).toBe('+19%');
    expect(deltaCell('vaults.lrt.rate', '-90000000000000000').text).toBe('−0.09 ETH per token');
    expect(deltaCell('block', '+3').text).toBe('+3');
    expect(deltaCell('accounts.alice.stETH', '+1000000000000000000').text).toBe('+1 stETH');
  });
});

describe('delays and deadlines', () => {
  it('gives a delay in blocks and the real time it stands for', () => {
    // 5 blocks of one hour each: 5 hours in reality.
    expect(delayCell('5', clock)).toEqual({
      text: '5 blocks',
      exact: null,
      note: '5 h real time',
    });
  });

  it('counts down to a completable-after block and says when it is ready', () => {
    // 1100 − 1050 = 50 blocks: 50 h = 2 days 2 h in reality.
    expect(afterBlockCell('1100', clock, false)).toEqual({
      text: 'after block 1100',
      exact: null,
      note: 'in 50 blocks (2 days 2 h real time)',
    });
    expect(afterBlockCell('1050', clock, false).note).toBe('ready now');
    expect(afterBlockCell('1100', clock, true).note).toBeNull();
  });

  it('says when a pending allocation change takes effect', () => {
    expect(effectCell('1060', '-100000000000000000', clock).note).toBe(
      'effective in 10 blocks (10 h real time)',
    );
    expect(effectCell('1060', '-100000000000000000', clock).text).toBe('block 1060');
    expect(effectCell('0', '0', clock).text).toBe('—');
  });

  it('counts the blocks a veto can still land in', () => {
    // Vetoable through 1059 with the head at 1050: blocks 1051..1059, 9 of them (9 h).
    expect(vetoCell('1059', 'pending', clock).note).toBe('vetoable for 9 blocks (9 h real time)');
    expect(vetoCell('1050', 'pending', clock).note).toBe('window closed: executable now');
    expect(vetoCell('1059', 'executed', clock)).toEqual({ text: 'block 1059', exact: null, note: null });
  });
});

describe('tokenUnit', () => {
  it('is null for ETH-valued amounts', () => {
    expect(tokenUnit('accounts.alice.eth')).toBeNull();
    expect(tokenUnit('lst.totalPooledEther')).toBeNull();
    expect(tokenUnit('strategies.beaconETH.underlyingBalance')).toBeNull();
  });

  it('names shares and the vault’s stETH value', () => {
    expect(tokenUnit('stakers.alice.strategies.stETH.depositShares')).toBe('shares');
    expect(tokenUnit('operators.op1.shares.stETH')).toBe('shares');
    expect(tokenUnit('vaults.lrt.totalValue')).toBe('stETH');
    expect(tokenUnit('strategies.stETH.underlyingBalance')).toBe('stETH');
  });
});
