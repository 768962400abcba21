// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IStrategy} from "./IStrategy.sol";

// The pseudo-strategy address EigenLayer uses for native (beacon-chain) ETH; its share manager is the
// EigenPodManager. Same value as the real `beaconChainETHStrategy`.
address constant BEACONCHAIN_ETH_STRAT = 0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0;

// Shared value types, shaped like EigenLayer's (OperatorSetLib, IAllocationManagerTypes,
// IDelegationManagerTypes) so that ABIs, events and lessons read the same as the real ones.

/// An operator set is identified by the AVS that created it and a per-AVS id.
struct OperatorSet {
    address avs;
    uint32 id;
}

/// An operator's allocation to one (operator set, strategy).
/// `pendingDiff` is the signed change waiting for `effectBlock` (0 when nothing is pending).
struct Allocation {
    uint64 currentMagnitude;
    int128 pendingDiff;
    uint32 effectBlock;
}

/// AllocationManager.slashOperator input. `strategies` must be strictly ascending by address;
/// each `wadsToSlash[i]` (0 < w <= 1e18) is a fraction of the allocation to THIS set, not of total stake.
struct SlashingParams {
    address operator;
    uint32 operatorSetId;
    IStrategy[] strategies;
    uint256[] wadsToSlash;
    string description;
}

/// AllocationManager.modifyAllocations input: new absolute magnitudes (1e18 = 100% of max magnitude at start).
struct AllocateParams {
    OperatorSet operatorSet;
    IStrategy[] strategies;
    uint64[] newMagnitudes;
}

/// AllocationManager.registerForOperatorSets input. `data` is forwarded to the AVS registrar callback.
struct RegisterParams {
    address avs;
    uint32[] operatorSetIds;
    bytes data;
}

/// AllocationManager.deregisterFromOperatorSets input (callable by the operator or the AVS).
struct DeregisterParams {
    address operator;
    address avs;
    uint32[] operatorSetIds;
}

/// AllocationManager.createOperatorSets input (EigenLayer's CreateSetParamsV2).
struct CreateSetParams {
    uint32 operatorSetId;
    IStrategy[] strategies;
    address slasher;
}

/// A queued withdrawal (EigenLayer's IDelegationManagerTypes.Withdrawal). `scaledShares[i]` = q = x·k/1e18;
/// the amount finally paid is q·slashingFactor/1e18, read at completion.
struct Withdrawal {
    address staker;
    address delegatedTo;
    address withdrawer;
    uint256 nonce;
    uint32 startBlock;
    IStrategy[] strategies;
    uint256[] scaledShares;
}

/// DelegationManager.queueWithdrawals input. The real struct also carries a deprecated `withdrawer`
/// (ignored there: the withdrawer is always the staker); the miniature drops it.
struct QueuedWithdrawalParams {
    IStrategy[] strategies;
    uint256[] depositShares;
}
