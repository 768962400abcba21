// readWorld(): one read of the whole sandbox in domain terms (world@1 of formats.md). Every number comes from
// a single eth_call of SandboxLens at the head block (world-read.ts) and is rendered as a decimal string;
// nothing is computed here that the contracts did not compute, except lookups of names.
import { actorIdOf, type Sandbox } from './sandbox.ts';
import { mapLedger } from './world-ledger.ts';
import { mapAvs, mapOperators } from './world-operators.ts';
import { at, planWorld, readLens, stakerAddress, type LensWorld, type WorldPlan } from './world-read.ts';
import { mapStakers } from './world-stakers.ts';
import type { AccountState, VaultState, World } from './world-types.ts';

export const WORLD_FORMAT = 'restaking-sandbox/world@1' as const;

function mapAccounts(plan: WorldPlan, lens: LensWorld): Record<string, AccountState> {
  const accounts: Record<string, AccountState> = {};
  for (const [i, a] of plan.holders.entries()) {
    const l = at(lens.accounts, i);
    const vaultTokens: Record<string, string> = {};
    for (const [j, v] of plan.vaults.entries()) vaultTokens[v.id] = String(at(l.vaultTokens, j));
    accounts[a.id] = {
      address: stakerAddress(a),
      role: a.role,
      eth: String(l.eth),
      stETH: String(l.stETH),
      wstETH: String(l.wstETH),
      vaultTokens,
    };
  }
  return accounts;
}

function mapVaults(sb: Sandbox, plan: WorldPlan, lens: LensWorld): Record<string, VaultState> {
  const out: Record<string, VaultState> = {};
  for (const [i, v] of plan.vaults.entries()) {
    const l = at(lens.vaults, i);
    const requests: VaultState['requests'] = {};
    for (const [k, [as, ref]] of at(plan.requests, i).entries()) {
      const r = at(l.requests, k);
      requests[as] = {
        owner: actorIdOf(sb, r.owner) ?? ref.owner,
        valueAtRequest: String(r.valueAtRequest),
        completableAfterBlock: String(r.completableAfterBlock),
        claimed: r.claimed,
      };
    }
    out[v.id] = {
      operator: v.operator ?? '',
      supply: String(l.supply),
      totalValue: String(l.totalValue),
      rate: String(l.rate),
      requests,
    };
  }
  return out;
}

export async function readWorld(sb: Sandbox): Promise<World> {
  const plan = planWorld(sb);
  const lens = await readLens(sb, plan);
  const ledger = mapLedger(sb, plan, lens);
  return {
    format: WORLD_FORMAT,
    block: String(sb.chain.head.number),
    timestamp: String(sb.chain.head.timestamp),
    accounts: mapAccounts(plan, lens),
    stakers: mapStakers(sb, plan, lens),
    operators: mapOperators(sb, plan, lens),
    avs: mapAvs(sb, plan, lens),
    strategies: ledger.strategies,
    lst: ledger.lst,
    vaults: mapVaults(sb, plan, lens),
    validators: ledger.validators,
    burned: ledger.burned,
    lockedSlashedNativeShares: ledger.lockedSlashedNativeShares,
  };
}
