// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IStrategy} from "./IStrategy.sol";
import {OperatorSet, Withdrawal, QueuedWithdrawalParams} from "./Types.sol";

/// Mirrors EigenLayer's IDelegationManager: operators, delegation, operator shares, deposit scaling
/// factors, and slashable queued withdrawals. No delegation approvers or signatures.
interface IDelegationManager {
    event OperatorRegistered(address indexed operator, address delegationApprover);
    event OperatorMetadataURIUpdated(address indexed operator, string metadataURI);
    event StakerDelegated(address indexed staker, address indexed operator);
    event StakerUndelegated(address indexed staker, address indexed operator);
    event StakerForceUndelegated(address indexed staker, address indexed operator);
    event OperatorSharesIncreased(address indexed operator, address staker, IStrategy strategy, uint256 shares);
    event OperatorSharesDecreased(address indexed operator, address staker, IStrategy strategy, uint256 shares);
    event OperatorSharesSlashed(address indexed operator, IStrategy strategy, uint256 totalSlashedShares);
    event DepositScalingFactorUpdated(address staker, IStrategy strategy, uint256 newDepositScalingFactor);
    event SlashingWithdrawalQueued(bytes32 withdrawalRoot, Withdrawal withdrawal, uint256[] sharesToWithdraw);
    event SlashingWithdrawalCompleted(bytes32 withdrawalRoot);

    error AlreadyInitialized();
    error OnlyDeployer();
    error OnlyStrategyManagerOrEigenPodManager();
    error OnlyEigenPodManager();
    error OnlyAllocationManager();
    error ActivelyDelegated();
    error NotActivelyDelegated();
    error OperatorNotRegistered();
    error OperatorsCannotUndelegate();
    error CallerCannotUndelegate();
    /// The caller may not act for this operator (EigenLayer's PermissionController reports it with this name).
    error InvalidPermissions();
    error WithdrawalNotQueued();
    error WithdrawalDelayNotElapsed();
    error WithdrawerNotCaller();
    error FullySlashed();
    error InputArrayLengthMismatch();
    error InputArrayLengthZero();
    error WithdrawalExceedsMax();
    error StrategyNotFoundInList();

    // ---- operators and delegation ----

    /// The caller becomes an operator, self-delegated forever; sets its allocation delay in the AllocationManager.
    function registerAsOperator(uint32 allocationDelay, string calldata metadataURI) external;
    function updateOperatorMetadataURI(address operator, string calldata metadataURI) external;
    /// Delegates all of the caller's shares to `operator` (no approver signature in the miniature).
    function delegateTo(address operator) external;
    /// Called by the staker or its operator. Queues one withdrawal per strategy of all deposit shares.
    function undelegate(address staker) external returns (bytes32[] memory withdrawalRoots);
    /// undelegate(msg.sender) followed by delegateTo(newOperator).
    function redelegate(address newOperator) external returns (bytes32[] memory withdrawalRoots);

    // ---- withdrawals ----

    function queueWithdrawals(QueuedWithdrawalParams[] calldata params) external returns (bytes32[] memory);
    /// After block > startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS. Tokens are each strategy's underlying token
    /// (ETH for the beacon-chain strategy), so the miniature needs no `tokens` argument.
    function completeQueuedWithdrawal(Withdrawal calldata withdrawal, bool receiveAsTokens) external;
    function completeQueuedWithdrawals(Withdrawal[] calldata withdrawals, bool[] calldata receiveAsTokens) external;

    // ---- hooks (share managers, allocation manager) ----

    function increaseDelegatedShares(address staker, IStrategy strategy, uint256 prevDepositShares, uint256 addedShares)
        external;
    function decreaseDelegatedShares(address staker, uint256 curDepositShares, uint64 beaconChainSlashingFactorDecrease)
        external;
    /// Returns the total shares (operator's + still-slashable queued) handed to the share manager to burn.
    function slashOperatorShares(
        address operator,
        OperatorSet calldata operatorSet,
        uint256 slashId,
        IStrategy strategy,
        uint64 prevMaxMagnitude,
        uint64 newMaxMagnitude
    ) external returns (uint256 totalDepositSharesToBurn);

    // ---- views ----

    function MIN_WITHDRAWAL_DELAY_BLOCKS() external view returns (uint32);
    function minWithdrawalDelayBlocks() external view returns (uint32);
    function delegatedTo(address staker) external view returns (address);
    function isDelegated(address staker) external view returns (bool);
    function isOperator(address operator) external view returns (bool);
    function operatorShares(address operator, IStrategy strategy) external view returns (uint256);
    function getOperatorShares(address operator, IStrategy[] calldata strategies)
        external
        view
        returns (uint256[] memory);
    function getOperatorsShares(address[] calldata operators, IStrategy[] calldata strategies)
        external
        view
        returns (uint256[][] memory);
    /// Stored DSF (k); returns 1e18 when unset.
    function depositScalingFactor(address staker, IStrategy strategy) external view returns (uint256);
    /// a = s·k·sf for each strategy, with the deposit shares s.
    function getWithdrawableShares(address staker, IStrategy[] calldata strategies)
        external
        view
        returns (uint256[] memory withdrawableShares, uint256[] memory depositShares);
    /// Every strategy the staker has deposit shares in (LSTs, plus native ETH if > 0).
    function getDepositedShares(address staker) external view returns (IStrategy[] memory, uint256[] memory);
    function convertToDepositShares(address staker, IStrategy[] calldata strategies, uint256[] calldata withdrawableShares)
        external
        view
        returns (uint256[] memory);
    function getSlashableSharesInQueue(address operator, IStrategy strategy) external view returns (uint256);
    /// The withdrawal and, per strategy, the shares it would pay now (slashing applied: within the delay the
    /// current slashing factor, afterwards the max magnitude frozen at startBlock + delay, times the current BCSF).
    function getQueuedWithdrawal(bytes32 withdrawalRoot)
        external
        view
        returns (Withdrawal memory withdrawal, uint256[] memory shares);
    function getQueuedWithdrawals(address staker)
        external
        view
        returns (Withdrawal[] memory withdrawals, uint256[][] memory shares);
    function getQueuedWithdrawalRoots(address staker) external view returns (bytes32[] memory);
    function pendingWithdrawals(bytes32 withdrawalRoot) external view returns (bool);
    function cumulativeWithdrawalsQueued(address staker) external view returns (uint256);
    function calculateWithdrawalRoot(Withdrawal calldata withdrawal) external pure returns (bytes32);
    /// Sandbox addition (the real system derives this off-chain from events): stakers currently delegated.
    function getDelegatedStakers(address operator) external view returns (address[] memory);
}
