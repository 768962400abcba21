// What each number of the world state means: the label the UI shows (mechanics.md's words, one name per idea),
// one plain line, the real contract variable it mirrors and the miniature that holds it. ui/ may not import
// protocol/, so world@1 paths are matched here by their own small pattern table (`*` = one segment: an actor,
// strategy, `as` name, `<avs>/<set>` key or set id).

export interface GlossaryEntry {
  term: string;
  label: string;
  explanation: string;
  /** The real contract and variable (or view) the value mirrors. */
  contract: string;
  /** The sandbox's miniature that holds it. */
  source: string;
}

type Row = [label: string, explanation: string, contract: string, source: string];

const DM = 'MiniDelegationManager';
const AM = 'MiniAllocationManager';
const POD = 'MiniEigenPod';
const AVS = 'MiniAVS (AVS-level veto, not an EigenLayer feature)';
const LRT = 'MiniLRT';
const BEACON = 'MockBeaconChain';
const CHAIN = 'the in-page chain (@ethereumjs/vm)';

// A table reads best one term per line; prettier would split every row over six lines.
// prettier-ignore
const ROWS: Record<string, Row> = {
  format: ['Format', 'Which version of the world-state format this is.', 'none: the sandbox file format', 'readWorld'],
  block: ['Block', 'The latest block; every delay is counted in blocks.', 'block.number', CHAIN],
  timestamp: ['Time', 'Seconds since 1970 at the latest block.', 'block.timestamp', CHAIN],
  address: ['Address', "The actor's account (a vault's is its contract).", 'EOA or contract address', CHAIN],
  role: ['Role', 'Staker, operator, AVS or vault.', 'none: a sandbox actor kind', 'scenario actors'],
  eth: ['ETH balance', 'Plain ETH held by the account.', 'account balance', CHAIN],
  stETH: ['stETH balance', 'Liquid staking tokens held; it rebases with rewards and losses.', 'StETH.balanceOf', 'MiniLST'],
  stETHShares: ['stETH shares', 'Your share of the staking pool; a rebase changes the balance, never the shares.', 'StETH.sharesOf', 'MiniLST'],
  wstETH: ['wstETH balance', 'Wrapped stETH: a share count that does not rebase.', 'WstETH.balanceOf', 'MiniWstETH'],
  vaultTokens: ['Vault tokens', 'Liquid restaking tokens held, by vault.', 'ezETH.balanceOf (Renzo)', LRT],
  rewardsEarned: ['Rewards earned', 'ETH the rewards coordinator has credited, claimable or not yet.', 'RewardsCoordinator cumulative earnings (Merkle root)', 'MiniRewardsCoordinator'],
  rewardsClaimable: ['Rewards claimable', 'Credited rewards past their activation delay and not yet claimed.', 'RewardsCoordinator.processClaim amount', 'MiniRewardsCoordinator'],
  stETHPrice: ['stETH price', "ETH the vault's price oracle says one stETH is worth (1 = face value).", 'Renzo/Kelp LST price oracle', LRT],
  delegatedTo: ['Delegated to', 'The operator this staker backs; an operator is delegated to itself.', 'DelegationManager.delegatedTo', DM],
  depositShares: ['Deposit shares', 'What the staker deposited; slashing never reduces it.', 'StrategyManager.stakerDepositShares / EigenPodManager.podOwnerDepositShares', 'MiniStrategyManager / MiniEigenPodManager'],
  withdrawableShares: ['Withdrawable shares', 'What the staker could withdraw now: deposit shares × DSF × slashing factor.', 'DelegationManager.getWithdrawableShares', DM],
  depositScalingFactor: ['Deposit scaling factor (DSF)', 'Per staker and strategy: lets shares added after a slash count in full; 100% until then, may exceed it.', 'DelegationManager.depositScalingFactor', DM],
  beaconChainSlashingFactor: ['Beacon-chain slashing factor (BCSF)', 'Share of native stake left after checkpointed beacon-chain losses; 100% until one.', 'EigenPodManager.beaconChainSlashingFactor', 'MiniEigenPodManager'],
  pod: ['EigenPod', "The staker's native-restaking contract; none until created.", 'EigenPodManager.ownerToPod', 'MiniEigenPodManager'],
  podAddress: ['Pod address', "The address the staker's validators withdraw to.", 'EigenPodManager.ownerToPod', 'MiniEigenPodManager'],
  activeValidators: ['Active validators', 'Validators verified in the pod and not yet exited.', 'EigenPod.activeValidatorCount', POD],
  restakedGwei: ['Restaked ETH', "ETH credited as shares: checkpointed pod ETH plus each active validator's restaked balance (the pod counts it in gwei).", 'EigenPod.restakedExecutionLayerGwei + ValidatorInfo.restakedBalanceGwei', POD],
  checkpointActive: ['Checkpoint in progress', 'A checkpoint started and still waits for proofs of every active validator.', 'EigenPod.currentCheckpointTimestamp ≠ 0', POD],
  withdrawal: ['Queued withdrawal', 'Shares on their way out: slashable until the delay ends, then completable.', 'DelegationManager.queuedWithdrawals', DM],
  withdrawalStrategy: ['Strategy', 'The strategy whose shares this withdrawal takes out.', 'Withdrawal.strategies', DM],
  scaledShares: ['Scaled shares', 'Deposit shares × DSF at queue time; × slashing factor when completed.', 'Withdrawal.scaledShares', DM],
  startBlock: ['Start block', 'The block the withdrawal was queued in.', 'Withdrawal.startBlock', DM],
  completableAfterBlock: ['Completable after block', 'Start + withdrawal delay: slashable through this block, completable after it.', 'Withdrawal.startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS', DM],
  completed: ['Completed', 'The withdrawal was completed, as tokens or as shares.', 'DelegationManager.pendingWithdrawals (cleared)', DM],
  allocationDelay: ['Allocation delay', 'Blocks before a new allocation becomes slashable, so stakers can leave first.', 'AllocationManager.getAllocationDelay', AM],
  operatorShares: ['Operator shares', "Sum of its delegated stakers' withdrawable shares, per strategy (may exceed it by rounding dust of a few wei).", 'DelegationManager.operatorShares', DM],
  maxMagnitude: ['Max magnitude', "The operator's total slashable magnitude per strategy: 100% until slashed, then lower for ever.", 'AllocationManager.getMaxMagnitude', AM],
  encumberedMagnitude: ['Encumbered magnitude', 'Magnitude promised to operator sets, pending changes included; at most the max magnitude.', 'AllocationManager.encumberedMagnitude', AM],
  allocation: ['Allocation', 'Magnitude an operator gives one operator set for one strategy.', 'AllocationManager.getAllocation', AM],
  currentMagnitude: ['Current magnitude', 'The slashable allocation to this set; ÷ max magnitude gives its share of the stake.', 'Allocation.currentMagnitude', AM],
  pendingDiff: ['Pending change', 'Magnitude still to be added (or, negative, removed) at the effect block.', 'Allocation.pendingDiff', AM],
  effectBlock: ['Effect block', 'The block at which the pending change takes effect.', 'Allocation.effectBlock', AM],
  allocatedStake: ['Allocated stake', 'Operator shares × current ÷ max magnitude, in shares, rounded down: the unique stake this set can slash.', 'AllocationManager.getAllocatedStake', AM],
  operatorSet: ['Operator set', 'A group an AVS creates: its strategies, its operators, its slasher.', 'AllocationManager operator set (avs, id)', AM],
  setStrategies: ['Strategies', 'The strategies whose stake this operator set can slash.', 'AllocationManager.getStrategiesInOperatorSet', AM],
  setOperators: ['Members', 'Operators registered in the set now.', 'AllocationManager.getMembers', AM],
  slashCount: ['Slash count', 'How many slashes this operator set has made.', 'AllocationManager._slashIds', AM],
  vetoWindowBlocks: ['Veto window', "Blocks the AVS's committee has to veto a slash request; 0 means slashes are instant.", 'VetoableSlasher.vetoWindowBlocks (middleware)', AVS],
  vetoCommittee: ['Veto committee', 'Who may veto slash requests during the window.', 'VetoableSlasher.vetoCommittee (middleware)', AVS],
  slashRequests: ['Slash requests', 'Slashes waiting out the veto window, vetoed, or executed.', 'VetoableSlasher.slashingRequests (middleware)', AVS],
  slashRequest: ['Slash request', 'One slash waiting out the veto window, vetoed, or executed.', 'VetoableSlasher.slashingRequests (middleware)', AVS],
  slashRequestOperator: ['Operator', 'The operator the request would slash.', 'VetoableSlasher slashing request params.operator', AVS],
  slashRequestSet: ['Operator set', 'The operator set that would slash.', 'VetoableSlasher slashing request params.operatorSetId', AVS],
  requestBlock: ['Request block', 'The block the slash was requested in.', 'VetoableSlasher slashing request requestBlock', AVS],
  vetoableUntilBlock: ['Vetoable until block', 'The last block a veto can land in; execution is possible after it.', 'requestBlock + vetoWindowBlocks − 1', AVS],
  slashRequestStatus: ['Status', 'Pending, vetoed or executed.', 'VetoableSlasher slashing request status', AVS],
  totalShares: ['Strategy shares', "All shares of the strategy: claims on its token balance (they shrink when slashed tokens leave).", 'StrategyBase.totalShares', 'MiniStrategy'],
  underlyingBalance: ['Underlying balance', 'Tokens the strategy holds for all its shares.', 'StrategyBase: underlyingToken.balanceOf(strategy)', 'MiniStrategy'],
  totalPooledEther: ['Total pooled ether', 'All ETH behind the liquid staking token; rewards raise it, losses lower it.', 'Lido StETH.getTotalPooledEther', 'MiniLST'],
  lstTotalShares: ['LST shares', 'All shares of the liquid staking token; a balance is shares × pooled ether ÷ total shares.', 'Lido StETH.getTotalShares', 'MiniLST'],
  vault: ['Vault', 'A liquid restaking vault: one EigenLayer staker whose tokens trade at NAV.', 'Renzo RestakeManager / ezETH', LRT],
  vaultOperator: ['Operator', 'The operator the vault is delegated to.', 'OperatorDelegator → DelegationManager.delegatedTo (Renzo)', LRT],
  supply: ['Vault token supply', 'Vault tokens in circulation.', 'ezETH.totalSupply (Renzo)', LRT],
  totalValue: ['Total value (NAV)', 'Idle plus restaked plus queued value in stETH, minus what redeemers are owed; slashes lower it.', 'Renzo RestakeManager.calculateTVLs', LRT],
  rate: ['Rate (NAV per token)', 'Value of one vault token in ETH: total value × stETH price ÷ supply.', 'Kelp LRTOracle.rsETHPrice', LRT],
  redemption: ['Redemption request', 'Vault tokens burned and waiting for the EigenLayer withdrawal behind them.', 'Renzo WithdrawQueue.withdrawRequests', LRT],
  redemptionOwner: ['Owner', 'Who made the redemption request and can claim it.', 'Renzo WithdrawQueue.withdrawRequests (by user)', LRT],
  valueAtRequest: ['Value at request', 'The value of the burned tokens when requested; the claim pays at most this.', 'Renzo WithdrawRequest.amountToRedeem', LRT],
  redemptionCompletableAfterBlock: ['Claimable after block', "The block after which the vault's EigenLayer withdrawal, and so the claim, can complete.", 'Renzo WithdrawQueue.coolDownPeriod (EigenLayer delay behind it)', LRT],
  claimed: ['Claimed', 'The redemption was paid out.', 'WithdrawQueue.claim (Renzo)', LRT],
  validator: ['Validator', 'A 32 ETH beacon-chain validator of a pod owner.', 'BeaconState.validators[i]', BEACON],
  validatorOwner: ['Owner', 'The pod owner whose pod the validator withdraws to.', 'withdrawal credentials → EigenPod.podOwner', BEACON],
  balanceGwei: ['Balance', "The validator's current beacon-chain balance (counted in gwei, shown in ETH).", 'BeaconState.balances[i]', BEACON],
  effectiveBalanceGwei: ['Effective balance', 'The rounded balance the beacon chain counts for rewards and penalties (in gwei, shown in ETH).', 'Validator.effective_balance', BEACON],
  slashed: ['Slashed', 'The beacon chain slashed the validator.', 'Validator.slashed', BEACON],
  exited: ['Exited', 'The validator left the beacon chain and its ETH went to the pod.', 'Validator.exit_epoch', BEACON],
  burned: ['Burned', 'Tokens sent to the burn address after a slash was cleared.', 'StrategyManager.clearBurnOrRedistributableShares → DEFAULT_BURN_ADDRESS', 'MiniStrategyManager'],
  lockedSlashedNativeShares: ['Locked slashed native ETH', 'AVS-slashed native ETH: locked in the pods, not burned.', 'EigenPodManager.burnableETHShares', 'MiniEigenPodManager'],
};

export const GLOSSARY: Record<string, GlossaryEntry> = Object.fromEntries(
  Object.entries(ROWS).map(([term, [label, explanation, contract, source]]) => [
    term,
    { term, label, explanation, contract, source },
  ]),
);

// Every world@1 path (formats.md) → its term, plus the containers an inspector shows a heading for.
const PATHS: [string, string][] = [
  ['format', 'format'],
  ['block', 'block'],
  ['timestamp', 'timestamp'],
  ['accounts.*.address', 'address'],
  ['accounts.*.role', 'role'],
  ['accounts.*.eth', 'eth'],
  ['accounts.*.stETH', 'stETH'],
  ['accounts.*.stETHShares', 'stETHShares'],
  ['accounts.*.wstETH', 'wstETH'],
  ['accounts.*.vaultTokens.*', 'vaultTokens'],
  ['accounts.*.rewardsEarned', 'rewardsEarned'],
  ['accounts.*.rewardsClaimable', 'rewardsClaimable'],
  ['stakers.*.delegatedTo', 'delegatedTo'],
  ['stakers.*.strategies.*.depositShares', 'depositShares'],
  ['stakers.*.strategies.*.withdrawableShares', 'withdrawableShares'],
  ['stakers.*.strategies.*.depositScalingFactor', 'depositScalingFactor'],
  ['stakers.*.beaconChainSlashingFactor', 'beaconChainSlashingFactor'],
  ['stakers.*.pod', 'pod'],
  ['stakers.*.pod.address', 'podAddress'],
  ['stakers.*.pod.activeValidators', 'activeValidators'],
  ['stakers.*.pod.restakedGwei', 'restakedGwei'],
  ['stakers.*.pod.checkpointActive', 'checkpointActive'],
  ['stakers.*.withdrawals.*', 'withdrawal'],
  ['stakers.*.withdrawals.*.strategy', 'withdrawalStrategy'],
  ['stakers.*.withdrawals.*.scaledShares', 'scaledShares'],
  ['stakers.*.withdrawals.*.startBlock', 'startBlock'],
  ['stakers.*.withdrawals.*.completableAfterBlock', 'completableAfterBlock'],
  ['stakers.*.withdrawals.*.completed', 'completed'],
  ['operators.*.allocationDelay', 'allocationDelay'],
  ['operators.*.shares.*', 'operatorShares'],
  ['operators.*.maxMagnitude.*', 'maxMagnitude'],
  ['operators.*.encumberedMagnitude.*', 'encumberedMagnitude'],
  ['operators.*.allocations.*.*', 'allocation'],
  ['operators.*.allocations.*.*.currentMagnitude', 'currentMagnitude'],
  ['operators.*.allocations.*.*.pendingDiff', 'pendingDiff'],
  ['operators.*.allocations.*.*.effectBlock', 'effectBlock'],
  ['operators.*.allocations.*.*.allocatedStake', 'allocatedStake'],
  ['avs.*.sets.*', 'operatorSet'],
  ['avs.*.sets.*.strategies', 'setStrategies'],
  ['avs.*.sets.*.operators', 'setOperators'],
  ['avs.*.sets.*.slashCount', 'slashCount'],
  ['avs.*.vetoWindowBlocks', 'vetoWindowBlocks'],
  ['avs.*.vetoCommittee', 'vetoCommittee'],
  ['avs.*.slashRequests', 'slashRequests'],
  ['avs.*.slashRequests.*', 'slashRequest'],
  ['avs.*.slashRequests.*.operator', 'slashRequestOperator'],
  ['avs.*.slashRequests.*.set', 'slashRequestSet'],
  ['avs.*.slashRequests.*.requestBlock', 'requestBlock'],
  ['avs.*.slashRequests.*.vetoableUntilBlock', 'vetoableUntilBlock'],
  ['avs.*.slashRequests.*.status', 'slashRequestStatus'],
  ['strategies.*.totalShares', 'totalShares'],
  ['strategies.*.underlyingBalance', 'underlyingBalance'],
  ['lst.totalPooledEther', 'totalPooledEther'],
  ['lst.totalShares', 'lstTotalShares'],
  ['vaults.*', 'vault'],
  ['vaults.*.operator', 'vaultOperator'],
  ['vaults.*.supply', 'supply'],
  ['vaults.*.totalValue', 'totalValue'],
  ['vaults.*.rate', 'rate'],
  ['vaults.*.stETHPrice', 'stETHPrice'],
  ['vaults.*.requests.*', 'redemption'],
  ['vaults.*.requests.*.owner', 'redemptionOwner'],
  ['vaults.*.requests.*.valueAtRequest', 'valueAtRequest'],
  ['vaults.*.requests.*.completableAfterBlock', 'redemptionCompletableAfterBlock'],
  ['vaults.*.requests.*.claimed', 'claimed'],
  ['validators.*', 'validator'],
  ['validators.*.owner', 'validatorOwner'],
  ['validators.*.balanceGwei', 'balanceGwei'],
  ['validators.*.effectiveBalanceGwei', 'effectiveBalanceGwei'],
  ['validators.*.slashed', 'slashed'],
  ['validators.*.exited', 'exited'],
  ['burned.*', 'burned'],
  ['lockedSlashedNativeShares', 'lockedSlashedNativeShares'],
];
const PATTERNS = PATHS.map(([p, term]) => ({ segments: p.split('.'), term }));

/** The term of a world@1 path, or undefined when world@1 has no such path. */
export function termOfPath(path: string): string | undefined {
  const segments = path.split('.');
  return PATTERNS.find(
    (p) =>
      p.segments.length === segments.length && p.segments.every((s, i) => s === '*' || s === segments[i]),
  )?.term;
}

/**
 * The entry for a term (`maxMagnitude`) or a world@1 path (`operators.op1.maxMagnitude.stETH`); undefined when
 * the glossary has none. A bare field name that means two things picks its main meaning (`totalShares` is the
 * strategy's; the LST's is `lstTotalShares`, or the path `lst.totalShares`).
 */
export function glossaryFor(termOrPath: string): GlossaryEntry | undefined {
  const term = termOrPath.includes('.') ? termOfPath(termOrPath) : termOrPath;
  return term !== undefined && Object.hasOwn(GLOSSARY, term) ? GLOSSARY[term] : undefined;
}
