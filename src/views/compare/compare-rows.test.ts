import { describe, expect, it } from 'vitest';
import type { World } from '../../protocol/world-types.ts';
import { fixtureWorld } from '../inspector/world-fixture.ts';
import { compareSummary, compareWorlds, PROTOCOL, wildcards } from './compare-rows.ts';

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
    expect(text(groups, 'op1')).toEqual([['Max magnitude', 'stETH', '81%', '62%', '−19%']]);
    expect(text(groups, 'lrt')).toEqual([
      ['Rate (NAV per token)', '', '0.81 ETH per token', '0.62 ETH per token', '−0.19 ETH per token'],
    ]);
    expect(text(groups, 'carol')).toEqual([['Exited', 'v1', 'no', 'yes', 'changed']]);
    expect(text(groups, 'bob')).toEqual([['Delegated to', '', 'none', 'op1', 'changed']]);
  });

  it('lists a withdrawal only one branch has against "absent"', () => {
    expect(text(groups, 'alice')).toEqual([
      ['Withdrawable shares', 'stETH', '48.6 shares', '37.2 shares', '−11.4 shares'],
      ['Completed', 'w1/stETH', 'no', 'yes', 'changed'],
      ['Strategy', 'w2/stETH', 'absent', 'stETH', 'only in B'],
      ['Scaled shares', 'w2/stETH', 'absent', '5 shares', 'only in B'],
      ['Start block', 'w2/stETH', 'absent', '1055', 'only in B'],
      ['Completable after block', 'w2/stETH', 'absent', '1155', 'only in B'],
      ['Completed', 'w2/stETH', 'absent', 'no', 'only in B'],
    ]);
    const row = groups.find((g) => g.id === 'alice')?.rows[0];
    expect(row?.path).toBe('stakers.alice.strategies.stETH.withdrawableShares');
    expect(row?.term).toBe('withdrawableShares');
    expect(row?.delta.exact).toBe('-11400000000000000000 base units (18 decimals)');
  });

  it('says how many values differ, all real here', () => {
    expect(compareSummary(groups, 'main', 'what-if')).toBe(
      '13 values differ between main (A) and what-if (B), in 5 actors and the chain and protocol.',
    );
  });

  it('tells rounding dust apart from real differences (lesson 6: +33 wei on an allocation nobody touched)', () => {
    const b = branchB();
    const alloc = b.operators['op1']!.allocations['avs1/0']!['stETH']!;
    alloc.allocatedStake = (BigInt(alloc.allocatedStake) + 33n).toString();
    const dusty = compareWorlds(fixtureWorld(), b);
    const op1 = dusty.find((g) => g.id === 'op1');
    expect(op1?.dust).toBe(1);
    // The real difference first, the dust last and marked.
    expect(op1?.rows.map((r) => [r.label, r.delta.text, r.dust])).toEqual([
      ['Max magnitude', '−19%', false],
      ['Allocated stake', '+33 wei', true],
    ]);
    expect(compareSummary(dusty, 'main', 'what-if')).toBe(
      '13 values differ between main (A) and what-if (B), in 5 actors and the chain and protocol; 1 value differs by rounding dust only (a few wei, marked and listed last).',
    );
  });

  it('calls two branches that differ by dust only the same outcome', () => {
    const b = fixtureWorld();
    const alice = b.stakers['alice']!.strategies['stETH']!;
    alice.withdrawableShares = (BigInt(alice.withdrawableShares) - 28n).toString();
    const dusty = compareWorlds(fixtureWorld(), b);
    expect(dusty.map((g) => [g.id, g.dust, g.rows.length])).toEqual([['alice', 1, 1]]);
    expect(compareSummary(dusty, 'main', 'other')).toBe(
      'main (A) and other (B) have the same outcome: 1 value differs by rounding dust only (a few wei, marked and listed last).',
    );
  });

  it('does not call a gwei balance or a real loss dust', () => {
    const b = branchB();
    b.validators['v1']!.balanceGwei = (BigInt(b.validators['v1']!.balanceGwei) - 1n).toString();
    b.stakers['alice']!.strategies['stETH']!.withdrawableShares = '37199999999000000000';
    const rows = compareWorlds(fixtureWorld(), b).flatMap((g) => g.rows);
    expect(rows.filter((r) => r.dust)).toEqual([]);
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
