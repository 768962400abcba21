// Deploys and wires the core miniatures (strategy manager, delegation manager, allocation manager, mock beacon
// chain, pod manager) and, optionally, a strategy for the stETH-like token the periphery deploys.
//
// Circular wiring: the managers reference each other, so each is deployed without its peers and then receives
// them in a one-time `initialize(...)` that only the deployer may call (the real contracts get them as
// constructor immutables behind proxies). Delays are constructor immutables, so a chain keeps one preset.
import type { Address } from 'viem';
import { deploy, sendTransaction, write, type Chain } from './runtime.ts';

/** EigenLayer's sentinel "strategy" address for native ETH (share manager: the EigenPodManager). */
export const BEACONCHAIN_ETH_STRAT: Address = '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0';
/** Where cleared slashed LST shares go unless the operator set redistributes. */
export const DEFAULT_BURN_ADDRESS: Address = '0x00000000000000000000000000000000000E16E4';

/** Delays in blocks. The contracts keep the real formulas; only the lengths are compressed. */
export interface CoreDelays {
  withdrawalDelayBlocks: bigint;
  deallocationDelayBlocks: bigint;
  allocationConfigurationDelayBlocks: bigint;
}

/** Mainnet: 14 days, 14 days, 17.5 days of 12-second blocks (mechanics.md §6). */
export const MAINNET_DELAYS: CoreDelays = {
  withdrawalDelayBlocks: 100_800n,
  deallocationDelayBlocks: 100_800n,
  allocationConfigurationDelayBlocks: 126_000n,
};

/** EigenLayer's testnet values (Holesky/Hoodi configs). */
export const TESTNET_DELAYS: CoreDelays = {
  withdrawalDelayBlocks: 50n,
  deallocationDelayBlocks: 50n,
  allocationConfigurationDelayBlocks: 75n,
};

export interface CoreConfig extends Partial<CoreDelays> {
  /** Signs the deployments and owns the one-time wiring; defaults to chain.accounts[0]. */
  deployer?: Address;
  /** Initial beacon-chain slashing penalty = effective balance / this (4096 since Electra; 32 before). */
  beaconPenaltyDivisor?: bigint;
  /** ETH given to the mock beacon chain to pay consensus rewards on exit (default 10,000 ETH). */
  beaconIssuanceReserveWei?: bigint;
  /** Tokens to create and whitelist a strategy for. */
  tokens?: { stETH?: Address };
}

export interface CoreAddresses {
  deployer: Address;
  strategyManager: Address;
  delegationManager: Address;
  allocationManager: Address;
  eigenPodManager: Address;
  beaconChain: Address;
  beaconChainETHStrategy: Address;
  burnAddress: Address;
  /** Whitelisted strategies by token name (stETH when `tokens.stETH` was given). */
  strategies: { stETH?: Address };
}

async function must(chain: Chain, req: Parameters<typeof write>[1]): Promise<void> {
  const r = await write(chain, req);
  if (!r.ok) throw new Error(`${req.contract}.${req.functionName} reverted: ${r.error?.message ?? ''}`);
}

/** Deploys the core contracts, wires them, funds the beacon chain's issuance reserve. Order:
 *  StrategyManager, DelegationManager(delay), AllocationManager(delays), MockBeaconChain(divisor),
 *  EigenPodManager(beaconChain); then initialize DM(SM, EPM, AM), SM(DM, AM), AM(DM), EPM(DM). */
export async function deployCore(chain: Chain, cfg: CoreConfig = {}): Promise<CoreAddresses> {
  const from = cfg.deployer ?? chain.accounts[0]?.address;
  if (from === undefined) throw new Error('deployCore needs a deployer account');
  const delays = { ...MAINNET_DELAYS, ...definedDelays(cfg) };

  const strategyManager = await deploy(chain, { from, contract: 'MiniStrategyManager' });
  const delegationManager = await deploy(chain, {
    from,
    contract: 'MiniDelegationManager',
    args: [Number(delays.withdrawalDelayBlocks)],
  });
  const allocationManager = await deploy(chain, {
    from,
    contract: 'MiniAllocationManager',
    args: [Number(delays.deallocationDelayBlocks), Number(delays.allocationConfigurationDelayBlocks)],
  });
  const beaconChain = await deploy(chain, {
    from,
    contract: 'MockBeaconChain',
    args: [cfg.beaconPenaltyDivisor ?? 4096n],
  });
  const eigenPodManager = await deploy(chain, { from, contract: 'MiniEigenPodManager', args: [beaconChain] });

  const init = (to: Address, contract: string, args: readonly unknown[]) =>
    must(chain, { from, to, contract, functionName: 'initialize', args });
  await init(delegationManager, 'MiniDelegationManager', [
    strategyManager,
    eigenPodManager,
    allocationManager,
  ]);
  await init(strategyManager, 'MiniStrategyManager', [delegationManager, allocationManager]);
  await init(allocationManager, 'MiniAllocationManager', [delegationManager]);
  await init(eigenPodManager, 'MiniEigenPodManager', [delegationManager]);

  const reserve = cfg.beaconIssuanceReserveWei ?? 10_000n * 10n ** 18n;
  if (reserve > 0n) {
    // A plain transfer: the contract's receive() books it as the issuance reserve.
    const r = await sendTransaction(chain, { from, to: beaconChain, data: '0x', value: reserve });
    if (!r.ok) throw new Error(`funding the beacon chain reserve reverted: ${r.error?.message ?? ''}`);
  }

  const core: CoreAddresses = {
    deployer: from,
    strategyManager,
    delegationManager,
    allocationManager,
    eigenPodManager,
    beaconChain,
    beaconChainETHStrategy: BEACONCHAIN_ETH_STRAT,
    burnAddress: DEFAULT_BURN_ADDRESS,
    strategies: {},
  };
  if (cfg.tokens?.stETH !== undefined)
    core.strategies.stETH = await deployStrategy(chain, core, cfg.tokens.stETH);
  return core;
}

/** Deploys a MiniStrategy for `token` and whitelists it for deposits (the StrategyFactory's job on mainnet). */
export async function deployStrategy(chain: Chain, core: CoreAddresses, token: Address): Promise<Address> {
  const strategy = await deploy(chain, {
    from: core.deployer,
    contract: 'MiniStrategy',
    args: [core.strategyManager, token],
  });
  await must(chain, {
    from: core.deployer,
    to: core.strategyManager,
    contract: 'MiniStrategyManager',
    functionName: 'addStrategiesToDepositWhitelist',
    args: [[strategy]],
  });
  return strategy;
}

function definedDelays(cfg: CoreConfig): Partial<CoreDelays> {
  const out: Partial<CoreDelays> = {};
  if (cfg.withdrawalDelayBlocks !== undefined) out.withdrawalDelayBlocks = cfg.withdrawalDelayBlocks;
  if (cfg.deallocationDelayBlocks !== undefined) out.deallocationDelayBlocks = cfg.deallocationDelayBlocks;
  if (cfg.allocationConfigurationDelayBlocks !== undefined)
    out.allocationConfigurationDelayBlocks = cfg.allocationConfigurationDelayBlocks;
  return out;
}
