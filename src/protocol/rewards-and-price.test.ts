// The reward side and the market price of stETH as scenario steps, read back through world@1.
// Expected values by hand, W = 1e18:
//   Alice deposits 60 stETH (1:1 into the empty strategy) and delegates to op1, which allocates 50% to avs1/0.
//   avs1 submits 2 ETH: op1 is the set's only operator, so the whole 2 ETH is op1's reward. op1 takes its
//   split first (EigenLayer's default 10%: 0.2 ETH); the stakers' 1.8 ETH goes by allocated stake, and Alice is
//   the only staker with any (op1 has no deposits of its own), so she is credited all 1.8 ETH.
//   The classroom clock makes the 7-day activation delay 168 blocks (one block stands for one hour).
//   A vault holding 100 stETH at face value (100 tokens) slashed 10%: holdings 90 stETH, rate 0.9. At a market
//   price of 0.97 ETH per stETH the rate is ⌊90e18·0.97e18/100e18⌋ = 0.873e18 ETH per token.
import { describe, expect, it } from 'vitest';
import { bootSandbox } from './boot.ts';
import { runStep } from './runner.ts';
import { validateScenario } from './scenario-schema.ts';
import { readWorld } from './world.ts';
import type { World } from './world-types.ts';

const ETH = 10n ** 18n;

async function play(actors: unknown[], steps: Record<string, unknown>[]) {
  const v = validateScenario({
    format: 'restaking-sandbox/scenario@1',
    title: 'rewards and price',
    config: { preset: 'classroom' },
    actors,
    steps,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const sb = await bootSandbox(v.scenario);
  const worlds: World[] = [];
  const errors: (string | undefined)[] = [];
  for (const [i, step] of v.scenario.steps.entries()) {
    const { failure } = await runStep(sb, i, step);
    errors.push(failure?.message);
    worlds.push(await readWorld(sb));
  }
  return { worlds, errors };
}

const staked = [
  { action: 'lst.stake', by: 'alice', amount: '60 ETH' },
  { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '60 ETH' },
  { action: 'operator.register', by: 'op1', allocationDelay: 0 },
  { action: 'staker.delegate', by: 'alice', operator: 'op1' },
  { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
  { action: 'operator.registerForSets', by: 'op1', avs: 'avs1', sets: [0] },
  { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: '50%' },
  { action: 'chain.advance', blocks: 1 },
];

describe('rewards through the coordinator', () => {
  it('credits op1 its 10% split and Alice the rest, and a claim pays exactly the credited ETH after 168 blocks', async () => {
    const actors = [
      { id: 'alice', role: 'staker', eth: '100 ETH' },
      { id: 'op1', role: 'operator' },
      { id: 'avs1', role: 'avs', eth: '10 ETH' },
    ];
    const steps = [
      ...staked,
      { action: 'rewards.submit', by: 'avs1', set: 0, amount: '2 ETH' },
      { action: 'rewards.claim', by: 'alice' },
      { action: 'chain.advance', blocks: 168 },
      { action: 'rewards.claim', by: 'alice' },
    ];
    const { worlds, errors } = await play(actors, steps);
    const n = staked.length;
    const [submitted, early, , claimed] = worlds.slice(n);
    expect(errors.slice(0, n + 1)).toEqual(Array(n + 1).fill(undefined));
    expect(submitted!.accounts['op1']!.rewardsEarned).toBe(String(ETH / 5n));
    expect(submitted!.accounts['alice']!.rewardsEarned).toBe(String((18n * ETH) / 10n));
    expect(submitted!.accounts['alice']!.rewardsClaimable).toBe('0');
    expect(BigInt(worlds[n - 1]!.accounts['avs1']!.eth) - BigInt(submitted!.accounts['avs1']!.eth)).toBe(
      2n * ETH,
    );
    // Before the activation delay the claim is refused and changes nothing.
    expect(errors[n + 1]).toMatch(/NothingToClaim|nothing to claim/i);
    expect(early!.accounts['alice']!.eth).toBe(submitted!.accounts['alice']!.eth);
    // After it, Alice's ETH rises by exactly what was credited, and nothing is left to claim.
    expect(errors[n + 3]).toBeUndefined();
    const before = BigInt(worlds[n + 2]!.accounts['alice']!.eth);
    expect(worlds[n + 2]!.accounts['alice']!.rewardsClaimable).toBe(String((18n * ETH) / 10n));
    expect(BigInt(claimed!.accounts['alice']!.eth) - before).toBe((18n * ETH) / 10n);
    expect(claimed!.accounts['alice']!.rewardsClaimable).toBe('0');
    expect(claimed!.accounts['alice']!.rewardsEarned).toBe(String((18n * ETH) / 10n));
  });
});

describe('the market price of stETH in a vault', () => {
  it('lowers the rate to exactly ⌊holdings·price/supply⌋ and leaves the holdings alone', async () => {
    const actors = [
      { id: 'alice', role: 'staker', eth: '100 ETH' },
      { id: 'bob', role: 'staker', eth: '100 ETH' },
      { id: 'op1', role: 'operator' },
      { id: 'avs1', role: 'avs' },
      { id: 'lrt', role: 'vault', operator: 'op1' },
    ];
    const steps = [
      { action: 'operator.register', by: 'op1', allocationDelay: 0 },
      { action: 'lst.stake', by: 'alice', amount: '40 ETH' },
      { action: 'lst.stake', by: 'bob', amount: '60 ETH' },
      { action: 'vault.deposit', by: 'alice', vault: 'lrt', amount: '40 ETH' },
      { action: 'vault.deposit', by: 'bob', vault: 'lrt', amount: '60 ETH' },
      { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
      { action: 'operator.registerForSets', by: 'op1', avs: 'avs1', sets: [0] },
      { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: '100%' },
      { action: 'chain.advance', blocks: 1 },
      { action: 'avs.slash', by: 'avs1', operator: 'op1', set: 0, strategies: ['stETH'], wads: ['10%'] },
      { action: 'vault.setPrice', vault: 'lrt', price: '0.97 ETH' },
      { action: 'vault.setPrice', vault: 'lrt', price: '0 ETH' },
    ];
    const { worlds, errors } = await play(actors, steps);
    expect(errors.slice(0, -1)).toEqual(Array(steps.length - 1).fill(undefined));
    const slashed = worlds[steps.length - 3]!.vaults['lrt']!;
    const depegged = worlds[steps.length - 2]!.vaults['lrt']!;
    expect(slashed.stETHPrice).toBe(String(ETH));
    expect(slashed.totalValue).toBe(String(90n * ETH));
    expect(slashed.rate).toBe(String((9n * ETH) / 10n));
    const price = (97n * ETH) / 100n;
    expect(depegged.stETHPrice).toBe(String(price));
    expect(depegged.totalValue).toBe(slashed.totalValue);
    expect(depegged.rate).toBe(String((90n * ETH * price) / (100n * ETH)));
    expect(depegged.rate).toBe('873000000000000000');
    // A price of 0 is refused and changes nothing.
    expect(errors.at(-1)).toMatch(/more than 0 ETH|InvalidPrice/);
    expect(worlds.at(-1)!.vaults['lrt']).toEqual(depegged);
  });
});
