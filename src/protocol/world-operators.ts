// world@1 `operators` (shares, magnitudes, allocations per operator set) and `avs` (operator sets, members,
// slash counts), keyed by actor ids rather than addresses.
import { actorIdOf, type Sandbox } from './sandbox.ts';
import { strategyName } from './actions/staker.ts';
import { at, STRATEGY_NAMES, type LensWorld, type WorldPlan } from './world-read.ts';
import type { AllocationState, AvsState, OperatorState, StrategyName } from './world-types.ts';

export function mapOperators(sb: Sandbox, plan: WorldPlan, lens: LensWorld): Record<string, OperatorState> {
  const out: Record<string, OperatorState> = {};
  for (const [i, a] of plan.operators.entries()) {
    const o = at(lens.operators, i);
    // An operator actor that has not registered yet is not an operator to the protocol.
    if (!o.isOperator) continue;
    const state: OperatorState = {
      allocationDelay: String(o.allocationDelay),
      shares: {},
      maxMagnitude: {},
      encumberedMagnitude: {},
      allocations: {},
    };
    for (const [j, name] of STRATEGY_NAMES.entries()) {
      state.shares[name] = String(at(o.shares, j));
      state.maxMagnitude[name] = String(at(o.maxMagnitudes, j));
      state.encumberedMagnitude[name] = String(at(o.encumberedMagnitudes, j));
    }
    for (const set of o.sets) {
      const per: Record<string, AllocationState> = {};
      for (const alloc of set.allocations) {
        per[strategyName(sb, alloc.strategy)] = {
          currentMagnitude: String(alloc.currentMagnitude),
          pendingDiff: String(alloc.pendingDiff),
          effectBlock: String(alloc.effectBlock),
          allocatedStake: String(alloc.allocatedStake),
        };
      }
      state.allocations[`${actorIdOf(sb, set.avs)}/${set.id}`] = per;
    }
    out[a.id] = state;
  }
  return out;
}

export function mapAvs(sb: Sandbox, plan: WorldPlan, lens: LensWorld): Record<string, AvsState> {
  const out: Record<string, AvsState> = {};
  for (const [i, a] of plan.avss.entries()) {
    const sets: AvsState['sets'] = {};
    for (const set of at(lens.avs, i)) {
      sets[String(set.id)] = {
        strategies: set.strategies.map((s): StrategyName => strategyName(sb, s)),
        operators: set.members.map((m) => actorIdOf(sb, m) ?? m),
        slashCount: String(set.slashCount),
      };
    }
    out[a.id] = { sets };
  }
  return out;
}
