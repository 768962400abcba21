// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IStrategy} from "./IStrategy.sol";
import {IShareManager} from "./IShareManager.sol";

/// Mirrors EigenLayer's IEigenPodManager: one pod per owner, signed native-ETH deposit shares (1 share = 1 wei),
/// the per-owner beacon-chain slashing factor (BCSF), and burnable ETH shares that stay locked in pods.
interface IEigenPodManager is IShareManager {
    event PodDeployed(address indexed eigenPod, address indexed podOwner);
    event BeaconChainETHDeposited(address indexed podOwner, uint256 amount);
    event PodSharesUpdated(address indexed podOwner, int256 sharesDelta);
    event NewTotalShares(address indexed podOwner, int256 newTotalShares);
    event BeaconChainSlashingFactorDecreased(
        address staker, uint64 prevBeaconChainSlashingFactor, uint64 newBeaconChainSlashingFactor
    );
    event BurnableETHSharesIncreased(uint256 shares);

    error AlreadyInitialized();
    error OnlyDeployer();
    error EigenPodAlreadyExists();
    error OnlyEigenPod();
    error OnlyDelegationManager();
    error InvalidStrategy();
    error SharesNotMultipleOfGwei();
    error SharesNegative();
    error InvalidPodOwner();

    function createPod() external returns (address);
    /// Creates the caller's pod if needed, then stakes exactly 32 ETH (MsgValueNot32ETH otherwise).
    function stake(bytes calldata pubkey) external payable;
    /// Pod only. Positive delta: new deposit shares. Negative: lowers the owner's BCSF, not deposit shares.
    function recordBeaconChainETHBalanceUpdate(address podOwner, uint256 prevRestakedBalanceWei, int256 balanceDeltaWei)
        external;

    function beaconChainETHStrategy() external view returns (IStrategy);
    function beaconChain() external view returns (address);
    function ownerToPod(address podOwner) external view returns (address);
    function getPod(address podOwner) external view returns (address);
    function hasPod(address podOwner) external view returns (bool);
    function podOwnerDepositShares(address podOwner) external view returns (int256);
    /// 1e18 until a beacon-chain balance decrease is checkpointed; never increases.
    function beaconChainSlashingFactor(address podOwner) external view returns (uint64);
    function burnableETHShares() external view returns (uint256);
}
