// Ties decide verdicts: a coalition corrupts at exactly the threshold (≥), and an attack must be
// strictly profitable (>), so a tie at the profit is secure (DR). Decimal inputs like 0.1 and 0.2 make
// a float analyzer misjudge both kinds of tie; every expected value here is worked out by hand.
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from './analyze.ts';
import { type Network, validateNetwork } from './network.ts';

function net(
  validators: [string, string][],
  services: [string, string, string][],
  edges: [string, string][],
): Network {
  const r = validateNetwork({
    format: 'restaking-sandbox/network@1',
    validators: validators.map(([id, stake]) => ({ id, stake })),
    services: services.map(([id, profit, threshold]) => ({ id, profit, threshold })),
    edges,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.network;
}

describe.each(['enumeration', 'integer-program'] as const)('ties (%s)', (method) => {
  const run = (n: Network) => analyzeNetwork(n, { method });

  it('a tie at the profit is not an attack: π = σ_B = 10 is secure with γ = 0; π = 10.01 is not', async () => {
    const tie = await run(
      net(
        [
          ['a', '5'],
          ['b', '5'],
        ],
        [['x', '10', '1']],
        [
          ['a', 'x'],
          ['b', 'x'],
        ],
      ),
    );
    expect(tie.secure).toBe(true);
    expect(tie.gammaSlack?.toString()).toBe('0');
    const over = await run(
      net(
        [
          ['a', '5'],
          ['b', '5'],
        ],
        [['x', '10.01', '1']],
        [
          ['a', 'x'],
          ['b', 'x'],
        ],
      ),
    );
    expect(over.secure).toBe(false);
    expect(over.maxAttackNetProfit.toString()).toBe('1/100');
  });

  it('reaching exactly the threshold corrupts: 2 of 4 unit stakes at α = 1/2, but not at α = 501/1000', async () => {
    const four: [string, string][] = [
      ['a', '1'],
      ['b', '1'],
      ['c', '1'],
      ['d', '1'],
    ];
    const edges = four.map(([v]): [string, string] => [v, 'x']);
    const half = await run(net(four, [['x', '2.5', '1/2']], edges));
    expect(half.secure).toBe(false);
    expect(half.witness?.validators).toHaveLength(2);
    expect(half.maxAttackNetProfit.toString()).toBe('1/2');
    const above = await run(net(four, [['x', '2.5', '501/1000']], edges));
    expect(above.secure).toBe(true); // three needed: 3 > 2.5
    expect(above.gammaSlack?.toString()).toBe('1/5');
  });

  it('(0.1 + 0.2)/3 is exactly 0.1: a 0.1 stake alone reaches a 1/3 threshold on 0.1 + 0.2', async () => {
    // Floats compute α·σ_N = 0.30000000000000004 / 3 > 0.1 and would miss the attack by a.
    const n = net(
      [
        ['a', '0.1'],
        ['b', '0.2'],
      ],
      [['x', '0.15', '1/3']],
      [
        ['a', 'x'],
        ['b', 'x'],
      ],
    );
    const r = await run(n);
    expect(r.secure).toBe(false);
    expect(r.witness?.validators).toEqual(['a']);
    expect(r.maxAttackNetProfit.toString()).toBe('1/20');
    expect(r.singleServiceAttacks[0]?.cost.toString()).toBe('1/10');
  });

  it('profits 0.1 + 0.2 tie a 0.3 stake exactly: secure, where floats see 0.30000000000000004 > 0.3', async () => {
    const n = net(
      [['v', '0.3']],
      [
        ['x', '0.1', '1'],
        ['y', '0.2', '1'],
      ],
      [
        ['v', 'x'],
        ['v', 'y'],
      ],
    );
    const r = await run(n);
    expect(r.secure).toBe(true);
    expect(r.gammaSlack?.toString()).toBe('0');
    expect(r.eigenlayerCondition.perValidator[0]?.load.toString()).toBe('1');
    expect(r.eigenlayerCondition.holds).toBe(true);
  });

  it('a profitable service with no stake is corrupted by the empty coalition, and the EigenLayer condition is blind to it', async () => {
    const r = await run(
      net(
        [['a', '1']],
        [
          ['x', '0', '1/2'],
          ['free', '3', '1/2'],
        ],
        [['a', 'x']],
      ),
    );
    expect(r.secure).toBe(false);
    expect(r.witness?.validators).toEqual([]);
    expect(r.witness?.services).toContain('free');
    expect(r.gammaSlack?.toString()).toBe('-1');
    expect(r.eigenlayerCondition.holds).toBe(true);
    expect(r.eigenlayerCondition.coversAllProfitableServices).toBe(false);
    expect(r.eigenlayerCondition.certifiedGamma).toBeNull();
  });

  it('nothing profitable to corrupt: γ-slack is null and the network is secure', async () => {
    const r = await run(net([['a', '1']], [['x', '0', '1']], [['a', 'x']]));
    expect(r.secure).toBe(true);
    expect(r.gammaSlack).toBeNull();
    expect(r.gammaWitness).toBeNull();
  });
});
