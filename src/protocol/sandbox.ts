// The live sandbox: a chain with the whole protocol deployed, the scenario's actors bound to funded accounts,
// and the names that steps gave to what they created (`as`), so later steps and the world reader can find them.
import type { Address, Hex } from 'viem';
import type { Chain, TxResult } from '../chain/runtime.ts';
import type { ScenarioConfig } from './scenario-config.ts';
import type { ActorRole, StrategyName } from './world-types.ts';

export interface Actor {
  id: string;
  role: ActorRole;
  address: Address;
  /** The actor's MiniAVS contract (avs actors) or MiniLRT vault (vault actors). */
  contract?: Address;
  /** Operator id a vault delegates to. */
  operator?: string;
}

export interface ProtocolAddresses {
  strategyManager: Address;
  delegationManager: Address;
  allocationManager: Address;
  eigenPodManager: Address;
  beaconChain: Address;
  rewardsCoordinator: Address;
  lst: Address;
  wstETH: Address;
  /** Strategy address by strategy name; beaconETH is EigenLayer's sentinel address. */
  strategies: Record<StrategyName, Address>;
  burnAddress: Address;
}

/** A queued EigenLayer withdrawal, kept as the exact struct so it can be completed later. */
export interface WithdrawalRef {
  staker: string;
  strategy: StrategyName;
  root: Hex;
  struct: {
    staker: Address;
    delegatedTo: Address;
    withdrawer: Address;
    nonce: bigint;
    startBlock: number;
    strategies: readonly Address[];
    scaledShares: readonly bigint[];
  };
}

export interface Names {
  withdrawals: Record<string, WithdrawalRef>;
  validators: Record<string, { owner: string; index: number }>;
  slashes: Record<string, { avs: string; set: number; slashId: bigint; operator: string }>;
  requests: Record<string, { vault: string; owner: string; id: bigint }>;
  /** Slash requests queued behind an AVS's veto window (avs.requestSlash), by `as` name. */
  slashRequests: Record<string, { avs: string; set: number; requestId: bigint; operator: string }>;
}

export interface Sandbox {
  chain: Chain;
  config: ScenarioConfig;
  addresses: ProtocolAddresses;
  actors: Record<string, Actor>;
  /** Signs deployments and plays the LST oracle and the simulated consensus layer. */
  system: { deployer: Address; oracle: Address };
  names: Names;
  /** Send unsigned transactions from impersonated senders (bulk replay; hashes are marked unsigned). */
  impersonate?: boolean;
}

export function emptyNames(): Names {
  return { withdrawals: {}, validators: {}, slashes: {}, requests: {}, slashRequests: {} };
}

/**
 * A copy of the names, so a chain snapshot can carry them (undo, branches). Entries are never mutated once
 * made, so copying the maps is enough.
 */
export function cloneNames(names: Names): Names {
  return {
    withdrawals: { ...names.withdrawals },
    validators: { ...names.validators },
    slashes: { ...names.slashes },
    requests: { ...names.requests },
    slashRequests: { ...names.slashRequests },
  };
}

/** What performing one step did: its transactions, in order (most steps send one). */
export interface StepOutcome {
  txs: TxResult[];
}

export class StepError extends Error {
  constructor(
    message: string,
    /** The decoded custom error when a contract rejected the action. */
    readonly revert?: { name: string; args: readonly unknown[]; message: string },
  ) {
    super(message);
    this.name = 'StepError';
  }
}

export function actor(sb: Sandbox, id: string, role?: ActorRole): Actor {
  const a = sb.actors[id];
  if (a === undefined) throw new StepError(`there is no actor "${id}"`);
  if (role !== undefined && a.role !== role) throw new StepError(`"${id}" is a ${a.role}, not a ${role}`);
  return a;
}

/** Reverse lookup for world output: an address back to its actor id (or the address itself). */
export function actorIdOf(sb: Sandbox, address: string): string | null {
  const lower = address.toLowerCase();
  if (lower === '0x0000000000000000000000000000000000000000') return null;
  for (const a of Object.values(sb.actors)) {
    if (a.address.toLowerCase() === lower || a.contract?.toLowerCase() === lower) return a.id;
  }
  return address;
}
