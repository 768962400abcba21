// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IEigenPod} from "../interfaces/IEigenPod.sol";
import {IEigenPodManager} from "../interfaces/IEigenPodManager.sol";
import {IMockBeaconChain} from "../interfaces/IMockBeaconChain.sol";

/// Mirrors EigenLayer's EigenPod (src/contracts/pods/EigenPod.sol): the withdrawal-credentials target for a
/// pod owner's validators. Credentials must be verified explicitly (crediting EFFECTIVE balance), and balance
/// changes reach EigenLayer only through checkpoints (crediting CURRENT balances as of the checkpoint's start
/// block). Anyone can prove a slashed validator stale, which starts a checkpoint.
/// Left out: Merkle proofs and the EIP-4788 root (replaced by reads of MockBeaconChain, see its header), the
/// proof submitter role, consolidation/withdrawal requests (EIP-7002/7251), ERC20 recovery, pausing.
/// Deployed by MiniEigenPodManager with CREATE2 (salt = owner), not behind a beacon proxy.
contract MiniEigenPod is IEigenPod {
    uint64 internal constant GWEI_TO_WEI = 1e9;

    IEigenPodManager public immutable eigenPodManager;
    IMockBeaconChain public immutable beaconChain;
    address public immutable podOwner;

    uint256 public activeValidatorCount;
    /// ETH already credited with shares (via a checkpoint), and so withdrawable through the EigenLayer queue.
    uint64 internal restakedExecutionLayerGwei;
    uint64 public currentCheckpointTimestamp;
    uint64 public lastCheckpointTimestamp;
    uint32 public currentCheckpointBlock;
    Checkpoint internal _currentCheckpoint;
    mapping(bytes32 pubkeyHash => ValidatorInfo) internal _validatorPubkeyHashToInfo;

    modifier onlyEigenPodOwner() {
        if (msg.sender != podOwner) revert OnlyEigenPodOwner();
        _;
    }

    modifier onlyEigenPodManager() {
        if (msg.sender != address(eigenPodManager)) revert OnlyEigenPodManager();
        _;
    }

    constructor(IMockBeaconChain _beaconChain, address _podOwner) {
        eigenPodManager = IEigenPodManager(msg.sender);
        beaconChain = _beaconChain;
        podOwner = _podOwner;
    }

    /// ETH sent directly (not a beacon-chain withdrawal, which arrives without running code). It is credited
    /// with shares by the next checkpoint, like any ETH in the pod.
    receive() external payable {
        emit NonBeaconChainETHReceived(msg.value);
    }

    function stake(bytes calldata pubkey) external payable onlyEigenPodManager {
        if (msg.value != 32 ether) revert MsgValueNot32ETH();
        beaconChain.deposit{value: 32 ether}(pubkey, podWithdrawalCredentials());
        emit EigenPodStaked(sha256(abi.encodePacked(pubkey, bytes16(0))));
    }

    function verifyWithdrawalCredentials(uint40[] calldata validatorIndices) external onlyEigenPodOwner {
        // A proof must be newer than the active checkpoint, or it could advance that checkpoint.
        if (block.timestamp <= currentCheckpointTimestamp) revert BeaconTimestampTooFarInPast();
        uint256 totalWei;
        for (uint256 i = 0; i < validatorIndices.length; ++i) {
            totalWei += _verifyWithdrawalCredentials(validatorIndices[i]);
        }
        eigenPodManager.recordBeaconChainETHBalanceUpdate(podOwner, 0, int256(totalWei));
    }

    function startCheckpoint(bool revertIfNoBalance) external onlyEigenPodOwner {
        _startCheckpoint(revertIfNoBalance);
    }

    function verifyCheckpointProofs(uint40[] calldata validatorIndices) external {
        uint64 checkpointTimestamp = currentCheckpointTimestamp;
        if (checkpointTimestamp == 0) revert NoActiveCheckpoint();
        Checkpoint memory checkpoint = _currentCheckpoint;
        for (uint256 i = 0; i < validatorIndices.length; ++i) {
            IMockBeaconChain.Validator memory v = beaconChain.getValidator(validatorIndices[i]);
            ValidatorInfo memory info = _validatorPubkeyHashToInfo[v.pubkeyHash];
            // Not ACTIVE, or already proven for this checkpoint (or verified after it began): skipped, as real.
            if (info.status != VALIDATOR_STATUS.ACTIVE || info.lastCheckpointedAt >= checkpointTimestamp) continue;
            uint64 prevBalanceGwei = info.restakedBalanceGwei;
            uint64 newBalanceGwei = beaconChain.getBalanceAtBlock(validatorIndices[i], currentCheckpointBlock);
            int64 deltaGwei = int64(newBalanceGwei) - int64(prevBalanceGwei);
            if (deltaGwei != 0) emit ValidatorBalanceUpdated(v.pubkeyHash, checkpointTimestamp, newBalanceGwei);
            info.restakedBalanceGwei = newBalanceGwei;
            info.lastCheckpointedAt = checkpointTimestamp;
            if (newBalanceGwei == 0) {
                // Exited: its ETH must already have been in the pod when the checkpoint started.
                --activeValidatorCount;
                info.status = VALIDATOR_STATUS.WITHDRAWN;
                emit ValidatorWithdrawn(checkpointTimestamp, v.pubkeyHash);
            }
            checkpoint.proofsRemaining--;
            checkpoint.prevBeaconBalanceGwei += prevBalanceGwei;
            checkpoint.balanceDeltasGwei += deltaGwei;
            _validatorPubkeyHashToInfo[v.pubkeyHash] = info;
            emit ValidatorCheckpointed(checkpointTimestamp, v.pubkeyHash);
        }
        _updateCheckpoint(checkpoint);
    }

    function verifyStaleBalance(uint40 validatorIndex) external {
        IMockBeaconChain.Validator memory v = beaconChain.getValidator(validatorIndex);
        ValidatorInfo memory info = _validatorPubkeyHashToInfo[v.pubkeyHash];
        if (block.timestamp <= info.lastCheckpointedAt) revert BeaconTimestampTooFarInPast();
        if (info.status != VALIDATOR_STATUS.ACTIVE) revert ValidatorNotActiveInPod();
        if (!v.slashed) revert ValidatorNotSlashedOnBeaconChain();
        _startCheckpoint(false);
    }

    function withdrawRestakedBeaconChainETH(address recipient, uint256 amountWei) external onlyEigenPodManager {
        // Whole gwei only: sub-gwei dust is never credited, so never paid.
        uint64 amountGwei = uint64(amountWei / GWEI_TO_WEI);
        if (amountGwei > restakedExecutionLayerGwei) revert InsufficientWithdrawableBalance();
        restakedExecutionLayerGwei -= amountGwei;
        uint256 paid = uint256(amountGwei) * GWEI_TO_WEI;
        emit RestakedBeaconChainETHWithdrawn(recipient, paid);
        Address.sendValue(payable(recipient), paid);
    }

    // ---- internals ----

    function _verifyWithdrawalCredentials(uint40 validatorIndex) internal returns (uint256) {
        IMockBeaconChain.Validator memory v = beaconChain.getValidator(validatorIndex);
        ValidatorInfo memory info = _validatorPubkeyHashToInfo[v.pubkeyHash];
        if (info.status != VALIDATOR_STATUS.INACTIVE) revert CredentialsAlreadyVerified();
        if (v.effectiveBalanceGwei == 0) revert ValidatorInactiveOnBeaconChain();
        // An exiting validator could be gone before its first checkpoint: it cannot join.
        if (v.exitInitiated) revert ValidatorIsExitingBeaconChain();
        bytes32 c = v.withdrawalCredentials;
        if (c != podWithdrawalCredentials() && c != _podCompoundingWithdrawalCredentials()) {
            revert WithdrawalCredentialsNotForEigenPod();
        }
        uint64 restakedBalanceGwei = v.effectiveBalanceGwei;
        ++activeValidatorCount;
        uint64 lastCheckpointedAt = currentCheckpointTimestamp == 0 ? lastCheckpointTimestamp : currentCheckpointTimestamp;
        _validatorPubkeyHashToInfo[v.pubkeyHash] = ValidatorInfo({
            validatorIndex: validatorIndex,
            restakedBalanceGwei: restakedBalanceGwei,
            lastCheckpointedAt: lastCheckpointedAt,
            status: VALIDATOR_STATUS.ACTIVE
        });
        // Counted in the active checkpoint's previous balance even though it is not proven in it.
        _currentCheckpoint.prevBeaconBalanceGwei += restakedBalanceGwei;
        emit ValidatorRestaked(v.pubkeyHash);
        emit ValidatorBalanceUpdated(v.pubkeyHash, lastCheckpointedAt, restakedBalanceGwei);
        return uint256(restakedBalanceGwei) * GWEI_TO_WEI;
    }

    function _startCheckpoint(bool revertIfNoBalance) internal {
        if (currentCheckpointTimestamp != 0) revert CheckpointAlreadyActive();
        if (lastCheckpointTimestamp == uint64(block.timestamp)) revert CannotCheckpointTwiceInSingleBlock();
        // Pod ETH not yet credited with shares (whole gwei).
        uint64 podBalanceGwei = uint64(address(this).balance / GWEI_TO_WEI) - restakedExecutionLayerGwei;
        if (revertIfNoBalance && podBalanceGwei == 0) revert NoBalanceToCheckpoint();
        Checkpoint memory checkpoint = Checkpoint({
            proofsRemaining: uint24(activeValidatorCount),
            podBalanceGwei: podBalanceGwei,
            balanceDeltasGwei: 0,
            prevBeaconBalanceGwei: 0
        });
        currentCheckpointTimestamp = uint64(block.timestamp);
        currentCheckpointBlock = uint32(block.number);
        // As in EigenPod: a checkpoint with no proofs to wait for finalizes before CheckpointCreated is emitted.
        _updateCheckpoint(checkpoint);
        emit CheckpointCreated(uint64(block.timestamp), blockhash(block.number - 1), checkpoint.proofsRemaining);
    }

    /// With no proofs left: R = restakedExecutionLayer + Σ previous balances, Δ = pod balance + Σ deltas,
    /// reported to the manager (positive → new shares, negative → lower beacon-chain slashing factor).
    function _updateCheckpoint(Checkpoint memory checkpoint) internal {
        if (checkpoint.proofsRemaining != 0) {
            _currentCheckpoint = checkpoint;
            return;
        }
        uint64 prevRestakedBalanceGwei = restakedExecutionLayerGwei + checkpoint.prevBeaconBalanceGwei;
        int64 balanceDeltaGwei = int64(checkpoint.podBalanceGwei) + checkpoint.balanceDeltasGwei;
        restakedExecutionLayerGwei += checkpoint.podBalanceGwei;
        lastCheckpointTimestamp = currentCheckpointTimestamp;
        delete currentCheckpointTimestamp; // the stored checkpoint is left as it was, as in EigenPod
        int256 balanceDeltaWei = int256(balanceDeltaGwei) * int256(uint256(GWEI_TO_WEI));
        emit CheckpointFinalized(lastCheckpointTimestamp, balanceDeltaWei);
        eigenPodManager.recordBeaconChainETHBalanceUpdate(
            podOwner, uint256(prevRestakedBalanceGwei) * GWEI_TO_WEI, balanceDeltaWei
        );
    }

    // ---- views ----

    function podWithdrawalCredentials() public view returns (bytes32) {
        return bytes32(abi.encodePacked(bytes1(0x01), bytes11(0), address(this)));
    }

    function _podCompoundingWithdrawalCredentials() internal view returns (bytes32) {
        return bytes32(abi.encodePacked(bytes1(0x02), bytes11(0), address(this)));
    }

    function withdrawableRestakedExecutionLayerGwei() external view returns (uint64) {
        return restakedExecutionLayerGwei;
    }

    function currentCheckpoint() external view returns (Checkpoint memory) {
        return _currentCheckpoint;
    }

    function validatorPubkeyHashToInfo(bytes32 pubkeyHash) external view returns (ValidatorInfo memory) {
        return _validatorPubkeyHashToInfo[pubkeyHash];
    }

    function validatorInfoByIndex(uint40 validatorIndex) external view returns (ValidatorInfo memory) {
        return _validatorPubkeyHashToInfo[beaconChain.getValidator(validatorIndex).pubkeyHash];
    }
}
