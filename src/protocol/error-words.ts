// The rule behind every custom error the miniatures can raise, in plain words and with the error's numbers, so
// a rejected action tells the learner what EigenLayer (or Lido, the vault, the AVS) refused and why. Amounts are
// exact (formatAmount), never rounded. An error the table does not know still gets an honest generic sentence.
// The test walks every error of artifacts.json, so a new error without words fails there.
import { formatAmount, showValue } from './units.ts';

export interface RevertLike {
  name: string;
  /** Decoded arguments: bigint, number or decimal string for integers, a hex string for addresses. */
  args: readonly unknown[];
}

type Arg = (i: number) => string;
interface Helpers {
  /** An integer argument in decimal. */
  n: Arg;
  /** An integer argument one above its value: "claimable after block b" means "from block b + 1". */
  next: Arg;
  /** A wei amount, exactly: "40 ETH". */
  eth: Arg;
  /** An address, through the caller's naming. */
  who: Arg;
}
type Words = (h: Helpers) => string;

const WITHDRAWAL_DELAY =
  'a queued withdrawal stays slashable through block start + withdrawal delay (100800 blocks, 14 days on mainnet) and can be completed only in a later block';

const WORDS: Record<string, Words> = {
  // AllocationManager: operator sets, allocations, slashing.
  AlreadyInitialized: () =>
    'The contract was already wired to its partners; that happens once, at deployment.',
  OnlyDeployer: () => 'Only the account that deployed this contract may initialize it.',
  InvalidCaller: () =>
    "The caller may not do this: only the operator itself changes its allocations, delay, registrations and reward split, only the AVS manages its operator sets and rewards, and only a set's slasher may slash it.",
  InvalidOperator: () => 'The account is not a registered operator: register as an operator first.',
  NotOperator: () => 'The account is not a registered operator.',
  InvalidOperatorSet: () =>
    'There is no such operator set (the AVS never created it), or, when creating one, a set with this id already exists.',
  OperatorSetAlreadyExists: () => 'The AVS already has an operator set with this id.',
  InvalidStrategy: () =>
    'This strategy cannot be used here: native ETH (beaconETH) cannot be in a redistributing operator set, because AVS-slashed native ETH can only be locked in the pods; and the EigenPodManager handles only beaconETH.',
  InvalidRedistributionRecipient: () =>
    'The redistribution recipient cannot be the burn address; a redistributing set names a real recipient, fixed for ever once the set exists.',
  NonexistentAVSMetadata: () =>
    'The AVS must publish its metadata (updateAVSMetadataURI) before it can create operator sets.',
  OperatorNotSlashable: () =>
    'The operator cannot be slashed by this operator set: it is not registered in the set, and it left more than the deallocation delay ago (or never joined).',
  InvalidWadToSlash: () =>
    "Each slash fraction must be more than 0% and at most 100% of the operator's allocation to the set.",
  StrategyNotInOperatorSet: () =>
    'The slash names a strategy that is not in this operator set; a set can slash only the strategies it lists.',
  StrategyAlreadyInOperatorSet: () => 'The strategy is already in this operator set.',
  StrategiesMustBeInAscendingOrder: () =>
    'The strategies of a slash must be listed in strictly ascending address order, each once.',
  UninitializedAllocationDelay: () =>
    'The operator has no allocation delay yet, so it cannot allocate: registering as an operator sets the delay.',
  ModificationAlreadyPending: () =>
    'This allocation already has a change pending (an increase waiting for the allocation delay, or a deallocation waiting for the deallocation delay); it can change again only after its effect block.',
  SameMagnitude: () => 'The new magnitude equals the current one, so there is nothing to change.',
  InsufficientMagnitude: () =>
    'The operator tried to allocate more magnitude than it has free: allocations to all operator sets (including pending ones) may not exceed its max magnitude.',
  AlreadyMemberOfSet: () =>
    'The operator is already in this operator set, or left it so recently that the set can still slash it; it can register again only after the deallocation delay.',
  NotMemberOfSet: () => 'The operator is not registered in this operator set, so it cannot leave it.',
  InputArrayLengthMismatch: () =>
    'Two lists that must pair up one to one have different lengths (for example strategies and their slash fractions).',
  InputAddressZero: () =>
    'An address that must be set is zero: an operator set needs a slasher, and a redistributing set needs a recipient.',
  SafeCastOverflowedUintDowncast: (h) => `The number ${h.n(1)} does not fit in ${h.n(0)} bits.`,
  CheckpointUnorderedInsertion: () =>
    'A history snapshot was written out of block order: an internal consistency failure, not a rule of the protocol.',

  // DelegationManager: delegation, withdrawals, operator shares.
  OnlyStrategyManagerOrEigenPodManager: () =>
    'Only the StrategyManager or the EigenPodManager may change delegated shares.',
  OnlyEigenPodManager: () => 'Only the EigenPodManager may call this.',
  OnlyAllocationManager: () =>
    "Only the AllocationManager may call this (it slashes operator shares and calls the AVS's registrar).",
  ActivelyDelegated: () =>
    'The staker is already delegated: undelegate first (which queues withdrawals of all its shares). An operator is delegated to itself for ever, so it cannot delegate elsewhere or register again.',
  NotActivelyDelegated: () =>
    'The staker is not delegated to any operator, so there is nothing to undelegate.',
  OperatorNotRegistered: () =>
    'The target is not a registered operator: stakers can delegate only to an account that registered as an operator.',
  OperatorsCannotUndelegate: () =>
    'An operator is delegated to itself for ever and cannot undelegate; it can still queue withdrawals of its own deposits.',
  CallerCannotUndelegate: () => 'Only the staker itself or its operator can undelegate a staker.',
  InvalidPermissions: () => 'Only the operator itself may do this.',
  WithdrawalNotQueued: () =>
    'There is no such pending withdrawal: it was never queued, or it was already completed.',
  WithdrawalDelayNotElapsed: () =>
    `The withdrawal delay has not passed yet: ${WITHDRAWAL_DELAY}, so AVSs can still slash stake that is on its way out.`,
  WithdrawerNotCaller: () => 'Only the withdrawer (the staker who queued it) can complete this withdrawal.',
  FullySlashed: () =>
    'The slashing factor is 0 (the operator was slashed to a max magnitude of 0%, or a beacon-chain loss took all native stake), so no shares can be added or delegated here.',
  InputArrayLengthZero: () => 'A withdrawal must name at least one strategy.',
  WithdrawalExceedsMax: () => 'The withdrawal asks for more shares than the staker can withdraw.',
  StrategyNotFoundInList: () => "The strategy is not in the staker's list of strategies.",
  InvalidDepositScalingFactor: () =>
    'The deposit scaling factor would become 0, which the share accounting cannot represent (only after a near-total slash).',

  // EigenPod, EigenPodManager: native restaking.
  OnlyEigenPodOwner: () => "Only the pod's owner may do this.",
  OnlyEigenPod: () => "Only the owner's own pod may report its balance changes.",
  OnlyDelegationManager: () => 'Only the DelegationManager may call this.',
  MsgValueNot32ETH: () => 'Staking a new validator through the pod takes exactly 32 ETH.',
  EigenPodAlreadyExists: () => 'This account already has a pod; each owner has exactly one.',
  CredentialsAlreadyVerified: () =>
    "This validator's withdrawal credentials were already verified for this pod; it counts once.",
  WithdrawalCredentialsNotForEigenPod: () =>
    "The validator's withdrawal credentials do not point at this pod, so its ETH cannot be restaked here.",
  ValidatorIsExitingBeaconChain: () =>
    'The validator is exiting the beacon chain; an exiting validator cannot join the pod.',
  ValidatorInactiveOnBeaconChain: () =>
    'The validator has no effective balance on the beacon chain, so its credentials cannot be verified.',
  ValidatorNotActiveInPod: () =>
    'The validator is not active in this pod (never verified, or already gone), so a stale-balance proof does not apply.',
  ValidatorNotSlashedOnBeaconChain: () =>
    'The validator was not slashed on the beacon chain; a stale-balance proof (which anyone may send) is only for slashed validators.',
  BeaconTimestampTooFarInPast: () =>
    "The proof is not newer than the pod's checkpoint it would affect; send it in a later block.",
  CheckpointAlreadyActive: () =>
    "A checkpoint is already in progress: prove every active validator's balance to finish it before starting another.",
  NoActiveCheckpoint: () => 'No checkpoint is in progress: start one before sending checkpoint proofs.',
  CannotCheckpointTwiceInSingleBlock: () =>
    'The pod already started a checkpoint in this block; at most one per block.',
  NoBalanceToCheckpoint: () =>
    'The pod holds no ETH that is not yet credited, so this checkpoint (asked to fail in that case) would change nothing.',
  InsufficientWithdrawableBalance: () =>
    "The pod's checkpointed ETH does not cover this withdrawal: an exited validator's ETH counts only after a checkpoint.",
  SharesNotMultipleOfGwei: () => 'Beacon-chain balance changes are whole gwei.',
  SharesNegative: () => "The change would make the pod owner's native deposit shares negative.",
  InvalidPodOwner: () => "The pod owner's address is zero.",
  InsufficientBalance: (h) => `The contract holds only ${h.eth(0)} but ${h.eth(1)} were to be sent.`,
  FailedCall: () => 'Sending ETH to the recipient failed: the recipient refused it.',

  // MockBeaconChain (the simulated consensus layer).
  DepositTooSmall: () => 'A beacon-chain deposit is at least 1 ETH.',
  NotMultipleOfGwei: () => 'A beacon-chain deposit is a whole number of gwei.',
  UnknownValidator: () => 'No validator with this index exists on the simulated beacon chain.',
  ValidatorAlreadyExited: () =>
    'The validator already exited the beacon chain; it can no longer earn, be penalised, slashed or topped up.',
  AlreadySlashed: () => 'The validator was already slashed; a validator is slashed once.',
  CredentialsMismatch: () => "The withdrawal credentials do not match the validator's.",
  InsufficientIssuanceReserve: () =>
    'The simulated beacon chain has not enough ETH in reserve to pay this reward or exit.',
  InvalidPenaltyDivisor: () => 'The slashing penalty divisor must not be zero.',

  // StrategyBase, StrategyManager.
  OnlyStrategyManager: () => 'Only the StrategyManager may move tokens in or out of a strategy.',
  OnlyUnderlyingToken: () => 'This strategy holds only its own token.',
  NewSharesZero: () =>
    "The deposit is too small to mint even one strategy share at the strategy's current share price, so it is refused.",
  WithdrawalAmountExceedsTotalDeposits: () =>
    'The withdrawal asks for more strategy shares than the strategy has.',
  TotalSharesExceedsMax: () => 'The strategy would exceed its maximum of 1e38 − 1 total shares.',
  OnlyOwner: () => "Only the contract's owner may do this.",
  StrategyNotWhitelisted: () => 'This strategy does not accept deposits (it is not whitelisted).',
  StrategyNotFound: () => 'The staker has no deposit in this strategy.',
  SharesAmountZero: () => 'The number of shares is zero.',
  SharesAmountTooHigh: () => 'The staker asked to withdraw more deposit shares than it has.',
  MaxStrategiesExceeded: () => 'A staker can hold at most 32 strategies.',
  StakerAddressZero: () => "The staker's address is zero.",
  SafeERC20FailedOperation: (h) => `A transfer of the token at ${h.who(0)} failed.`,

  // MiniAVS: registrar, slasher and its AVS-level veto window.
  OnlyVetoCommittee: () => "Only the AVS's veto committee may veto a slash request.",
  InvalidAVS: (h) =>
    `The registration names the AVS ${h.who(0)}, but this AVS admits operators only to its own sets.`,
  InsufficientStake: (h) =>
    `${h.who(0)} has only ${h.eth(2)} of stake allocated to operator set ${h.n(1)}, below this AVS's minimum of ${h.eth(3)}.`,
  VetoWindowEnabled: (h) =>
    `This AVS has a veto window of ${h.n(0)} blocks, so it cannot slash at once: it requests the slash, waits out the window, then executes it (an AVS-level rule, not an EigenLayer one).`,
  VetoPeriodPassed: (h) =>
    `The veto window of slash request ${h.n(0)} has closed: the committee could veto until block ${h.n(1)} (exclusive), and from then on the request can only be executed.`,
  VetoPeriodNotPassed: (h) =>
    `Slash request ${h.n(0)} cannot be executed before block ${h.n(1)}: its veto window is still open.`,
  SlashingRequestNotRequested: (h) =>
    `Slash request ${h.n(0)} is not pending: it does not exist, or it was already executed or vetoed.`,
  SlashingRequestIsCancelled: (h) => `Slash request ${h.n(0)} was vetoed, so it can never be executed.`,
  SlashRequestsOpen: (h) =>
    `The veto window and committee cannot change while ${h.n(0)} slash request(s) are open: execute or veto them first.`,
  NoRewardsCoordinator: () => 'This AVS has no rewards coordinator, so it cannot submit rewards.',
  EthTransferFailed: () => 'Sending ETH failed: the recipient refused it.',

  // MiniLRT: the liquid restaking vault.
  Paused: () =>
    'The vault is paused: deposits and redemption requests stop when its owner pauses it, or when its rate falls more than the allowed drop below its high-water mark.',
  ZeroMint: () => 'The deposit would mint no vault tokens: it adds no value at the current rate.',
  ZeroAmount: () => 'The amount is zero, or worth nothing after rounding.',
  NotReady: (h) =>
    `Redemption request ${h.n(0)} cannot be claimed before block ${h.next(1)}: the vault's EigenLayer withdrawal behind it completes only after block ${h.n(1)}, when the withdrawal delay has passed.`,
  AlreadyClaimed: (h) => `Redemption request ${h.n(0)} was already claimed.`,
  UnknownRequest: (h) => `There is no redemption request ${h.n(0)}.`,
  NotRequestOwner: (h) => `Only the owner of redemption request ${h.n(0)} can claim it.`,
  NothingStaked: () => 'The vault has no deposit shares in EigenLayer to withdraw for this redemption.',
  InvalidBps: () => 'A rate-drop limit is at most 10000 basis points (100%).',
  NotPriceOracle: () => "Only the vault's price oracle may report the market price of stETH.",
  InvalidPrice: () => 'A market price of stETH must be more than 0 ETH.',

  // MiniLST (stETH-like), MiniWstETH.
  ZeroDeposit: () => 'Staking needs enough ETH for at least one share.',
  NotOracle: () => 'Only the oracle may report consensus-layer rewards and losses.',
  InsufficientShares: (h) => `Only ${h.eth(0)} of shares are available but ${h.eth(1)} were asked for.`,
  InsufficientAllowance: (h) =>
    `The spender is allowed only ${h.eth(0)} but ${h.eth(1)} were asked for; approve more first.`,
  InvalidRecipient: (h) =>
    `${h.who(0)} cannot receive stETH (the zero address and the token itself are refused).`,
  InvalidFee: (h) => `A fee of ${h.n(0)} basis points is more than 100% (10000 basis points).`,
  EmptyPool: () => 'The pool has no shares yet, so there is nothing to rebase.',
  ReportValueMismatch: (h) =>
    `A report sends exactly its rewards in ETH (and nothing with a loss): ${h.eth(0)} was expected but ${h.eth(1)} was sent.`,
  LossExceedsPool: (h) =>
    `A loss of ${h.eth(0)} cannot be reported: the pool holds only ${h.eth(1)}, and a loss must leave some ether.`,

  // MiniRewardsCoordinator.
  AmountIsZero: () => 'A rewards submission needs more than 0 ETH.',
  NoStakeToReward: () => 'No operator of the set has allocated stake, so there is no one to pay.',
  SplitExceedsMax: () => "An operator's split is at most 100% (10000 basis points).",
  PreviousSplitPending: () =>
    "The operator's previous split change has not taken effect yet; a new change waits until after it activates.",
  NothingToClaim: () => 'There is nothing to claim: no activated rewards beyond what was already claimed.',

  // OpenZeppelin ERC20 (vault token, wstETH, test token).
  ERC20InsufficientBalance: (h) =>
    `${h.who(0)} holds only ${h.eth(1)} of this token but ${h.eth(2)} were to be moved.`,
  ERC20InsufficientAllowance: (h) =>
    `${h.who(0)} may spend only ${h.eth(1)} of this token for its holder but ${h.eth(2)} were asked for; approve more first.`,
  ERC20InvalidApprover: (h) => `${h.who(0)} cannot approve spending (the zero address is refused).`,
  ERC20InvalidReceiver: (h) => `${h.who(0)} cannot receive this token (the zero address is refused).`,
  ERC20InvalidSender: (h) => `${h.who(0)} cannot send this token (the zero address is refused).`,
  ERC20InvalidSpender: (h) => `${h.who(0)} cannot be approved as a spender (the zero address is refused).`,

  // The runtime's own test contract.
  TooSmall: (h) => `The value ${h.n(0)} is below the minimum of ${h.n(1)}.`,
};

/** Every error name that has its own words. */
export const EXPLAINED_ERRORS: ReadonlySet<string> = new Set(Object.keys(WORDS));

const PANICS: Record<string, string> = {
  '1': 'an internal assertion failed',
  '17': 'a calculation went below zero or above the largest number',
  '18': 'a division or modulo by zero',
  '33': 'a value was converted to an enum it does not fit',
  '34': 'a storage byte array was corrupted',
  '49': 'an empty array was popped',
  '50': 'an array was read outside its bounds',
  '65': 'too much memory was allocated',
  '81': 'an uninitialized function was called',
};

function integer(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?(0|[1-9][0-9]*)$/.test(v)) return BigInt(v);
  return null;
}

function helpers(args: readonly unknown[], nameOf: (address: string) => string): Helpers {
  const raw = (i: number): string =>
    args[i] === undefined ? '(missing)' : typeof args[i] === 'string' ? String(args[i]) : showValue(args[i]);
  const num = (i: number, f: (x: bigint) => string): string => {
    const x = integer(args[i]);
    return x === null ? raw(i) : f(x);
  };
  return {
    n: (i) => num(i, String),
    next: (i) => num(i, (x) => String(x + 1n)),
    eth: (i) => num(i, formatAmount),
    who: (i) => (typeof args[i] === 'string' ? nameOf(String(args[i])) : raw(i)),
  };
}

/** The broken rule in plain words, with the error's numbers: "Only 40 ETH of shares are available but …". */
export function explainError(error: RevertLike, nameOf: (address: string) => string = (a) => a): string {
  const words = Object.hasOwn(WORDS, error.name) ? WORDS[error.name] : undefined;
  if (words !== undefined) return words(helpers(error.args, nameOf));
  if (error.name === 'Panic') {
    const code = integer(error.args[0]);
    const what = code === null ? undefined : PANICS[String(code)];
    const hex = code === null ? showValue(error.args[0]) : `0x${code.toString(16).padStart(2, '0')}`;
    return `The contract stopped with a Solidity panic (${hex}): ${what ?? 'an unknown panic code'}. No protocol rule names this case; it is a bug or an input the contract does not guard.`;
  }
  if (error.name === 'Error') return `The contract refused with the message "${String(error.args[0])}".`;
  if (error.name === 'Revert') return 'The contract refused without giving a reason.';
  if (error.name === 'Unknown')
    return `The contract refused with data that no miniature contract declares (${String(error.args[0])}).`;
  const args = error.args.map((a) => (typeof a === 'string' ? a : showValue(a))).join(', ');
  return `The contract refused with ${error.name}(${args}), an error these explanations do not cover.`;
}
