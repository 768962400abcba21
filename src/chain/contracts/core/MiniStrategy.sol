// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IStrategy} from "../interfaces/IStrategy.sol";
import {IStrategyManager} from "../interfaces/IStrategyManager.sol";

/// Mirrors EigenLayer's StrategyBase (src/contracts/strategies/StrategyBase.sol): one vault per token whose
/// shares are an ERC4626-like claim on its token balance, with virtual offsets SHARES_OFFSET = BALANCE_OFFSET
/// = 1e3 against inflation (donation) attacks. The balance is read live, so a rebasing token (stETH) changes
/// the value of every share — which is how LST-level slashing reaches restakers.
/// Left out: proxy/initializer, pausing, the StrategyFactory, TVL caps.
contract MiniStrategy is IStrategy {
    using SafeERC20 for IERC20;

    uint256 internal constant SHARES_OFFSET = 1e3;
    uint256 internal constant BALANCE_OFFSET = 1e3;
    uint256 internal constant MAX_TOTAL_SHARES = 1e38 - 1;

    IStrategyManager public immutable strategyManager;
    IERC20 public immutable underlyingToken;
    uint256 public totalShares;

    modifier onlyStrategyManager() {
        if (msg.sender != address(strategyManager)) revert OnlyStrategyManager();
        _;
    }

    constructor(IStrategyManager _strategyManager, IERC20 _underlyingToken) {
        strategyManager = _strategyManager;
        underlyingToken = _underlyingToken;
        emit StrategyTokenSet(_underlyingToken, IERC20Metadata(address(_underlyingToken)).decimals());
    }

    /// The StrategyManager has already transferred `amount` in, so the pre-deposit balance is balance − amount:
    /// newShares = ⌊amount·(totalShares+1e3) / (balanceAfter+1e3−amount)⌋.
    function deposit(IERC20 token, uint256 amount) external onlyStrategyManager returns (uint256 newShares) {
        if (token != underlyingToken) revert OnlyUnderlyingToken();
        uint256 priorTotalShares = totalShares;
        uint256 virtualShareAmount = priorTotalShares + SHARES_OFFSET;
        uint256 virtualTokenBalance = _tokenBalance() + BALANCE_OFFSET;
        uint256 virtualPriorTokenBalance = virtualTokenBalance - amount;
        newShares = (amount * virtualShareAmount) / virtualPriorTokenBalance;
        if (newShares == 0) revert NewSharesZero();
        totalShares = priorTotalShares + newShares;
        if (totalShares > MAX_TOTAL_SHARES) revert TotalSharesExceedsMax();
        _emitExchangeRate(virtualTokenBalance, totalShares + SHARES_OFFSET);
    }

    /// amountOut = ⌊(balance+1e3)·shares / (totalShares+1e3)⌋, sent to `recipient`.
    function withdraw(address recipient, IERC20 token, uint256 amountShares)
        external
        onlyStrategyManager
        returns (uint256 amountOut)
    {
        if (token != underlyingToken) revert OnlyUnderlyingToken();
        uint256 priorTotalShares = totalShares;
        if (amountShares > priorTotalShares) revert WithdrawalAmountExceedsTotalDeposits();
        uint256 virtualPriorTotalShares = priorTotalShares + SHARES_OFFSET;
        uint256 virtualTokenBalance = _tokenBalance() + BALANCE_OFFSET;
        amountOut = (virtualTokenBalance * amountShares) / virtualPriorTotalShares;
        totalShares = priorTotalShares - amountShares;
        _emitExchangeRate(virtualTokenBalance - amountOut, totalShares + SHARES_OFFSET);
        if (amountOut != 0) underlyingToken.safeTransfer(recipient, amountOut);
    }

    function sharesToUnderlyingView(uint256 amountShares) public view returns (uint256) {
        return ((_tokenBalance() + BALANCE_OFFSET) * amountShares) / (totalShares + SHARES_OFFSET);
    }

    function underlyingToSharesView(uint256 amountUnderlying) public view returns (uint256) {
        return (amountUnderlying * (totalShares + SHARES_OFFSET)) / (_tokenBalance() + BALANCE_OFFSET);
    }

    function sharesToUnderlying(uint256 amountShares) external view returns (uint256) {
        return sharesToUnderlyingView(amountShares);
    }

    function underlyingToShares(uint256 amountUnderlying) external view returns (uint256) {
        return underlyingToSharesView(amountUnderlying);
    }

    function shares(address user) public view returns (uint256) {
        return strategyManager.stakerDepositShares(user, IStrategy(address(this)));
    }

    function userUnderlyingView(address user) external view returns (uint256) {
        return sharesToUnderlyingView(shares(user));
    }

    function explanation() external pure returns (string memory) {
        return "Miniature StrategyBase: holds one token, issues shares with 1e3 virtual offsets.";
    }

    function _tokenBalance() internal view returns (uint256) {
        return underlyingToken.balanceOf(address(this));
    }

    function _emitExchangeRate(uint256 virtualTokenBalance, uint256 virtualTotalShares) internal {
        emit ExchangeRateEmitted((1e18 * virtualTokenBalance) / virtualTotalShares);
    }
}
