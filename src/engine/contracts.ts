// The deployed contracts as a script sees them: a name, an address and the miniature's artifact (whose ABI the
// worker hands out), so console code can call them through the page's EIP-1193 provider.
import type { Sandbox } from '../protocol/sandbox.ts';

export interface ContractEntry {
  name: string;
  address: string;
  /** Artifact name of the miniature (`MiniDelegationManager`); empty for the beaconETH sentinel address. */
  contract: string;
}

/** The miniature behind each protocol address (see protocol/boot.ts). */
const CONTRACT_OF: Record<string, string> = {
  strategyManager: 'MiniStrategyManager',
  delegationManager: 'MiniDelegationManager',
  allocationManager: 'MiniAllocationManager',
  eigenPodManager: 'MiniEigenPodManager',
  beaconChain: 'MockBeaconChain',
  rewardsCoordinator: 'MiniRewardsCoordinator',
  lst: 'MiniLST',
  wstETH: 'MiniWstETH',
};

/** AVS and vault actors' own contracts are listed under the actor's id. */
export function contractsOf(sb: Sandbox): ContractEntry[] {
  const { strategies, ...singletons } = sb.addresses;
  return [
    ...Object.entries(singletons).map(([name, address]) => ({
      name,
      address,
      contract: CONTRACT_OF[name] ?? '',
    })),
    ...Object.entries(strategies).map(([name, address]) => ({
      name: `${name}Strategy`,
      address,
      contract: name === 'stETH' ? 'MiniStrategy' : '',
    })),
    ...Object.values(sb.actors).flatMap((a) =>
      a.contract === undefined
        ? []
        : [{ name: a.id, address: a.contract, contract: a.role === 'vault' ? 'MiniLRT' : 'MiniAVS' }],
    ),
  ];
}
