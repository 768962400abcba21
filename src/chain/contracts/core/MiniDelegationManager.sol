// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {IStrategy} from "../interfaces/IStrategy.sol";
import {IDelegationManager} from "../interfaces/IDelegationManager.sol";
import {IAllocationManager} from "../interfaces/IAllocationManager.sol";
import {IShareManager} from "../interfaces/IShareManager.sol";
import {IStrategyManager} from "../interfaces/IStrategyManager.sol";
import {IEigenPodManager} from "../interfaces/IEigenPodManager.sol";
import {OperatorSet, Withdrawal, QueuedWithdrawalParams, BEACONCHAIN_ETH_STRAT} from "../interfaces/Types.sol";
import {SlashingLib} from "./SlashingLib.sol";

/// Mirrors EigenLayer's DelegationManager (src/contracts/core/DelegationManager.sol): operators, delegation
/// (all strategies at once), operator shares, deposit scaling factors, queued withdrawals that stay slashable
/// for MIN_WITHDRAWAL_DELAY_BLOCKS, completion as tokens or as shares, and slashOperatorShares.
/// Left out: proxy, pausing, permission controller, delegation approvers and signatures, legacy (pre-slashing)
/// withdrawals. Tokens for completion are derived from each strategy (no `tokens` argument).
///
/// Chain height: _getSlashableSharesInQueue keeps the real checked `uint32(block.number) − D − 1` lookup key, so
/// a slash reverts with Panic(0x11) while block.number ≤ D. The sandbox chain starts at block 1,000,000 (above
/// every delay preset), so this never triggers there; a chain started at 0 would hit it, exactly like mainnet's
/// unit tests do before they roll forward.
///
/// Wiring: the deployer calls initialize(strategyManager, eigenPodManager, allocationManager) once.
contract MiniDelegationManager is IDelegationManager {
    using Checkpoints for Checkpoints.Trace224;
    using EnumerableSet for EnumerableSet.Bytes32Set;
    using EnumerableSet for EnumerableSet.AddressSet;

    IStrategy public constant beaconChainETHStrategy = IStrategy(BEACONCHAIN_ETH_STRAT);

    uint32 public immutable MIN_WITHDRAWAL_DELAY_BLOCKS;
    address internal immutable deployer;

    IStrategyManager public strategyManager;
    IEigenPodManager public eigenPodManager;
    IAllocationManager public allocationManager;

    mapping(address staker => address operator) public delegatedTo;
    mapping(address operator => mapping(IStrategy strategy => uint256)) public operatorShares;
    mapping(address staker => mapping(IStrategy strategy => uint256)) internal _depositScalingFactor;
    /// Per (operator, strategy): block → cumulative scaled shares ever queued while delegated to it.
    mapping(address operator => mapping(IStrategy strategy => Checkpoints.Trace224)) internal
        _cumulativeScaledSharesHistory;
    mapping(bytes32 root => Withdrawal) internal _queuedWithdrawals;
    mapping(bytes32 root => bool) public pendingWithdrawals;
    mapping(address staker => uint256) public cumulativeWithdrawalsQueued;
    mapping(address staker => EnumerableSet.Bytes32Set) internal _stakerQueuedWithdrawalRoots;
    mapping(address operator => EnumerableSet.AddressSet) internal _delegatedStakers;

    modifier onlyShareManagers() {
        if (msg.sender != address(strategyManager) && msg.sender != address(eigenPodManager)) {
            revert OnlyStrategyManagerOrEigenPodManager();
        }
        _;
    }

    constructor(uint32 minWithdrawalDelayBlocks) {
        MIN_WITHDRAWAL_DELAY_BLOCKS = minWithdrawalDelayBlocks;
        deployer = msg.sender;
    }

    function initialize(IStrategyManager sm, IEigenPodManager epm, IAllocationManager am) external {
        if (msg.sender != deployer) revert OnlyDeployer();
        if (address(strategyManager) != address(0)) revert AlreadyInitialized();
        strategyManager = sm;
        eigenPodManager = epm;
        allocationManager = am;
    }

    // ---------------------------------------------------------------- operators and delegation

    function registerAsOperator(uint32 allocationDelay, string calldata metadataURI) external {
        if (isDelegated(msg.sender)) revert ActivelyDelegated();
        allocationManager.setAllocationDelay(msg.sender, allocationDelay);
        _delegate(msg.sender, msg.sender);
        emit OperatorRegistered(msg.sender, address(0));
        emit OperatorMetadataURIUpdated(msg.sender, metadataURI);
    }

    function updateOperatorMetadataURI(address operator, string calldata metadataURI) external {
        if (msg.sender != operator) revert InvalidPermissions();
        if (!isOperator(operator)) revert OperatorNotRegistered();
        emit OperatorMetadataURIUpdated(operator, metadataURI);
    }

    function delegateTo(address operator) public {
        if (isDelegated(msg.sender)) revert ActivelyDelegated();
        if (!isOperator(operator)) revert OperatorNotRegistered();
        _delegate(msg.sender, operator);
    }

    function undelegate(address staker) public returns (bytes32[] memory withdrawalRoots) {
        if (!isDelegated(staker)) revert NotActivelyDelegated();
        if (isOperator(staker)) revert OperatorsCannotUndelegate();
        if (msg.sender != staker) {
            // Without approvers, only the operator itself can force a staker out.
            address operator = delegatedTo[staker];
            if (msg.sender != operator) revert CallerCannotUndelegate();
            emit StakerForceUndelegated(staker, operator);
        }
        return _undelegate(staker);
    }

    function redelegate(address newOperator) external returns (bytes32[] memory withdrawalRoots) {
        withdrawalRoots = undelegate(msg.sender);
        delegateTo(newOperator);
    }

    // ---------------------------------------------------------------- withdrawals

    function queueWithdrawals(QueuedWithdrawalParams[] calldata params) external returns (bytes32[] memory roots) {
        roots = new bytes32[](params.length);
        address operator = delegatedTo[msg.sender];
        for (uint256 i = 0; i < params.length; ++i) {
            if (params[i].strategies.length != params[i].depositShares.length) revert InputArrayLengthMismatch();
            roots[i] = _removeSharesAndQueueWithdrawal(
                msg.sender,
                operator,
                params[i].strategies,
                params[i].depositShares,
                _getSlashingFactors(msg.sender, operator, params[i].strategies)
            );
        }
    }

    function completeQueuedWithdrawal(Withdrawal calldata withdrawal, bool receiveAsTokens) external {
        _completeQueuedWithdrawal(withdrawal, receiveAsTokens);
    }

    function completeQueuedWithdrawals(Withdrawal[] calldata withdrawals, bool[] calldata receiveAsTokens) external {
        if (withdrawals.length != receiveAsTokens.length) revert InputArrayLengthMismatch();
        for (uint256 i = 0; i < withdrawals.length; ++i) {
            _completeQueuedWithdrawal(withdrawals[i], receiveAsTokens[i]);
        }
    }

    // ---------------------------------------------------------------- hooks

    /// From a share manager after a deposit: updates the DSF even when undelegated, and adds `addedShares`
    /// (exactly the deposit) to the operator.
    function increaseDelegatedShares(address staker, IStrategy strategy, uint256 prevDepositShares, uint256 addedShares)
        external
        onlyShareManagers
    {
        address operator = delegatedTo[staker];
        uint64 maxMagnitude = allocationManager.getMaxMagnitude(operator, strategy);
        uint256 sf = _getSlashingFactor(staker, strategy, maxMagnitude);
        _increaseDelegation(operator, staker, strategy, prevDepositShares, addedShares, sf);
    }

    /// From the pod manager after the BCSF fell by `decrease`: the operator loses s·k·(m·decrease).
    function decreaseDelegatedShares(address staker, uint256 curDepositShares, uint64 beaconChainSlashingFactorDecrease)
        external
    {
        if (msg.sender != address(eigenPodManager)) revert OnlyEigenPodManager();
        if (!isDelegated(staker)) return;
        address operator = delegatedTo[staker];
        uint64 maxMagnitude = allocationManager.getMaxMagnitude(operator, beaconChainETHStrategy);
        uint256 sharesToRemove = SlashingLib.calcWithdrawable(
            curDepositShares,
            _depositScalingFactor[staker][beaconChainETHStrategy],
            SlashingLib.mulWad(maxMagnitude, beaconChainSlashingFactorDecrease)
        );
        _decreaseDelegation(operator, staker, beaconChainETHStrategy, sharesToRemove);
    }

    function slashOperatorShares(
        address operator,
        OperatorSet calldata operatorSet,
        uint256 slashId,
        IStrategy strategy,
        uint64 prevMaxMagnitude,
        uint64 newMaxMagnitude
    ) external returns (uint256 totalDepositSharesToBurn) {
        if (msg.sender != address(allocationManager)) revert OnlyAllocationManager();
        uint256 operatorSharesSlashed =
            SlashingLib.calcSlashedAmount(operatorShares[operator][strategy], prevMaxMagnitude, newMaxMagnitude);
        uint256 queuedSharesSlashed = _getSlashableSharesInQueue(operator, strategy, prevMaxMagnitude, newMaxMagnitude);
        totalDepositSharesToBurn = operatorSharesSlashed + queuedSharesSlashed;
        // The decrease is attributed to the zero staker (events only), as in the real contract.
        _decreaseDelegation(operator, address(0), strategy, operatorSharesSlashed);
        emit OperatorSharesSlashed(operator, strategy, totalDepositSharesToBurn);
        _getShareManager(strategy).increaseBurnOrRedistributableShares(
            operatorSet, slashId, strategy, totalDepositSharesToBurn
        );
    }

    // ---------------------------------------------------------------- internals: delegation

    function _delegate(address staker, address operator) internal {
        // Undelegated, deposit shares equal withdrawable shares except for native ETH (BCSF applies).
        (IStrategy[] memory strategies, uint256[] memory withdrawable) = getDepositedShares(staker);
        // Slashing factors of the OPERATOR alone (BCSF is folded into `withdrawable` below): forgives past slashes.
        uint256[] memory operatorFactors = _getSlashingFactors(address(0), operator, strategies);
        delegatedTo[staker] = operator;
        _delegatedStakers[operator].add(staker);
        emit StakerDelegated(staker, operator);
        for (uint256 i = 0; i < strategies.length; ++i) {
            if (strategies[i] == beaconChainETHStrategy) {
                withdrawable[i] = SlashingLib.calcWithdrawable(
                    withdrawable[i],
                    _depositScalingFactor[staker][strategies[i]],
                    eigenPodManager.beaconChainSlashingFactor(staker)
                );
            }
            _increaseDelegation(operator, staker, strategies[i], 0, withdrawable[i], operatorFactors[i]);
        }
    }

    function _undelegate(address staker) internal returns (bytes32[] memory roots) {
        address operator = delegatedTo[staker];
        delegatedTo[staker] = address(0);
        _delegatedStakers[operator].remove(staker);
        emit StakerUndelegated(staker, operator);
        (IStrategy[] memory strategies, uint256[] memory depositShares) = getDepositedShares(staker);
        uint256[] memory factors = _getSlashingFactors(staker, operator, strategies);
        roots = new bytes32[](strategies.length);
        // One withdrawal per strategy, as the real contract does (for UX).
        for (uint256 i = 0; i < strategies.length; ++i) {
            IStrategy[] memory one = new IStrategy[](1);
            uint256[] memory oneShares = new uint256[](1);
            uint256[] memory oneFactor = new uint256[](1);
            one[0] = strategies[i];
            oneShares[0] = depositShares[i];
            oneFactor[0] = factors[i];
            roots[i] = _removeSharesAndQueueWithdrawal(staker, operator, one, oneShares, oneFactor);
        }
    }

    function _increaseDelegation(
        address operator,
        address staker,
        IStrategy strategy,
        uint256 prevDepositShares,
        uint256 addedShares,
        uint256 slashingFactor
    ) internal {
        // A fully slashed operator (or pod owner) would make the DSF a division by zero.
        if (slashingFactor == 0) revert FullySlashed();
        if (addedShares == 0) return;
        uint256 newDsf = SlashingLib.update(
            _depositScalingFactor[staker][strategy], prevDepositShares, addedShares, slashingFactor
        );
        _depositScalingFactor[staker][strategy] = newDsf;
        emit DepositScalingFactorUpdated(staker, strategy, newDsf);
        if (isDelegated(staker)) {
            operatorShares[operator][strategy] += addedShares;
            emit OperatorSharesIncreased(operator, staker, strategy, addedShares);
        }
    }

    function _decreaseDelegation(address operator, address staker, IStrategy strategy, uint256 sharesToDecrease)
        internal
    {
        operatorShares[operator][strategy] -= sharesToDecrease;
        emit OperatorSharesDecreased(operator, staker, strategy, sharesToDecrease);
    }

    // ---------------------------------------------------------------- internals: withdrawals

    function _removeSharesAndQueueWithdrawal(
        address staker,
        address operator,
        IStrategy[] memory strategies,
        uint256[] memory depositSharesToWithdraw,
        uint256[] memory slashingFactors
    ) internal returns (bytes32 root) {
        if (strategies.length == 0) revert InputArrayLengthZero();
        uint256[] memory scaledShares = new uint256[](strategies.length);
        uint256[] memory withdrawableShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            uint256 dsf = _depositScalingFactor[staker][strategies[i]];
            withdrawableShares[i] = SlashingLib.calcWithdrawable(depositSharesToWithdraw[i], dsf, slashingFactors[i]);
            scaledShares[i] = SlashingLib.scaleForQueueWithdrawal(depositSharesToWithdraw[i], dsf);
            if (operator != address(0)) {
                // Still slashable by the operator's sets for D blocks: remember it in the cumulative history.
                _addQueuedSlashableShares(operator, strategies[i], scaledShares[i]);
                _decreaseDelegation(operator, staker, strategies[i], withdrawableShares[i]);
            }
            uint256 sharesAfter =
                _getShareManager(strategies[i]).removeDepositShares(staker, strategies[i], depositSharesToWithdraw[i]);
            if (sharesAfter == 0) _depositScalingFactor[staker][strategies[i]] = SlashingLib.reset();
        }
        Withdrawal memory withdrawal = Withdrawal({
            staker: staker,
            delegatedTo: operator,
            withdrawer: staker,
            nonce: cumulativeWithdrawalsQueued[staker]++,
            startBlock: uint32(block.number),
            strategies: strategies,
            scaledShares: scaledShares
        });
        root = calculateWithdrawalRoot(withdrawal);
        pendingWithdrawals[root] = true;
        _queuedWithdrawals[root] = withdrawal;
        _stakerQueuedWithdrawalRoots[staker].add(root);
        emit SlashingWithdrawalQueued(root, withdrawal, withdrawableShares);
    }

    function _completeQueuedWithdrawal(Withdrawal calldata withdrawal, bool receiveAsTokens) internal {
        if (msg.sender != withdrawal.withdrawer) revert WithdrawerNotCaller();
        bytes32 root = calculateWithdrawalRoot(withdrawal);
        if (!pendingWithdrawals[root]) revert WithdrawalNotQueued();
        // Slashable through startBlock + D inclusive; completable strictly after.
        uint32 slashableUntil = withdrawal.startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS;
        if (uint32(block.number) <= slashableUntil) revert WithdrawalDelayNotElapsed();
        // The original operator's magnitude frozen at slashableUntil; the BCSF is read now.
        uint256[] memory prevFactors =
            _getSlashingFactorsAtBlock(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies, slashableUntil);

        _stakerQueuedWithdrawalRoots[withdrawal.staker].remove(root);
        delete _queuedWithdrawals[root];
        delete pendingWithdrawals[root];
        emit SlashingWithdrawalCompleted(root);

        address newOperator = delegatedTo[withdrawal.staker];
        uint256[] memory newFactors = _getSlashingFactors(withdrawal.staker, newOperator, withdrawal.strategies);
        for (uint256 i = 0; i < withdrawal.strategies.length; ++i) {
            IStrategy strategy = withdrawal.strategies[i];
            uint256 shares = SlashingLib.scaleForCompleteWithdrawal(withdrawal.scaledShares[i], prevFactors[i]);
            if (shares == 0) continue;
            IShareManager sm = _getShareManager(strategy);
            if (receiveAsTokens) {
                IERC20 token = strategy == beaconChainETHStrategy ? IERC20(address(0)) : strategy.underlyingToken();
                sm.withdrawSharesAsTokens(withdrawal.staker, strategy, token, shares);
            } else {
                // Re-deposited under the staker's CURRENT operator with a fresh DSF.
                (uint256 prevDepositShares, uint256 addedShares) = sm.addShares(withdrawal.staker, strategy, shares);
                _increaseDelegation(
                    newOperator, withdrawal.staker, strategy, prevDepositShares, addedShares, newFactors[i]
                );
            }
        }
    }

    function _addQueuedSlashableShares(address operator, IStrategy strategy, uint256 scaledShares) internal {
        Checkpoints.Trace224 storage history = _cumulativeScaledSharesHistory[operator][strategy];
        history.push(uint32(block.number), uint224(history.latest() + scaledShares));
    }

    /// Scaled shares queued in the window [block − D, block], valued at prevMax and cut to newMax.
    /// The lookup key keeps the real checked arithmetic (see the header about chain height).
    function _getSlashableSharesInQueue(address operator, IStrategy strategy, uint64 prevMax, uint64 newMax)
        internal
        view
        returns (uint256)
    {
        Checkpoints.Trace224 storage history = _cumulativeScaledSharesHistory[operator][strategy];
        uint256 current = history.latest();
        uint256 before = history.upperLookup(uint32(block.number) - MIN_WITHDRAWAL_DELAY_BLOCKS - 1);
        return SlashingLib.scaleForBurning(current - before, prevMax, newMax);
    }

    // ---------------------------------------------------------------- internals: factors

    function _getShareManager(IStrategy strategy) internal view returns (IShareManager) {
        return strategy == beaconChainETHStrategy
            ? IShareManager(address(eigenPodManager))
            : IShareManager(address(strategyManager));
    }

    function _getSlashingFactor(address staker, IStrategy strategy, uint64 maxMagnitude)
        internal
        view
        returns (uint256)
    {
        if (strategy == beaconChainETHStrategy) {
            return SlashingLib.mulWad(maxMagnitude, eigenPodManager.beaconChainSlashingFactor(staker));
        }
        return maxMagnitude;
    }

    function _getSlashingFactors(address staker, address operator, IStrategy[] memory strategies)
        internal
        view
        returns (uint256[] memory factors)
    {
        uint64[] memory mags = allocationManager.getMaxMagnitudes(operator, strategies);
        factors = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            factors[i] = _getSlashingFactor(staker, strategies[i], mags[i]);
        }
    }

    function _getSlashingFactorsAtBlock(address staker, address operator, IStrategy[] memory strategies, uint32 bn)
        internal
        view
        returns (uint256[] memory factors)
    {
        uint64[] memory mags = allocationManager.getMaxMagnitudesAtBlock(operator, strategies, bn);
        factors = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            factors[i] = _getSlashingFactor(staker, strategies[i], mags[i]);
        }
    }

    // ---------------------------------------------------------------- views

    function minWithdrawalDelayBlocks() external view returns (uint32) {
        return MIN_WITHDRAWAL_DELAY_BLOCKS;
    }

    function isDelegated(address staker) public view returns (bool) {
        return delegatedTo[staker] != address(0);
    }

    function isOperator(address operator) public view returns (bool) {
        return operator != address(0) && delegatedTo[operator] == operator;
    }

    function depositScalingFactor(address staker, IStrategy strategy) external view returns (uint256) {
        return SlashingLib.scalingFactor(_depositScalingFactor[staker][strategy]);
    }

    function getOperatorShares(address operator, IStrategy[] memory strategies)
        public
        view
        returns (uint256[] memory shares)
    {
        shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            shares[i] = operatorShares[operator][strategies[i]];
        }
    }

    function getOperatorsShares(address[] calldata operators, IStrategy[] calldata strategies)
        external
        view
        returns (uint256[][] memory shares)
    {
        shares = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; ++i) {
            shares[i] = getOperatorShares(operators[i], strategies);
        }
    }

    function getWithdrawableShares(address staker, IStrategy[] memory strategies)
        public
        view
        returns (uint256[] memory withdrawableShares, uint256[] memory depositShares)
    {
        withdrawableShares = new uint256[](strategies.length);
        depositShares = new uint256[](strategies.length);
        uint256[] memory factors = _getSlashingFactors(staker, delegatedTo[staker], strategies);
        for (uint256 i = 0; i < strategies.length; ++i) {
            depositShares[i] = _getShareManager(strategies[i]).stakerDepositShares(staker, strategies[i]);
            withdrawableShares[i] = SlashingLib.calcWithdrawable(
                depositShares[i], _depositScalingFactor[staker][strategies[i]], factors[i]
            );
        }
    }

    function getDepositedShares(address staker) public view returns (IStrategy[] memory, uint256[] memory) {
        (IStrategy[] memory tokenStrategies, uint256[] memory tokenDeposits) = strategyManager.getDeposits(staker);
        uint256 podShares = eigenPodManager.stakerDepositShares(staker, beaconChainETHStrategy);
        if (podShares == 0) return (tokenStrategies, tokenDeposits);
        uint256 n = tokenStrategies.length;
        IStrategy[] memory strategies = new IStrategy[](n + 1);
        uint256[] memory shares = new uint256[](n + 1);
        for (uint256 i = 0; i < n; ++i) {
            strategies[i] = tokenStrategies[i];
            shares[i] = tokenDeposits[i];
        }
        strategies[n] = beaconChainETHStrategy;
        shares[n] = podShares;
        return (strategies, shares);
    }

    function convertToDepositShares(address staker, IStrategy[] memory strategies, uint256[] memory withdrawableShares)
        external
        view
        returns (uint256[] memory depositShares)
    {
        uint256[] memory factors = _getSlashingFactors(staker, delegatedTo[staker], strategies);
        depositShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; ++i) {
            depositShares[i] = SlashingLib.calcDepositShares(
                withdrawableShares[i], _depositScalingFactor[staker][strategies[i]], factors[i]
            );
        }
    }

    function getSlashableSharesInQueue(address operator, IStrategy strategy) external view returns (uint256) {
        uint64 maxMagnitude = allocationManager.getMaxMagnitude(operator, strategy);
        return _getSlashableSharesInQueue(operator, strategy, maxMagnitude, 0);
    }

    function getQueuedWithdrawal(bytes32 withdrawalRoot)
        public
        view
        returns (Withdrawal memory withdrawal, uint256[] memory shares)
    {
        withdrawal = _queuedWithdrawals[withdrawalRoot];
        uint32 slashableUntil = withdrawal.startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS;
        // Past the window the magnitude is frozen at slashableUntil; inside it, later slashes may still cut it.
        uint256[] memory factors = slashableUntil < uint32(block.number)
            ? _getSlashingFactorsAtBlock(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies, slashableUntil)
            : _getSlashingFactors(withdrawal.staker, withdrawal.delegatedTo, withdrawal.strategies);
        shares = new uint256[](withdrawal.strategies.length);
        for (uint256 i = 0; i < shares.length; ++i) {
            shares[i] = SlashingLib.scaleForCompleteWithdrawal(withdrawal.scaledShares[i], factors[i]);
        }
    }

    function getQueuedWithdrawals(address staker)
        external
        view
        returns (Withdrawal[] memory withdrawals, uint256[][] memory shares)
    {
        bytes32[] memory roots = _stakerQueuedWithdrawalRoots[staker].values();
        withdrawals = new Withdrawal[](roots.length);
        shares = new uint256[][](roots.length);
        for (uint256 i = 0; i < roots.length; ++i) {
            (withdrawals[i], shares[i]) = getQueuedWithdrawal(roots[i]);
        }
    }

    function getQueuedWithdrawalRoots(address staker) external view returns (bytes32[] memory) {
        return _stakerQueuedWithdrawalRoots[staker].values();
    }

    function calculateWithdrawalRoot(Withdrawal memory withdrawal) public pure returns (bytes32) {
        return keccak256(abi.encode(withdrawal));
    }

    function getDelegatedStakers(address operator) external view returns (address[] memory) {
        return _delegatedStakers[operator].values();
    }
}
