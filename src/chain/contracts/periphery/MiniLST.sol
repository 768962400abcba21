// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title MiniLST: a stETH-like rebasing liquid staking token.
/// @notice Mirrors Lido's StETH (lidofinance/core contracts/0.4.24/StETH.sol), Lido.submit and the fee part of
/// Accounting.handleOracleReport (contracts/0.8.9/Accounting.sol, `_calculateTotalProtocolFeeShares`).
///
/// What is kept, to the wei:
/// - Balances are shares: `balanceOf = ⌊shares·totalPooledEther/totalShares⌋`; token amounts are turned into
///   shares with `⌊amount·totalShares/totalPooledEther⌋`. Both round down, which gives the familiar 1-2 wei
///   transfer shortfall; `transferShares` moves an exact share count (LIP-11).
/// - `submit()` mints `getSharesByPooledEth(msg.value)` shares.
/// - An oracle report moves `totalPooledEther` by the consensus-layer delta, so every balance moves at once with
///   no per-holder writes. On a profitable report the protocol fee (`feeBP`, 10% by default) is paid by minting
///   `feeShares = feeEther·sharesBefore/(postEther − feeEther)` shares to the treasury, which leaves the treasury
///   holding exactly `feeEther` worth (up to rounding). No fee is taken on a loss or a zero report.
/// - Allowances are in token units (as in stETH); `type(uint256).max` is an infinite allowance.
///
/// Where the ETH is (the honest version of "backing"): this contract stands in for the whole Lido system, the
/// buffer and the validators together, so it holds every wei it counts: `address(this).balance ==
/// totalPooledEther` (it has no receive function; only ETH forced in without a call could exceed it). A positive report therefore arrives with its ETH (the oracle sends
/// `clDelta` wei, standing in for consensus-layer rewards that the real protocol later sweeps to its withdrawal
/// vault), and a loss leaves it (sent to `ETH_SINK`, standing in for ETH the beacon chain destroyed as a penalty).
///
/// The "stone in the elevator": Lido minted its first shares to 0xdead so the pool is never empty (an empty pool
/// has no share rate, and a donation into it can be captured). The constructor here is payable: any ETH sent
/// with the deployment is minted 1:1 as shares to `INITIAL_TOKEN_HOLDER` (0xdead). The sandbox deploys with no
/// stone by default so classroom numbers stay round; the empty pool is handled explicitly instead (the first
/// submit is 1:1, and a report into a pool with no shares reverts with `EmptyPool`).
///
/// Left out: the buffer / CL balance / transient split (one pooled-ether number), deposits to validators, the
/// withdrawal queue (no redemption: stETH leaves through the market or, here, not at all), staking limits,
/// pausing, EIP-2612 permits, the sanity checker that bounds reports, node-operator fee modules (the whole fee
/// goes to one treasury), Lido V3 external shares, and the Burner.
contract MiniLST is IERC20, IERC20Metadata {
    /// Lido's INITIAL_TOKEN_HOLDER: the holder of the bootstrap ("stone in the elevator") shares.
    address public constant INITIAL_TOKEN_HOLDER = 0x000000000000000000000000000000000000dEaD;
    /// Where ETH lost on the consensus layer is sent so that `balance == totalPooledEther` keeps holding.
    address public constant ETH_SINK = address(0);
    uint256 public constant TOTAL_BASIS_POINTS = 10_000;
    uint256 private constant INFINITE_ALLOWANCE = type(uint256).max;

    address public immutable oracle;
    address public immutable treasury;
    /// Protocol fee on rewards, in basis points (Lido: 1000 = 10%).
    uint256 public immutable feeBP;

    uint256 public totalPooledEther;
    uint256 public totalShares;
    mapping(address => uint256) private shares;
    mapping(address => mapping(address => uint256)) private allowances;

    /// Lido.Submitted(sender, amount, referral); the referral is dropped.
    event Submitted(address indexed sender, uint256 amount);
    event TransferShares(address indexed from, address indexed to, uint256 sharesValue);
    /// Lido's TokenRebased without the report timestamp and elapsed time.
    event TokenRebased(
        uint256 preTotalShares,
        uint256 preTotalEther,
        uint256 postTotalShares,
        uint256 postTotalEther,
        uint256 sharesMintedAsFees
    );

    error ZeroDeposit();
    error NotOracle();
    error InsufficientShares(uint256 available, uint256 needed);
    error InsufficientAllowance(uint256 allowance, uint256 needed);
    error InvalidRecipient(address recipient);
    error InvalidFee(uint256 feeBP);
    error EmptyPool();
    error ReportValueMismatch(uint256 expected, uint256 sent);
    error LossExceedsPool(uint256 loss, uint256 pooled);
    error EthTransferFailed();

    constructor(address oracle_, address treasury_, uint256 feeBP_) payable {
        if (feeBP_ > TOTAL_BASIS_POINTS) revert InvalidFee(feeBP_);
        if (treasury_ == address(0)) revert InvalidRecipient(treasury_);
        oracle = oracle_;
        treasury = treasury_;
        feeBP = feeBP_;
        if (msg.value > 0) {
            totalPooledEther = msg.value;
            emit Submitted(INITIAL_TOKEN_HOLDER, msg.value);
            _mintShares(INITIAL_TOKEN_HOLDER, msg.value);
        }
    }

    // ---------------------------------------------------------------- metadata

    function name() external pure returns (string memory) {
        return "Mini Liquid staked Ether";
    }

    function symbol() external pure returns (string memory) {
        return "stETH";
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

    // ---------------------------------------------------------------- staking

    /// Stakes ETH: mints `getSharesByPooledEth(msg.value)` shares to the sender. Returns the shares minted.
    function submit() external payable returns (uint256 sharesAmount) {
        if (msg.value == 0) revert ZeroDeposit();
        sharesAmount = getSharesByPooledEth(msg.value);
        if (sharesAmount == 0) revert ZeroDeposit();
        totalPooledEther += msg.value;
        emit Submitted(msg.sender, msg.value);
        _mintShares(msg.sender, sharesAmount);
    }

    /// The oracle reports the consensus-layer balance change since the last report. A gain must come with its ETH
    /// (`msg.value == clDelta`); a loss is sent to `ETH_SINK`. Returns the fee shares minted to the treasury.
    function handleOracleReport(int256 clDelta) external payable returns (uint256 feeShares) {
        if (msg.sender != oracle) revert NotOracle();
        uint256 preShares = totalShares;
        uint256 preEther = totalPooledEther;
        if (preShares == 0) revert EmptyPool();
        uint256 postEther;
        if (clDelta > 0) {
            uint256 rewards = uint256(clDelta);
            if (msg.value != rewards) revert ReportValueMismatch(rewards, msg.value);
            postEther = preEther + rewards;
            uint256 feeEther = (rewards * feeBP) / TOTAL_BASIS_POINTS;
            // Minting s shares worth feeEther after the rebase: s·postEther/(preShares+s) = feeEther.
            if (feeEther > 0) feeShares = Math.mulDiv(feeEther, preShares, postEther - feeEther);
        } else {
            if (msg.value != 0) revert ReportValueMismatch(0, msg.value);
            uint256 loss = uint256(-clDelta);
            // A pool left with shares but no ether has no share rate; a 100% loss is not a report we model.
            if (loss >= preEther) revert LossExceedsPool(loss, preEther);
            postEther = preEther - loss;
            if (loss > 0) {
                (bool sent,) = ETH_SINK.call{value: loss}("");
                if (!sent) revert EthTransferFailed();
            }
        }
        totalPooledEther = postEther;
        if (feeShares > 0) _mintShares(treasury, feeShares);
        emit TokenRebased(preShares, preEther, totalShares, postEther, feeShares);
    }

    // ---------------------------------------------------------------- share math

    /// `⌊ethAmount·totalShares/totalPooledEther⌋`; 1:1 while the pool has no shares.
    function getSharesByPooledEth(uint256 ethAmount) public view returns (uint256) {
        if (totalShares == 0) return ethAmount;
        return Math.mulDiv(ethAmount, totalShares, totalPooledEther);
    }

    /// `⌊sharesAmount·totalPooledEther/totalShares⌋`; 1:1 while the pool has no shares.
    function getPooledEthByShares(uint256 sharesAmount) public view returns (uint256) {
        if (totalShares == 0) return sharesAmount;
        return Math.mulDiv(sharesAmount, totalPooledEther, totalShares);
    }

    function sharesOf(address account) external view returns (uint256) {
        return shares[account];
    }

    /// ERC20 totalSupply is the pooled ether (as in stETH).
    function totalSupply() external view returns (uint256) {
        return totalPooledEther;
    }

    function balanceOf(address account) external view returns (uint256) {
        return getPooledEthByShares(shares[account]);
    }

    // ---------------------------------------------------------------- ERC20 over shares

    function allowance(address owner, address spender) external view returns (uint256) {
        return allowances[owner][spender];
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    /// Moves `getSharesByPooledEth(amount)` shares (rounded down, so the recipient may see 1-2 wei less).
    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        _spendAllowance(from, amount);
        _transfer(from, to, amount);
        return true;
    }

    /// Moves an exact share count. Returns the token amount it was worth.
    function transferShares(address to, uint256 sharesAmount) external returns (uint256 amount) {
        amount = getPooledEthByShares(sharesAmount);
        _transferShares(msg.sender, to, sharesAmount);
        _emitTransferEvents(msg.sender, to, amount, sharesAmount);
    }

    /// Moves an exact share count, spending a token-unit allowance of the shares' value (rounded down, as in
    /// Lido's StETH). Returns that value.
    function transferSharesFrom(address from, address to, uint256 sharesAmount) external returns (uint256 amount) {
        amount = getPooledEthByShares(sharesAmount);
        _spendAllowance(from, amount);
        _transferShares(from, to, sharesAmount);
        _emitTransferEvents(from, to, amount, sharesAmount);
    }

    // ---------------------------------------------------------------- internals

    function _transfer(address from, address to, uint256 amount) private {
        uint256 sharesAmount = getSharesByPooledEth(amount);
        _transferShares(from, to, sharesAmount);
        _emitTransferEvents(from, to, amount, sharesAmount);
    }

    function _transferShares(address from, address to, uint256 sharesAmount) private {
        if (to == address(0) || to == address(this)) revert InvalidRecipient(to);
        uint256 have = shares[from];
        if (sharesAmount > have) revert InsufficientShares(have, sharesAmount);
        shares[from] = have - sharesAmount;
        shares[to] += sharesAmount;
    }

    function _spendAllowance(address owner, uint256 amount) private {
        uint256 current = allowances[owner][msg.sender];
        if (current == INFINITE_ALLOWANCE) return;
        if (amount > current) revert InsufficientAllowance(current, amount);
        allowances[owner][msg.sender] = current - amount;
        emit Approval(owner, msg.sender, current - amount);
    }

    function _mintShares(address to, uint256 sharesAmount) private {
        totalShares += sharesAmount;
        shares[to] += sharesAmount;
        // Value after the mint (the submitted ETH up to rounding), as Lido's events report it.
        _emitTransferEvents(address(0), to, getPooledEthByShares(sharesAmount), sharesAmount);
    }

    function _emitTransferEvents(address from, address to, uint256 amount, uint256 sharesAmount) private {
        emit Transfer(from, to, amount);
        emit TransferShares(from, to, sharesAmount);
    }
}
