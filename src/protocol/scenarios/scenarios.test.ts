import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../scenario-schema.ts';
import type { ExpectedValue } from '../world-expect.ts';
import { getPreset, SCENARIO_PRESETS } from './index.ts';

const ETH = 10n ** 18n;

function load(id: string): Scenario {
  const preset = getPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const r = validateScenario(preset.json);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

/** The expected value of the last expect step that names `path`. */
function lastExpected(s: Scenario, path: string): ExpectedValue['value'] | undefined {
  let found: ExpectedValue['value'] | undefined;
  for (const step of s.steps) {
    if (step.action !== 'expect') continue;
    for (const e of step.values) if (e.path === path) found = e.expected.value;
  }
  return found;
}

describe('scenario presets', () => {
  it('lists every JSON file in the folder, once', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(SCENARIO_PRESETS.map((p) => p.id).sort()).toEqual(files.sort());
  });

  it.each(SCENARIO_PRESETS.map((p) => p.id))('%s is a valid classroom scenario with checks', (id) => {
    const s = load(id);
    expect(s.title.length).toBeGreaterThan(0);
    expect(s.description.length).toBeGreaterThan(80);
    expect(s.config.preset).toBe('classroom');
    expect(s.steps.filter((step) => step.action === 'expect').length).toBeGreaterThan(0);
  });
});

// The figures the presets teach, restated from their sources rather than from the files.
describe('preset expectations match their sources', () => {
  it('single AVS slash: formats.md example, 20% of a 50% allocation of 40 ETH leaves 36', () => {
    const s = load('single-avs-slash');
    expect(lastExpected(s, 'stakers.alice.strategies.stETH.withdrawableShares')).toBe(36n * ETH);
    expect(lastExpected(s, 'burned.stETH')).toBe(7n * ETH); // 10% of 70
  });

  it('dual slashing: DualSlashingEdgeCase.md scenarios A (30 ETH) and B (36 ETH)', () => {
    const s = load('dual-slashing-proof-order');
    expect(lastExpected(s, 'stakers.alice.strategies.beaconETH.withdrawableShares')).toBe(30n * ETH);
    expect(lastExpected(s, 'stakers.bob.strategies.beaconETH.withdrawableShares')).toBe(36n * ETH);
    expect(lastExpected(s, 'stakers.alice.strategies.beaconETH.depositScalingFactor')).toBe((5n * ETH) / 2n);
    expect(lastExpected(s, 'stakers.bob.strategies.beaconETH.depositScalingFactor')).toBe((9n * ETH) / 2n);
    expect(s.config.beaconSlashingPenaltyDivisor).toBe(2n); // 32 ETH / 2 = the document's 16 ETH loss
  });

  it('LRT: a 10% slash of a fully allocated operator takes the rate from 1.0 to 0.9 (mechanics.md §4)', () => {
    const s = load('lrt-rate-after-slash');
    const rates = s.steps.flatMap((step) =>
      step.action === 'expect' ? step.values.filter((e) => e.path === 'vaults.lrt.rate') : [],
    );
    expect(rates.map((e) => e.expected.value)).toEqual([
      ETH,
      (9n * ETH) / 10n,
      (9n * ETH) / 10n,
      (81n * ETH) / 100n,
      (81n * ETH) / 100n,
    ]);
    expect(lastExpected(s, 'accounts.alice.stETH')).toBe((324n * ETH) / 10n);
  });

  it('rounding-sensitive allocated stakes follow ⌊op·⌊cur·W/max⌋/W⌋', () => {
    const allocated = (op: bigint, cur: bigint, max: bigint) => (op * ((cur * ETH) / max)) / ETH;
    const pct = (n: bigint) => (n * ETH) / 100n;
    expect(
      lastExpected(load('single-avs-slash'), 'operators.op1.allocations.avs1/0.stETH.allocatedStake'),
    ).toBe(allocated(63n * ETH, pct(40n), pct(90n)));
    const two = load('unique-stake-two-sets');
    expect(lastExpected(two, 'operators.op1.allocations.avsA/0.stETH.allocatedStake')).toBe(
      allocated(35n * ETH, pct(15n), pct(35n)),
    );
  });

  it('withdrawal window: the waits outlast the 336-block classroom delay', () => {
    const s = load('withdrawal-slash-window');
    const waits = s.steps.flatMap((step) =>
      step.action === 'chain.advance' && step.blocks ? [step.blocks] : [],
    );
    expect(waits.filter((b) => b > s.config.withdrawalDelayBlocks)).toHaveLength(2);
  });

  it('whitepaper: four operators of 2 ETH ($8M) and eleven services', () => {
    const s = load('whitepaper-eleven-services');
    expect(s.actors.filter((a) => a.role === 'operator')).toHaveLength(4);
    expect(s.actors.filter((a) => a.role === 'avs')).toHaveLength(11);
    expect(s.steps.filter((step) => step.action === 'operator.registerForSets')).toHaveLength(44);
  });

  it('vetoable slash: a vetoed request leaves 40 ETH, an executed one is the 20% slash of 36 ETH', () => {
    const s = load('vetoable-slash');
    const vetoed = s.steps.find(
      (step) =>
        step.action === 'expect' &&
        step.values.some(
          (e) => e.path === 'avs.avs1.slashRequests.r1.status' && e.expected.value === 'vetoed',
        ),
    );
    const alice = (step: typeof vetoed) =>
      step?.action === 'expect'
        ? step.values.find((e) => e.path === 'stakers.alice.strategies.stETH.withdrawableShares')?.expected
            .value
        : undefined;
    expect(alice(vetoed)).toBe(40n * ETH); // the veto changes nothing
    expect(lastExpected(s, 'avs.avs1.slashRequests.r2.status')).toBe('executed');
    expect(lastExpected(s, 'burned.stETH')).toBe((108n * ETH) / 10n); // 6 = 60·10%, then 4.8 = 54·(1 − 82/90)
    expect(
      s.steps.filter((step) => step.expectRevert !== undefined).map((step) => step.expectRevert),
    ).toEqual(['VetoWindowEnabled', 'VetoPeriodNotPassed', 'SlashingRequestIsCancelled', 'VetoPeriodPassed']);
  });
});
