// What a scenario defines (actors, named things a step creates) and who may sign what: shared by the
// reference checks of steps and of expect paths.
import type { ActorRole } from './world-types.ts';

export interface Actor {
  id: string;
  role: ActorRole;
  /** Starting balance; the runner's default when absent. */
  eth?: bigint;
  /** The operator a vault delegates to (vaults only). */
  operator?: string;
}

export interface ScenarioIssue {
  path: string;
  message: string;
}

export type Kind = 'withdrawal' | 'undelegation' | 'validator' | 'slash' | 'request';
export interface Created {
  kind: Kind;
  step: number;
  by: string;
  avs?: string;
  set?: number;
  vault?: string;
}

/** "an avs", "a staker": for messages. */
export const article = (role: string) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;

export const HOLDERS: readonly ActorRole[] = ['staker', 'operator'];
const ANYONE: readonly ActorRole[] = ['staker', 'operator', 'avs'];
export const OPERATOR: readonly ActorRole[] = ['operator'];
export const AVS: readonly ActorRole[] = ['avs'];
/** Who may sign each action: `avs.*` by an AVS, `operator.*` by an operator, permissionless calls by anyone. */
export const SIGNERS: Record<string, readonly ActorRole[]> = {
  'operator.register': OPERATOR,
  'operator.setAllocationDelay': OPERATOR,
  'operator.registerForSets': OPERATOR,
  'operator.deregisterFromSets': OPERATOR,
  'operator.allocate': OPERATOR,
  'avs.createOperatorSet': AVS,
  'avs.slash': AVS,
  'rewards.submit': AVS,
  'slashing.clear': ANYONE,
  'pod.verifyStaleBalance': ANYONE,
};

export const KIND_WORDS: Record<Kind, string> = {
  withdrawal: 'a withdrawal (withdrawal.queue)',
  undelegation: 'an undelegation (staker.undelegate)',
  validator: 'a validator (pod.stake)',
  slash: 'a slash (avs.slash)',
  request: 'a redemption request (vault.requestRedeem)',
};
