// readWorld(): one read of the whole sandbox in domain terms (world@1 of formats.md). Every number is read
// from the chain at the head block and rendered as a decimal string; nothing is computed here that the
// contracts did not compute, except sums and lookups of names.
import type { Address } from 'viem';
import { getBalance, readBatch } from '../chain/runtime.ts';
import { view } from './world-read.ts';
import { actorIdOf, type Sandbox } from './sandbox.ts';
import { readLedger } from './world-ledger.ts';
import type { AccountState, LstState, VaultState, World } from './world-types.ts';
import { readOperators, readAvs } from './world-operators.ts';
import { readStakers } from './world-stakers.ts';

export const WORLD_FORMAT = 'restaking-sandbox/world@1' as const;

async function readAccounts(sb: Sandbox): Promise<Record<string, AccountState>> {
  const { chain, addresses } = sb;
  const vaults = Object.values(sb.actors).filter((a) => a.role === 'vault');
  const accounts: Record<string, AccountState> = {};
  const rc = addresses.rewardsCoordinator;
  for (const a of Object.values(sb.actors)) {
    const holder = a.role === 'vault' && a.contract !== undefined ? a.contract : a.address;
    const vaultTokens: Record<string, string> = {};
    for (const v of vaults) {
      if (v.contract === undefined) continue;
      vaultTokens[v.id] = String(await view<bigint>(chain, v.contract, 'MiniLRT', 'balanceOf', [holder]));
    }
    const earned = await view<bigint>(chain, rc, 'MiniRewardsCoordinator', 'cumulativeEarnings', [holder]);
    accounts[a.id] = {
      address: holder,
      role: a.role,
      eth: String(await getBalance(chain, holder)),
      stETH: String(await view<bigint>(chain, addresses.lst, 'MiniLST', 'balanceOf', [holder])),
      stETHShares: String(await view<bigint>(chain, addresses.lst, 'MiniLST', 'sharesOf', [holder])),
      wstETH: String(await view<bigint>(chain, addresses.wstETH, 'MiniWstETH', 'balanceOf', [holder])),
      vaultTokens,
      rewardsEarned: String(earned),
      // Nothing credited means nothing claimable: one view call saved for the many accounts never paid.
      rewardsClaimable:
        earned === 0n
          ? '0'
          : String(await view<bigint>(chain, rc, 'MiniRewardsCoordinator', 'claimable', [holder])),
    };
  }
  return accounts;
}

async function readLst(sb: Sandbox): Promise<LstState> {
  const { chain, addresses } = sb;
  return {
    totalPooledEther: String(await view<bigint>(chain, addresses.lst, 'MiniLST', 'totalPooledEther')),
    totalShares: String(await view<bigint>(chain, addresses.lst, 'MiniLST', 'totalShares')),
  };
}

async function readVaults(sb: Sandbox): Promise<Record<string, VaultState>> {
  const out: Record<string, VaultState> = {};
  for (const v of Object.values(sb.actors)) {
    if (v.role !== 'vault' || v.contract === undefined) continue;
    const requests: VaultState['requests'] = {};
    for (const [as, ref] of Object.entries(sb.names.requests)) {
      if (ref.vault !== v.id) continue;
      const r = await view<{
        owner: Address;
        valueAtRequest: bigint;
        completableAfterBlock: number;
        claimed: boolean;
      }>(sb.chain, v.contract, 'MiniLRT', 'getRequest', [ref.id]);
      requests[as] = {
        owner: actorIdOf(sb, r.owner) ?? ref.owner,
        valueAtRequest: String(r.valueAtRequest),
        completableAfterBlock: String(r.completableAfterBlock),
        claimed: r.claimed,
      };
    }
    out[v.id] = {
      operator: v.operator ?? '',
      supply: String(await view<bigint>(sb.chain, v.contract, 'MiniLRT', 'totalSupply')),
      totalValue: String(await view<bigint>(sb.chain, v.contract, 'MiniLRT', 'totalValue')),
      rate: String(await view<bigint>(sb.chain, v.contract, 'MiniLRT', 'rate')),
      stETHPrice: String(await view<bigint>(sb.chain, v.contract, 'MiniLRT', 'assetPrice')),
      requests,
    };
  }
  return out;
}

export function readWorld(sb: Sandbox): Promise<World> {
  return readBatch(sb.chain, () => readAll(sb));
}

async function readAll(sb: Sandbox): Promise<World> {
  const ledger = await readLedger(sb);
  return {
    format: WORLD_FORMAT,
    block: String(sb.chain.head.number),
    timestamp: String(sb.chain.head.timestamp),
    accounts: await readAccounts(sb),
    stakers: await readStakers(sb),
    operators: await readOperators(sb),
    avs: await readAvs(sb),
    strategies: ledger.strategies,
    lst: await readLst(sb),
    vaults: await readVaults(sb),
    validators: ledger.validators,
    burned: ledger.burned,
    lockedSlashedNativeShares: ledger.lockedSlashedNativeShares,
  };
}
