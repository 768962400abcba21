// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {MiniLST} from "./MiniLST.sol";

/// @title MiniWstETH: the non-rebasing wrapper of MiniLST.
/// @notice Mirrors Lido's WstETH (lidofinance/core contracts/0.6.12/WstETH.sol). One wstETH is one stETH share:
/// `wrap(x)` mints `getSharesByPooledEth(x)` wstETH and takes `x` stETH (the same share count moves), and
/// `unwrap(w)` transfers `getPooledEthByShares(w)` stETH, which moves ⌊⌊w·P/S⌋·S/P⌋ shares: up to one share
/// less than `w`, and that dust stays in the wrapper, exactly as in Lido. The wstETH count never rebases;
/// `stEthPerToken()` rises with rewards and falls after losses.
/// Left out: EIP-2612 permits. Sending ETH to the wrapper stakes and wraps in one step, as in Lido.
contract MiniWstETH is ERC20 {
    MiniLST public immutable stETH;

    error ZeroAmount();

    constructor(MiniLST stETH_) ERC20("Mini Wrapped liquid staked Ether", "wstETH") {
        stETH = stETH_;
    }

    /// Takes `stETHAmount` stETH (approval needed) and mints its share count as wstETH. Returns wstETH minted.
    function wrap(uint256 stETHAmount) external returns (uint256 wstETHAmount) {
        if (stETHAmount == 0) revert ZeroAmount();
        wstETHAmount = stETH.getSharesByPooledEth(stETHAmount);
        if (wstETHAmount == 0) revert ZeroAmount();
        _mint(msg.sender, wstETHAmount);
        // transferFrom converts the amount with the same floor, so exactly `wstETHAmount` shares arrive.
        stETH.transferFrom(msg.sender, address(this), stETHAmount);
    }

    /// Burns `wstETHAmount` and transfers its stETH value (an amount, converted back to shares with a floor).
    function unwrap(uint256 wstETHAmount) external returns (uint256 stETHAmount) {
        if (wstETHAmount == 0) revert ZeroAmount();
        _burn(msg.sender, wstETHAmount);
        stETHAmount = stETH.getPooledEthByShares(wstETHAmount);
        stETH.transfer(msg.sender, stETHAmount);
    }

    /// Stakes the ETH sent and wraps the shares it bought for the sender.
    receive() external payable {
        uint256 sharesBought = stETH.submit{value: msg.value}();
        _mint(msg.sender, sharesBought);
    }

    function getWstETHByStETH(uint256 stETHAmount) external view returns (uint256) {
        return stETH.getSharesByPooledEth(stETHAmount);
    }

    function getStETHByWstETH(uint256 wstETHAmount) external view returns (uint256) {
        return stETH.getPooledEthByShares(wstETHAmount);
    }

    /// stETH per 1e18 wstETH.
    function stEthPerToken() external view returns (uint256) {
        return stETH.getPooledEthByShares(1 ether);
    }

    /// wstETH per 1e18 stETH.
    function tokensPerStEth() external view returns (uint256) {
        return stETH.getSharesByPooledEth(1 ether);
    }
}
