// Liquid staking actions: stake ETH into the stETH-like token, oracle reports, wrapping, token transfers.
import type { Address } from 'viem';
import { actor, StepError, type Sandbox, type StepOutcome } from '../sandbox.ts';
import type { StepOf } from '../scenario-actions.ts';
import { send, sendTo } from './send.ts';

export async function stake(sb: Sandbox, s: StepOf<'lst.stake'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  await sendTo(sb, out, by, 'lst', 'submit', [], s.amount);
}

/** The oracle reports a consensus-layer delta; a positive report carries its ETH so every stETH stays backed. */
export async function report(sb: Sandbox, s: StepOf<'lst.report'>, out: StepOutcome): Promise<void> {
  await sendTo(
    sb,
    out,
    sb.system.oracle,
    'lst',
    'handleOracleReport',
    [s.delta],
    s.delta > 0n ? s.delta : 0n,
  );
}

export async function wrap(sb: Sandbox, s: StepOf<'lst.wrap'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  const { lst, wstETH } = sb.addresses;
  await approve(sb, out, by, lst, 'MiniLST', wstETH, s.amount);
  await send(sb, out, {
    from: by,
    to: wstETH,
    contract: 'MiniWstETH',
    functionName: 'wrap',
    args: [s.amount],
  });
}

export async function unwrap(sb: Sandbox, s: StepOf<'lst.unwrap'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  await sendTo(sb, out, by, 'wstETH', 'unwrap', [s.amount]);
}

/** Token name to its contract: `stETH`, `wstETH`, or a vault id (its vault token). */
export function tokenContract(sb: Sandbox, token: string): { address: Address; contract: string } {
  if (token === 'stETH') return { address: sb.addresses.lst, contract: 'MiniLST' };
  if (token === 'wstETH') return { address: sb.addresses.wstETH, contract: 'MiniWstETH' };
  const vault = sb.actors[token];
  if (vault?.role === 'vault' && vault.contract !== undefined)
    return { address: vault.contract, contract: 'MiniLRT' };
  throw new StepError(`"${token}" is not a token; accepted: stETH, wstETH, or a vault id`);
}

export async function transfer(sb: Sandbox, s: StepOf<'token.transfer'>, out: StepOutcome): Promise<void> {
  const by = actor(sb, s.by).address;
  const to = actor(sb, s.to).address;
  const t = tokenContract(sb, s.token);
  await send(sb, out, {
    from: by,
    to: t.address,
    contract: t.contract,
    functionName: 'transfer',
    args: [to, s.amount],
  });
}

/** ERC20 approval that a deposit needs first, as in the real flow (the trace shows both transactions). */
export async function approve(
  sb: Sandbox,
  out: StepOutcome,
  owner: Address,
  token: Address,
  contract: string,
  spender: Address,
  amount: bigint,
): Promise<void> {
  await send(sb, out, { from: owner, to: token, contract, functionName: 'approve', args: [spender, amount] });
}
