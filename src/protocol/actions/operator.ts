// Operator actions: registration, allocation delay, operator-set membership and allocations of magnitude.
import type { Address } from 'viem';
import { actor, StepError, type Sandbox, type StepOutcome } from '../sandbox.ts';
import type { StepOf } from '../scenario-actions.ts';
import { send, sendTo } from './send.ts';

/** The AVS contract that owns an avs actor's operator sets (the `avs` of an OperatorSet). */
export function avsContract(sb: Sandbox, id: string): Address {
  const a = actor(sb, id, 'avs');
  if (a.contract === undefined) throw new StepError(`avs "${id}" has no contract`);
  return a.contract;
}

export async function register(sb: Sandbox, s: StepOf<'operator.register'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  await sendTo(sb, out, by, 'delegationManager', 'registerAsOperator', [Number(s.allocationDelay), '']);
}

export async function setAllocationDelay(
  sb: Sandbox,
  s: StepOf<'operator.setAllocationDelay'>,
  out: StepOutcome,
): Promise<void> {
  const by = actor(sb, s.by).address;
  await sendTo(sb, out, by, 'allocationManager', 'setAllocationDelay', [by, Number(s.blocks)]);
}

export async function registerForSets(
  sb: Sandbox,
  s: StepOf<'operator.registerForSets'>,
  out: StepOutcome,
): Promise<void> {
  const by = actor(sb, s.by).address;
  await sendTo(sb, out, by, 'allocationManager', 'registerForOperatorSets', [
    by,
    { avs: avsContract(sb, s.avs), operatorSetIds: s.sets, data: '0x' },
  ]);
}

export async function deregisterFromSets(
  sb: Sandbox,
  s: StepOf<'operator.deregisterFromSets'>,
  out: StepOutcome,
): Promise<void> {
  const by = actor(sb, s.by).address;
  await sendTo(sb, out, by, 'allocationManager', 'deregisterFromOperatorSets', [
    { operator: by, avs: avsContract(sb, s.avs), operatorSetIds: s.sets },
  ]);
}

export async function allocate(sb: Sandbox, s: StepOf<'operator.allocate'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  await send(sb, out, {
    from: by,
    to: sb.addresses.allocationManager,
    contract: 'MiniAllocationManager',
    functionName: 'modifyAllocations',
    args: [
      by,
      [
        {
          operatorSet: { avs: avsContract(sb, s.avs), id: s.set },
          strategies: [sb.addresses.strategies[s.strategy]],
          newMagnitudes: [s.magnitude],
        },
      ],
    ],
  });
}
