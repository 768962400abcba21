// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IStrategy} from "./IStrategy.sol";
import {OperatorSet} from "./Types.sol";

/// Mirrors EigenLayer's IShareManager: the hooks the DelegationManager calls on the StrategyManager (LSTs)
/// and on the EigenPodManager (native ETH, strategy = BEACONCHAIN_ETH_STRAT).
interface IShareManager {
    /// Removes deposit shares when a withdrawal is queued. Returns the staker's remaining deposit shares.
    function removeDepositShares(address staker, IStrategy strategy, uint256 depositSharesToRemove)
        external
        returns (uint256);

    /// Re-adds shares when a withdrawal completes "as shares". Returns (previous deposit shares, added).
    function addShares(address staker, IStrategy strategy, uint256 shares) external returns (uint256, uint256);

    /// Pays out `shares` (withdrawable, already slashed) as tokens (or ETH from the pod) to `staker`.
    function withdrawSharesAsTokens(address staker, IStrategy strategy, IERC20 token, uint256 shares) external;

    /// The pod manager reports 0 while its signed deposit shares are negative.
    function stakerDepositShares(address user, IStrategy strategy) external view returns (uint256 depositShares);

    /// Records slashed shares for (operatorSet, slashId) so they can later be burned or redistributed.
    function increaseBurnOrRedistributableShares(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        IStrategy strategy,
        uint256 addedSharesToBurn
    ) external;
}
