// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IStrategy} from "../interfaces/IStrategy.sol";
import {IAllocationManager} from "../interfaces/IAllocationManager.sol";
import {IDelegationManager} from "../interfaces/IDelegationManager.sol";
import {IAVSRegistrar} from "../interfaces/IAVSRegistrar.sol";
import {OperatorSet, Allocation, SlashingParams, CreateSetParams, DeregisterParams} from "../interfaces/Types.sol";
import {MiniRewardsCoordinator} from "./MiniRewardsCoordinator.sol";

/// @title MiniAVS: an example AVS (service) that is its own registrar and its own slasher.
/// @notice Mirrors what an AVS builds on EigenLayer with the middleware: a ServiceManager that creates operator
/// sets, an AVSRegistrar that admits operators (here: "accept if the operator's allocated stake to the set is at
/// least `minStake`"), a slasher (middleware InstantSlasher) and, optionally, a veto committee in the style of
/// the middleware's VetoableSlasher (Layr-Labs/eigenlayer-middleware src/slashers/VetoableSlasher.sol).
///
/// THE VETO WINDOW IS AVS-LEVEL, NOT A PROTOCOL FEATURE. EigenLayer itself has no veto: the AllocationManager
/// executes any slash its set's slasher sends. An AVS may choose to put a committee and a delay in front of its
/// own slasher, as here (`requestSlash` → `veto` by the committee within `vetoWindowBlocks` → `executeSlash`).
/// Compare Symbiotic, whose VetoSlasher with resolvers is part of the protocol.
/// Note that a slash executed after the operator stopped being slashable (deregistered more than
/// DEALLOCATION_DELAY blocks ago) fails in the AllocationManager: a veto window eats into that time.
///
/// Left out: the middleware's registry coordinator, quorums, BLS keys, stake registry, ejector, the
/// PermissionController (the owner is one EOA), and the ServiceManager's rewards initiator role.
/// The window is measured in blocks, as in the current VetoableSlasher (vetoWindowBlocks).
contract MiniAVS is IAVSRegistrar {
    enum SlashingStatus {
        None,
        Requested,
        Cancelled,
        Completed
    }

    struct SlashRequest {
        address operator;
        uint32 operatorSetId;
        IStrategy[] strategies;
        uint256[] wadsToSlash;
        string description;
        uint32 requestBlock;
        /// The committee may veto while block.number < executableAtBlock; the owner executes from then on.
        uint32 executableAtBlock;
        SlashingStatus status;
        /// The AllocationManager's slash id once executed.
        uint256 slashId;
    }

    IAllocationManager public immutable allocationManager;
    IDelegationManager public immutable delegationManager;
    /// May be zero: then `submitRewards` is unavailable.
    MiniRewardsCoordinator public immutable rewardsCoordinator;
    address public immutable owner;

    /// Registrar rule: the operator's allocated stake to the set, summed over its strategies, must reach this.
    uint256 public minStake;
    /// 0 = no veto window: `slash` is immediate.
    uint32 public vetoWindowBlocks;
    address public vetoCommittee;
    /// Requests neither vetoed nor executed. While any is open the veto configuration is frozen: middleware's
    /// VetoableSlasher makes window and committee immutable, so the slasher cannot dodge a committee mid-request.
    uint256 public openSlashRequests;

    uint32[] private operatorSetIds;
    SlashRequest[] private slashRequests;

    event OperatorSetCreatedByAVS(uint32 operatorSetId, address redistributionRecipient);
    event OperatorAccepted(address indexed operator, uint32 operatorSetId, uint256 allocatedStake);
    event MinStakeSet(uint256 minStake);
    event VetoConfigured(uint32 vetoWindowBlocks, address vetoCommittee);
    /// Middleware VetoableSlasher's names.
    event SlashingRequested(
        uint256 indexed requestId, address operator, uint32 operatorSetId, uint256[] wadsToSlash, string description
    );
    event SlashingRequestCancelled(uint256 indexed requestId);
    event SlashingRequestFulfilled(uint256 indexed requestId, uint256 slashId);

    error OnlyOwner();
    error OnlyAllocationManager();
    error OnlyVetoCommittee();
    error InvalidAVS(address avs);
    error InsufficientStake(address operator, uint32 operatorSetId, uint256 allocatedStake, uint256 minStake);
    error VetoWindowEnabled(uint32 vetoWindowBlocks);
    error VetoPeriodPassed(uint256 requestId, uint32 executableAtBlock);
    error VetoPeriodNotPassed(uint256 requestId, uint32 executableAtBlock);
    error SlashingRequestNotRequested(uint256 requestId);
    error SlashingRequestIsCancelled(uint256 requestId);
    error NoRewardsCoordinator();
    error EthTransferFailed();
    error SlashRequestsOpen(uint256 openSlashRequests);

    modifier onlyOwner() {
        if (msg.sender != owner) revert OnlyOwner();
        _;
    }

    modifier onlyAllocationManager() {
        if (msg.sender != address(allocationManager)) revert OnlyAllocationManager();
        _;
    }

    constructor(
        IAllocationManager allocationManager_,
        IDelegationManager delegationManager_,
        MiniRewardsCoordinator rewardsCoordinator_,
        address owner_,
        string memory metadataURI
    ) {
        allocationManager = allocationManager_;
        delegationManager = delegationManager_;
        rewardsCoordinator = rewardsCoordinator_;
        owner = owner_;
        // Required before the AVS can create operator sets (msg.sender is this contract already).
        allocationManager_.updateAVSMetadataURI(address(this), metadataURI);
    }

    // ---------------------------------------------------------------- configuration (owner)

    /// Creates operator set `id` with this contract as its slasher. A non-zero recipient makes it a
    /// redistributing set (immutable; never for native ETH); zero means slashed funds are burned.
    function createOperatorSet(uint32 id, IStrategy[] calldata strategies, address redistributionRecipient)
        external
        onlyOwner
    {
        CreateSetParams[] memory params = new CreateSetParams[](1);
        params[0] = CreateSetParams({operatorSetId: id, strategies: strategies, slasher: address(this)});
        if (redistributionRecipient == address(0)) {
            allocationManager.createOperatorSets(address(this), params);
        } else {
            address[] memory recipients = new address[](1);
            recipients[0] = redistributionRecipient;
            allocationManager.createRedistributingOperatorSets(address(this), params, recipients);
        }
        operatorSetIds.push(id);
        emit OperatorSetCreatedByAVS(id, redistributionRecipient);
    }

    function setMinStake(uint256 minStake_) external onlyOwner {
        minStake = minStake_;
        emit MinStakeSet(minStake_);
    }

    /// Turns the AVS-level veto window on (windowBlocks > 0) or off (0), only while no request is open.
    function configureVeto(uint32 windowBlocks, address committee) external onlyOwner {
        if (openSlashRequests != 0) revert SlashRequestsOpen(openSlashRequests);
        vetoWindowBlocks = windowBlocks;
        vetoCommittee = committee;
        emit VetoConfigured(windowBlocks, committee);
    }

    /// Ejects an operator (the AVS may deregister operators; they stay slashable for DEALLOCATION_DELAY blocks).
    function ejectOperator(address operator, uint32[] calldata ids) external onlyOwner {
        allocationManager.deregisterFromOperatorSets(
            DeregisterParams({operator: operator, avs: address(this), operatorSetIds: ids})
        );
    }

    // ---------------------------------------------------------------- registrar callbacks

    /// Called by the AllocationManager when `operator` registers; reverting rejects the registration.
    function registerOperator(address operator, address avs, uint32[] calldata ids, bytes calldata)
        external
        onlyAllocationManager
    {
        if (avs != address(this)) revert InvalidAVS(avs);
        for (uint256 i = 0; i < ids.length; i++) {
            uint256 stake = allocatedStake(operator, ids[i]);
            if (stake < minStake) revert InsufficientStake(operator, ids[i], stake, minStake);
            emit OperatorAccepted(operator, ids[i], stake);
        }
    }

    function deregisterOperator(address, address avs, uint32[] calldata) external view onlyAllocationManager {
        if (avs != address(this)) revert InvalidAVS(avs);
    }

    /// Σ over the set's strategies of ⌊operatorShares·⌊current·1e18/max⌋/1e18⌋ (AllocationManager's formula),
    /// computed from the allocation itself so it does not depend on whether the operator is registered yet.
    function allocatedStake(address operator, uint32 id) public view returns (uint256 stake) {
        OperatorSet memory set = OperatorSet({avs: address(this), id: id});
        IStrategy[] memory strategies = allocationManager.getStrategiesInOperatorSet(set);
        for (uint256 i = 0; i < strategies.length; i++) {
            uint64 maxMagnitude = allocationManager.getMaxMagnitude(operator, strategies[i]);
            if (maxMagnitude == 0) continue;
            Allocation memory a = allocationManager.getAllocation(operator, set, strategies[i]);
            uint256 fraction = (uint256(a.currentMagnitude) * 1e18) / maxMagnitude;
            stake += (delegationManager.operatorShares(operator, strategies[i]) * fraction) / 1e18;
        }
    }

    // ---------------------------------------------------------------- slashing

    /// Immediate slash (no veto window configured). `wadsToSlash[i]` is a fraction of the operator's
    /// allocation to THIS set; strategies must be strictly ascending. Returns the AllocationManager's slash id.
    function slash(
        address operator,
        uint32 operatorSetId,
        IStrategy[] calldata strategies,
        uint256[] calldata wadsToSlash,
        string calldata description
    ) external onlyOwner returns (uint256 slashId) {
        if (vetoWindowBlocks != 0) revert VetoWindowEnabled(vetoWindowBlocks);
        slashId = _slash(operator, operatorSetId, strategies, wadsToSlash, description);
    }

    /// Queues a slash behind the veto window. Returns the request id.
    function requestSlash(
        address operator,
        uint32 operatorSetId,
        IStrategy[] calldata strategies,
        uint256[] calldata wadsToSlash,
        string calldata description
    ) external onlyOwner returns (uint256 requestId) {
        requestId = slashRequests.length;
        SlashRequest storage r = slashRequests.push();
        r.operator = operator;
        r.operatorSetId = operatorSetId;
        r.strategies = strategies;
        r.wadsToSlash = wadsToSlash;
        r.description = description;
        r.requestBlock = uint32(block.number);
        r.executableAtBlock = uint32(block.number) + vetoWindowBlocks;
        r.status = SlashingStatus.Requested;
        ++openSlashRequests;
        emit SlashingRequested(requestId, operator, operatorSetId, wadsToSlash, description);
    }

    /// The committee cancels a request while the window is open.
    function veto(uint256 requestId) external {
        if (msg.sender != vetoCommittee) revert OnlyVetoCommittee();
        SlashRequest storage r = _request(requestId);
        if (r.status != SlashingStatus.Requested) revert SlashingRequestNotRequested(requestId);
        if (block.number >= r.executableAtBlock) revert VetoPeriodPassed(requestId, r.executableAtBlock);
        r.status = SlashingStatus.Cancelled;
        --openSlashRequests;
        emit SlashingRequestCancelled(requestId);
    }

    /// Executes a request once its window has closed without a veto.
    function executeSlash(uint256 requestId) external onlyOwner returns (uint256 slashId) {
        SlashRequest storage r = _request(requestId);
        if (r.status == SlashingStatus.Cancelled) revert SlashingRequestIsCancelled(requestId);
        if (r.status != SlashingStatus.Requested) revert SlashingRequestNotRequested(requestId);
        if (block.number < r.executableAtBlock) revert VetoPeriodNotPassed(requestId, r.executableAtBlock);
        r.status = SlashingStatus.Completed;
        --openSlashRequests;
        slashId = _slash(r.operator, r.operatorSetId, r.strategies, r.wadsToSlash, r.description);
        r.slashId = slashId;
        emit SlashingRequestFulfilled(requestId, slashId);
    }

    function _slash(
        address operator,
        uint32 operatorSetId,
        IStrategy[] memory strategies,
        uint256[] memory wadsToSlash,
        string memory description
    ) private returns (uint256 slashId) {
        (slashId,) = allocationManager.slashOperator(
            address(this),
            SlashingParams({
                operator: operator,
                operatorSetId: operatorSetId,
                strategies: strategies,
                wadsToSlash: wadsToSlash,
                description: description
            })
        );
    }

    function _request(uint256 requestId) private view returns (SlashRequest storage) {
        if (requestId >= slashRequests.length) revert SlashingRequestNotRequested(requestId);
        return slashRequests[requestId];
    }

    // ---------------------------------------------------------------- rewards

    /// Funds a rewards submission for set `operatorSetId` with the ETH sent. Undistributable rounding dust
    /// comes back and is returned to the owner. Returns the submission id.
    function submitRewards(uint32 operatorSetId) external payable onlyOwner returns (uint256 submissionId) {
        if (address(rewardsCoordinator) == address(0)) revert NoRewardsCoordinator();
        submissionId = rewardsCoordinator.createUniqueStakeRewardsSubmission{value: msg.value}(
            OperatorSet({avs: address(this), id: operatorSetId})
        );
        uint256 dust = address(this).balance;
        if (dust > 0) {
            (bool sent,) = owner.call{value: dust}("");
            if (!sent) revert EthTransferFailed();
        }
    }

    /// Receives the coordinator's dust refund.
    receive() external payable {}

    // ---------------------------------------------------------------- views

    function getOperatorSetIds() external view returns (uint32[] memory) {
        return operatorSetIds;
    }

    function slashRequestCount() external view returns (uint256) {
        return slashRequests.length;
    }

    function getSlashRequest(uint256 requestId) external view returns (SlashRequest memory) {
        return _request(requestId);
    }
}
