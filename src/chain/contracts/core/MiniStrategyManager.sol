// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EnumerableMap} from "@openzeppelin/contracts/utils/structs/EnumerableMap.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {IStrategy} from "../interfaces/IStrategy.sol";
import {IStrategyManager} from "../interfaces/IStrategyManager.sol";
import {IDelegationManager} from "../interfaces/IDelegationManager.sol";
import {IAllocationManager} from "../interfaces/IAllocationManager.sol";
import {OperatorSet} from "../interfaces/Types.sol";
import {OperatorSetLib} from "./OperatorSetLib.sol";

/// Mirrors EigenLayer's StrategyManager (src/contracts/core/StrategyManager.sol): LST deposits into
/// whitelisted strategies, per-staker deposit shares (never reduced by slashing), the DelegationManager's
/// share hooks, and the slashed "burn or redistributable" shares per (operator set, slashId, strategy) that
/// anyone can clear to the burn address or the set's redistribution recipient.
/// Left out: proxy, pausing, ownership transfer, deposit-by-signature, third-party transfers. Clearing is
/// allowed right after the slash, as in the released contracts (v1.5 to v1.12); the 7-day slash resolution
/// delay exists only on a v1.13 release branch, not in a release.
/// Wiring: deployed first with no dependencies; the deployer calls initialize(delegation, allocationManager)
/// once (the real contracts take these as constructor immutables behind proxies).
contract MiniStrategyManager is IStrategyManager {
    using SafeERC20 for IERC20;
    using EnumerableMap for EnumerableMap.AddressToUintMap;
    using EnumerableSet for EnumerableSet.UintSet;
    using OperatorSetLib for OperatorSet;

    uint8 internal constant MAX_STAKER_STRATEGY_LIST_LENGTH = 32;
    address public constant DEFAULT_BURN_ADDRESS = 0x00000000000000000000000000000000000E16E4;

    address public immutable owner;
    IDelegationManager public delegation;
    IAllocationManager public allocationManager;

    mapping(address staker => mapping(IStrategy strategy => uint256)) public stakerDepositShares;
    mapping(address staker => IStrategy[]) internal stakerStrategyList;
    mapping(IStrategy strategy => bool) public strategyIsWhitelistedForDeposit;
    mapping(bytes32 setKey => mapping(uint256 slashId => EnumerableMap.AddressToUintMap)) internal
        _burnOrRedistributableShares;
    mapping(bytes32 setKey => EnumerableSet.UintSet) internal _pendingSlashIds;

    modifier onlyDelegationManager() {
        if (msg.sender != address(delegation)) revert OnlyDelegationManager();
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function initialize(IDelegationManager _delegation, IAllocationManager _allocationManager) external {
        if (msg.sender != owner) revert OnlyOwner();
        if (address(delegation) != address(0)) revert AlreadyInitialized();
        delegation = _delegation;
        allocationManager = _allocationManager;
    }

    // ---- staker ----

    function depositIntoStrategy(IStrategy strategy, IERC20 token, uint256 amount)
        external
        returns (uint256 depositShares)
    {
        if (!strategyIsWhitelistedForDeposit[strategy]) revert StrategyNotWhitelisted();
        // Tokens go straight to the strategy, which then prices the deposit against its pre-deposit balance.
        token.safeTransferFrom(msg.sender, address(strategy), amount);
        depositShares = strategy.deposit(token, amount);
        (uint256 prevDepositShares, uint256 addedShares) = _addShares(msg.sender, strategy, depositShares);
        delegation.increaseDelegatedShares(msg.sender, strategy, prevDepositShares, addedShares);
    }

    function addStrategiesToDepositWhitelist(IStrategy[] calldata strategies) external {
        if (msg.sender != owner) revert OnlyOwner();
        for (uint256 i = 0; i < strategies.length; ++i) {
            if (!strategyIsWhitelistedForDeposit[strategies[i]]) {
                strategyIsWhitelistedForDeposit[strategies[i]] = true;
                emit StrategyAddedToDepositWhitelist(strategies[i]);
            }
        }
    }

    // ---- DelegationManager hooks ----

    function removeDepositShares(address staker, IStrategy strategy, uint256 depositSharesToRemove)
        external
        onlyDelegationManager
        returns (uint256)
    {
        if (depositSharesToRemove == 0) revert SharesAmountZero();
        uint256 current = stakerDepositShares[staker][strategy];
        if (depositSharesToRemove > current) revert SharesAmountTooHigh();
        uint256 updated = current - depositSharesToRemove;
        stakerDepositShares[staker][strategy] = updated;
        if (updated == 0) _removeStrategyFromStakerStrategyList(staker, strategy);
        return updated;
    }

    function addShares(address staker, IStrategy strategy, uint256 shares)
        external
        onlyDelegationManager
        returns (uint256, uint256)
    {
        return _addShares(staker, strategy, shares);
    }

    function withdrawSharesAsTokens(address staker, IStrategy strategy, IERC20 token, uint256 shares)
        external
        onlyDelegationManager
    {
        strategy.withdraw(staker, token, shares);
    }

    function increaseBurnOrRedistributableShares(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        IStrategy strategy,
        uint256 addedSharesToBurn
    ) external onlyDelegationManager {
        bytes32 setKey = operatorSet.key();
        EnumerableMap.AddressToUintMap storage pending = _burnOrRedistributableShares[setKey][slashId];
        (, uint256 current) = pending.tryGet(address(strategy));
        pending.set(address(strategy), current + addedSharesToBurn);
        _pendingSlashIds[setKey].add(slashId);
        emit BurnOrRedistributableSharesIncreased(operatorSet, slashId, strategy, addedSharesToBurn);
    }

    // ---- burn or redistribute (permissionless) ----

    function clearBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        returns (uint256[] memory amounts)
    {
        EnumerableMap.AddressToUintMap storage pending = _burnOrRedistributableShares[operatorSet.key()][slashId];
        address[] memory strategies = pending.keys();
        amounts = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            amounts[i] = _clear(operatorSet, slashId, IStrategy(strategies[i]));
        }
    }

    function clearBurnOrRedistributableSharesByStrategy(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        IStrategy strategy
    ) external returns (uint256) {
        return _clear(operatorSet, slashId, strategy);
    }

    // ---- views ----

    function getDeposits(address staker) external view returns (IStrategy[] memory, uint256[] memory) {
        IStrategy[] memory strategies = stakerStrategyList[staker];
        uint256[] memory shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            shares[i] = stakerDepositShares[staker][strategies[i]];
        }
        return (strategies, shares);
    }

    function getStakerStrategyList(address staker) external view returns (IStrategy[] memory) {
        return stakerStrategyList[staker];
    }

    function stakerStrategyListLength(address staker) external view returns (uint256) {
        return stakerStrategyList[staker].length;
    }

    function getBurnOrRedistributableShares(OperatorSet calldata operatorSet, uint256 slashId)
        external
        view
        returns (IStrategy[] memory strategies, uint256[] memory shares)
    {
        EnumerableMap.AddressToUintMap storage pending = _burnOrRedistributableShares[operatorSet.key()][slashId];
        uint256 n = pending.length();
        strategies = new IStrategy[](n);
        shares = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            (address s, uint256 v) = pending.at(i);
            strategies[i] = IStrategy(s);
            shares[i] = v;
        }
    }

    function getBurnOrRedistributableSharesByStrategy(
        OperatorSet calldata operatorSet,
        uint256 slashId,
        IStrategy strategy
    )
        external
        view
        returns (uint256)
    {
        (, uint256 v) = _burnOrRedistributableShares[operatorSet.key()][slashId].tryGet(address(strategy));
        return v;
    }

    function getPendingSlashIds(OperatorSet calldata operatorSet) external view returns (uint256[] memory) {
        return _pendingSlashIds[operatorSet.key()].values();
    }

    // ---- internals ----

    function _addShares(address staker, IStrategy strategy, uint256 shares) internal returns (uint256, uint256) {
        if (staker == address(0)) revert StakerAddressZero();
        if (shares == 0) revert SharesAmountZero();
        uint256 prevDepositShares = stakerDepositShares[staker][strategy];
        if (prevDepositShares == 0) {
            if (stakerStrategyList[staker].length >= MAX_STAKER_STRATEGY_LIST_LENGTH) revert MaxStrategiesExceeded();
            stakerStrategyList[staker].push(strategy);
        }
        stakerDepositShares[staker][strategy] = prevDepositShares + shares;
        emit Deposit(staker, strategy, shares);
        return (prevDepositShares, shares);
    }

    function _removeStrategyFromStakerStrategyList(address staker, IStrategy strategy) internal {
        IStrategy[] storage list = stakerStrategyList[staker];
        uint256 n = list.length;
        for (uint256 i = 0; i < n; ++i) {
            if (list[i] == strategy) {
                list[i] = list[n - 1];
                list.pop();
                return;
            }
        }
        revert StrategyNotFound();
    }

    /// Withdraws the slashed strategy shares as tokens to the burn address (default) or the set's
    /// redistribution recipient; the shares leave strategy.totalShares, the stakers' deposit shares stay.
    function _clear(OperatorSet calldata operatorSet, uint256 slashId, IStrategy strategy)
        internal
        returns (uint256 amountOut)
    {
        bytes32 setKey = operatorSet.key();
        EnumerableMap.AddressToUintMap storage pending = _burnOrRedistributableShares[setKey][slashId];
        (bool exists, uint256 sharesToClear) = pending.tryGet(address(strategy));
        if (!exists) return 0;
        pending.remove(address(strategy));
        if (pending.length() == 0) _pendingSlashIds[setKey].remove(slashId);
        if (sharesToClear != 0) {
            address recipient = allocationManager.getRedistributionRecipient(operatorSet);
            amountOut = strategy.withdraw(recipient, strategy.underlyingToken(), sharesToClear);
        }
        emit BurnOrRedistributableSharesDecreased(operatorSet, slashId, strategy, sharesToClear);
    }
}
