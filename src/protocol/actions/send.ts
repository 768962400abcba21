// The one way an action reaches the chain: a transaction from an actor's account, recorded in the step's
// outcome, and a revert turned into a StepError that carries the decoded custom error.
import type { Address } from 'viem';
import { TxRejected, write, type TxResult } from '../../chain/runtime.ts';
import { formatAmount } from '../units.ts';
import { actorIdOf, StepError, type Sandbox, type StepOutcome } from '../sandbox.ts';

export interface Call {
  from: Address;
  to: Address;
  contract: string;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
}

/** Sends `call`; on revert throws a StepError naming the function and the decoded error. */
export async function send(
  sb: Sandbox,
  out: StepOutcome,
  call: Call,
): Promise<TxResult & { result?: unknown }> {
  let r: TxResult & { result?: unknown };
  try {
    r = await write(sb.chain, { ...call, ...(sb.impersonate === true ? { impersonate: true } : {}) });
  } catch (e) {
    if (!(e instanceof TxRejected)) throw e;
    const who = actorIdOf(sb, e.from) ?? e.from;
    throw new StepError(
      `${who} has ${formatAmount(e.balance)} but ${call.functionName} sends ${formatAmount(e.value)}`,
    );
  }
  out.txs.push(r);
  if (!r.ok) {
    const e = r.error ?? { name: 'Revert', args: [], message: 'reverted' };
    throw new StepError(`${call.contract}.${call.functionName} reverted with ${e.message}`, e);
  }
  return r;
}

/** The first event of a name in a transaction's logs; a missing one is a broken invariant of the contracts. */
export function eventOf(r: TxResult, eventName: string): Record<string, unknown> {
  const e = r.events.find((x) => x.eventName === eventName);
  if (e === undefined) throw new StepError(`expected a ${eventName} event from transaction ${r.hash}`);
  return e.args;
}

/** The protocol's singleton contracts, by their key in ProtocolAddresses, with the artifact that describes each. */
const PROTOCOL_CONTRACTS = {
  strategyManager: 'MiniStrategyManager',
  delegationManager: 'MiniDelegationManager',
  allocationManager: 'MiniAllocationManager',
  eigenPodManager: 'MiniEigenPodManager',
  beaconChain: 'MockBeaconChain',
  rewardsCoordinator: 'MiniRewardsCoordinator',
  lst: 'MiniLST',
  wstETH: 'MiniWstETH',
} as const;

export type ProtocolContract = keyof typeof PROTOCOL_CONTRACTS;

/** Sends `functionName(...args)` from `from` to one of the protocol's singleton contracts. */
export function sendTo(
  sb: Sandbox,
  out: StepOutcome,
  from: Address,
  target: ProtocolContract,
  functionName: string,
  args: readonly unknown[] = [],
  value?: bigint,
): Promise<TxResult & { result?: unknown }> {
  const to = sb.addresses[target];
  const contract = PROTOCOL_CONTRACTS[target];
  return send(sb, out, { from, to, contract, functionName, args, ...(value === undefined ? {} : { value }) });
}
