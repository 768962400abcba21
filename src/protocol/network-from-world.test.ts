import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../analysis/analyze.ts';
import { validateNetwork } from '../analysis/network.ts';
import { networkFromWorld } from './network-from-world.ts';
import { runScenario } from './runner.ts';
import { validateScenario } from './scenario-schema.ts';

async function exampleWorld() {
  const v = validateScenario(
    JSON.parse(readFileSync('test/fixtures/scenarios/formats-example.json', 'utf8')),
  );
  if (!v.ok) throw new Error('fixture invalid');
  return (await runScenario(v.scenario)).world;
}

describe('networkFromWorld', () => {
  it('turns allocations into unique-stake slices, in exact ETH', async () => {
    const world = await exampleWorld();
    const doc = networkFromWorld(world, { params: { avs1: { profit: '10', threshold: '1/2' } } });
    const checked = validateNetwork(doc);
    expect(checked.ok).toBe(true);
    // op1 keeps 36 ETH of shares; its 40%-of-90% slice is ⌊36e18 · ⌊0.4e18·1e18/0.9e18⌋ / 1e18⌋ wei
    expect(doc['validators']).toEqual([{ id: 'op1', stake: '36' }]);
    expect(doc['allocations']).toEqual([
      { validator: 'op1', service: 'avs1/0', stake: '15.999999999999999984' },
    ]);
    if (!checked.ok) return;
    // Corrupting avs1/0 needs half of a ~16 ETH slice (cost ~16 ETH, all of it slashed) for a profit of 10:
    // not profitable, so the network is secure.
    const analysis = await analyzeNetwork(checked.network);
    expect(analysis.secure).toBe(true);
  });

  it("counts a strategy share at what it is worth after rewards, as the strategy's sharesToUnderlyingView", async () => {
    const world = await exampleWorld();
    // Rewards rebased the strategy's stETH 10% above its shares: with StrategyBase's offsets of 1e3, a
    // balance + 1e3 of 1.1 · (totalShares + 1e3) makes each share worth exactly 1.1 wei.
    const rewarded = {
      ...world,
      strategies: {
        ...world.strategies,
        stETH: {
          totalShares: String(36n * 10n ** 18n - 1000n),
          underlyingBalance: String(396n * 10n ** 17n - 1000n),
        },
      },
    };
    const doc = networkFromWorld(rewarded, { params: { avs1: { profit: '10', threshold: '1/2' } } });
    expect(doc['validators']).toEqual([{ id: 'op1', stake: '39.6' }]);
    // The slice: ⌊15999999999999999984 · 1.1⌋ = ⌊17599999999999999982.4⌋ wei, rounded down as the strategy does.
    expect(doc['allocations']).toEqual([
      { validator: 'op1', service: 'avs1/0', stake: '17.599999999999999982' },
    ]);
  });

  it('under shared stake, links every registered operator to its sets with its whole stake', async () => {
    const world = await exampleWorld();
    const doc = networkFromWorld(world, {
      stakeModel: 'shared',
      params: { 'avs1/0': { profit: '40', threshold: '1/2' } },
    });
    expect(doc['edges']).toEqual([['op1', 'avs1/0']]);
    const checked = validateNetwork(doc);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    // 36 ETH of stake can be taken for a profit of 40: an attack
    expect((await analyzeNetwork(checked.network)).secure).toBe(false);
  });

  it('names the operator sets that have no profit and threshold', async () => {
    const world = await exampleWorld();
    expect(() => networkFromWorld(world, { params: {} })).toThrow('no profit and threshold given for avs1/0');
  });
});
