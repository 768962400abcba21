// The world state of formats.md (`restaking-sandbox/world@1`): one read of everything a view, a lesson
// check or a test needs. Every integer is a decimal string in base units (wei, WAD, gwei where the name
// says so) so the object survives JSON and a Web Worker boundary unchanged; parse with BigInt, never Number.
export type { ExpectedValue, ExpectResult, PathKind } from './world-expect.ts';
export { classifyPath, compareExpected, describeValue, parseExpected } from './world-expect.ts';

/** A base-10 integer string ("36000000000000000000"), possibly negative where noted. */
export type DecimalString = string;
export type Address = `0x${string}`;
export type ActorRole = 'staker' | 'operator' | 'avs' | 'vault';
/** `stETH` is the strategy of the stETH-like token; `beaconETH` is native restaking (1 share = 1 wei). */
export type StrategyName = 'stETH' | 'beaconETH';

export interface World {
  format: 'restaking-sandbox/world@1';
  block: DecimalString;
  timestamp: DecimalString;
  accounts: Record<string, AccountState>;
  stakers: Record<string, StakerState>;
  operators: Record<string, OperatorState>;
  avs: Record<string, AvsState>;
  strategies: Record<string, StrategyState>;
  lst: LstState;
  vaults: Record<string, VaultState>;
  /** Keyed by the `as` name of the `pod.stake` step that created the validator. */
  validators: Record<string, ValidatorState>;
  /** Tokens sent to the burn address, by token name (`stETH`). */
  burned: Record<string, DecimalString>;
  /** Native ETH shares slashed by AVSs: locked in the pods, not burned (EigenPodManager.burnableETHShares). */
  lockedSlashedNativeShares: DecimalString;
}

export interface AccountState {
  address: Address;
  role: ActorRole;
  eth: DecimalString;
  stETH: DecimalString;
  /** The pool shares behind the stETH balance (Lido's sharesOf): a rebase changes the balance, not these. */
  stETHShares: DecimalString;
  wstETH: DecimalString;
  /** Liquid restaking tokens held, by vault id. */
  vaultTokens: Record<string, DecimalString>;
  /** ETH the rewards coordinator has credited to this account, claimable or not (cumulativeEarnings). */
  rewardsEarned: DecimalString;
  /** The part of rewardsEarned that is active and not yet claimed: what `rewards.claim` would pay now. */
  rewardsClaimable: DecimalString;
}

export interface StakerState {
  /** Operator id, or null when undelegated. An operator is delegated to itself. */
  delegatedTo: string | null;
  strategies: Record<string, StakerStrategyState>;
  /** WAD; stays 1e18 until a beacon-chain loss is checkpointed. */
  beaconChainSlashingFactor: DecimalString;
  pod: PodState | null;
  /** Keyed by `as` name; `staker.undelegate` with `as: "u"` queues `u/stETH` and `u/beaconETH`. */
  withdrawals: Record<string, WithdrawalState>;
}

export interface StakerStrategyState {
  /** Never reduced by slashing. */
  depositShares: DecimalString;
  /** depositShares · DSF · slashing factor: what the staker could withdraw now. */
  withdrawableShares: DecimalString;
  /** WAD; may exceed 1e18 after deposits that follow a slash. */
  depositScalingFactor: DecimalString;
}

export interface PodState {
  address: Address;
  activeValidators: DecimalString;
  restakedGwei: DecimalString;
  checkpointActive: boolean;
}

export interface WithdrawalState {
  strategy: StrategyName;
  scaledShares: DecimalString;
  startBlock: DecimalString;
  completableAfterBlock: DecimalString;
  completed: boolean;
}

export interface OperatorState {
  allocationDelay: DecimalString;
  shares: Record<string, DecimalString>;
  maxMagnitude: Record<string, DecimalString>;
  encumberedMagnitude: Record<string, DecimalString>;
  /** Keyed by `<avs>/<set>` (e.g. `avs1/0`), then by strategy. */
  allocations: Record<string, Record<string, AllocationState>>;
}

export interface AllocationState {
  currentMagnitude: DecimalString;
  /** Signed WAD: negative while a deallocation is pending. */
  pendingDiff: DecimalString;
  effectBlock: DecimalString;
  allocatedStake: DecimalString;
}

export interface AvsState {
  /** Keyed by operator-set id as a decimal string. */
  sets: Record<string, OperatorSetState>;
  /**
   * MiniAVS's own veto window (AVS-level, as the middleware's VetoableSlasher; EigenLayer has no protocol
   * veto). "0" when off: avs.slash is instant. Otherwise avs.slash reverts and slashes go through
   * avs.requestSlash, avs.veto (the committee) and avs.executeSlash.
   */
  vetoWindowBlocks: DecimalString;
  /** Actor id of the veto committee, or null when none was ever named. */
  vetoCommittee: string | null;
  /** Keyed by the `as` name of the `avs.requestSlash` step. */
  slashRequests: Record<string, SlashRequestState>;
}

export interface SlashRequestState {
  /** Operator id. */
  operator: string;
  /** Operator-set id. */
  set: DecimalString;
  requestBlock: DecimalString;
  /**
   * The last block a veto can land in: requestBlock + window − 1 (the window in force at the request).
   * avs.executeSlash succeeds in any block after it, as a withdrawal after its completableAfterBlock.
   */
  vetoableUntilBlock: DecimalString;
  status: SlashRequestStatus;
}

/** "pending" until vetoed or executed; a pending request whose window has closed can still be executed. */
export type SlashRequestStatus = 'pending' | 'vetoed' | 'executed';

export interface OperatorSetState {
  strategies: StrategyName[];
  /** Operator ids currently registered. */
  operators: string[];
  slashCount: DecimalString;
}

export interface StrategyState {
  totalShares: DecimalString;
  underlyingBalance: DecimalString;
}

export interface LstState {
  totalPooledEther: DecimalString;
  totalShares: DecimalString;
}

export interface VaultState {
  operator: string;
  supply: DecimalString;
  totalValue: DecimalString;
  /** Value of one vault token in ETH at stETHPrice, WAD-scaled (1e18 = 1 ETH per token). */
  rate: DecimalString;
  /** What the vault's price oracle says one stETH is worth, in wei of ETH (1e18 = face value). */
  stETHPrice: DecimalString;
  requests: Record<string, RedeemRequestState>;
}

export interface RedeemRequestState {
  owner: string;
  valueAtRequest: DecimalString;
  completableAfterBlock: DecimalString;
  claimed: boolean;
}

export interface ValidatorState {
  owner: string;
  balanceGwei: DecimalString;
  effectiveBalanceGwei: DecimalString;
  slashed: boolean;
  exited: boolean;
}

/**
 * Reads a dotted world path (`stakers.alice.strategies.stETH.withdrawableShares`); undefined when any
 * segment is missing. Own properties only, so `constructor` or `__proto__` in a path never reach the prototype.
 */
export function getPath(world: unknown, path: string): unknown {
  let node: unknown = world;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
