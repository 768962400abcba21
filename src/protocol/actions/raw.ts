// tx.send: a transaction with arbitrary call data, as the page's EIP-1193 provider sends it. The recipient is
// an actor (its contract for an AVS or a vault, else its account) or a plain address; a revert is decoded
// with every miniature's errors, like any other step.
import { getAddress, type Address } from 'viem';
import {
  sendSignedTransaction,
  sendTransaction,
  TxInvalid,
  TxRejected,
  type TxResult,
} from '../../chain/runtime.ts';
import { formatAmount } from '../units.ts';
import { actor, actorIdOf, StepError, type Sandbox, type StepOutcome } from '../sandbox.ts';
import type { StepOf } from '../scenario-actions.ts';

function recipient(sb: Sandbox, to: string): Address {
  if (to.startsWith('0x')) return getAddress(to);
  const a = actor(sb, to);
  return a.contract ?? a.address;
}

export async function sendRaw(sb: Sandbox, s: StepOf<'tx.send'>, out: StepOutcome): Promise<void> {
  const from = actor(sb, s.by).address;
  const to = recipient(sb, s.to);
  const data = (s.data ?? '0x').toLowerCase() as `0x${string}`;
  try {
    let r: TxResult;
    if (s.raw === undefined)
      r = await sendTransaction(sb.chain, {
        from,
        to,
        data,
        value: s.value ?? 0n,
        ...(sb.impersonate === true ? { impersonate: true } : {}),
      });
    else {
      // A transaction signed elsewhere runs as signed; the step's other fields must say what it does.
      r = await sendSignedTransaction(sb.chain, s.raw as `0x${string}`);
      if (r.from !== from || r.to !== to || r.data !== data || r.value !== (s.value ?? 0n))
        throw new StepError(
          `the signed transaction (raw) is not from ${s.by} to ${s.to} with this data and value`,
        );
    }
    out.txs.push(r);
    if (!r.ok) {
      const e = r.error ?? { name: 'Revert', args: [], message: 'reverted' };
      throw new StepError(`the transaction to ${actorIdOf(sb, to) ?? to} reverted with ${e.message}`, e);
    }
  } catch (e) {
    if (e instanceof TxInvalid)
      throw new StepError(`the signed transaction (raw) cannot be mined: ${e.message}`);
    if (!(e instanceof TxRejected)) throw e;
    throw new StepError(
      `${s.by} has ${formatAmount(e.balance)} but the transaction sends ${formatAmount(e.value)}`,
    );
  }
}
