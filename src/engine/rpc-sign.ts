// Signing with the personas' keys: the page holds every actor's deterministic key (chain/evm.ts), so a script
// can try flows that need a signature (an EIP-712 delegation approval, a signed message). viem's account
// utilities do the signing; nothing here is sent to the chain.
import { isHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { CHAIN_ID, DEFAULT_GAS, getNonce } from '../chain/runtime.ts';
import { address, data, invalid, optional, quantity, type Params } from './rpc-params.ts';
import type { Session } from './session.ts';

const accounts = new Map<Hex, PrivateKeyAccount>();

/** The persona (an actor of the sandbox) with this address; anything else has no key here. */
export function persona(s: Session, who: Address, what: string): { id: string; account: PrivateKeyAccount } {
  const actor = Object.values(s.sb.actors).find((a) => a.address.toLowerCase() === who.toLowerCase());
  const key = s.sb.chain.accounts.find((a) => a.address.toLowerCase() === who.toLowerCase())?.privateKey;
  if (actor === undefined || key === undefined)
    throw invalid(`${what}: ${who} is not one of the sandbox's accounts (eth_accounts lists them)`);
  let account = accounts.get(key);
  if (account === undefined) accounts.set(key, (account = privateKeyToAccount(key)));
  return { id: actor.id, account };
}

/** personal_sign [message, address] and eth_sign [address, message]: both EIP-191, as geth signs them. */
export function signMessage(s: Session, p: Params, messageAt: 0 | 1): Promise<Hex> {
  const who = persona(s, p.address(1 - messageAt), `${p.method} parameter ${2 - messageAt} (address)`);
  const message = p.raw(messageAt, 'message');
  if (typeof message !== 'string')
    throw invalid(`${p.method} parameter ${messageAt + 1} (message) is not a string`);
  // Wallets take hex as bytes and anything else as UTF-8 text.
  return who.account.signMessage({ message: isHex(message) ? { raw: message } : message });
}

export async function signTypedData(s: Session, p: Params): Promise<Hex> {
  const who = persona(s, p.address(0), `${p.method} parameter 1 (address)`);
  let typed = p.raw(1, 'typed data');
  if (typeof typed === 'string')
    try {
      typed = JSON.parse(typed);
    } catch {
      throw invalid(`${p.method} parameter 2 (typed data) is not JSON`);
    }
  const t = typed as {
    domain?: unknown;
    types?: Record<string, unknown>;
    primaryType?: unknown;
    message?: unknown;
  };
  if (typeof t !== 'object' || t === null || typeof t.types !== 'object' || typeof t.primaryType !== 'string')
    throw invalid(
      `${p.method} parameter 2 (typed data) needs "types", "primaryType", "domain" and "message"`,
    );
  const { EIP712Domain: _domain, ...types } = t.types;
  try {
    // The typed data is checked by viem against its own types while signing.
    const sign = who.account.signTypedData as (typed: Record<string, unknown>) => Promise<Hex>;
    return await sign({
      domain: t.domain ?? {},
      types,
      primaryType: t.primaryType,
      message: t.message ?? {},
    });
  } catch (e) {
    const why = (e as { shortMessage?: string }).shortMessage ?? (e instanceof Error ? e.message : '');
    throw invalid(`${p.method} parameter 2 (typed data): ${why.split('\n')[0]}`);
  }
}

/** A transaction signed by a persona and returned, not sent (eth_sendRawTransaction sends it). */
export async function signTransaction(s: Session, p: Params): Promise<Hex> {
  const o = p.object(0, 'transaction');
  const what = p.field(0, 'transaction', '').replace(/ field ""$/, '');
  const from = address(o['from'], `${what} field "from"`);
  const who = persona(s, from, `${what} field "from"`);
  const to = optional(o, 'to', what, address);
  if (to === undefined)
    throw invalid(`${what} has no "to": deployments are not supported, send to a contract`);
  const input = optional(o, 'data', what, data) ?? optional(o, 'input', what, data) ?? '0x';
  const value = optional(o, 'value', what, quantity) ?? 0n;
  const nonce = optional(o, 'nonce', what, quantity) ?? (await getNonce(s.sb.chain, from));
  const gas = optional(o, 'gas', what, quantity) ?? DEFAULT_GAS;
  const gasPrice = optional(o, 'gasPrice', what, quantity);
  const common = { chainId: Number(CHAIN_ID), nonce: Number(nonce), gas, to, value, data: input };
  if (gasPrice !== undefined) return who.account.signTransaction({ ...common, type: 'legacy', gasPrice });
  return who.account.signTransaction({
    ...common,
    type: 'eip1559',
    maxFeePerGas: optional(o, 'maxFeePerGas', what, quantity) ?? 0n,
    maxPriorityFeePerGas: optional(o, 'maxPriorityFeePerGas', what, quantity) ?? 0n,
  });
}
