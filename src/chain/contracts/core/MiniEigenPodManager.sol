// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IStrategy} from "../interfaces/IStrategy.sol";
import {IEigenPodManager} from "../interfaces/IEigenPodManager.sol";
import {IEigenPod} from "../interfaces/IEigenPod.sol";
import {IDelegationManager} from "../interfaces/IDelegationManager.sol";
import {IMockBeaconChain} from "../interfaces/IMockBeaconChain.sol";
import {OperatorSet, BEACONCHAIN_ETH_STRAT} from "../interfaces/Types.sol";
import {MiniEigenPod} from "./MiniEigenPod.sol";

/// Mirrors EigenLayer's EigenPodManager (src/contracts/pods/EigenPodManager.sol): one pod per owner, signed
/// native-ETH deposit shares (1 share = 1 wei), the per-owner beacon-chain slashing factor (BCSF) lowered by
/// negative checkpoints as l' = ⌊l·(R−δ)/R⌋ (deposit shares untouched), and the share-manager hooks.
/// AVS-slashed native ETH is NOT burned: it is only counted in burnableETHShares and stays locked in pods,
/// as on mainnet today.
/// Left out: proxy, pausing, the beacon-proxy pod factory (pods are CREATE2 deployments), legacy negative-share
/// withdrawals (shares never go negative here), the Pectra fee/consolidation paths.
/// Wiring: constructed with the MockBeaconChain; the deployer calls initialize(delegationManager) once.
contract MiniEigenPodManager is IEigenPodManager {
    uint64 internal constant WAD = 1e18;
    uint256 internal constant GWEI_TO_WEI = 1e9;

    address internal immutable deployer;
    IMockBeaconChain internal immutable _beaconChain;
    IDelegationManager public delegationManager;

    mapping(address podOwner => IEigenPod) internal _ownerToPod;
    mapping(address podOwner => int256) public podOwnerDepositShares;
    /// 0 means "never set" and reads as WAD (mirrors the real isSet flag).
    mapping(address podOwner => uint64) internal _beaconChainSlashingFactor;
    mapping(address podOwner => bool) internal _bcsfSet;
    uint256 public burnableETHShares;
    uint256 public numPods;

    modifier onlyDelegationManager() {
        if (msg.sender != address(delegationManager)) revert OnlyDelegationManager();
        _;
    }

    constructor(IMockBeaconChain beaconChain_) {
        deployer = msg.sender;
        _beaconChain = beaconChain_;
    }

    function initialize(IDelegationManager _delegationManager) external {
        if (msg.sender != deployer) revert OnlyDeployer();
        if (address(delegationManager) != address(0)) revert AlreadyInitialized();
        delegationManager = _delegationManager;
    }

    function createPod() external returns (address) {
        if (hasPod(msg.sender)) revert EigenPodAlreadyExists();
        return address(_deployPod(msg.sender));
    }

    function stake(bytes calldata pubkey) external payable {
        IEigenPod pod = _ownerToPod[msg.sender];
        if (address(pod) == address(0)) pod = _deployPod(msg.sender);
        pod.stake{value: msg.value}(pubkey);
    }

    function recordBeaconChainETHBalanceUpdate(address podOwner, uint256 prevRestakedBalanceWei, int256 balanceDeltaWei)
        external
    {
        if (podOwner == address(0) || address(_ownerToPod[podOwner]) != msg.sender) revert OnlyEigenPod();
        if (balanceDeltaWei % int256(GWEI_TO_WEI) != 0) revert SharesNotMultipleOfGwei();
        int256 currentDepositShares = podOwnerDepositShares[podOwner];
        if (balanceDeltaWei > 0) {
            (uint256 prevDepositShares, uint256 addedShares) = _addShares(podOwner, uint256(balanceDeltaWei));
            delegationManager.increaseDelegatedShares(
                podOwner, IStrategy(BEACONCHAIN_ETH_STRAT), prevDepositShares, addedShares
            );
        } else if (balanceDeltaWei < 0) {
            uint64 decrease = _reduceSlashingFactor(podOwner, prevRestakedBalanceWei, uint256(-balanceDeltaWei));
            delegationManager.decreaseDelegatedShares(podOwner, uint256(currentDepositShares), decrease);
        }
    }

    // ---- share-manager hooks (DelegationManager only) ----

    function removeDepositShares(address staker, IStrategy strategy, uint256 depositSharesToRemove)
        external
        onlyDelegationManager
        returns (uint256)
    {
        if (address(strategy) != BEACONCHAIN_ETH_STRAT) revert InvalidStrategy();
        int256 updated = podOwnerDepositShares[staker] - int256(depositSharesToRemove);
        if (updated < 0) revert SharesNegative();
        podOwnerDepositShares[staker] = updated;
        emit NewTotalShares(staker, updated);
        return uint256(updated);
    }

    function addShares(address staker, IStrategy strategy, uint256 shares)
        external
        onlyDelegationManager
        returns (uint256, uint256)
    {
        if (address(strategy) != BEACONCHAIN_ETH_STRAT) revert InvalidStrategy();
        return _addShares(staker, shares);
    }

    /// Pays ETH out of the staker's pod (only ETH a checkpoint has already credited).
    function withdrawSharesAsTokens(address staker, IStrategy strategy, IERC20, uint256 shares)
        external
        onlyDelegationManager
    {
        if (address(strategy) != BEACONCHAIN_ETH_STRAT) revert InvalidStrategy();
        if (int256(shares) <= 0) revert SharesNegative();
        _ownerToPod[staker].withdrawRestakedBeaconChainETH(staker, shares);
    }

    function increaseBurnOrRedistributableShares(OperatorSet calldata, uint256, IStrategy, uint256 addedSharesToBurn)
        external
        onlyDelegationManager
    {
        // No burn mechanism for native ETH exists: the ETH stays locked in the pods.
        burnableETHShares += addedSharesToBurn;
        emit BurnableETHSharesIncreased(addedSharesToBurn);
    }

    // ---- internals ----

    function _deployPod(address owner) internal returns (IEigenPod pod) {
        ++numPods;
        pod = IEigenPod(address(new MiniEigenPod{salt: bytes32(uint256(uint160(owner)))}(_beaconChain, owner)));
        _ownerToPod[owner] = pod;
        emit PodDeployed(address(pod), owner);
    }

    function _addShares(address staker, uint256 shares) internal returns (uint256, uint256) {
        if (staker == address(0)) revert InvalidPodOwner();
        if (int256(shares) < 0) revert SharesNegative();
        int256 prev = podOwnerDepositShares[staker];
        int256 updated = prev + int256(shares);
        podOwnerDepositShares[staker] = updated;
        emit PodSharesUpdated(staker, int256(shares));
        emit NewTotalShares(staker, updated);
        if (updated <= 0) return (0, 0);
        if (prev < 0) return (0, uint256(updated));
        return (uint256(prev), shares);
    }

    /// l' = ⌊l·(R−δ)/R⌋; returns l − l', which the DelegationManager removes from the operator.
    function _reduceSlashingFactor(address podOwner, uint256 prevRestakedBalanceWei, uint256 decreaseWei)
        internal
        returns (uint64)
    {
        uint64 prev = beaconChainSlashingFactor(podOwner);
        uint64 next = uint64(Math.mulDiv(prev, prevRestakedBalanceWei - decreaseWei, prevRestakedBalanceWei));
        _beaconChainSlashingFactor[podOwner] = next;
        _bcsfSet[podOwner] = true;
        emit BeaconChainSlashingFactorDecreased(podOwner, prev, next);
        return prev - next;
    }

    // ---- views ----

    function beaconChainETHStrategy() external pure returns (IStrategy) {
        return IStrategy(BEACONCHAIN_ETH_STRAT);
    }

    function beaconChain() external view returns (address) {
        return address(_beaconChain);
    }

    function ownerToPod(address podOwner) external view returns (address) {
        return address(_ownerToPod[podOwner]);
    }

    /// The pod address, predicted (CREATE2) before it exists, as the real getPod does.
    function getPod(address podOwner) public view returns (address) {
        address pod = address(_ownerToPod[podOwner]);
        if (pod != address(0)) return pod;
        bytes32 initCodeHash =
            keccak256(abi.encodePacked(type(MiniEigenPod).creationCode, abi.encode(_beaconChain, podOwner)));
        bytes32 salt = bytes32(uint256(uint160(podOwner)));
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, initCodeHash)))));
    }

    function hasPod(address podOwner) public view returns (bool) {
        return address(_ownerToPod[podOwner]) != address(0);
    }

    function stakerDepositShares(address user, IStrategy strategy) external view returns (uint256) {
        if (address(strategy) != BEACONCHAIN_ETH_STRAT) revert InvalidStrategy();
        int256 shares = podOwnerDepositShares[user];
        return shares < 0 ? 0 : uint256(shares);
    }

    function beaconChainSlashingFactor(address podOwner) public view returns (uint64) {
        return _bcsfSet[podOwner] ? _beaconChainSlashingFactor[podOwner] : WAD;
    }
}
