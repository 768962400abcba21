// Regression test for a protocol-layer bug the property tests hit (present at 608ddc1, fixed in ba6aa18): the
// vault contract accepted the redemption request, but the action read the request id from the event argument
// `id` instead of MiniLRT's `requestId`, crashed, and the runner rolled the whole step back, so no scenario could
// ever redeem from a vault.
import { describe, expect, it } from 'vitest';
import { bootSandbox } from '../../src/protocol/boot.ts';
import { runStep } from '../../src/protocol/runner.ts';
import { resolveConfig } from '../../src/protocol/scenario-config.ts';
import { readWorld } from '../../src/protocol/world.ts';
import { E, must } from './harness.ts';

describe('protocol layer: vault.requestRedeem', () => {
  it('succeeds and names the request from MiniLRT.RedeemRequested(requestId, …)', async () => {
    const sb = await bootSandbox({
      config: resolveConfig({ preset: 'classroom' }),
      actors: [
        { id: 'alice', role: 'staker', eth: 100n * E },
        { id: 'op1', role: 'operator' },
        { id: 'lrt', role: 'vault', operator: 'op1' },
      ],
    });
    await must(sb, { action: 'operator.register', by: 'op1', allocationDelay: 0n });
    await must(sb, { action: 'lst.stake', by: 'alice', amount: 10n * E });
    await must(sb, { action: 'vault.deposit', by: 'alice', vault: 'lrt', amount: 10n * E });
    const r = await runStep(sb, 3, {
      action: 'vault.requestRedeem',
      by: 'alice',
      vault: 'lrt',
      amount: 4n * E,
      as: 'r1',
    });
    // With the bug: "step 3 (vault.requestRedeem) failed: Cannot convert undefined to a BigInt".
    expect(r.failure?.message).toBeUndefined();
    // The first request of a fresh vault has id 0; 10 stETH deposited 1:1 into a fresh strategy gives
    // 10 vault tokens worth 10 stETH, so 4 tokens are worth exactly 4 stETH.
    expect(sb.names.requests['r1']).toEqual({ vault: 'lrt', owner: 'alice', id: 0n });
    const world = await readWorld(sb);
    expect(world.vaults['lrt']?.requests['r1']?.valueAtRequest).toBe(String(4n * E));
  });
});
