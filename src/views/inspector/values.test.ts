import { describe, expect, it } from 'vitest';
import { afterBlockCell, delayCell, deltaCell, effectCell, pathCell, tokenUnit, vetoCell } from './values.ts';

// Classroom clock: 12 s per block on the chain, one hour per block in the real protocol; head at 1050.
const clock = { block: 1050n, secondsPerBlock: '12', realSecondsPerBlock: '3600' };

describe('pathCell: every world@1 leaf in the unit its path says', () => {
  it('writes amounts in ETH with the wei in exact', () => {
    const c = pathCell('stakers.alice.strategies.stETH.withdrawableShares', '48600000000000000000');
    expect(c).toEqual({ text: '48.6 ETH', exact: '48600000000000000000 wei', note: null });
    expect(pathCell('operators.op1.shares.stETH', '1').text).toBe('0.000000000000000001 ETH');
  });

  it('writes token balances in their own token', () => {
    expect(pathCell('accounts.alice.stETH', '40000000000000000000').text).toBe('40 stETH');
    expect(pathCell('accounts.alice.wstETH', '2500000000000000000').text).toBe('2.5 wstETH');
    expect(pathCell('accounts.alice.vaultTokens.lrt', '500000000000000000').text).toBe('0.5 lrt tokens');
    expect(pathCell('vaults.lrt.supply', '60000000000000000000').text).toBe('60 lrt tokens');
    expect(pathCell('burned.stETH', '3').text).toBe('0.000000000000000003 stETH');
    expect(pathCell('lst.totalShares', '90000000000000000000').text).toBe('90 stETH shares');
    expect(pathCell('accounts.alice.eth', '10000000000000000000').text).toBe('10 ETH');
  });

  it('writes WAD fractions as exact percentages, above 100% too', () => {
    expect(pathCell('operators.op1.maxMagnitude.stETH', '810000000000000000').text).toBe('81%');
    expect(pathCell('stakers.c.strategies.stETH.depositScalingFactor', '1111111111111111111').text).toBe(
      '111.1111111111111111%',
    );
    expect(pathCell('stakers.c.beaconChainSlashingFactor', '1').text).toBe('0.0000000000000001%');
    expect(pathCell('operators.op1.maxMagnitude.stETH', '810000000000000000').exact).toBe(
      '810000000000000000 WAD units (10^18 = 100%)',
    );
  });

  it('writes rates per token, gwei balances in ETH, and plain integers as they are', () => {
    expect(pathCell('vaults.lrt.rate', '810000000000000000').text).toBe('0.81 ETH per token');
    expect(pathCell('validators.v1.balanceGwei', '31500000000')).toEqual({
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
      '-11.4 ETH',
    );
    expect(deltaCell('operators.op1.maxMagnitude.stETH', '+190000000000000000').text).toBe('+19%');
    expect(deltaCell('vaults.lrt.rate', '-90000000000000000').text).toBe('-0.09 ETH per token');
    expect(deltaCell('block', '+3').text).toBe('+3');
    expect(deltaCell('accounts.alice.stETH', '+1000000000000000000').text).toBe('+1 stETH');
  });
});

describe('delays and deadlines', () => {
  it('gives a delay in blocks, chain time and real time', () => {
    // 5 blocks: 60 s on the chain, 5 hours in reality.
    expect(delayCell('5', clock)).toEqual({
      text: '5 blocks (1 min on this chain)',
      exact: null,
      note: 'real: 5 h',
    });
  });

  it('counts down to a completable-after block and says when it is ready', () => {
    // 1100 − 1050 = 50 blocks: 600 s = 10 min here, 50 h = 2 days 2 h in reality.
    expect(afterBlockCell('1100', clock, false)).toEqual({
      text: 'after block 1100',
      exact: null,
      note: 'in 50 blocks (10 min on this chain); real: 2 days 2 h',
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
    // Vetoable through 1059 with the head at 1050: blocks 1051..1059, 9 of them (108 s, 9 h).
    expect(vetoCell('1059', 'pending', clock).note).toBe(
      'vetoable for 9 blocks (1 min 48 s on this chain); real: 9 h',
    );
    expect(vetoCell('1050', 'pending', clock).note).toBe('window closed: executable now');
    expect(vetoCell('1059', 'executed', clock)).toEqual({ text: 'block 1059', exact: null, note: null });
  });
});

describe('tokenUnit', () => {
  it('is null for ETH-valued amounts', () => {
    expect(tokenUnit('vaults.lrt.totalValue')).toBeNull();
    expect(tokenUnit('stakers.alice.strategies.stETH.depositShares')).toBeNull();
  });
});
