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

export type Kind = 'withdrawal' | 'undelegation' | 'validator' | 'slash' | 'request' | 'slashRequest';
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
/** Any actor at all: a veto committee may be any account. */
export const ANY_ROLE: readonly ActorRole[] = ['staker', 'operator', 'avs', 'vault'];
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
  'avs.configureVeto': AVS,
  'avs.requestSlash': AVS,
  'avs.executeSlash': AVS,
  'avs.veto': ANY_ROLE,
  'rewards.submit': AVS,
  'slashing.clear': ANYONE,
  'pod.verifyStaleBalance': ANYONE,
  // A raw transaction (the page's EIP-1193 provider) may come from any actor's account.
  'tx.send': ANY_ROLE,
};

export const KIND_WORDS: Record<Kind, string> = {
  withdrawal: 'a withdrawal (withdrawal.queue)',
  undelegation: 'an undelegation (staker.undelegate)',
  validator: 'a validator (pod.stake)',
  slash: 'a slash (avs.slash or avs.executeSlash)',
  request: 'a redemption request (vault.requestRedeem)',
  slashRequest: 'a slash request (avs.requestSlash)',
};

export interface SetDef {
  strategies: readonly string[];
  redistributing: boolean;
}

/** The checks of one step, bound to its index and strictness (see scenario-refs.ts). */
export interface StepChecks {
  index: number;
  /** False when the step has `expectRevert`: then only `report` problems count. */
  strict: boolean;
  /** A problem whatever the step expects: the runner could not build the transaction. */
  report(field: string, message: string): void;
  /** A problem the contracts would reject: ignored when the step expects a revert. */
  semantic(field: string, message: string): void;
  /** Records what a strict step creates under its `as` name. */
  define(id: string, created: Created): void;
  /** `id` is an actor (always) of one of `roles` (semantic, or always when `always`). */
  actor(field: string, id: string, roles?: readonly ActorRole[], always?: boolean): void;
  /** `id` is an `as` name of an earlier strict step of one of `kinds` (always). */
  named(field: string, id: string, kinds: readonly Kind[]): Created | undefined;
  /** `id` is an operator set created earlier by `avs` (semantic). */
  set(field: string, avs: string, id: number): SetDef | undefined;
}
