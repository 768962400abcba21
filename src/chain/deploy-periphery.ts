// Deployment of the contracts around the EigenLayer core: the stETH-like token and its wrapper, an AVS per
// avs actor, the simplified rewards coordinator, and liquid restaking vaults. Each function deploys with real
// signed transactions from the given account and returns plain addresses.
import type { Address } from 'viem';
import { deploy, write, type Chain } from './runtime.ts';

/** Lido's protocol fee: 10% of rewards. */
export const DEFAULT_LST_FEE_BP = 1000n;
/** EigenLayer's default operator split: 10% (1000 bips). */
export const DEFAULT_OPERATOR_SPLIT_BIPS = 1000;
/** EigenLayer's rewards activation delay on mainnet is 7 days (604800 s); the miniature counts blocks. */
export const DEFAULT_REWARDS_ACTIVATION_DELAY_BLOCKS = 50400;

export interface LstDeployment {
  lst: Address;
  wstETH: Address;
}

export interface LstOptions {
  /** The account allowed to report consensus-layer deltas (it sends the ETH of a positive report). */
  oracle: Address;
  /** Receives the fee shares. */
  treasury: Address;
  /** Protocol fee in basis points (default 1000 = 10%). */
  feeBP?: bigint;
  /** Signs the deployments (default: the oracle, which must then be one of the chain's accounts). */
  from?: Address;
  /** ETH minted 1:1 as Lido's bootstrap shares to 0xdead ("stone in the elevator"); default none. */
  stone?: bigint;
}

/** Deploys MiniLST and its wrapper MiniWstETH. */
export async function deployLst(chain: Chain, opts: LstOptions): Promise<LstDeployment> {
  const from = opts.from ?? opts.oracle;
  const lst = await deploy(chain, {
    from,
    contract: 'MiniLST',
    args: [opts.oracle, opts.treasury, opts.feeBP ?? DEFAULT_LST_FEE_BP],
    ...(opts.stone === undefined ? {} : { value: opts.stone }),
  });
  const wstETH = await deploy(chain, { from, contract: 'MiniWstETH', args: [lst] });
  return { lst, wstETH };
}

/** The core addresses the periphery needs (a structural subset of deploy-core's CoreAddresses). */
export interface PeripheryCore {
  deployer: Address;
  strategyManager: Address;
  delegationManager: Address;
  allocationManager: Address;
  strategies: { stETH?: Address };
}

export interface RewardsCoordinatorOptions {
  /** Blocks from a submission until it can be claimed (default 50400 = 7 days of 12-second blocks). */
  activationDelayBlocks?: number;
  /** Default operator split in bips (default 1000 = 10%). */
  defaultOperatorSplitBips?: number;
  /** Signs the deployment (default: the core deployer). */
  from?: Address;
}

/** Deploys the simplified, on-chain MiniRewardsCoordinator. */
export async function deployRewardsCoordinator(
  chain: Chain,
  core: PeripheryCore,
  opts: RewardsCoordinatorOptions = {},
): Promise<Address> {
  return deploy(chain, {
    from: opts.from ?? core.deployer,
    contract: 'MiniRewardsCoordinator',
    args: [
      core.allocationManager,
      core.delegationManager,
      opts.activationDelayBlocks ?? DEFAULT_REWARDS_ACTIVATION_DELAY_BLOCKS,
      opts.defaultOperatorSplitBips ?? DEFAULT_OPERATOR_SPLIT_BIPS,
    ],
  });
}

export interface AvsOptions {
  /** Where `submitRewards` sends rewards; without it the AVS cannot fund rewards. */
  rewardsCoordinator?: Address;
  metadataURI?: string;
}

/**
 * Deploys a MiniAVS owned by `owner` (an account of the chain, which signs the deployment). The contract is the
 * AVS address in the AllocationManager, its own registrar and the slasher of the sets it creates.
 */
export async function deployAvs(
  chain: Chain,
  core: PeripheryCore,
  owner: Address,
  opts: AvsOptions = {},
): Promise<Address> {
  return deploy(chain, {
    from: owner,
    contract: 'MiniAVS',
    args: [
      core.allocationManager,
      core.delegationManager,
      opts.rewardsCoordinator ?? ZERO_ADDRESS,
      owner,
      opts.metadataURI ?? '',
    ],
  });
}

export interface VaultOptions {
  /** The operator the vault delegates to (now if registered, else at its first deposit). */
  operator: Address;
  /** May pause and unpause; signs the deployment. */
  owner: Address;
  name: string;
  symbol: string;
  /** The strategy it restakes into (default: core.strategies.stETH). */
  strategy?: Address;
  /** Reports the market price of stETH in ETH (default: the owner). */
  priceOracle?: Address;
}

/** Deploys a MiniLRT liquid restaking vault over the stETH strategy. */
export async function deployVault(chain: Chain, core: PeripheryCore, opts: VaultOptions): Promise<Address> {
  const strategy = opts.strategy ?? core.strategies.stETH;
  if (strategy === undefined) throw new Error('deployVault needs the stETH strategy (core.strategies.stETH)');
  return deploy(chain, {
    from: opts.owner,
    contract: 'MiniLRT',
    args: [
      opts.name,
      opts.symbol,
      core.strategyManager,
      core.delegationManager,
      core.allocationManager,
      strategy,
      opts.operator,
      opts.owner,
      opts.priceOracle ?? opts.owner,
    ],
  });
}

const ZERO_ADDRESS: Address = '0x0000000000000000000000000000000000000000';

/** Sends a transaction and throws with the decoded custom error if it reverts (deployment wiring only). */
export async function mustWrite(chain: Chain, req: Parameters<typeof write>[1]): Promise<void> {
  const r = await write(chain, req);
  if (!r.ok) throw new Error(`${req.contract}.${req.functionName} reverted: ${r.error?.message ?? ''}`);
}
