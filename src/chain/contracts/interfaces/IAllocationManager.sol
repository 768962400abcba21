// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IStrategy} from "./IStrategy.sol";
import {
    OperatorSet,
    Allocation,
    SlashingParams,
    AllocateParams,
    RegisterParams,
    DeregisterParams,
    CreateSetParams
} from "./Types.sol";

/// Mirrors EigenLayer's IAllocationManager: operator sets, registration, allocations of magnitude, slashing.
/// Magnitudes are WAD (1e18 = 100%); every operator's max magnitude starts at 1e18 and only decreases.
interface IAllocationManager {
    event AVSMetadataURIUpdated(address indexed avs, string metadataURI);
    event OperatorSetCreated(OperatorSet operatorSet);
    event StrategyAddedToOperatorSet(OperatorSet operatorSet, IStrategy strategy);
    event StrategyRemovedFromOperatorSet(OperatorSet operatorSet, IStrategy strategy);
    event SlasherUpdated(OperatorSet operatorSet, address slasher, uint32 effectBlock);
    event RedistributionAddressSet(OperatorSet operatorSet, address redistributionRecipient);
    event OperatorAddedToOperatorSet(address indexed operator, OperatorSet operatorSet);
    event OperatorRemovedFromOperatorSet(address indexed operator, OperatorSet operatorSet);
    event AllocationDelaySet(address operator, uint32 delay, uint32 effectBlock);
    event AllocationUpdated(
        address operator, OperatorSet operatorSet, IStrategy strategy, uint64 magnitude, uint32 effectBlock
    );
    event EncumberedMagnitudeUpdated(address operator, IStrategy strategy, uint64 encumberedMagnitude);
    event MaxMagnitudeUpdated(address operator, IStrategy strategy, uint64 maxMagnitude);
    event OperatorSlashed(
        address operator, OperatorSet operatorSet, IStrategy[] strategies, uint256[] wadSlashed, string description
    );

    error AlreadyInitialized();
    error OnlyDeployer();
    error InvalidCaller();
    error InvalidOperator();
    error InvalidOperatorSet();
    error InvalidStrategy();
    error InvalidRedistributionRecipient();
    error NonexistentAVSMetadata();
    error OperatorNotSlashable();
    error InvalidWadToSlash();
    error StrategyNotInOperatorSet();
    error StrategyAlreadyInOperatorSet();
    error StrategiesMustBeInAscendingOrder();
    error UninitializedAllocationDelay();
    error ModificationAlreadyPending();
    error SameMagnitude();
    error InsufficientMagnitude();
    error AlreadyMemberOfSet();
    error NotMemberOfSet();
    error InputArrayLengthMismatch();
    error OperatorSetAlreadyExists();
    error NotOperator();
    error InputAddressZero();

    // ---- AVS side ----

    /// Must be called by the AVS before it creates operator sets.
    function updateAVSMetadataURI(address avs, string calldata metadataURI) external;
    /// msg.sender must be `avs`. Slashers take effect immediately at creation. Redistribution recipient = burn.
    function createOperatorSets(address avs, CreateSetParams[] calldata params) external;
    /// Same, with an immutable redistribution recipient per set (not 0, not the burn address; no native ETH).
    function createRedistributingOperatorSets(
        address avs,
        CreateSetParams[] calldata params,
        address[] calldata redistributionRecipients
    ) external;
    function addStrategiesToOperatorSet(address avs, uint32 operatorSetId, IStrategy[] calldata strategies) external;
    /// msg.sender must be the set's slasher. Returns the set's new slashId and the shares handed to burn/redistribute.
    function slashOperator(address avs, SlashingParams calldata params)
        external
        returns (uint256 slashId, uint256[] memory shares);

    // ---- operator side ----

    /// Called by the operator or the DelegationManager (at operator registration: takes effect immediately).
    function setAllocationDelay(address operator, uint32 delay) external;
    function registerForOperatorSets(address operator, RegisterParams calldata params) external;
    /// Called by the operator or the AVS. Slashable until block + DEALLOCATION_DELAY (inclusive).
    function deregisterFromOperatorSets(DeregisterParams calldata params) external;
    function modifyAllocations(address operator, AllocateParams[] calldata params) external;
    /// Permissionless: completes up to numToClear[i] matured deallocations per strategy.
    function clearDeallocationQueue(address operator, IStrategy[] calldata strategies, uint16[] calldata numToClear)
        external;

    // ---- views ----

    function DEALLOCATION_DELAY() external view returns (uint32);
    function ALLOCATION_CONFIGURATION_DELAY() external view returns (uint32);
    function isOperatorSet(OperatorSet calldata operatorSet) external view returns (bool);
    function getOperatorSetCount(address avs) external view returns (uint256);
    function getStrategiesInOperatorSet(OperatorSet calldata operatorSet) external view returns (IStrategy[] memory);
    function getSlasher(OperatorSet calldata operatorSet) external view returns (address);
    /// The burn address for non-redistributing sets.
    function getRedistributionRecipient(OperatorSet calldata operatorSet) external view returns (address);
    function isRedistributingOperatorSet(OperatorSet calldata operatorSet) external view returns (bool);
    function getSlashCount(OperatorSet calldata operatorSet) external view returns (uint256);
    function getMembers(OperatorSet calldata operatorSet) external view returns (address[] memory);
    function getMemberCount(OperatorSet calldata operatorSet) external view returns (uint256);
    function isMemberOfOperatorSet(address operator, OperatorSet calldata operatorSet) external view returns (bool);
    function getRegisteredSets(address operator) external view returns (OperatorSet[] memory);
    function getAllocatedSets(address operator) external view returns (OperatorSet[] memory);
    function getAllocatedStrategies(address operator, OperatorSet calldata operatorSet)
        external
        view
        returns (IStrategy[] memory);
    /// registered || block.number <= slashableUntil.
    function isOperatorSlashable(address operator, OperatorSet calldata operatorSet) external view returns (bool);
    function getRegistrationStatus(address operator, OperatorSet calldata operatorSet)
        external
        view
        returns (bool registered, uint32 slashableUntil);
    function getAllocationDelay(address operator) external view returns (bool isSet, uint32 delay);
    /// The allocation as of now (a pending change whose effectBlock has passed is shown as applied).
    function getAllocation(address operator, OperatorSet calldata operatorSet, IStrategy strategy)
        external
        view
        returns (Allocation memory);
    function getMaxMagnitude(address operator, IStrategy strategy) external view returns (uint64);
    function getMaxMagnitudes(address operator, IStrategy[] calldata strategies)
        external
        view
        returns (uint64[] memory);
    function getMaxMagnitudeAtBlock(address operator, IStrategy strategy, uint32 blockNumber)
        external
        view
        returns (uint64);
    function getMaxMagnitudesAtBlock(address operator, IStrategy[] calldata strategies, uint32 blockNumber)
        external
        view
        returns (uint64[] memory);
    function getEncumberedMagnitude(address operator, IStrategy strategy) external view returns (uint64);
    /// maxMagnitude − encumberedMagnitude (after matured deallocations).
    function getAllocatableMagnitude(address operator, IStrategy strategy) external view returns (uint64);
    /// [operator][strategy] allocated stake now: ⌊operatorShares·⌊current·1e18/max⌋/1e18⌋. As in the real
    /// contract this does NOT check registration: combine with isOperatorSlashable (or use getMinimumSlashableStake).
    function getAllocatedStake(
        OperatorSet calldata operatorSet,
        address[] calldata operators,
        IStrategy[] calldata strategies
    ) external view returns (uint256[][] memory);
    /// Like getAllocatedStake, minus pending decreases that will have taken effect by `futureBlock`;
    /// 0 for operators that are not slashable by the set.
    function getMinimumSlashableStake(
        OperatorSet calldata operatorSet,
        address[] calldata operators,
        IStrategy[] calldata strategies,
        uint32 futureBlock
    ) external view returns (uint256[][] memory);
}
