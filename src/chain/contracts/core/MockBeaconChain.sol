// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {IMockBeaconChain} from "../interfaces/IMockBeaconChain.sol";

/// Sends ETH to an address WITHOUT running its code, like a consensus-layer withdrawal: the constructor
/// self-destructs into the recipient (SELFDESTRUCT in the creating transaction still transfers the balance).
contract BeaconWithdrawal {
    constructor(address payable recipient) payable {
        selfdestruct(recipient);
    }
}

/// A simulated consensus layer (not an EigenLayer contract). It stands in for the deposit contract plus the
/// EIP-4788 beacon block root and the Merkle proofs the real EigenPod verifies: pods READ it. It keeps what
/// matters for restaking lessons: withdrawal credentials, effective vs actual balance, slashing with an initial
/// penalty of effective/penaltyDivisor (4096 since Electra, 32 before) and a forced exit, voluntary exits that
/// sweep the balance to the credentials address, and per-block balance history so a checkpoint proves
/// balances as of the block it started (the lag between the beacon chain and EigenLayer is a lesson).
/// Simplifications: validators are active on deposit (no activation/exit queues, no epochs); effective balance
/// is recomputed on every change (with the real 0.25/1.25 ETH hysteresis) instead of once per epoch; no partial
/// withdrawals (rewards accumulate in the balance); no correlation penalty (apply it with applyPenalty).
/// Any account may drive it: the sandbox decides who plays "nature". Rewards are paid from an issuance
/// reserve funded by plain ETH transfers to this contract.
contract MockBeaconChain is IMockBeaconChain {
    using Checkpoints for Checkpoints.Trace224;

    uint64 internal constant GWEI = 1e9;
    uint64 internal constant ONE_ETH_GWEI = 1e9;
    uint64 internal constant MIN_ACTIVATION_GWEI = 32e9;
    uint64 internal constant MAX_COMPOUNDING_GWEI = 2048e9;
    uint64 internal constant HYSTERESIS_DOWN_GWEI = 0.25e9;
    uint64 internal constant HYSTERESIS_UP_GWEI = 1.25e9;

    uint64 public immutable penaltyDivisor;
    Validator[] internal validators;
    mapping(bytes32 pubkeyHash => uint256 indexPlusOne) internal _indexOf;
    mapping(uint40 validatorIndex => Checkpoints.Trace224) internal _balanceHistory;

    constructor(uint64 _penaltyDivisor) {
        if (_penaltyDivisor == 0) revert InvalidPenaltyDivisor();
        penaltyDivisor = _penaltyDivisor;
    }

    /// ETH set aside to back rewards: every accrued reward is taken from it, so balances stay fully backed and
    /// one validator's exit can never be paid with another's principal.
    uint256 public issuanceReserveWei;

    /// Funds the issuance reserve that pays consensus rewards on exit.
    receive() external payable {
        issuanceReserveWei += msg.value;
    }

    function deposit(bytes calldata pubkey, bytes32 withdrawalCredentials) external payable returns (uint40 index) {
        if (msg.value < 1 ether) revert DepositTooSmall();
        if (msg.value % GWEI != 0) revert NotMultipleOfGwei();
        uint64 amountGwei = uint64(msg.value / GWEI);
        // The consensus specs' pubkey hash: sha256(pubkey ‖ 16 zero bytes), as EigenPods key validators.
        bytes32 pubkeyHash = sha256(abi.encodePacked(pubkey, bytes16(0)));
        uint256 known = _indexOf[pubkeyHash];
        if (known == 0) {
            index = uint40(validators.length);
            validators.push(
                Validator({
                    pubkeyHash: pubkeyHash,
                    withdrawalCredentials: withdrawalCredentials,
                    effectiveBalanceGwei: 0,
                    balanceGwei: 0,
                    slashed: false,
                    exitInitiated: false,
                    exited: false
                })
            );
            _indexOf[pubkeyHash] = uint256(index) + 1;
        } else {
            // A top-up: credentials of the first deposit stay, as on the real deposit contract.
            index = uint40(known - 1);
            if (validators[index].exited) revert ValidatorAlreadyExited();
        }
        emit ValidatorDeposited(index, pubkeyHash, validators[index].withdrawalCredentials, amountGwei);
        _setBalance(index, validators[index].balanceGwei + amountGwei);
    }

    function accrueRewards(uint40 validatorIndex, uint64 amountGwei) external {
        Validator storage v = _live(validatorIndex);
        uint256 amountWei = uint256(amountGwei) * GWEI;
        if (amountWei > issuanceReserveWei) revert InsufficientIssuanceReserve();
        issuanceReserveWei -= amountWei;
        _setBalance(validatorIndex, v.balanceGwei + amountGwei);
    }

    function applyPenalty(uint40 validatorIndex, uint64 amountGwei) external {
        Validator storage v = _live(validatorIndex);
        _setBalance(validatorIndex, amountGwei >= v.balanceGwei ? 0 : v.balanceGwei - amountGwei);
    }

    function slash(uint40 validatorIndex) external {
        Validator storage v = _live(validatorIndex);
        if (v.slashed) revert AlreadySlashed();
        uint64 penalty = v.effectiveBalanceGwei / penaltyDivisor;
        v.slashed = true;
        emit ValidatorSlashed(validatorIndex, penalty);
        if (!v.exitInitiated) {
            v.exitInitiated = true; // slashing forces an exit
            emit ValidatorExitInitiated(validatorIndex);
        }
        _setBalance(validatorIndex, penalty >= v.balanceGwei ? 0 : v.balanceGwei - penalty);
    }

    function exit(uint40 validatorIndex) external {
        Validator storage v = _live(validatorIndex);
        uint64 amountGwei = v.balanceGwei;
        if (!v.exitInitiated) {
            v.exitInitiated = true;
            emit ValidatorExitInitiated(validatorIndex);
        }
        v.exited = true;
        _setBalance(validatorIndex, 0);
        address recipient = address(uint160(uint256(v.withdrawalCredentials)));
        uint256 amountWei = uint256(amountGwei) * GWEI;
        if (amountWei > address(this).balance) revert InsufficientIssuanceReserve();
        emit ValidatorExited(validatorIndex, recipient, amountGwei);
        if (amountWei > 0) new BeaconWithdrawal{value: amountWei}(payable(recipient));
    }

    // ---- views ----

    function validatorCount() external view returns (uint256) {
        return validators.length;
    }

    function getValidator(uint40 validatorIndex) external view returns (Validator memory) {
        if (validatorIndex >= validators.length) revert UnknownValidator();
        return validators[validatorIndex];
    }

    function getBalanceAtBlock(uint40 validatorIndex, uint32 blockNumber) external view returns (uint64) {
        if (validatorIndex >= validators.length) revert UnknownValidator();
        return uint64(_balanceHistory[validatorIndex].upperLookup(blockNumber));
    }

    function indexOfPubkeyHash(bytes32 pubkeyHash) external view returns (bool exists, uint40 validatorIndex) {
        uint256 known = _indexOf[pubkeyHash];
        return known == 0 ? (false, uint40(0)) : (true, uint40(known - 1));
    }

    // ---- internals ----

    function _live(uint40 validatorIndex) internal view returns (Validator storage v) {
        if (validatorIndex >= validators.length) revert UnknownValidator();
        v = validators[validatorIndex];
        if (v.exited) revert ValidatorAlreadyExited();
    }

    function _setBalance(uint40 validatorIndex, uint64 newBalanceGwei) internal {
        Validator storage v = validators[validatorIndex];
        v.balanceGwei = newBalanceGwei;
        // Effective balance moves in whole ETH, only once the balance leaves the hysteresis band.
        uint64 eff = v.effectiveBalanceGwei;
        if (newBalanceGwei + HYSTERESIS_DOWN_GWEI < eff || eff + HYSTERESIS_UP_GWEI < newBalanceGwei) {
            uint64 cap = bytes1(v.withdrawalCredentials) == 0x02 ? MAX_COMPOUNDING_GWEI : MIN_ACTIVATION_GWEI;
            uint64 rounded = newBalanceGwei - (newBalanceGwei % ONE_ETH_GWEI);
            v.effectiveBalanceGwei = rounded < cap ? rounded : cap;
        }
        _balanceHistory[validatorIndex].push(uint32(block.number), newBalanceGwei);
        emit BalanceUpdated(validatorIndex, newBalanceGwei, v.effectiveBalanceGwei);
    }
}
