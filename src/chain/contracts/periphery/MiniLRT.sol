// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IStrategy} from "../interfaces/IStrategy.sol";
import {IStrategyManager} from "../interfaces/IStrategyManager.sol";
import {IDelegationManager} from "../interfaces/IDelegationManager.sol";
import {IAllocationManager} from "../interfaces/IAllocationManager.sol";
import {Withdrawal, QueuedWithdrawalParams} from "../interfaces/Types.sol";
import {MiniLST} from "./MiniLST.sol";
import {MiniRewardsCoordinator} from "./MiniRewardsCoordinator.sol";

/// Declared apart from the vault because a contract cannot have an event and an error of the same name.
interface IMiniLRTErrors {
    error Paused();
}

/// @title MiniLRT: a liquid restaking vault whose share is a non-rebasing ERC20 (the "vault token").
/// @notice Mirrors Renzo's RestakeManager + OperatorDelegator + WithdrawQueue (ezETH) and ether.fi's
/// LiquidityPool + WithdrawRequestNFT (eETH/weETH), reduced to one LST (the stETH-like token), one strategy and
/// one operator. To EigenLayer the vault is simply one staker, delegated to `operator`.
///
/// NAV accounting (all in units of the stETH-like token):
///   totalValue() = idleAssets() + stakedValue() + queuedValue() − owedToRedeemers()      (exactly)
///   - idleAssets: stETH the vault holds outside EigenLayer;
///   - stakedValue: sharesToUnderlyingView(withdrawable shares), so a slash of the operator (magnitude) and a
///     stETH rebase (strategy balance) both show at once;
///   - queuedValue: the vault's queued EigenLayer withdrawals valued at the current slashing factor;
///   - owedToRedeemers: Σ over open redemption requests of min(valueAtRequest, that request's current value).
///     A request's tokens are burned when it is made, so what it is owed is no longer the remaining holders'.
///     Losses while queued fall on the redeemer; gains while queued stay with the holders.
///   rate() = ⌊totalValue·assetPrice/totalSupply⌋ in ETH per vault token (assetPrice while the supply is 0).
/// Market price: `assetPrice` is what the vault's price oracle says one stETH is worth in ETH (1e18, face
/// value, until the oracle reports otherwise), as Renzo's and Kelp's oracles price each LST they hold. A
/// depeg (stETH trading below its backing, as in June 2022) lowers the rate for every holder at once, and can
/// trip the automatic pause; deposits and redemptions still count stETH, so the price cancels out of minting
/// and a redeemer is paid in stETH, whatever the market pays for it.
/// Mint: `minted = ⌊valueAdded·supply/totalValueBefore⌋` (the first mint is 1:1), where valueAdded is the
/// measured increase of totalValue across the deposit, so the depositor bears stETH's 1-2 wei transfer rounding
/// and the strategy's floor rounding: a deposit can never lower the rate for existing holders.
/// Redeem: `requestRedeem(t)` burns t and records valueAtRequest = ⌊totalValue·t/supply⌋ (Renzo's formula),
/// then queues an EigenLayer withdrawal of enough deposit shares to cover it (rounded up, capped at what the
/// vault holds). `claim(id)`, once EigenLayer's delay has passed, completes that withdrawal as tokens and pays
/// min(valueAtRequest, value received now); any surplus stays in the vault (idle) for the remaining holders.
/// Pause: like Kelp, deposits and redemption requests stop when the rate falls more than `maxRateDropBps` below
/// its high-water mark (off by default), or when the owner pauses.
///
/// Rewards: the vault is a staker, so the rewards coordinator credits it; `claimRewards` (anyone) claims the ETH
/// and stakes it in the LST, so the rewards land in idleAssets and raise the rate for every holder.
///
/// Known limitation: a request's valueAtRequest includes its share of gains locked in *other* open requests'
/// queued withdrawals, but only the vault's own deposit shares can be queued for it. A redemption of (nearly) the
/// whole remaining supply while an earlier request has gained in the queue is therefore paid only what its own
/// withdrawal returns, and the earlier request's surplus comes back idle afterwards. Renzo avoids this by refusing
/// requests its buffer cannot cover.
/// Left out: several operators/strategies and native ETH (pods), a withdrawal buffer paying instantly, a
/// market-priced mint (the stake itself is read live from EigenLayer; only its ETH price comes from the
/// oracle), protocol fees on rewards, redelegation, upgradeability and roles.
contract MiniLRT is ERC20 {
    using SafeERC20 for IERC20;

    uint256 private constant WAD = 1e18;
    uint256 private constant MAX_BPS = 10_000;

    struct RedeemRequest {
        address owner;
        uint256 burned;
        uint256 valueAtRequest;
        bytes32 withdrawalRoot;
        uint32 startBlock;
        /// Claimable at block > completableAfterBlock (EigenLayer's `block > start + delay` rule).
        uint32 completableAfterBlock;
        bool claimed;
        uint256 paid;
    }

    IStrategyManager public immutable strategyManager;
    IDelegationManager public immutable delegationManager;
    IAllocationManager public immutable allocationManager;
    IStrategy public immutable strategy;
    IERC20 public immutable asset;
    address public immutable operator;
    address public immutable owner;
    /// Reports the market price of the vault's stETH (`setAssetPrice`).
    address public immutable priceOracle;

    bool public paused;
    /// 0 disables the automatic pause.
    uint256 public maxRateDropBps;
    uint256 public highWaterRate;
    uint256 public lastRate;
    /// ETH per stETH, WAD-scaled: 1e18 (face value) until the price oracle reports a market price.
    uint256 public assetPrice;

    RedeemRequest[] private requests;
    uint256[] private openRequestIds;

    event Deposited(address indexed depositor, uint256 amount, uint256 valueAdded, uint256 minted);
    event RedeemRequested(
        uint256 indexed requestId,
        address indexed owner,
        uint256 burned,
        uint256 valueAtRequest,
        bytes32 withdrawalRoot,
        uint32 completableAfterBlock
    );
    event Claimed(
        uint256 indexed requestId, address indexed owner, uint256 valueAtRequest, uint256 valueAtClaim, uint256 paid
    );
    event RateUpdated(uint256 previousRate, uint256 newRate);
    event Paused(address account, uint256 rate, uint256 highWaterRate);
    event Unpaused(address account);
    event IdleRestaked(uint256 amount);
    event RewardsStaked(uint256 ethClaimed, uint256 lstShares);
    event AssetPriceSet(uint256 previousPrice, uint256 newPrice);

    error ZeroMint();
    error ZeroAmount();
    error NotReady(uint256 requestId, uint32 completableAfterBlock);
    error AlreadyClaimed(uint256 requestId);
    error UnknownRequest(uint256 requestId);
    error NotRequestOwner(uint256 requestId);
    error NothingStaked();
    error OnlyOwner();
    error InvalidBps();
    error NotPriceOracle();
    error InvalidPrice();

    modifier onlyOwner() {
        if (msg.sender != owner) revert OnlyOwner();
        _;
    }

    modifier whenNotPaused() {
        if (isPaused()) revert IMiniLRTErrors.Paused();
        _;
    }

    constructor(
        string memory name_,
        string memory symbol_,
        IStrategyManager strategyManager_,
        IDelegationManager delegationManager_,
        IAllocationManager allocationManager_,
        IStrategy strategy_,
        address operator_,
        address owner_,
        address priceOracle_
    ) ERC20(name_, symbol_) {
        strategyManager = strategyManager_;
        delegationManager = delegationManager_;
        allocationManager = allocationManager_;
        strategy = strategy_;
        asset = strategy_.underlyingToken();
        operator = operator_;
        owner = owner_;
        priceOracle = priceOracle_;
        assetPrice = WAD;
        highWaterRate = WAD;
        lastRate = WAD;
        asset.forceApprove(address(strategyManager_), type(uint256).max);
        // The operator may register later (scenario actors exist before their steps run): then the vault
        // delegates at its first deposit.
        if (delegationManager_.isOperator(operator_)) delegationManager_.delegateTo(operator_);
    }

    // ---------------------------------------------------------------- deposit

    /// Takes `amount` stETH (approval needed), restakes it, and mints vault tokens at NAV. Returns tokens minted.
    function deposit(uint256 amount) external whenNotPaused returns (uint256 minted) {
        if (amount == 0) revert ZeroAmount();
        if (!delegationManager.isDelegated(address(this))) delegationManager.delegateTo(operator);
        uint256 supply = totalSupply();
        uint256 valueBefore = totalValue();
        uint256 held = asset.balanceOf(address(this));
        asset.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = asset.balanceOf(address(this)) - held;
        if (received > 0) strategyManager.depositIntoStrategy(strategy, asset, received);
        uint256 valueAdded = totalValue() - valueBefore;
        minted = supply == 0 ? valueAdded : (valueBefore == 0 ? 0 : Math.mulDiv(valueAdded, supply, valueBefore));
        if (minted == 0) revert ZeroMint();
        _mint(msg.sender, minted);
        emit Deposited(msg.sender, amount, valueAdded, minted);
        _syncRate();
    }

    // ---------------------------------------------------------------- redeem

    /// Burns `vaultTokens`, records their value, and queues the EigenLayer withdrawal that will pay it.
    function requestRedeem(uint256 vaultTokens) external whenNotPaused returns (uint256 requestId) {
        if (vaultTokens == 0) revert ZeroAmount();
        _restakeIdle();
        uint256 value = totalValue();
        uint256 supply = totalSupply();
        _burn(msg.sender, vaultTokens); // reverts unless the caller holds them, so supply >= vaultTokens > 0
        uint256 valueAtRequest = Math.mulDiv(value, vaultTokens, supply);
        if (valueAtRequest == 0) revert ZeroAmount();

        uint256 depositShares = _depositSharesFor(valueAtRequest);
        if (depositShares == 0) revert NothingStaked();
        QueuedWithdrawalParams[] memory params = new QueuedWithdrawalParams[](1);
        params[0].strategies = new IStrategy[](1);
        params[0].strategies[0] = strategy;
        params[0].depositShares = new uint256[](1);
        params[0].depositShares[0] = depositShares;
        bytes32 root = delegationManager.queueWithdrawals(params)[0];

        uint32 completableAfter = uint32(block.number) + delegationManager.minWithdrawalDelayBlocks();
        requestId = requests.length;
        requests.push(
            RedeemRequest({
                owner: msg.sender,
                burned: vaultTokens,
                valueAtRequest: valueAtRequest,
                withdrawalRoot: root,
                startBlock: uint32(block.number),
                completableAfterBlock: completableAfter,
                claimed: false,
                paid: 0
            })
        );
        openRequestIds.push(requestId);
        emit RedeemRequested(requestId, msg.sender, vaultTokens, valueAtRequest, root, completableAfter);
        _syncRate();
    }

    /// After EigenLayer's delay: completes the withdrawal as tokens and pays min(valueAtRequest, valueNow).
    function claim(uint256 requestId) external returns (uint256 paid) {
        RedeemRequest storage r = _request(requestId);
        if (msg.sender != r.owner) revert NotRequestOwner(requestId);
        if (r.claimed) revert AlreadyClaimed(requestId);
        if (block.number <= r.completableAfterBlock) revert NotReady(requestId, r.completableAfterBlock);
        (Withdrawal memory w,) = delegationManager.getQueuedWithdrawal(r.withdrawalRoot);
        uint256 held = asset.balanceOf(address(this));
        delegationManager.completeQueuedWithdrawal(w, true);
        uint256 valueNow = asset.balanceOf(address(this)) - held;
        paid = Math.min(r.valueAtRequest, valueNow);
        r.claimed = true;
        r.paid = paid;
        _removeOpen(requestId);
        if (paid > 0) asset.safeTransfer(r.owner, paid);
        emit Claimed(requestId, r.owner, r.valueAtRequest, valueNow, paid);
        _syncRate();
    }

    /// Deposit shares whose withdrawable value covers `value`: strategy shares rounded up so that
    /// sharesToUnderlyingView(s) ≥ value, then deposit shares x with ⌊⌊x·k/1e18⌋·m/1e18⌋ ≥ s (both divisions
    /// rounded up), capped at the vault's deposit shares.
    function _depositSharesFor(uint256 value) private view returns (uint256 x) {
        uint256 held = strategyManager.stakerDepositShares(address(this), strategy);
        uint64 m = allocationManager.getMaxMagnitude(operator, strategy);
        if (held == 0 || m == 0) return held;
        uint256 s = strategy.underlyingToSharesView(value);
        for (uint256 i = 0; i < 3 && strategy.sharesToUnderlyingView(s) < value; i++) {
            s++;
        }
        uint256 k = delegationManager.depositScalingFactor(address(this), strategy);
        uint256 scaled = Math.mulDiv(s, WAD, m, Math.Rounding.Ceil);
        x = Math.mulDiv(scaled, WAD, k, Math.Rounding.Ceil);
        if (x > held) x = held;
    }

    // ---------------------------------------------------------------- idle, pause, rate

    /// Puts idle stETH (e.g. the surplus left by claims) back into the strategy. Anyone may call.
    function restakeIdle() external {
        _restakeIdle();
        _syncRate();
    }

    function _restakeIdle() private {
        uint256 idle = asset.balanceOf(address(this));
        if (idle == 0 || strategy.underlyingToSharesView(idle) == 0) return;
        if (!delegationManager.isDelegated(address(this))) return;
        if (allocationManager.getMaxMagnitude(operator, strategy) == 0) return;
        strategyManager.depositIntoStrategy(strategy, asset, idle);
        emit IdleRestaked(idle);
    }

    /// Claims the vault's activated staker rewards (ETH) and stakes them in the LST: they become idle stETH.
    function claimRewards(MiniRewardsCoordinator coordinator) external returns (uint256 claimed) {
        claimed = coordinator.claim();
        uint256 shares = MiniLST(address(asset)).submit{value: claimed}();
        emit RewardsStaked(claimed, shares);
        _syncRate();
    }

    /// Receives claimed rewards.
    receive() external payable {}

    /// Anyone may record the live rate; if it fell more than maxRateDropBps below the high-water mark, the vault
    /// pauses (as Kelp's LRTOracle does).
    function updateRate() external returns (uint256) {
        uint256 r = _syncRate();
        if (!paused && _dropped(r)) {
            paused = true;
            emit Paused(msg.sender, r, highWaterRate);
        }
        return r;
    }

    function pause() external onlyOwner {
        paused = true;
        emit Paused(msg.sender, rate(), highWaterRate);
    }

    /// Resumes and accepts the current rate as the new high-water mark.
    function unpause() external onlyOwner {
        paused = false;
        highWaterRate = rate();
        emit Unpaused(msg.sender);
    }

    /// Called by the price oracle: the market price of one stETH in ETH (WAD). The rate follows at once; the
    /// automatic pause trips at the next `updateRate`, deposit or redemption request, as for any other drop.
    function setAssetPrice(uint256 price) external {
        if (msg.sender != priceOracle) revert NotPriceOracle();
        if (price == 0) revert InvalidPrice();
        emit AssetPriceSet(assetPrice, price);
        assetPrice = price;
        _syncRate();
    }

    function setMaxRateDropBps(uint256 bps) external onlyOwner {
        if (bps > MAX_BPS) revert InvalidBps();
        maxRateDropBps = bps;
    }

    function isPaused() public view returns (bool) {
        return paused || _dropped(rate());
    }

    function _dropped(uint256 r) private view returns (bool) {
        return maxRateDropBps != 0 && r * MAX_BPS < highWaterRate * (MAX_BPS - maxRateDropBps);
    }

    function _syncRate() private returns (uint256 r) {
        r = rate();
        if (r != lastRate) {
            emit RateUpdated(lastRate, r);
            lastRate = r;
        }
        if (r > highWaterRate && !_dropped(r)) highWaterRate = r;
    }

    // ---------------------------------------------------------------- NAV views

    function idleAssets() public view returns (uint256) {
        return asset.balanceOf(address(this));
    }

    function stakedValue() public view returns (uint256) {
        IStrategy[] memory strategies = new IStrategy[](1);
        strategies[0] = strategy;
        (uint256[] memory withdrawable,) = delegationManager.getWithdrawableShares(address(this), strategies);
        return strategy.sharesToUnderlyingView(withdrawable[0]);
    }

    /// The current value of request `requestId`'s queued withdrawal (0 once claimed).
    function requestValueNow(uint256 requestId) public view returns (uint256) {
        RedeemRequest storage r = _request(requestId);
        if (r.claimed) return 0;
        (, uint256[] memory shares) = delegationManager.getQueuedWithdrawal(r.withdrawalRoot);
        return strategy.sharesToUnderlyingView(shares[0]);
    }

    function queuedValue() public view returns (uint256 total) {
        for (uint256 i = 0; i < openRequestIds.length; i++) {
            total += requestValueNow(openRequestIds[i]);
        }
    }

    function owedToRedeemers() public view returns (uint256 total) {
        for (uint256 i = 0; i < openRequestIds.length; i++) {
            uint256 id = openRequestIds[i];
            total += Math.min(requests[id].valueAtRequest, requestValueNow(id));
        }
    }

    /// idle + staked + Σ open requests' (valueNow − min(valueAtRequest, valueNow)).
    function totalValue() public view returns (uint256 total) {
        total = idleAssets() + stakedValue();
        for (uint256 i = 0; i < openRequestIds.length; i++) {
            uint256 id = openRequestIds[i];
            uint256 now_ = requestValueNow(id);
            uint256 owed = Math.min(requests[id].valueAtRequest, now_);
            total += now_ - owed;
        }
    }

    /// Value of one vault token in ETH at the oracle's stETH price, WAD-scaled (stETH per token at face value).
    function rate() public view returns (uint256) {
        uint256 supply = totalSupply();
        return supply == 0 ? assetPrice : Math.mulDiv(totalValue(), assetPrice, supply);
    }

    function getRequest(uint256 requestId) external view returns (RedeemRequest memory) {
        return _request(requestId);
    }

    function requestCount() external view returns (uint256) {
        return requests.length;
    }

    function getOpenRequestIds() external view returns (uint256[] memory) {
        return openRequestIds;
    }

    function _request(uint256 requestId) private view returns (RedeemRequest storage) {
        if (requestId >= requests.length) revert UnknownRequest(requestId);
        return requests[requestId];
    }

    function _removeOpen(uint256 requestId) private {
        uint256 n = openRequestIds.length;
        for (uint256 i = 0; i < n; i++) {
            if (openRequestIds[i] == requestId) {
                openRequestIds[i] = openRequestIds[n - 1];
                openRequestIds.pop();
                return;
            }
        }
    }
}
