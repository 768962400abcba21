// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IStrategy} from "./IStrategy.sol";
import {IShareManager} from "./IShareManager.sol";
import {OperatorSet} from "./Types.sol";

/// Mirrors EigenLayer's IStrategyManager (LST deposits, deposit shares, burn-or-redistribute of slashed shares).
interface IStrategyManager is IShareManager {
    event Deposit(address staker, IStrategy strategy, uint256 shares);
    event StrategyAddedToDepositWhitelist(IStrategy strategy);
    event StrategyRemovedFromDepositWhitelist(IStrategy strategy);
    event BurnOrRedistributableSharesIncreased(
        OperatorSet operatorSet, uint256 slashId, IStrategy strategy, uint256 shares
    );
    event BurnOrRedistributableSharesDecreased(
        OperatorSet operatorSet, uint256 slashId, IStrategy strategy, uint256 shares
    );

    error OnlyDelegationManager();
    error OnlyOwner();
    error AlreadyInitialized();
    error StrategyNotWhitelisted();
    error StrategyNotFound();
    error SharesAmountZero();
    error SharesAmountTooHigh();
    error MaxStrategiesExceeded();
    error StakerAddressZero();

    /// Transfers `amount` of `token` from the caller into `strategy` and credits deposit shares.
    function depositIntoStrategy(IStrategy strategy, IERC20 token, uint256 amount)
        external
        returns (uint256 depositShares);

    function addStrategiesToDepositWhitelist(IStrategy[] calldata strategies) external;

    /// Permissionless: withdraws every strategy's slashed shares of (operatorSet, slashId) as tokens and sends
    /// them to the burn address or the set's redistribution recipient. Returns the token amounts per strategy.
    function clearBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        returns (uint256[] memory);

    function clearBurnOrRedistributableSharesByStrategy(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        IStrategy strategy
    ) external returns (uint256);

    function DEFAULT_BURN_ADDRESS() external view returns (address);
    function strategyIsWhitelistedForDeposit(IStrategy strategy) external view returns (bool);
    function getDeposits(address staker) external view returns (IStrategy[] memory, uint256[] memory);
    function getStakerStrategyList(address staker) external view returns (IStrategy[] memory);
    function stakerStrategyListLength(address staker) external view returns (uint256);
    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        view
        returns (IStrategy[] memory, uint256[] memory);
    /// The real contract overloads getBurnOrRedistributableShares; one name per signature keeps ABI decoding simple.
    function getBurnOrRedistributableSharesByStrategy(OperatorSet calldata operatorSet, uint256 slashId, IStrategy strategy)
        external
        view
        returns (uint256);
    /// Slash ids of the set that still hold uncleared shares.
    function getPendingSlashIds(OperatorSet calldata operatorSet) external view returns (uint256[] memory);
}
