// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SlashingLib} from "./SlashingLib.sol";

/// Test-only: exposes SlashingLib's internal functions so tests can compare them with independent BigInt math
/// on the real EVM. Never deployed by the sandbox.
contract SlashingLibHarness {
    function mulWad(uint256 x, uint256 y) external pure returns (uint256) {
        return SlashingLib.mulWad(x, y);
    }

    function divWad(uint256 x, uint256 y) external pure returns (uint256) {
        return SlashingLib.divWad(x, y);
    }

    function mulWadRoundUp(uint256 x, uint256 y) external pure returns (uint256) {
        return SlashingLib.mulWadRoundUp(x, y);
    }

    function update(uint256 k, uint256 prevDepositShares, uint256 addedShares, uint256 sf)
        external
        pure
        returns (uint256)
    {
        return SlashingLib.update(k, prevDepositShares, addedShares, sf);
    }

    function calcWithdrawable(uint256 s, uint256 k, uint256 sf) external pure returns (uint256) {
        return SlashingLib.calcWithdrawable(s, k, sf);
    }

    function calcDepositShares(uint256 a, uint256 k, uint256 sf) external pure returns (uint256) {
        return SlashingLib.calcDepositShares(a, k, sf);
    }

    function scaleForQueueWithdrawal(uint256 x, uint256 k) external pure returns (uint256) {
        return SlashingLib.scaleForQueueWithdrawal(x, k);
    }

    function scaleForCompleteWithdrawal(uint256 q, uint256 sf) external pure returns (uint256) {
        return SlashingLib.scaleForCompleteWithdrawal(q, sf);
    }

    function calcSlashedAmount(uint256 op, uint256 prevMax, uint256 newMax) external pure returns (uint256) {
        return SlashingLib.calcSlashedAmount(op, prevMax, newMax);
    }

    function scaleForBurning(uint256 q, uint256 prevMax, uint256 newMax) external pure returns (uint256) {
        return SlashingLib.scaleForBurning(q, prevMax, newMax);
    }

    function slashingFactor(uint64 m, uint64 l, bool native) external pure returns (uint256) {
        return SlashingLib.slashingFactor(m, l, native);
    }
}
