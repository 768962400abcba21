// Restaker actions on EigenLayer's core: deposit into the stETH strategy, delegate, undelegate, queue and
// complete withdrawals. Queued withdrawals are remembered by their `as` name with the exact struct.
import type { Address, Hex } from 'viem';
import { actor, StepError, type Sandbox, type StepOutcome, type WithdrawalRef } from '../sandbox.ts';
import type { StepOf } from '../scenario-actions.ts';
import type { StrategyName } from '../world-types.ts';
import { approve } from './lst.ts';
import { send, sendTo } from './send.ts';
import type { TxResult } from '../../chain/runtime.ts';

export async function deposit(sb: Sandbox, s: StepOf<'strategy.deposit'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  const { lst, strategyManager, strategies } = sb.addresses;
  await approve(sb, out, by, lst, 'MiniLST', strategyManager, s.amount);
  await send(sb, out, {
    from: by,
    to: strategyManager,
    contract: 'MiniStrategyManager',
    functionName: 'depositIntoStrategy',
    args: [strategies.stETH, lst, s.amount],
  });
}

export async function delegate(sb: Sandbox, s: StepOf<'staker.delegate'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  const op = actor(sb, s.operator).address;
  await sendTo(sb, out, by, 'delegationManager', 'delegateTo', [op]);
}

export function strategyName(sb: Sandbox, address: string): StrategyName {
  const lower = address.toLowerCase();
  if (lower === sb.addresses.strategies.stETH.toLowerCase()) return 'stETH';
  if (lower === sb.addresses.strategies.beaconETH.toLowerCase()) return 'beaconETH';
  throw new StepError(`unknown strategy ${address}`);
}

/** Reads every SlashingWithdrawalQueued event of a transaction into withdrawal references. */
function queuedWithdrawals(sb: Sandbox, staker: string, r: TxResult): WithdrawalRef[] {
  return r.events
    .filter((e) => e.eventName === 'SlashingWithdrawalQueued')
    .map((e) => {
      const w = e.args['withdrawal'] as WithdrawalRef['struct'];
      const strategy = strategyName(sb, w.strategies[0] ?? '');
      return { staker, strategy, root: e.args['withdrawalRoot'] as Hex, struct: w };
    });
}

export async function undelegate(
  sb: Sandbox,
  s: StepOf<'staker.undelegate'>,
  out: StepOutcome,
): Promise<void> {
  const by = actor(sb, s.by).address;
  const r = await sendTo(sb, out, by, 'delegationManager', 'undelegate', [by]);
  for (const w of queuedWithdrawals(sb, s.by, r)) sb.names.withdrawals[`${s.as}/${w.strategy}`] = w;
}

export async function queue(sb: Sandbox, s: StepOf<'withdrawal.queue'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  const r = await sendTo(sb, out, by, 'delegationManager', 'queueWithdrawals', [
    [{ strategies: [sb.addresses.strategies[s.strategy]], depositShares: [s.shares] }],
  ]);
  const [w] = queuedWithdrawals(sb, s.by, r);
  if (w === undefined) throw new StepError('queueWithdrawals emitted no SlashingWithdrawalQueued event');
  sb.names.withdrawals[s.as] = w;
}

export async function complete(
  sb: Sandbox,
  s: StepOf<'withdrawal.complete'>,
  out: StepOutcome,
): Promise<void> {
  const by: Address = actor(sb, s.by).address;
  const w = sb.names.withdrawals[s.withdrawal];
  if (w === undefined) throw new StepError(`no queued withdrawal named "${s.withdrawal}"`);
  await sendTo(sb, out, by, 'delegationManager', 'completeQueuedWithdrawal', [w.struct, s.receiveAsTokens]);
}
