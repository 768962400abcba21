// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// Mirrors EigenLayer's IStrategy (StrategyBase): an ERC4626-like vault over one token, with virtual
/// offsets of 1e3 shares and 1e3 tokens. `deposit`/`withdraw` are callable only by the StrategyManager.
interface IStrategy {
    event ExchangeRateEmitted(uint256 rate);
    event StrategyTokenSet(IERC20 token, uint8 decimals);

    error OnlyStrategyManager();
    error OnlyUnderlyingToken();
    error NewSharesZero();
    error WithdrawalAmountExceedsTotalDeposits();
    error TotalSharesExceedsMax();

    /// Called after the StrategyManager has transferred `amount` tokens in. Returns the new strategy shares.
    function deposit(IERC20 token, uint256 amount) external returns (uint256 newShares);
    /// Burns `amountShares` strategy shares and sends the underlying to `recipient`.
    function withdraw(address recipient, IERC20 token, uint256 amountShares) external returns (uint256 amountOut);

    function underlyingToken() external view returns (IERC20);
    function totalShares() external view returns (uint256);
    function sharesToUnderlyingView(uint256 amountShares) external view returns (uint256);
    function underlyingToSharesView(uint256 amountUnderlying) external view returns (uint256);
    function sharesToUnderlying(uint256 amountShares) external view returns (uint256);
    function underlyingToShares(uint256 amountUnderlying) external view returns (uint256);
    /// The user's DEPOSIT shares (StrategyManager.stakerDepositShares), as in the real StrategyBase.
    function shares(address user) external view returns (uint256);
    /// Underlying value of the user's deposit shares (ignores slashing, as in the real StrategyBase).
    function userUnderlyingView(address user) external view returns (uint256);
    function explanation() external pure returns (string memory);
}
