// AVS actions, through the actor's MiniAVS contract (the set's slasher): operator sets, slashing (instant,
// or requested behind MiniAVS's AVS-level veto window, vetoed by its committee or executed after it), clearing
// slashed shares to the burn address or the set's redistribution recipient, and reward submissions.
import type { Address } from 'viem';
import { read } from '../../chain/runtime.ts';
import { actor, StepError, type Sandbox, type StepOutcome } from '../sandbox.ts';
import type { StepOf } from '../scenario-actions.ts';
import type { StrategyName } from '../world-types.ts';
import { avsContract } from './operator.ts';
import { send, sendTo } from './send.ts';

const ZERO: Address = '0x0000000000000000000000000000000000000000';

/** Strategy addresses in ascending order, as AllocationManager requires, with their paired values. */
export function ascending<T>(
  sb: Sandbox,
  names: readonly StrategyName[],
  values: readonly T[],
): [Address[], T[]] {
  const pairs = names.map((n, i) => [sb.addresses.strategies[n], values[i] as T] as const);
  pairs.sort((a, b) => (BigInt(a[0]) < BigInt(b[0]) ? -1 : 1));
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}

export async function createOperatorSet(
  sb: Sandbox,
  s: StepOf<'avs.createOperatorSet'>,
  out: StepOutcome,
): Promise<void> {
  const by = actor(sb, s.by, 'avs');
  const [strategies] = ascending(sb, s.strategies, s.strategies);
  const recipient =
    s.redistributionRecipient === undefined ? ZERO : actor(sb, s.redistributionRecipient).address;
  await send(sb, out, {
    from: by.address,
    to: avsContract(sb, s.by),
    contract: 'MiniAVS',
    functionName: 'createOperatorSet',
    args: [s.set, strategies, recipient],
  });
}

/** Strategies ascending with their wads, as MiniAVS.slash and requestSlash take them. */
function slashArgs(sb: Sandbox, s: StepOf<'avs.slash' | 'avs.requestSlash'>) {
  if (s.wads.length !== s.strategies.length) {
    throw new StepError(
      `${s.action} needs one wad per strategy (${s.strategies.length}), got ${s.wads.length}`,
    );
  }
  const [strategies, wads] = ascending(sb, s.strategies, s.wads);
  return [actor(sb, s.operator).address, s.set, strategies, wads, s.description ?? ''] as const;
}

/** Names the set's latest slash (its id is the set's slash count) for slashing.clear. */
async function nameSlash(sb: Sandbox, as: string, avsId: string, set: number, operator: string) {
  const slashId = await read<bigint>(sb.chain, {
    to: sb.addresses.allocationManager,
    contract: 'MiniAllocationManager',
    functionName: 'getSlashCount',
    args: [{ avs: avsContract(sb, avsId), id: set }],
  });
  sb.names.slashes[as] = { avs: avsId, set, slashId, operator };
}

export async function slash(sb: Sandbox, s: StepOf<'avs.slash'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by, 'avs');
  await send(sb, out, {
    from: by.address,
    to: avsContract(sb, s.by),
    contract: 'MiniAVS',
    functionName: 'slash',
    args: slashArgs(sb, s),
  });
  if (s.as !== undefined) await nameSlash(sb, s.as, s.by, s.set, s.operator);
}

/** Turns the AVS-level veto window on (blocks > 0) or off (0); applies to requests made afterwards. */
export async function configureVeto(
  sb: Sandbox,
  s: StepOf<'avs.configureVeto'>,
  out: StepOutcome,
): Promise<void> {
  await send(sb, out, {
    from: actor(sb, s.by, 'avs').address,
    to: avsContract(sb, s.by),
    contract: 'MiniAVS',
    functionName: 'configureVeto',
    args: [Number(s.blocks), actor(sb, s.committee).address],
  });
}

/** Queues a slash behind the veto window; the request id is the count of requests before it. */
export async function requestSlash(
  sb: Sandbox,
  s: StepOf<'avs.requestSlash'>,
  out: StepOutcome,
): Promise<void> {
  const by = actor(sb, s.by, 'avs');
  const avs = avsContract(sb, s.by);
  await send(sb, out, {
    from: by.address,
    to: avs,
    contract: 'MiniAVS',
    functionName: 'requestSlash',
    args: slashArgs(sb, s),
  });
  const count = await read<bigint>(sb.chain, {
    to: avs,
    contract: 'MiniAVS',
    functionName: 'slashRequestCount',
  });
  sb.names.slashRequests[s.as] = { avs: s.by, set: s.set, requestId: count - 1n, operator: s.operator };
}

function slashRequest(sb: Sandbox, name: string, avs: string) {
  const ref = sb.names.slashRequests[name];
  if (ref === undefined) throw new StepError(`no slash request named "${name}"`);
  if (ref.avs !== avs) throw new StepError(`slash request "${name}" was made by ${ref.avs}, not ${avs}`);
  return ref;
}

export async function veto(sb: Sandbox, s: StepOf<'avs.veto'>, out: StepOutcome): Promise<void> {
  const ref = slashRequest(sb, s.request, s.avs);
  await send(sb, out, {
    from: actor(sb, s.by).address,
    to: avsContract(sb, s.avs),
    contract: 'MiniAVS',
    functionName: 'veto',
    args: [ref.requestId],
  });
}

export async function executeSlash(
  sb: Sandbox,
  s: StepOf<'avs.executeSlash'>,
  out: StepOutcome,
): Promise<void> {
  const ref = slashRequest(sb, s.request, s.by);
  await send(sb, out, {
    from: actor(sb, s.by, 'avs').address,
    to: avsContract(sb, s.by),
    contract: 'MiniAVS',
    functionName: 'executeSlash',
    args: [ref.requestId],
  });
  if (s.as !== undefined) await nameSlash(sb, s.as, s.by, ref.set, ref.operator);
}

export async function clear(sb: Sandbox, s: StepOf<'slashing.clear'>, out: StepOutcome): Promise<void> {
  const ref = sb.names.slashes[s.slash];
  if (ref === undefined) throw new StepError(`no slash named "${s.slash}"`);
  if (ref.avs !== s.avs || ref.set !== s.set) {
    throw new StepError(
      `slash "${s.slash}" was made by ${ref.avs} set ${ref.set}, not ${s.avs} set ${s.set}`,
    );
  }
  await sendTo(sb, out, actor(sb, s.by).address, 'strategyManager', 'clearBurnOrRedistributableShares', [
    { avs: avsContract(sb, s.avs), id: s.set },
    ref.slashId,
  ]);
}

export async function submitRewards(
  sb: Sandbox,
  s: StepOf<'rewards.submit'>,
  out: StepOutcome,
): Promise<void> {
  const by = actor(sb, s.by, 'avs');
  await send(sb, out, {
    from: by.address,
    to: avsContract(sb, s.by),
    contract: 'MiniAVS',
    functionName: 'submitRewards',
    args: [s.set],
    value: s.amount,
  });
}

export async function claimRewards(sb: Sandbox, s: StepOf<'rewards.claim'>, out: StepOutcome): Promise<void> {
  await sendTo(sb, out, actor(sb, s.by).address, 'rewardsCoordinator', 'claim');
}
