// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IStrategy} from "../interfaces/IStrategy.sol";
import {IAllocationManager} from "../interfaces/IAllocationManager.sol";
import {IDelegationManager} from "../interfaces/IDelegationManager.sol";
import {OperatorSet, Allocation} from "../interfaces/Types.sol";

/// @title MiniRewardsCoordinator: SIMPLIFIED rewards, computed on-chain.
/// @notice Mirrors EigenLayer's RewardsCoordinator (src/contracts/core/RewardsCoordinator.sol), v2.2's
/// unique-stake-weighted operator-set submissions, with the REAL CALCULATION REPLACED: EigenLayer computes
/// payouts OFF-CHAIN (the Sidecar, from daily snapshots over the submission's time range), a trusted updater
/// posts a Merkle root of cumulative earnings, and earners claim with Merkle proofs. Here the split is done
/// on-chain, once, at the block of the submission. What keeps the real shape:
/// - the payout is in proportion to each operator's ALLOCATED (unique, slashable) stake to the set, summed over
///   the set's strategies: `⌊amount·stake_i/Σstake⌋`; undistributable dust goes back to the AVS;
/// - the operator takes its split first (`operatorSplitBips`, default 1000 = 10%; per operator set, changes
///   take effect after the activation delay, as in `setOperatorSetSplit`), and the remainder goes to the
///   stakers delegated to it at that block, in proportion to their allocated stake: Σ over strategies of
///   `⌊withdrawableShares·⌊current·1e18/max⌋/1e18⌋` (the operator counts as a staker for its own deposits);
///   the rounding remainder of the stakers' part goes to the operator, so every wei of an operator's reward is
///   credited;
/// - earnings are CUMULATIVE per earner and only become claimable `activationDelay` blocks later (the real
///   root's `activatedAt`, 7 days on mainnet); `claim()` pays `cumulativeEarnings − cumulativeClaimed`.
/// Rewards are paid in ETH (sent with the submission) instead of ERC20 tokens, so that no token rounding
/// (stETH's 1-2 wei) blurs the split.
/// Left out: Merkle roots and proofs, the rewards updater, time ranges and CALCULATION_INTERVAL_SECONDS,
/// v1/v2 submission types, claimers, per-AVS and programmatic-incentive splits, pausing.
contract MiniRewardsCoordinator {
    uint16 public constant MAX_BIPS = 10_000;
    uint256 private constant WAD = 1e18;

    struct EarningsSnapshot {
        uint32 activatedAt;
        uint256 cumulativeEarnings;
    }

    struct OperatorSplit {
        uint16 oldSplitBips;
        uint16 newSplitBips;
        uint32 activatedAt;
        bool isSet;
    }

    IAllocationManager public immutable allocationManager;
    IDelegationManager public immutable delegationManager;
    /// Blocks from a submission until its earnings can be claimed (and from a split change until it applies).
    uint32 public immutable activationDelay;
    uint16 public immutable defaultOperatorSplitBips;

    uint256 public submissionCount;
    mapping(address earner => uint256) public cumulativeClaimed;
    mapping(address earner => EarningsSnapshot[]) private earnings;
    mapping(address operator => mapping(bytes32 setKey => OperatorSplit)) private splits;

    event UniqueStakeRewardsSubmissionCreated(
        address indexed avs, uint256 indexed submissionId, OperatorSet operatorSet, uint256 amount, uint32 activatedAt
    );
    /// One per earner credited by a submission; `asOperator` is the split (commission) part.
    event EarningsCredited(
        uint256 indexed submissionId, address indexed operator, address indexed earner, uint256 amount, bool asOperator
    );
    event OperatorSetSplitBipsSet(
        address indexed operator, OperatorSet operatorSet, uint32 activatedAt, uint16 oldSplitBips, uint16 newSplitBips
    );
    event RewardsClaimed(address indexed earner, address recipient, uint256 claimedAmount, uint256 cumulativeClaimed);

    error InvalidCaller();
    error InvalidOperatorSet();
    error AmountIsZero();
    error NoStakeToReward();
    error SplitExceedsMax();
    error PreviousSplitPending();
    error NothingToClaim();
    error EthTransferFailed();

    constructor(
        IAllocationManager allocationManager_,
        IDelegationManager delegationManager_,
        uint32 activationDelay_,
        uint16 defaultOperatorSplitBips_
    ) {
        if (defaultOperatorSplitBips_ > MAX_BIPS) revert SplitExceedsMax();
        allocationManager = allocationManager_;
        delegationManager = delegationManager_;
        activationDelay = activationDelay_;
        defaultOperatorSplitBips = defaultOperatorSplitBips_;
    }

    // ---------------------------------------------------------------- submissions

    /// Called by the AVS that owns `operatorSet`, with the reward in ETH. Credits every earner now; the earnings
    /// become claimable at `block.number + activationDelay`. Returns the submission id.
    function createUniqueStakeRewardsSubmission(OperatorSet calldata operatorSet)
        external
        payable
        returns (uint256 submissionId)
    {
        if (msg.sender != operatorSet.avs) revert InvalidCaller();
        if (!allocationManager.isOperatorSet(operatorSet)) revert InvalidOperatorSet();
        if (msg.value == 0) revert AmountIsZero();
        submissionId = submissionCount++;
        uint32 activatedAt = uint32(block.number) + activationDelay;

        IStrategy[] memory strategies = allocationManager.getStrategiesInOperatorSet(operatorSet);
        address[] memory operators = allocationManager.getMembers(operatorSet);
        uint256[][] memory stakes = allocationManager.getAllocatedStake(operatorSet, operators, strategies);
        uint256[] memory operatorStake = new uint256[](operators.length);
        uint256 totalStake;
        for (uint256 i = 0; i < operators.length; i++) {
            for (uint256 j = 0; j < strategies.length; j++) {
                operatorStake[i] += stakes[i][j];
            }
            totalStake += operatorStake[i];
        }
        if (totalStake == 0) revert NoStakeToReward();

        uint256 distributed;
        for (uint256 i = 0; i < operators.length; i++) {
            uint256 reward = (msg.value * operatorStake[i]) / totalStake;
            if (reward == 0) continue;
            distributed += reward;
            _distributeToOperator(submissionId, operatorSet, operators[i], strategies, reward, activatedAt);
        }
        emit UniqueStakeRewardsSubmissionCreated(msg.sender, submissionId, operatorSet, distributed, activatedAt);
        uint256 dust = msg.value - distributed;
        if (dust > 0) {
            (bool sent,) = msg.sender.call{value: dust}("");
            if (!sent) revert EthTransferFailed();
        }
    }

    function _distributeToOperator(
        uint256 submissionId,
        OperatorSet calldata operatorSet,
        address operator,
        IStrategy[] memory strategies,
        uint256 reward,
        uint32 activatedAt
    ) private {
        uint256 stakersPart = reward - (reward * operatorSplitBips(operator, operatorSet)) / MAX_BIPS;
        (address[] memory stakers, uint256[] memory weight, uint256 totalWeight) =
            _stakerWeights(operator, operatorSet, strategies);
        uint256 paidToStakers;
        for (uint256 k = 0; k < stakers.length && totalWeight > 0; k++) {
            uint256 share = (stakersPart * weight[k]) / totalWeight;
            if (share == 0) continue;
            paidToStakers += share;
            _credit(stakers[k], share, activatedAt);
            emit EarningsCredited(submissionId, operator, stakers[k], share, false);
        }
        // The commission plus whatever the stakers' floor division left over (all of it if no staker has weight).
        uint256 toOperator = reward - paidToStakers;
        if (toOperator > 0) {
            _credit(operator, toOperator, activatedAt);
            emit EarningsCredited(submissionId, operator, operator, toOperator, true);
        }
    }

    /// Each delegated staker's allocated stake to the set: Σ_j ⌊withdrawable_j·fraction_j/1e18⌋, where
    /// fraction_j = ⌊current_j·1e18/max_j⌋ is the share of the operator's strategy-j stake allocated to the set.
    function _stakerWeights(address operator, OperatorSet calldata operatorSet, IStrategy[] memory strategies)
        private
        view
        returns (address[] memory stakers, uint256[] memory weight, uint256 totalWeight)
    {
        uint256[] memory fraction = new uint256[](strategies.length);
        for (uint256 j = 0; j < strategies.length; j++) {
            uint64 maxMagnitude = allocationManager.getMaxMagnitude(operator, strategies[j]);
            if (maxMagnitude == 0) continue;
            Allocation memory a = allocationManager.getAllocation(operator, operatorSet, strategies[j]);
            fraction[j] = (uint256(a.currentMagnitude) * WAD) / maxMagnitude;
        }
        stakers = _stakersOf(operator);
        weight = new uint256[](stakers.length);
        for (uint256 k = 0; k < stakers.length; k++) {
            (uint256[] memory withdrawable,) = delegationManager.getWithdrawableShares(stakers[k], strategies);
            for (uint256 j = 0; j < strategies.length; j++) {
                weight[k] += (withdrawable[j] * fraction[j]) / WAD;
            }
            totalWeight += weight[k];
        }
    }

    /// The operator's delegated stakers, plus the operator itself (it is self-delegated) if not listed.
    function _stakersOf(address operator) private view returns (address[] memory) {
        address[] memory listed = delegationManager.getDelegatedStakers(operator);
        for (uint256 k = 0; k < listed.length; k++) {
            if (listed[k] == operator) return listed;
        }
        address[] memory all = new address[](listed.length + 1);
        for (uint256 k = 0; k < listed.length; k++) {
            all[k] = listed[k];
        }
        all[listed.length] = operator;
        return all;
    }

    function _credit(address earner, uint256 amount, uint32 activatedAt) private {
        EarningsSnapshot[] storage history = earnings[earner];
        uint256 n = history.length;
        uint256 previous = n == 0 ? 0 : history[n - 1].cumulativeEarnings;
        if (n > 0 && history[n - 1].activatedAt == activatedAt) {
            history[n - 1].cumulativeEarnings = previous + amount;
        } else {
            history.push(EarningsSnapshot({activatedAt: activatedAt, cumulativeEarnings: previous + amount}));
        }
    }

    // ---------------------------------------------------------------- operator split

    /// The operator's split for `operatorSet` now: the set's split once set and active, else the default.
    function operatorSplitBips(address operator, OperatorSet calldata operatorSet) public view returns (uint16) {
        OperatorSplit memory s = splits[operator][_key(operatorSet)];
        if (!s.isSet) return defaultOperatorSplitBips;
        return block.number >= s.activatedAt ? s.newSplitBips : s.oldSplitBips;
    }

    /// Called by the operator. The new split applies `activationDelay` blocks from now; another change waits
    /// until the block after that.
    function setOperatorSetSplit(address operator, OperatorSet calldata operatorSet, uint16 split) external {
        if (msg.sender != operator) revert InvalidCaller();
        if (split > MAX_BIPS) revert SplitExceedsMax();
        bytes32 key = _key(operatorSet);
        OperatorSplit memory s = splits[operator][key];
        // As in the real contract, a new change waits until strictly after the pending one activates.
        if (s.isSet && block.number <= s.activatedAt) revert PreviousSplitPending();
        uint16 current = operatorSplitBips(operator, operatorSet);
        uint32 activatedAt = uint32(block.number) + activationDelay;
        splits[operator][key] =
            OperatorSplit({oldSplitBips: current, newSplitBips: split, activatedAt: activatedAt, isSet: true});
        emit OperatorSetSplitBipsSet(operator, operatorSet, activatedAt, current, split);
    }

    // ---------------------------------------------------------------- claims

    /// Pays the caller its activated cumulative earnings minus what it already claimed.
    function claim() external returns (uint256 amount) {
        amount = claimable(msg.sender);
        if (amount == 0) revert NothingToClaim();
        uint256 total = cumulativeClaimed[msg.sender] + amount;
        cumulativeClaimed[msg.sender] = total;
        (bool sent,) = msg.sender.call{value: amount}("");
        if (!sent) revert EthTransferFailed();
        emit RewardsClaimed(msg.sender, msg.sender, amount, total);
    }

    /// Cumulative earnings whose activation block has been reached.
    function activeCumulativeEarnings(address earner) public view returns (uint256) {
        EarningsSnapshot[] storage history = earnings[earner];
        for (uint256 i = history.length; i > 0; i--) {
            if (history[i - 1].activatedAt <= block.number) return history[i - 1].cumulativeEarnings;
        }
        return 0;
    }

    /// Every credited earning, active or not.
    function cumulativeEarnings(address earner) public view returns (uint256) {
        uint256 n = earnings[earner].length;
        return n == 0 ? 0 : earnings[earner][n - 1].cumulativeEarnings;
    }

    function claimable(address earner) public view returns (uint256) {
        return activeCumulativeEarnings(earner) - cumulativeClaimed[earner];
    }

    /// Credited but not yet activated.
    function pendingEarnings(address earner) external view returns (uint256) {
        return cumulativeEarnings(earner) - activeCumulativeEarnings(earner);
    }

    function _key(OperatorSet calldata operatorSet) private pure returns (bytes32) {
        return bytes32(abi.encodePacked(operatorSet.avs, uint96(operatorSet.id)));
    }
}
