// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {DoubleEndedQueue} from "@openzeppelin/contracts/utils/structs/DoubleEndedQueue.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IStrategy} from "../interfaces/IStrategy.sol";
import {IAllocationManager} from "../interfaces/IAllocationManager.sol";
import {IDelegationManager} from "../interfaces/IDelegationManager.sol";
import {IAVSRegistrar} from "../interfaces/IAVSRegistrar.sol";
import {
    OperatorSet,
    Allocation,
    SlashingParams,
    AllocateParams,
    RegisterParams,
    DeregisterParams,
    CreateSetParams,
    BEACONCHAIN_ETH_STRAT
} from "../interfaces/Types.sol";
import {OperatorSetLib} from "./OperatorSetLib.sol";
import {SlashingLib} from "./SlashingLib.sol";

/// Mirrors EigenLayer's AllocationManager (src/contracts/core/AllocationManager.sol + AllocationManagerView.sol):
/// operator sets with one slasher each, registration and deregistration (slashable until block + DEALLOCATION_DELAY),
/// the operator's allocation delay, allocations of magnitude with pending increases and a deallocation queue,
/// encumbered magnitude, per-block max-magnitude history, and slashOperator with the real rounding.
/// Left out: proxy, pausing, permission controller (the operator/AVS must call for itself), a separate AVS
/// registrar contract (the AVS address itself is the registrar, called only if it has code, so an EOA can play
/// an AVS), updateSlasher and its delay, EIGEN-specific rules. There is no slash resolution delay: the
/// 7-day one exists only on a v1.13 release branch, not in the released contracts as of v1.12.
/// Wiring: the deployer calls initialize(delegation) once.
contract MiniAllocationManager is IAllocationManager {
    using Checkpoints for Checkpoints.Trace224;
    using DoubleEndedQueue for DoubleEndedQueue.Bytes32Deque;
    using EnumerableSet for EnumerableSet.UintSet;
    using EnumerableSet for EnumerableSet.AddressSet;
    using EnumerableSet for EnumerableSet.Bytes32Set;
    using OperatorSetLib for OperatorSet;
    using SafeCast for uint256;

    uint64 internal constant WAD = 1e18;
    address internal constant DEFAULT_BURN_ADDRESS = 0x00000000000000000000000000000000000E16E4;

    struct RegistrationStatus {
        bool registered;
        uint32 slashableUntil;
    }

    struct AllocationDelayInfo {
        uint32 delay;
        bool isSet;
        uint32 pendingDelay;
        uint32 effectBlock;
    }

    struct StrategyInfo {
        uint64 maxMagnitude;
        uint64 encumberedMagnitude;
    }

    uint32 public immutable DEALLOCATION_DELAY;
    uint32 public immutable ALLOCATION_CONFIGURATION_DELAY;
    address internal immutable deployer;
    IDelegationManager public delegation;

    mapping(address avs => bool) internal _avsRegisteredMetadata;
    mapping(address avs => EnumerableSet.UintSet) internal _operatorSets;
    mapping(bytes32 setKey => EnumerableSet.AddressSet) internal _operatorSetStrategies;
    mapping(bytes32 setKey => EnumerableSet.AddressSet) internal _operatorSetMembers;
    mapping(bytes32 setKey => address) internal _slashers;
    mapping(bytes32 setKey => address) internal _redistributionRecipients;
    mapping(bytes32 setKey => uint256) internal _slashIds;
    mapping(address operator => EnumerableSet.Bytes32Set) internal registeredSets;
    mapping(address operator => mapping(bytes32 setKey => RegistrationStatus)) internal registrationStatus;
    mapping(address operator => AllocationDelayInfo) internal _allocationDelayInfo;
    mapping(address operator => mapping(bytes32 setKey => mapping(IStrategy => Allocation))) internal allocations;
    mapping(address operator => mapping(IStrategy => uint64)) internal encumberedMagnitude;
    /// Empty history reads as WAD: every operator starts with 100% of its magnitude.
    mapping(address operator => mapping(IStrategy => Checkpoints.Trace224)) internal _maxMagnitudeHistory;
    mapping(address operator => mapping(IStrategy => DoubleEndedQueue.Bytes32Deque)) internal deallocationQueue;
    mapping(address operator => EnumerableSet.Bytes32Set) internal allocatedSets;
    mapping(address operator => mapping(bytes32 setKey => EnumerableSet.AddressSet)) internal allocatedStrategies;

    constructor(uint32 deallocationDelay, uint32 allocationConfigurationDelay) {
        DEALLOCATION_DELAY = deallocationDelay;
        ALLOCATION_CONFIGURATION_DELAY = allocationConfigurationDelay;
        deployer = msg.sender;
    }

    function initialize(IDelegationManager _delegation) external {
        if (msg.sender != deployer) revert OnlyDeployer();
        if (address(delegation) != address(0)) revert AlreadyInitialized();
        delegation = _delegation;
    }

    // ================================================================ AVS side

    function updateAVSMetadataURI(address avs, string calldata metadataURI) external {
        if (msg.sender != avs) revert InvalidCaller();
        _avsRegisteredMetadata[avs] = true;
        emit AVSMetadataURIUpdated(avs, metadataURI);
    }

    function createOperatorSets(address avs, CreateSetParams[] calldata params) external {
        _createOperatorSets(avs, params, new address[](0));
    }

    function createRedistributingOperatorSets(
        address avs,
        CreateSetParams[] calldata params,
        address[] calldata redistributionRecipients
    ) external {
        if (params.length != redistributionRecipients.length) revert InputArrayLengthMismatch();
        _createOperatorSets(avs, params, redistributionRecipients);
    }

    function addStrategiesToOperatorSet(address avs, uint32 operatorSetId, IStrategy[] calldata strategies) external {
        if (msg.sender != avs) revert InvalidCaller();
        OperatorSet memory operatorSet = OperatorSet(avs, operatorSetId);
        if (!_operatorSets[avs].contains(operatorSetId)) revert InvalidOperatorSet();
        bool redistributing = _redistributionRecipients[operatorSet.key()] != address(0);
        for (uint256 i = 0; i < strategies.length; ++i) {
            _addStrategy(operatorSet, strategies[i], redistributing);
        }
    }

    function slashOperator(address avs, SlashingParams calldata params)
        external
        returns (uint256 slashId, uint256[] memory shares)
    {
        OperatorSet memory operatorSet = OperatorSet(avs, params.operatorSetId);
        bytes32 setKey = operatorSet.key();
        if (params.strategies.length != params.wadsToSlash.length) revert InputArrayLengthMismatch();
        if (!_operatorSets[avs].contains(params.operatorSetId)) revert InvalidOperatorSet();
        // Checked in the real contract's order, so two failing checks report the same error.
        if (!isOperatorSlashable(params.operator, operatorSet)) revert OperatorNotSlashable();
        if (msg.sender != _slashers[setKey]) revert InvalidCaller();

        slashId = ++_slashIds[setKey];
        shares = new uint256[](params.strategies.length);
        uint256[] memory wadSlashed = new uint256[](params.strategies.length);
        for (uint256 i = 0; i < params.strategies.length; ++i) {
            if (i > 0 && uint160(address(params.strategies[i])) <= uint160(address(params.strategies[i - 1]))) {
                revert StrategiesMustBeInAscendingOrder();
            }
            if (params.wadsToSlash[i] == 0 || params.wadsToSlash[i] > WAD) revert InvalidWadToSlash();
            if (!_operatorSetStrategies[setKey].contains(address(params.strategies[i]))) {
                revert StrategyNotInOperatorSet();
            }
            (wadSlashed[i], shares[i]) =
                _slashStrategy(params.operator, operatorSet, slashId, params.strategies[i], params.wadsToSlash[i]);
        }
        emit OperatorSlashed(params.operator, operatorSet, params.strategies, wadSlashed, params.description);
    }

    // ================================================================ operator side

    function setAllocationDelay(address operator, uint32 delay) external {
        bool newlyRegistered = msg.sender == address(delegation);
        if (!newlyRegistered) {
            if (msg.sender != operator) revert InvalidCaller();
            if (!delegation.isOperator(operator)) revert InvalidOperator();
        }
        AllocationDelayInfo memory info = _allocationDelayInfo[operator];
        if (info.effectBlock != 0 && block.number >= info.effectBlock) {
            info.delay = info.pendingDelay;
            info.isSet = true;
        }
        info.pendingDelay = delay;
        // At operator registration the delay applies at once; later changes wait the configuration delay + 1,
        // so stakers can leave before a shorter delay lets new risk in faster.
        info.effectBlock = newlyRegistered
            ? uint32(block.number)
            : uint32(block.number) + ALLOCATION_CONFIGURATION_DELAY + 1;
        _allocationDelayInfo[operator] = info;
        emit AllocationDelaySet(operator, delay, info.effectBlock);
    }

    function registerForOperatorSets(address operator, RegisterParams calldata params) external {
        if (msg.sender != operator) revert InvalidCaller();
        if (!delegation.isOperator(operator)) revert InvalidOperator();
        for (uint256 i = 0; i < params.operatorSetIds.length; ++i) {
            OperatorSet memory operatorSet = OperatorSet(params.avs, params.operatorSetIds[i]);
            if (!_operatorSets[params.avs].contains(operatorSet.id)) revert InvalidOperatorSet();
            // Still slashable from an earlier registration counts as a member: no re-registering early.
            if (isOperatorSlashable(operator, operatorSet)) revert AlreadyMemberOfSet();
            bytes32 setKey = operatorSet.key();
            registeredSets[operator].add(setKey);
            _operatorSetMembers[setKey].add(operator);
            registrationStatus[operator][setKey].registered = true;
            emit OperatorAddedToOperatorSet(operator, operatorSet);
        }
        // The AVS's admission rules: a revert here rejects the registration.
        if (params.avs.code.length > 0) {
            IAVSRegistrar(params.avs).registerOperator(operator, params.avs, params.operatorSetIds, params.data);
        }
    }

    function deregisterFromOperatorSets(DeregisterParams calldata params) external {
        if (msg.sender != params.operator && msg.sender != params.avs) revert InvalidCaller();
        for (uint256 i = 0; i < params.operatorSetIds.length; ++i) {
            OperatorSet memory operatorSet = OperatorSet(params.avs, params.operatorSetIds[i]);
            if (!_operatorSets[params.avs].contains(operatorSet.id)) revert InvalidOperatorSet();
            bytes32 setKey = operatorSet.key();
            if (!registrationStatus[params.operator][setKey].registered) revert NotMemberOfSet();
            registeredSets[params.operator].remove(setKey);
            _operatorSetMembers[setKey].remove(params.operator);
            registrationStatus[params.operator][setKey] =
                RegistrationStatus({registered: false, slashableUntil: uint32(block.number) + DEALLOCATION_DELAY});
            emit OperatorRemovedFromOperatorSet(params.operator, operatorSet);
        }
        if (params.avs.code.length > 0) {
            IAVSRegistrar(params.avs).deregisterOperator(params.operator, params.avs, params.operatorSetIds);
        }
    }

    function modifyAllocations(address operator, AllocateParams[] calldata params) external {
        if (msg.sender != operator) revert InvalidCaller();
        (bool isSet, uint32 delay) = getAllocationDelay(operator);
        if (!isSet) revert UninitializedAllocationDelay();
        for (uint256 i = 0; i < params.length; ++i) {
            if (params[i].strategies.length != params[i].newMagnitudes.length) revert InputArrayLengthMismatch();
            OperatorSet memory operatorSet = params[i].operatorSet;
            if (!_operatorSets[operatorSet.avs].contains(operatorSet.id)) revert InvalidOperatorSet();
            bool operatorSlashable = isOperatorSlashable(operator, operatorSet);
            for (uint256 j = 0; j < params[i].strategies.length; ++j) {
                _modifyAllocation(
                    operator, operatorSet, params[i].strategies[j], params[i].newMagnitudes[j], operatorSlashable, delay
                );
            }
        }
    }

    function clearDeallocationQueue(address operator, IStrategy[] calldata strategies, uint16[] calldata numToClear)
        external
    {
        if (strategies.length != numToClear.length) revert InputArrayLengthMismatch();
        for (uint256 i = 0; i < strategies.length; ++i) {
            _clearDeallocationQueue(operator, strategies[i], numToClear[i]);
        }
    }

    // ================================================================ internals

    function _createOperatorSets(address avs, CreateSetParams[] calldata params, address[] memory recipients)
        internal
    {
        if (msg.sender != avs) revert InvalidCaller();
        if (!_avsRegisteredMetadata[avs]) revert NonexistentAVSMetadata();
        bool redistributing = recipients.length > 0;
        for (uint256 i = 0; i < params.length; ++i) {
            OperatorSet memory operatorSet = OperatorSet(avs, params[i].operatorSetId);
            if (!_operatorSets[avs].add(operatorSet.id)) revert InvalidOperatorSet();
            bytes32 setKey = operatorSet.key();
            // Events in the real contract's order: created, recipient, strategies, slasher.
            emit OperatorSetCreated(operatorSet);
            if (params[i].slasher == address(0)) revert InputAddressZero();
            if (redistributing) {
                address recipient = recipients[i];
                if (recipient == address(0)) revert InputAddressZero();
                if (recipient == DEFAULT_BURN_ADDRESS) revert InvalidRedistributionRecipient();
                _redistributionRecipients[setKey] = recipient;
                emit RedistributionAddressSet(operatorSet, recipient);
            }
            for (uint256 j = 0; j < params[i].strategies.length; ++j) {
                _addStrategy(operatorSet, params[i].strategies[j], redistributing);
            }
            _slashers[setKey] = params[i].slasher;
            emit SlasherUpdated(operatorSet, params[i].slasher, uint32(block.number));
        }
    }

    function _addStrategy(OperatorSet memory operatorSet, IStrategy strategy, bool redistributing) internal {
        // Native ETH slashed by an AVS can only be locked in pods, so it cannot be redistributed.
        if (redistributing && address(strategy) == BEACONCHAIN_ETH_STRAT) revert InvalidStrategy();
        if (!_operatorSetStrategies[operatorSet.key()].add(address(strategy))) revert StrategyAlreadyInOperatorSet();
        emit StrategyAddedToOperatorSet(operatorSet, strategy);
    }

    function _slashStrategy(
        address operator,
        OperatorSet memory operatorSet,
        uint256 slashId,
        IStrategy strategy,
        uint256 wadToSlash
    ) internal returns (uint256 wadSlashed, uint256 sharesSlashed) {
        bytes32 setKey = operatorSet.key();
        (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, setKey, strategy);
        // Nothing allocated to this set: skipped, not reverted.
        if (allocation.currentMagnitude == 0) return (0, 0);

        // Rounded up so that repeated small slashes can never round down to nothing.
        uint64 slashedMagnitude = uint64(SlashingLib.mulWadRoundUp(allocation.currentMagnitude, wadToSlash));
        uint64 prevMaxMagnitude = info.maxMagnitude;
        wadSlashed = SlashingLib.divWad(slashedMagnitude, prevMaxMagnitude);
        allocation.currentMagnitude -= slashedMagnitude;
        info.maxMagnitude -= slashedMagnitude;
        info.encumberedMagnitude -= slashedMagnitude;

        // A pending deallocation shrinks proportionally (rounded up), so it frees less magnitude later.
        if (allocation.pendingDiff < 0) {
            uint256 pending = uint256(uint128(-allocation.pendingDiff));
            allocation.pendingDiff += int128(uint128(SlashingLib.mulWadRoundUp(pending, wadToSlash)));
            emit AllocationUpdated(
                operator,
                operatorSet,
                strategy,
                _addInt128(allocation.currentMagnitude, allocation.pendingDiff),
                allocation.effectBlock
            );
        }
        _updateAllocationInfo(operator, setKey, strategy, info, allocation);
        emit AllocationUpdated(operator, operatorSet, strategy, allocation.currentMagnitude, uint32(block.number));
        _updateMaxMagnitude(operator, strategy, info.maxMagnitude);
        sharesSlashed = delegation.slashOperatorShares(
            operator, operatorSet, slashId, strategy, prevMaxMagnitude, info.maxMagnitude
        );
    }

    function _modifyAllocation(
        address operator,
        OperatorSet memory operatorSet,
        IStrategy strategy,
        uint64 newMagnitude,
        bool operatorSlashable,
        uint32 allocationDelay
    ) internal {
        bytes32 setKey = operatorSet.key();
        // Completed deallocations free magnitude first.
        _clearDeallocationQueue(operator, strategy, type(uint16).max);
        (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, setKey, strategy);
        if (allocation.effectBlock != 0) revert ModificationAlreadyPending();
        bool slashable = _operatorSetStrategies[setKey].contains(address(strategy)) && operatorSlashable
            && allocation.currentMagnitude != 0;
        allocation.pendingDiff = int128(uint128(newMagnitude)) - int128(uint128(allocation.currentMagnitude));
        if (allocation.pendingDiff == 0) revert SameMagnitude();

        if (allocation.pendingDiff < 0) {
            if (slashable) {
                // Stays slashable through block + DEALLOCATION_DELAY; freed the block after.
                deallocationQueue[operator][strategy].pushBack(setKey);
                allocation.effectBlock = uint32(block.number) + DEALLOCATION_DELAY + 1;
            } else {
                info.encumberedMagnitude = _addInt128(info.encumberedMagnitude, allocation.pendingDiff);
                allocation.currentMagnitude = newMagnitude;
                allocation.pendingDiff = 0;
                allocation.effectBlock = uint32(block.number);
            }
        } else {
            // Encumbered now (so it cannot be double-allocated), slashable only after the allocation delay.
            info.encumberedMagnitude = _addInt128(info.encumberedMagnitude, allocation.pendingDiff);
            if (info.encumberedMagnitude > info.maxMagnitude) revert InsufficientMagnitude();
            allocation.effectBlock = uint32(block.number) + allocationDelay;
        }
        _updateAllocationInfo(operator, setKey, strategy, info, allocation);
        emit AllocationUpdated(
            operator,
            operatorSet,
            strategy,
            _addInt128(allocation.currentMagnitude, allocation.pendingDiff),
            allocation.effectBlock
        );
    }

    function _clearDeallocationQueue(address operator, IStrategy strategy, uint16 numToClear) internal {
        DoubleEndedQueue.Bytes32Deque storage queue = deallocationQueue[operator][strategy];
        uint256 cleared;
        while (queue.length() > 0 && cleared < numToClear) {
            bytes32 setKey = queue.front();
            (StrategyInfo memory info, Allocation memory allocation) = _getUpdatedAllocation(operator, setKey, strategy);
            // Queue is in effect-block order: the first immature entry ends the sweep.
            if (block.number < allocation.effectBlock) break;
            _updateAllocationInfo(operator, setKey, strategy, info, allocation);
            queue.popFront();
            ++cleared;
        }
    }

    /// The allocation as of now: a pending change whose effect block has arrived is applied (in memory).
    function _getUpdatedAllocation(address operator, bytes32 setKey, IStrategy strategy)
        internal
        view
        returns (StrategyInfo memory info, Allocation memory allocation)
    {
        info = StrategyInfo({
            maxMagnitude: _maxMagnitude(operator, strategy),
            encumberedMagnitude: encumberedMagnitude[operator][strategy]
        });
        allocation = allocations[operator][setKey][strategy];
        if (block.number < allocation.effectBlock) return (info, allocation);
        allocation.currentMagnitude = _addInt128(allocation.currentMagnitude, allocation.pendingDiff);
        if (allocation.pendingDiff < 0) {
            info.encumberedMagnitude = _addInt128(info.encumberedMagnitude, allocation.pendingDiff);
        }
        allocation.effectBlock = 0;
        allocation.pendingDiff = 0;
    }

    function _updateAllocationInfo(
        address operator,
        bytes32 setKey,
        IStrategy strategy,
        StrategyInfo memory info,
        Allocation memory allocation
    ) internal {
        if (encumberedMagnitude[operator][strategy] != info.encumberedMagnitude) {
            encumberedMagnitude[operator][strategy] = info.encumberedMagnitude;
            emit EncumberedMagnitudeUpdated(operator, strategy, info.encumberedMagnitude);
        }
        allocations[operator][setKey][strategy] = allocation;
        if (allocation.pendingDiff != 0) {
            allocatedStrategies[operator][setKey].add(address(strategy));
            allocatedSets[operator].add(setKey);
        } else if (allocation.currentMagnitude == 0) {
            allocatedStrategies[operator][setKey].remove(address(strategy));
            if (allocatedStrategies[operator][setKey].length() == 0) allocatedSets[operator].remove(setKey);
        }
    }

    function _updateMaxMagnitude(address operator, IStrategy strategy, uint64 newMaxMagnitude) internal {
        _maxMagnitudeHistory[operator][strategy].push(uint32(block.number), newMaxMagnitude);
        emit MaxMagnitudeUpdated(operator, strategy, newMaxMagnitude);
    }

    function _maxMagnitude(address operator, IStrategy strategy) internal view returns (uint64) {
        Checkpoints.Trace224 storage history = _maxMagnitudeHistory[operator][strategy];
        return history.length() == 0 ? WAD : uint64(history.latest());
    }

    function _addInt128(uint64 a, int128 b) internal pure returns (uint64) {
        return uint256(int256(int128(uint128(a)) + b)).toUint64();
    }

    // ================================================================ views

    function isOperatorSet(OperatorSet calldata operatorSet) external view returns (bool) {
        return _operatorSets[operatorSet.avs].contains(operatorSet.id);
    }

    function getOperatorSetCount(address avs) external view returns (uint256) {
        return _operatorSets[avs].length();
    }

    function getStrategiesInOperatorSet(OperatorSet memory operatorSet) external view returns (IStrategy[] memory) {
        return _toStrategies(_operatorSetStrategies[operatorSet.key()].values());
    }

    function getSlasher(OperatorSet memory operatorSet) external view returns (address) {
        return _slashers[operatorSet.key()];
    }

    function getRedistributionRecipient(OperatorSet memory operatorSet) public view returns (address) {
        address recipient = _redistributionRecipients[operatorSet.key()];
        return recipient == address(0) ? DEFAULT_BURN_ADDRESS : recipient;
    }

    function isRedistributingOperatorSet(OperatorSet memory operatorSet) external view returns (bool) {
        return _redistributionRecipients[operatorSet.key()] != address(0);
    }

    function getSlashCount(OperatorSet memory operatorSet) external view returns (uint256) {
        return _slashIds[operatorSet.key()];
    }

    function getMembers(OperatorSet memory operatorSet) external view returns (address[] memory) {
        return _operatorSetMembers[operatorSet.key()].values();
    }

    function getMemberCount(OperatorSet memory operatorSet) external view returns (uint256) {
        return _operatorSetMembers[operatorSet.key()].length();
    }

    function isMemberOfOperatorSet(address operator, OperatorSet memory operatorSet) external view returns (bool) {
        return _operatorSetMembers[operatorSet.key()].contains(operator);
    }

    function getRegisteredSets(address operator) external view returns (OperatorSet[] memory) {
        return _toSets(registeredSets[operator].values());
    }

    function getAllocatedSets(address operator) external view returns (OperatorSet[] memory) {
        return _toSets(allocatedSets[operator].values());
    }

    function getAllocatedStrategies(address operator, OperatorSet memory operatorSet)
        external
        view
        returns (IStrategy[] memory)
    {
        return _toStrategies(allocatedStrategies[operator][operatorSet.key()].values());
    }

    function isOperatorSlashable(address operator, OperatorSet memory operatorSet) public view returns (bool) {
        RegistrationStatus memory status = registrationStatus[operator][operatorSet.key()];
        return status.registered || block.number <= status.slashableUntil;
    }

    function getRegistrationStatus(address operator, OperatorSet memory operatorSet)
        external
        view
        returns (bool registered, uint32 slashableUntil)
    {
        RegistrationStatus memory status = registrationStatus[operator][operatorSet.key()];
        return (status.registered, status.slashableUntil);
    }

    function getAllocationDelay(address operator) public view returns (bool isSet, uint32 delay) {
        AllocationDelayInfo memory info = _allocationDelayInfo[operator];
        (isSet, delay) = (info.isSet, info.delay);
        if (info.effectBlock != 0 && block.number >= info.effectBlock) (isSet, delay) = (true, info.pendingDelay);
    }

    function getAllocation(address operator, OperatorSet memory operatorSet, IStrategy strategy)
        public
        view
        returns (Allocation memory allocation)
    {
        (, allocation) = _getUpdatedAllocation(operator, operatorSet.key(), strategy);
    }

    function getMaxMagnitude(address operator, IStrategy strategy) external view returns (uint64) {
        return _maxMagnitude(operator, strategy);
    }

    function getMaxMagnitudes(address operator, IStrategy[] memory strategies) external view returns (uint64[] memory m) {
        m = new uint64[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            m[i] = _maxMagnitude(operator, strategies[i]);
        }
    }

    function getMaxMagnitudeAtBlock(address operator, IStrategy strategy, uint32 blockNumber)
        public
        view
        returns (uint64)
    {
        Checkpoints.Trace224 storage history = _maxMagnitudeHistory[operator][strategy];
        // Before the first snapshot (or with none) the magnitude was the initial WAD.
        if (history.length() == 0 || history.at(0)._key > blockNumber) return WAD;
        return uint64(history.upperLookup(blockNumber));
    }

    function getMaxMagnitudesAtBlock(address operator, IStrategy[] memory strategies, uint32 blockNumber)
        external
        view
        returns (uint64[] memory m)
    {
        m = new uint64[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            m[i] = getMaxMagnitudeAtBlock(operator, strategies[i], blockNumber);
        }
    }

    function getEncumberedMagnitude(address operator, IStrategy strategy) external view returns (uint64 encumbered) {
        (encumbered,) = _getFreeAndUsedMagnitude(operator, strategy);
    }

    function getAllocatableMagnitude(address operator, IStrategy strategy) external view returns (uint64 free) {
        (, free) = _getFreeAndUsedMagnitude(operator, strategy);
    }

    /// Simulates clearing matured deallocations without writing state.
    function _getFreeAndUsedMagnitude(address operator, IStrategy strategy)
        internal
        view
        returns (uint64 encumbered, uint64 free)
    {
        encumbered = encumberedMagnitude[operator][strategy];
        DoubleEndedQueue.Bytes32Deque storage queue = deallocationQueue[operator][strategy];
        uint256 n = queue.length();
        for (uint256 i = 0; i < n; ++i) {
            Allocation memory allocation = allocations[operator][queue.at(i)][strategy];
            if (block.number < allocation.effectBlock) break;
            encumbered = _addInt128(encumbered, allocation.pendingDiff);
        }
        free = _maxMagnitude(operator, strategy) - encumbered;
    }

    function getAllocatedStake(
        OperatorSet memory operatorSet,
        address[] memory operators,
        IStrategy[] memory strategies
    ) external view returns (uint256[][] memory) {
        return _getMinimumAllocatedStake(operatorSet, operators, strategies, uint32(block.number));
    }

    function getMinimumSlashableStake(
        OperatorSet memory operatorSet,
        address[] memory operators,
        IStrategy[] memory strategies,
        uint32 futureBlock
    ) external view returns (uint256[][] memory stake) {
        stake = _getMinimumAllocatedStake(operatorSet, operators, strategies, futureBlock);
        for (uint256 i = 0; i < operators.length; ++i) {
            if (!isOperatorSlashable(operators[i], operatorSet)) {
                for (uint256 j = 0; j < strategies.length; ++j) {
                    stake[i][j] = 0;
                }
            }
        }
    }

    /// ⌊op·⌊cur·W/max⌋/W⌋, where cur includes deallocations effective by `futureBlock` (never pending increases).
    function _getMinimumAllocatedStake(
        OperatorSet memory operatorSet,
        address[] memory operators,
        IStrategy[] memory strategies,
        uint32 futureBlock
    ) internal view returns (uint256[][] memory stake) {
        uint256[][] memory delegated = delegation.getOperatorsShares(operators, strategies);
        stake = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) {
            stake[i] = new uint256[](strategies.length);
            for (uint256 j = 0; j < strategies.length; ++j) {
                uint64 maxMagnitude = _maxMagnitude(operators[i], strategies[j]);
                if (maxMagnitude == 0) continue;
                Allocation memory alloc = getAllocation(operators[i], operatorSet, strategies[j]);
                if (alloc.effectBlock <= futureBlock && alloc.pendingDiff < 0) {
                    alloc.currentMagnitude = _addInt128(alloc.currentMagnitude, alloc.pendingDiff);
                }
                uint256 proportion = SlashingLib.divWad(alloc.currentMagnitude, maxMagnitude);
                stake[i][j] = SlashingLib.mulWad(delegated[i][j], proportion);
            }
        }
    }

    function _toStrategies(address[] memory values) internal pure returns (IStrategy[] memory out) {
        out = new IStrategy[](values.length);
        for (uint256 i = 0; i < values.length; ++i) {
            out[i] = IStrategy(values[i]);
        }
    }

    function _toSets(bytes32[] memory keys) internal pure returns (OperatorSet[] memory out) {
        out = new OperatorSet[](keys.length);
        for (uint256 i = 0; i < keys.length; ++i) {
            out[i] = OperatorSetLib.decode(keys[i]);
        }
    }
}
