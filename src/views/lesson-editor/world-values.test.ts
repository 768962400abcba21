import { describe, expect, it } from 'vitest';
import { classifyPath } from '../../protocol/world-paths.ts';
import { fixtureWorld } from '../inspector/world-fixture.ts';
import { valueAt, worldValues } from './world-values.ts';

const E = 10n ** 18n;
const byPath = () => new Map(worldValues(fixtureWorld()).map((v) => [v.path.join('.'), v]));

describe('the values a prediction can ask about', () => {
  it('names them in domain words with the amount under the display policy', () => {
    const values = byPath();
    // The fixture's numbers, worked out by hand: alice holds 10 ETH, 60 deposit shares, 48.6 withdrawable.
    expect(values.get('accounts.alice.eth')).toMatchObject({ label: "alice's ETH balance", group: 'alice' });
    expect(values.get('accounts.alice.eth')?.cell.text).toBe('10 ETH');
    const deposit = values.get('stakers.alice.strategies.stETH.depositShares');
    expect(deposit?.label).toBe("alice's stETH deposit shares");
    expect(deposit?.cell.text).toBe('60 shares');
    expect(deposit?.raw).toBe(`${60n * E}`);
    expect(values.get('stakers.alice.strategies.stETH.withdrawableShares')?.cell.text).toBe('48.6 shares');
    expect(values.get('accounts.alice.vaultTokens.lrt')?.label).toBe("alice's lrt tokens");
    expect(values.get('operators.op1.shares.stETH')?.label).toBe("op1's delegated stETH stake");
    expect(values.get('operators.op1.allocations.avs1/0.stETH.allocatedStake')?.label).toBe(
      "op1's stETH stake allocated to avs1 · set 0",
    );
  });

  it('lists only numbers the lesson-file validator accepts as a watched value', () => {
    for (const v of worldValues(fixtureWorld())) {
      expect(classifyPath(v.path.join('.'))).toMatch(/^(amount|integer|gwei)$/);
      expect(v.raw).toMatch(/^-?\d+$/);
    }
  });

  it('reads the same value in another world, and nothing where that world lacks it', () => {
    const w = fixtureWorld();
    expect(valueAt(w, ['stakers', 'carol', 'strategies', 'beaconETH', 'depositShares'])).toBe(`${32n * E}`);
    expect(valueAt(w, ['stakers', 'dave', 'strategies', 'stETH', 'depositShares'])).toBeUndefined();
    expect(valueAt(w, ['stakers', 'alice', 'delegatedTo'])).toBeUndefined();
    expect(valueAt(w, ['toString'])).toBeUndefined();
  });
});
