// One function per action of formats.md, dispatched by name: the only way any caller (runner, app, lessons,
// tests) performs an action.
import { advance } from '../../chain/runtime.ts';
import { StepError, type Sandbox, type StepOutcome } from '../sandbox.ts';
import type { Step } from '../scenario-actions.ts';
import * as avs from './avs.ts';
import * as lst from './lst.ts';
import * as operator from './operator.ts';
import * as pod from './pod.ts';
import { sendRaw } from './raw.ts';
import * as staker from './staker.ts';
import * as vault from './vault.ts';

type Handler<S extends Step> = (sb: Sandbox, s: S, out: StepOutcome) => Promise<void>;
type Handlers = { [A in Exclude<Step['action'], 'expect'>]: Handler<Extract<Step, { action: A }>> };

const handlers: Handlers = {
  'lst.stake': lst.stake,
  'lst.report': lst.report,
  'lst.wrap': lst.wrap,
  'lst.unwrap': lst.unwrap,
  'token.transfer': lst.transfer,
  'strategy.deposit': staker.deposit,
  'operator.register': operator.register,
  'operator.setAllocationDelay': operator.setAllocationDelay,
  'staker.delegate': staker.delegate,
  'staker.undelegate': staker.undelegate,
  'withdrawal.queue': staker.queue,
  'withdrawal.complete': staker.complete,
  'avs.createOperatorSet': avs.createOperatorSet,
  'operator.registerForSets': operator.registerForSets,
  'operator.deregisterFromSets': operator.deregisterFromSets,
  'operator.allocate': operator.allocate,
  'avs.slash': avs.slash,
  'slashing.clear': avs.clear,
  'avs.configureVeto': avs.configureVeto,
  'avs.requestSlash': avs.requestSlash,
  'avs.veto': avs.veto,
  'avs.executeSlash': avs.executeSlash,
  'pod.create': pod.create,
  'pod.stake': pod.stake,
  'pod.verifyCredentials': pod.verifyCredentials,
  'pod.startCheckpoint': pod.startCheckpoint,
  'pod.verifyCheckpoint': pod.verifyCheckpoint,
  'pod.verifyStaleBalance': pod.verifyStaleBalance,
  'beacon.reward': pod.beaconReward,
  'beacon.penalty': pod.beaconPenalty,
  'beacon.slash': pod.beaconSlash,
  'beacon.exit': pod.beaconExit,
  'vault.deposit': vault.deposit,
  'vault.requestRedeem': vault.requestRedeem,
  'vault.claim': vault.claim,
  'vault.setPrice': vault.setPrice,
  'rewards.submit': avs.submitRewards,
  'rewards.claim': avs.claimRewards,
  'tx.send': sendRaw,
  'chain.advance': async (sb, s) => {
    if (s.blocks !== undefined) advance(sb.chain, { blocks: s.blocks });
    else if (s.seconds !== undefined) advance(sb.chain, { seconds: s.seconds });
    else throw new StepError('chain.advance needs blocks or seconds');
  },
};

/** Performs one non-`expect` step. Throws a StepError when the contracts reject it. */
export async function perform(sb: Sandbox, step: Exclude<Step, { action: 'expect' }>): Promise<StepOutcome> {
  const out: StepOutcome = { txs: [] };
  const handler = handlers[step.action] as Handler<typeof step>;
  await handler(sb, step, out);
  return out;
}
