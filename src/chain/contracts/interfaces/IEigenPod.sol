// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// Mirrors EigenLayer's IEigenPod. Proofs are replaced by reads of the MockBeaconChain, keyed by validator index;
/// the explicit steps (verify credentials, start checkpoint, prove every active validator) are kept.
interface IEigenPod {
    enum VALIDATOR_STATUS {
        INACTIVE, // never verified into this pod
        ACTIVE, // credentials verified; its balance counts toward the owner's shares
        WITHDRAWN // proven at 0 balance by a checkpoint
    }

    struct ValidatorInfo {
        uint64 validatorIndex;
        uint64 restakedBalanceGwei;
        uint64 lastCheckpointedAt; // timestamp
        VALIDATOR_STATUS status;
    }

    struct Checkpoint {
        uint24 proofsRemaining;
        uint64 podBalanceGwei;
        int64 balanceDeltasGwei;
        uint64 prevBeaconBalanceGwei;
    }

    event EigenPodStaked(bytes32 pubkeyHash);
    event ValidatorRestaked(bytes32 pubkeyHash);
    event ValidatorBalanceUpdated(bytes32 pubkeyHash, uint64 balanceTimestamp, uint64 newValidatorBalanceGwei);
    event CheckpointCreated(uint64 indexed checkpointTimestamp, bytes32 indexed beaconBlockRoot, uint256 validatorCount);
    event CheckpointFinalized(uint64 indexed checkpointTimestamp, int256 totalShareDeltaWei);
    event ValidatorCheckpointed(uint64 indexed checkpointTimestamp, bytes32 indexed pubkeyHash);
    event ValidatorWithdrawn(uint64 indexed checkpointTimestamp, bytes32 indexed pubkeyHash);
    event RestakedBeaconChainETHWithdrawn(address indexed recipient, uint256 amount);
    event NonBeaconChainETHReceived(uint256 amountReceived);

    error OnlyEigenPodOwner();
    error OnlyEigenPodManager();
    error MsgValueNot32ETH();
    error CredentialsAlreadyVerified();
    error WithdrawalCredentialsNotForEigenPod();
    error ValidatorIsExitingBeaconChain();
    error ValidatorInactiveOnBeaconChain();
    error ValidatorNotActiveInPod();
    error ValidatorNotSlashedOnBeaconChain();
    error BeaconTimestampTooFarInPast();
    error CheckpointAlreadyActive();
    error NoActiveCheckpoint();
    error CannotCheckpointTwiceInSingleBlock();
    error NoBalanceToCheckpoint();
    error InsufficientWithdrawableBalance();

    /// Deposits exactly 32 ETH into a new validator with this pod's 0x01 credentials (called via the manager).
    function stake(bytes calldata pubkey) external payable;
    /// Owner only. Each validator must point at this pod and be active (not exiting); credits its effective balance.
    function verifyWithdrawalCredentials(uint40[] calldata validatorIndices) external;
    /// Owner only. Snapshots un-credited pod ETH and the number of active validators to prove.
    function startCheckpoint(bool revertIfNoBalance) external;
    /// Anyone. Proves current balances of active validators for the current checkpoint.
    function verifyCheckpointProofs(uint40[] calldata validatorIndices) external;
    /// Anyone. Proves an active validator was slashed on the beacon chain; starts a checkpoint.
    function verifyStaleBalance(uint40 validatorIndex) external;
    /// Manager only: pays a completed native-ETH withdrawal.
    function withdrawRestakedBeaconChainETH(address recipient, uint256 amountWei) external;

    function podOwner() external view returns (address);
    function activeValidatorCount() external view returns (uint256);
    function withdrawableRestakedExecutionLayerGwei() external view returns (uint64);
    function currentCheckpointTimestamp() external view returns (uint64);
    function lastCheckpointTimestamp() external view returns (uint64);
    function currentCheckpoint() external view returns (Checkpoint memory);
    /// Block at which the current checkpoint started: its proofs read beacon balances as of this block.
    function currentCheckpointBlock() external view returns (uint32);
    function validatorPubkeyHashToInfo(bytes32 pubkeyHash) external view returns (ValidatorInfo memory);
    function validatorInfoByIndex(uint40 validatorIndex) external view returns (ValidatorInfo memory);
    function podWithdrawalCredentials() external view returns (bytes32);
}
