import { describe, expect, it } from 'vitest';
import type { World } from '../../protocol/world-types.ts';
import { fixtureWorld } from '../inspector/world-fixture.ts';
import { compareWorlds, PROTOCOL, wildcards } from './compare-rows.ts';

function branchB(): World {
  const w = fixtureWorld();
  w.block = '1060';
  w.lst.totalPooledEther = '101000000000000000000';
  const alice = w.stakers['alice']!;
  alice.strategies['stETH']!.withdrawableShares = '37200000000000000000';
  alice.withdrawals['w1/stETH']!.completed = true;
  alice.withdrawals['w2/stETH'] = {
    strategy: 'stETH',
    scaledShares: '5000000000000000000',
    startBlock: '1055',
    completableAfterBlock: '1155',
    completed: false,
  };
  w.stakers['bob']!.delegatedTo = 'op1';
  w.operators['op1']!.maxMagnitude['stETH'] = '620000000000000000';
  w.vaults['lrt']!.rate = '620000000000000000';
  w.validators['v1']!.exited = true;
  return w;
}

const text = (groups: ReturnType<typeof compareWorlds>, id: string) =>
  groups.find((g) => g.id === id)?.rows.map((r) => [r.label, r.context, r.a.text, r.b.text, r.delta.text]);

describe('compareWorlds', () => {
  const groups = compareWorlds(fixtureWorld(), branchB());

  it('groups differences by actor in world order; validators under their owner', () => {
    expect(groups.map((g) => g.id)).toEqual([PROTOCOL, 'alice', 'bob', 'op1', 'lrt', 'carol']);
  });

  it('writes both sides and B − A in domain units', () => {
    expect(text(groups, PROTOCOL)).toEqual([
      ['Block', '', '1050', '1060', '+10'],
      ['Total pooled ether', '', '100 ETH', '101 ETH', '+1 ETH'],
    ]);
    expect(text(groups, 'op1')).toEqual([['Max magnitude', 'stETH', '81%', '62%', '-19%']]);
    expect(text(groups, 'lrt')).toEqual([
      ['Rate (NAV per token)', '', '0.81 ETH per token', '0.62 ETH per token', '-0.19 ETH per token'],
    ]);
    expect(text(groups, 'carol')).toEqual([['Exited', 'v1', 'no', 'yes', 'changed']]);
    expect(text(groups, 'bob')).toEqual([['Delegated to', '', 'none', 'op1', 'changed']]);
  });

  it('lists a withdrawal only one branch has against "absent"', () => {
    expect(text(groups, 'alice')).toEqual([
      ['Withdrawable shares', 'stETH', '48.6 ETH', '37.2 ETH', '-11.4 ETH'],
      ['Completed', 'w1/stETH', 'no', 'yes', 'changed'],
      ['Strategy', 'w2/stETH', 'absent', 'stETH', 'only in B'],
      ['Scaled shares', 'w2/stETH', 'absent', '5 ETH', 'only in B'],
      ['Start block', 'w2/stETH', 'absent', '1055', 'only in B'],
      ['Completable after block', 'w2/stETH', 'absent', '1155', 'only in B'],
      ['Completed', 'w2/stETH', 'absent', 'no', 'only in B'],
    ]);
    const row = groups.find((g) => g.id === 'alice')?.rows[0];
    expect(row?.path).toBe('stakers.alice.strategies.stETH.withdrawableShares');
    expect(row?.term).toBe('withdrawableShares');
    expect(row?.delta.exact).toBe('-11400000000000000000 wei');
  });

  it('finds nothing between a world and itself', () => {
    expect(compareWorlds(fixtureWorld(), fixtureWorld())).toEqual([]);
  });
});

describe('wildcards', () => {
  it('returns the segments standing for ids, strategies and names', () => {
    expect(wildcards('operators.op1.allocations.avs1/0.stETH.pendingDiff')).toEqual([
      'op1',
      'avs1/0',
      'stETH',
    ]);
    expect(wildcards('lst.totalShares')).toEqual([]);
    expect(wildcards('no.such.path')).toEqual([]);
  });
});
