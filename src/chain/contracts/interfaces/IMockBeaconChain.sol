// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// The simulated consensus layer. It plays the part of the EIP-4788 beacon block root plus Merkle proofs:
/// pods READ it instead of verifying proofs, but must still verify credentials and checkpoint explicitly.
interface IMockBeaconChain {
    struct Validator {
        bytes32 pubkeyHash;
        bytes32 withdrawalCredentials; // 0x01 or 0x02 prefix, 11 zero bytes, 20-byte address
        uint64 effectiveBalanceGwei;
        uint64 balanceGwei;
        bool slashed;
        bool exitInitiated; // voluntary exit or forced by a slashing: can no longer be verified into a pod
        bool exited; // withdrawn: balance swept to the credentials address, balance 0
    }

    event ValidatorDeposited(
        uint40 indexed validatorIndex, bytes32 pubkeyHash, bytes32 withdrawalCredentials, uint64 amountGwei
    );
    event BalanceUpdated(uint40 indexed validatorIndex, uint64 balanceGwei, uint64 effectiveBalanceGwei);
    event ValidatorSlashed(uint40 indexed validatorIndex, uint64 penaltyGwei);
    event ValidatorExitInitiated(uint40 indexed validatorIndex);
    event ValidatorExited(uint40 indexed validatorIndex, address recipient, uint64 amountGwei);

    error DepositTooSmall();
    error NotMultipleOfGwei();
    error UnknownValidator();
    error ValidatorAlreadyExited();
    error AlreadySlashed();
    error CredentialsMismatch();
    error InsufficientIssuanceReserve();
    error InvalidPenaltyDivisor();

    /// Deposits msg.value (>= 1 ETH, whole gwei). A new pubkey creates a validator; a known one tops it up.
    function deposit(bytes calldata pubkey, bytes32 withdrawalCredentials) external payable returns (uint40);
    /// Consensus rewards: the balance grows; the ETH comes from the chain's issuance reserve (funded at deploy).
    function accrueRewards(uint40 validatorIndex, uint64 amountGwei) external;
    /// A non-slashing penalty (inactivity, correlation penalty): the balance shrinks (floored at 0).
    function applyPenalty(uint40 validatorIndex, uint64 amountGwei) external;
    /// Slashing: initial penalty = effective balance / penaltyDivisor, then a forced exit is initiated.
    function slash(uint40 validatorIndex) external;
    /// Voluntary exit (or the end of a forced exit): sweeps the whole balance to the credentials address.
    function exit(uint40 validatorIndex) external;

    function penaltyDivisor() external view returns (uint64);
    function validatorCount() external view returns (uint256);
    function getValidator(uint40 validatorIndex) external view returns (Validator memory);
    /// The validator's balance as of the end of block `blockNumber` (what a proof against that block's root shows).
    function getBalanceAtBlock(uint40 validatorIndex, uint32 blockNumber) external view returns (uint64 balanceGwei);
    function indexOfPubkeyHash(bytes32 pubkeyHash) external view returns (bool exists, uint40 validatorIndex);
}
