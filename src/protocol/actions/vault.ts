// Liquid restaking vault actions: deposit stETH for vault tokens at NAV, request a redemption, claim it, and
// the price oracle's report of stETH's market price (the vault's rate follows it).
import { actor, StepError, type Sandbox, type StepOutcome } from '../sandbox.ts';
import type { StepOf } from '../scenario-actions.ts';
import { approve } from './lst.ts';
import { eventOf, send } from './send.ts';

function vaultAddress(sb: Sandbox, id: string) {
  const v = actor(sb, id, 'vault');
  if (v.contract === undefined) throw new StepError(`vault "${id}" has no contract`);
  return v.contract;
}

export async function deposit(sb: Sandbox, s: StepOf<'vault.deposit'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  const vault = vaultAddress(sb, s.vault);
  await approve(sb, out, by, sb.addresses.lst, 'MiniLST', vault, s.amount);
  await send(sb, out, {
    from: by,
    to: vault,
    contract: 'MiniLRT',
    functionName: 'deposit',
    args: [s.amount],
  });
}

export async function requestRedeem(sb: Sandbox, s: StepOf<'vault.requestRedeem'>, out: StepOutcome) {
  const r = await send(sb, out, {
    from: actor(sb, s.by).address,
    to: vaultAddress(sb, s.vault),
    contract: 'MiniLRT',
    functionName: 'requestRedeem',
    args: [s.amount],
  });
  const id = BigInt(eventOf(r, 'RedeemRequested')['requestId'] as bigint);
  sb.names.requests[s.as] = { vault: s.vault, owner: s.by, id };
}

export async function claim(sb: Sandbox, s: StepOf<'vault.claim'>, out: StepOutcome): Promise<void> {
  const ref = sb.names.requests[s.request];
  if (ref === undefined) throw new StepError(`no redemption request named "${s.request}"`);
  if (ref.vault !== s.vault)
    throw new StepError(`request "${s.request}" belongs to vault ${ref.vault}, not ${s.vault}`);
  await send(sb, out, {
    from: actor(sb, s.by).address,
    to: vaultAddress(sb, s.vault),
    contract: 'MiniLRT',
    functionName: 'claim',
    args: [ref.id],
  });
}

/** The price oracle (the system oracle account) reports the market price of one stETH in ETH. */
export async function setPrice(sb: Sandbox, s: StepOf<'vault.setPrice'>, out: StepOutcome): Promise<void> {
  await send(sb, out, {
    from: sb.system.oracle,
    to: vaultAddress(sb, s.vault),
    contract: 'MiniLRT',
    functionName: 'setAssetPrice',
    args: [s.price],
  });
}
