// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// Mirrors EigenLayer's SlashingLib (src/contracts/libraries/SlashingLib.sol): every share formula of the
/// slashing design, with the real rounding directions. Written from mechanics.md §2, not copied.
///
/// Notation: s = deposit shares, k = deposit scaling factor (DSF), sf = slashing factor (the operator's max
/// magnitude m, times the beacon-chain slashing factor l for native ETH), all factors WAD (1e18 = 1).
/// The DSF is stored as a plain uint256 where 0 means "unset" = WAD, as in the real DepositScalingFactor.
library SlashingLib {
    uint64 internal constant WAD = 1e18;

    /// A DSF update produced 0 (only possible with degenerate inputs); the real library rejects it too.
    error InvalidDepositScalingFactor();

    // ---- WAD primitives ----

    /// ⌊x·y/W⌋
    function mulWad(uint256 x, uint256 y) internal pure returns (uint256) {
        return Math.mulDiv(x, y, WAD);
    }

    /// ⌊x·W/y⌋
    function divWad(uint256 x, uint256 y) internal pure returns (uint256) {
        return Math.mulDiv(x, WAD, y);
    }

    /// ⌈x·y/W⌉ — used for slashed magnitude so repeated small slashes can never round to nothing.
    function mulWadRoundUp(uint256 x, uint256 y) internal pure returns (uint256) {
        return Math.mulDiv(x, y, WAD, Math.Rounding.Ceil);
    }

    // ---- deposit scaling factor ----

    /// The stored DSF, with 0 read as WAD.
    function scalingFactor(uint256 storedDsf) internal pure returns (uint256) {
        return storedDsf == 0 ? WAD : storedDsf;
    }

    /// New DSF after adding `addedShares` on top of `prevDepositShares` under slashing factor `sf`.
    /// First deposit / delegation / re-entry after reset: k' = ⌊k·W/sf⌋ (forgives slashing that happened before).
    /// Otherwise: k' = ⌊⌊(a_cur + d)·W/(s + d)⌋·W/sf⌋, so new deposits are not charged for past slashes.
    function update(uint256 storedDsf, uint256 prevDepositShares, uint256 addedShares, uint256 sf)
        internal
        pure
        returns (uint256 newDsf)
    {
        if (prevDepositShares == 0) {
            newDsf = divWad(scalingFactor(storedDsf), sf);
        } else {
            uint256 current = calcWithdrawable(prevDepositShares, storedDsf, sf);
            newDsf = divWad(divWad(current + addedShares, prevDepositShares + addedShares), sf);
        }
        if (newDsf == 0) revert InvalidDepositScalingFactor();
    }

    /// The DSF is reset (stored 0 = WAD) when a staker's deposit shares reach 0.
    function reset() internal pure returns (uint256) {
        return 0;
    }

    // ---- conversions ----

    /// Withdrawable shares a = ⌊⌊s·k/W⌋·sf/W⌋ (floor, then floor).
    function calcWithdrawable(uint256 depositShares, uint256 storedDsf, uint256 sf) internal pure returns (uint256) {
        return mulWad(mulWad(depositShares, scalingFactor(storedDsf)), sf);
    }

    /// Inverse: s = ⌊⌊a·W/k⌋·W/sf⌋.
    function calcDepositShares(uint256 withdrawableShares, uint256 storedDsf, uint256 sf)
        internal
        pure
        returns (uint256)
    {
        return divWad(divWad(withdrawableShares, scalingFactor(storedDsf)), sf);
    }

    /// Scaled shares stored in a queued withdrawal: q = ⌊x·k/W⌋ (slashing factor applied at completion).
    function scaleForQueueWithdrawal(uint256 depositSharesToWithdraw, uint256 storedDsf)
        internal
        pure
        returns (uint256)
    {
        return mulWad(depositSharesToWithdraw, scalingFactor(storedDsf));
    }

    /// Shares paid at completion: ⌊q·sf/W⌋.
    function scaleForCompleteWithdrawal(uint256 scaledShares, uint256 sf) internal pure returns (uint256) {
        return mulWad(scaledShares, sf);
    }

    /// Shares removed from an operator when its max magnitude falls from prevMax to newMax:
    /// op − ⌈op·newMax/prevMax⌉. The remainder rounds UP, so the slashed amount rounds down and
    /// operator shares stay ≥ the sum of its stakers' withdrawable shares.
    function calcSlashedAmount(uint256 operatorShares, uint256 prevMaxMagnitude, uint256 newMaxMagnitude)
        internal
        pure
        returns (uint256)
    {
        return operatorShares - Math.mulDiv(operatorShares, newMaxMagnitude, prevMaxMagnitude, Math.Rounding.Ceil);
    }

    /// Slashed amount of queued scaled shares Q: calcSlashedAmount(⌊Q·prevMax/W⌋, prevMax, newMax); 0 when prevMax = 0
    /// (a fully slashed operator has nothing left to take, and the view must not divide by zero).
    function scaleForBurning(uint256 scaledShares, uint256 prevMaxMagnitude, uint256 newMaxMagnitude)
        internal
        pure
        returns (uint256)
    {
        if (prevMaxMagnitude == 0) return 0;
        return calcSlashedAmount(mulWad(scaledShares, prevMaxMagnitude), prevMaxMagnitude, newMaxMagnitude);
    }

    /// Slashing factor for a strategy: m for LSTs, ⌊m·l/W⌋ for native ETH (can round to 0 for tiny m).
    function slashingFactor(uint64 maxMagnitude, uint64 beaconChainSlashingFactor, bool isNativeEth)
        internal
        pure
        returns (uint256)
    {
        return isNativeEth ? mulWad(maxMagnitude, beaconChainSlashingFactor) : maxMagnitude;
    }
}
