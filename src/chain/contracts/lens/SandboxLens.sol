// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IStrategy} from "../interfaces/IStrategy.sol";
import {IDelegationManager} from "../interfaces/IDelegationManager.sol";
import {IAllocationManager} from "../interfaces/IAllocationManager.sol";
import {IEigenPodManager} from "../interfaces/IEigenPodManager.sol";
import {IEigenPod} from "../interfaces/IEigenPod.sol";
import {IMockBeaconChain} from "../interfaces/IMockBeaconChain.sol";
import {OperatorSet, Allocation} from "../interfaces/Types.sol";
import {MiniLST} from "../periphery/MiniLST.sol";
import {MiniLRT} from "../periphery/MiniLRT.sol";
import {MiniAVS} from "../periphery/MiniAVS.sol";

/// Sandbox-only, no mainnet counterpart: a stateless view contract that gathers every number of the
/// "world" read (protocol/world.ts) in one eth_call. Each separate eth_call through the JS EVM costs about
/// a millisecond of fixed overhead (block, checkpoint, ABI round trip), and a world read needs 60-150 of
/// them; nested CALLs inside one execution cost microseconds. The lens only calls the protocol's own view
/// functions and sums nothing but a pod's restaked gwei, so every number is still what the contracts report.
/// The caller names what to look at (actors, named withdrawals, validators, requests): the chain does not
/// know the scenario's names, and enumerating storage would need views the real contracts do not have.
contract SandboxLens {
    struct Protocol {
        IDelegationManager delegationManager;
        IAllocationManager allocationManager;
        IEigenPodManager eigenPodManager;
        IMockBeaconChain beaconChain;
        MiniLST lst;
        IERC20 wstETH;
        /// The stETH strategy, for the `strategies` ledger entry.
        IStrategy stETHStrategy;
        address burnAddress;
    }

    struct Query {
        Protocol protocol;
        /// Every strategy of the world, in world order (stETH, beaconETH).
        IStrategy[] strategies;
        /// Token holders: every actor (a vault holds through its contract).
        address[] holders;
        /// Vault contracts (MiniLRT).
        MiniLRT[] vaults;
        /// EigenLayer stakers (stakers, operators, vault contracts).
        address[] stakers;
        /// Per staker: the indices of the named validators it owns (their restaked balance counts in its pod).
        uint40[][] stakerValidators;
        address[] operators;
        /// AVS contracts (MiniAVS).
        MiniAVS[] avss;
        /// Roots of the named queued withdrawals.
        bytes32[] withdrawalRoots;
        /// Per vault: the ids of its named redemption requests.
        uint256[][] vaultRequestIds;
        /// Indices of the named validators.
        uint40[] validators;
    }

    struct AccountView {
        uint256 eth;
        uint256 stETH;
        uint256 wstETH;
        /// One per vault, in query order.
        uint256[] vaultTokens;
    }

    struct PodView {
        /// address(0) when the staker has no pod (the other fields are then 0).
        address pod;
        uint256 activeValidators;
        /// withdrawableRestakedExecutionLayerGwei + the restaked balance of the staker's ACTIVE named validators.
        uint256 restakedGwei;
        bool checkpointActive;
    }

    struct StakerView {
        address delegatedTo;
        /// One per strategy, in query order.
        uint256[] depositShares;
        uint256[] withdrawableShares;
        uint256[] depositScalingFactors;
        uint64 beaconChainSlashingFactor;
        PodView pod;
    }

    struct AllocationView {
        IStrategy strategy;
        uint64 currentMagnitude;
        int128 pendingDiff;
        uint32 effectBlock;
        uint256 allocatedStake;
    }

    struct SetAllocationsView {
        address avs;
        uint32 id;
        AllocationView[] allocations;
    }

    struct OperatorView {
        /// When false the other fields are left empty: the address never registered as an operator.
        bool isOperator;
        uint32 allocationDelay;
        /// One per strategy, in query order.
        uint256[] shares;
        uint64[] maxMagnitudes;
        uint64[] encumberedMagnitudes;
        SetAllocationsView[] sets;
    }

    struct OperatorSetView {
        uint32 id;
        IStrategy[] strategies;
        address[] members;
        uint256 slashCount;
    }

    struct RequestView {
        address owner;
        uint256 valueAtRequest;
        uint32 completableAfterBlock;
        bool claimed;
    }

    struct VaultView {
        uint256 supply;
        uint256 totalValue;
        uint256 rate;
        /// One per queried request id, in query order.
        RequestView[] requests;
    }

    struct ValidatorView {
        uint64 balanceGwei;
        uint64 effectiveBalanceGwei;
        bool slashed;
        bool exited;
    }

    struct Ledger {
        uint256 stETHStrategyTotalShares;
        uint256 stETHStrategyBalance;
        uint256 lstTotalPooledEther;
        uint256 lstTotalShares;
        uint256 burnedStETH;
        uint256 lockedSlashedNativeShares;
    }

    /// Every array is parallel to the query array of the same name.
    struct World {
        AccountView[] accounts;
        StakerView[] stakers;
        OperatorView[] operators;
        /// Per AVS, its operator sets in creation order.
        OperatorSetView[][] avs;
        VaultView[] vaults;
        ValidatorView[] validators;
        /// Per withdrawal root: still queued (false once completed).
        bool[] withdrawalPending;
        Ledger ledger;
    }

    function readWorld(Query calldata q) external view returns (World memory w) {
        w.accounts = _accounts(q);
        w.stakers = _stakers(q);
        w.operators = _operators(q);
        w.avs = _avs(q);
        w.vaults = _vaults(q);
        w.validators = _validators(q);
        w.withdrawalPending = _withdrawals(q);
        w.ledger = _ledger(q.protocol);
    }

    // ---------------------------------------------------------------- accounts

    function _accounts(Query calldata q) private view returns (AccountView[] memory out) {
        out = new AccountView[](q.holders.length);
        for (uint256 i = 0; i < q.holders.length; i++) {
            address holder = q.holders[i];
            AccountView memory a = out[i];
            a.eth = holder.balance;
            a.stETH = q.protocol.lst.balanceOf(holder);
            a.wstETH = q.protocol.wstETH.balanceOf(holder);
            a.vaultTokens = new uint256[](q.vaults.length);
            for (uint256 j = 0; j < q.vaults.length; j++) {
                a.vaultTokens[j] = q.vaults[j].balanceOf(holder);
            }
        }
    }

    // ---------------------------------------------------------------- stakers

    function _stakers(Query calldata q) private view returns (StakerView[] memory out) {
        out = new StakerView[](q.stakers.length);
        for (uint256 i = 0; i < q.stakers.length; i++) {
            out[i] = _staker(q.protocol, q.strategies, q.stakers[i], q.stakerValidators[i]);
        }
    }

    function _staker(Protocol calldata p, IStrategy[] calldata strategies, address who, uint40[] calldata indices)
        private
        view
        returns (StakerView memory s)
    {
        (s.withdrawableShares, s.depositShares) = p.delegationManager.getWithdrawableShares(who, strategies);
        s.depositScalingFactors = new uint256[](strategies.length);
        for (uint256 j = 0; j < strategies.length; j++) {
            s.depositScalingFactors[j] = p.delegationManager.depositScalingFactor(who, strategies[j]);
        }
        s.delegatedTo = p.delegationManager.delegatedTo(who);
        s.beaconChainSlashingFactor = p.eigenPodManager.beaconChainSlashingFactor(who);
        s.pod = _pod(p.eigenPodManager.ownerToPod(who), indices);
    }

    function _pod(address podAddress, uint40[] calldata indices) private view returns (PodView memory v) {
        if (podAddress == address(0)) return v;
        IEigenPod pod = IEigenPod(podAddress);
        v.pod = podAddress;
        v.restakedGwei = pod.withdrawableRestakedExecutionLayerGwei();
        for (uint256 k = 0; k < indices.length; k++) {
            IEigenPod.ValidatorInfo memory info = pod.validatorInfoByIndex(indices[k]);
            if (info.status == IEigenPod.VALIDATOR_STATUS.ACTIVE) v.restakedGwei += info.restakedBalanceGwei;
        }
        v.activeValidators = pod.activeValidatorCount();
        v.checkpointActive = pod.currentCheckpointTimestamp() != 0;
    }

    function _withdrawals(Query calldata q) private view returns (bool[] memory pending) {
        pending = new bool[](q.withdrawalRoots.length);
        for (uint256 i = 0; i < q.withdrawalRoots.length; i++) {
            pending[i] = q.protocol.delegationManager.pendingWithdrawals(q.withdrawalRoots[i]);
        }
    }

    // ---------------------------------------------------------------- operators and AVSs

    function _operators(Query calldata q) private view returns (OperatorView[] memory out) {
        out = new OperatorView[](q.operators.length);
        for (uint256 i = 0; i < q.operators.length; i++) {
            out[i] = _operator(q.protocol, q.strategies, q.operators[i]);
        }
    }

    function _operator(Protocol calldata p, IStrategy[] calldata strategies, address op)
        private
        view
        returns (OperatorView memory o)
    {
        o.isOperator = p.delegationManager.isOperator(op);
        if (!o.isOperator) return o;
        IAllocationManager am = p.allocationManager;
        (, o.allocationDelay) = am.getAllocationDelay(op);
        uint256 n = strategies.length;
        o.shares = new uint256[](n);
        o.maxMagnitudes = new uint64[](n);
        o.encumberedMagnitudes = new uint64[](n);
        for (uint256 j = 0; j < n; j++) {
            o.shares[j] = p.delegationManager.operatorShares(op, strategies[j]);
            o.maxMagnitudes[j] = am.getMaxMagnitude(op, strategies[j]);
            o.encumberedMagnitudes[j] = am.getEncumberedMagnitude(op, strategies[j]);
        }
        OperatorSet[] memory sets = am.getAllocatedSets(op);
        o.sets = new SetAllocationsView[](sets.length);
        for (uint256 k = 0; k < sets.length; k++) {
            o.sets[k] = _setAllocations(am, op, sets[k]);
        }
    }

    function _setAllocations(IAllocationManager am, address op, OperatorSet memory set)
        private
        view
        returns (SetAllocationsView memory v)
    {
        v.avs = set.avs;
        v.id = set.id;
        IStrategy[] memory strategies = am.getAllocatedStrategies(op, set);
        v.allocations = new AllocationView[](strategies.length);
        address[] memory ops = new address[](1);
        ops[0] = op;
        IStrategy[] memory one = new IStrategy[](1);
        for (uint256 j = 0; j < strategies.length; j++) {
            Allocation memory alloc = am.getAllocation(op, set, strategies[j]);
            one[0] = strategies[j];
            AllocationView memory a = v.allocations[j];
            a.strategy = strategies[j];
            a.currentMagnitude = alloc.currentMagnitude;
            a.pendingDiff = alloc.pendingDiff;
            a.effectBlock = alloc.effectBlock;
            a.allocatedStake = am.getAllocatedStake(set, ops, one)[0][0];
        }
    }

    function _avs(Query calldata q) private view returns (OperatorSetView[][] memory out) {
        IAllocationManager am = q.protocol.allocationManager;
        out = new OperatorSetView[][](q.avss.length);
        for (uint256 i = 0; i < q.avss.length; i++) {
            uint32[] memory ids = q.avss[i].getOperatorSetIds();
            out[i] = new OperatorSetView[](ids.length);
            for (uint256 k = 0; k < ids.length; k++) {
                OperatorSet memory set = OperatorSet({avs: address(q.avss[i]), id: ids[k]});
                OperatorSetView memory s = out[i][k];
                s.id = ids[k];
                s.strategies = am.getStrategiesInOperatorSet(set);
                s.members = am.getMembers(set);
                s.slashCount = am.getSlashCount(set);
            }
        }
    }

    // ---------------------------------------------------------------- vaults, validators, ledger

    function _vaults(Query calldata q) private view returns (VaultView[] memory out) {
        out = new VaultView[](q.vaults.length);
        for (uint256 i = 0; i < q.vaults.length; i++) {
            MiniLRT vault = q.vaults[i];
            VaultView memory v = out[i];
            v.supply = vault.totalSupply();
            v.totalValue = vault.totalValue();
            v.rate = vault.rate();
            uint256[] calldata ids = q.vaultRequestIds[i];
            v.requests = new RequestView[](ids.length);
            for (uint256 k = 0; k < ids.length; k++) {
                MiniLRT.RedeemRequest memory r = vault.getRequest(ids[k]);
                v.requests[k] = RequestView({
                    owner: r.owner,
                    valueAtRequest: r.valueAtRequest,
                    completableAfterBlock: r.completableAfterBlock,
                    claimed: r.claimed
                });
            }
        }
    }

    function _validators(Query calldata q) private view returns (ValidatorView[] memory out) {
        out = new ValidatorView[](q.validators.length);
        for (uint256 i = 0; i < q.validators.length; i++) {
            IMockBeaconChain.Validator memory v = q.protocol.beaconChain.getValidator(q.validators[i]);
            out[i] = ValidatorView({
                balanceGwei: v.balanceGwei,
                effectiveBalanceGwei: v.effectiveBalanceGwei,
                slashed: v.slashed,
                exited: v.exited
            });
        }
    }

    function _ledger(Protocol calldata p) private view returns (Ledger memory l) {
        l.stETHStrategyTotalShares = p.stETHStrategy.totalShares();
        l.stETHStrategyBalance = p.lst.balanceOf(address(p.stETHStrategy));
        l.lstTotalPooledEther = p.lst.totalPooledEther();
        l.lstTotalShares = p.lst.totalShares();
        l.burnedStETH = p.lst.balanceOf(p.burnAddress);
        l.lockedSlashedNativeShares = p.eigenPodManager.burnableETHShares();
    }
}
