// What a client does to the chain, mapped onto the sandbox's own model: every write is a history step
// (undo, branches, export and the lesson on screen see it like any other action), every test-node method a
// step or a history move, never a hidden change of state.
import {
  getAddress,
  numberToHex,
  parseTransaction,
  recoverTransactionAddress,
  type Address,
  type Hex,
  type TransactionSerialized,
} from 'viem';
import { CHAIN_ID, getNonce } from '../chain/runtime.ts';
import {
  address,
  data,
  invalid,
  optional,
  quantity,
  Refused,
  type Params,
  type RpcError,
} from './rpc-params.ts';
import { persona } from './rpc-sign.ts';
import type { Session } from './session.ts';
import type { Cursor, Problem, SessionUpdate, StepJson } from './session-types.ts';

/** A step a request made (or tried): the page tells the lesson on screen of it like of any action. */
export interface Acted {
  step: StepJson;
  problem: Problem | null;
}

export type WriteAnswer =
  { result: unknown; update: SessionUpdate; acted?: Acted } | { error: RpcError; acted: Acted };

/**
 * A recipient as a step names it: an actor id stands for its contract (an AVS's, a vault's) or else its
 * account, as tx.send reads it; an actor's own account when it has a contract stays a plain address.
 */
function recipient(s: Session, to: Address): string {
  const actor = Object.values(s.sb.actors).find(
    (a) => (a.contract ?? a.address).toLowerCase() === to.toLowerCase(),
  );
  return actor?.id ?? getAddress(to);
}

/** Performs a step; a refusal carries what a node would say (code 3 and the revert data for a revert). */
async function perform(s: Session, step: StepJson, result: (s: Session) => unknown): Promise<WriteAnswer> {
  const out = await s.act(step);
  if (out.ok) return { result: result(s), update: out.update, acted: { step, problem: null } };
  const p = out.problem;
  const why = p.explanation === undefined ? '' : ` (${p.explanation})`;
  const error: RpcError =
    p.kind === 'revert'
      ? {
          code: 3,
          message: `execution reverted: ${p.error === undefined ? p.message : `${p.error.name}(${p.error.args.join(', ')})`}${why}; nothing was mined`,
          ...(p.error?.data === undefined ? {} : { data: p.error.data as Hex }),
        }
      : { code: -32000, message: `${p.message}${why}; nothing was mined` };
  return { error, acted: { step, problem: p } };
}

const lastTxHash = (s: Session) => s.entry(s.cursor.node ?? 0).txs.at(-1)?.hash ?? null;

export async function sendTransaction(s: Session, p: Params): Promise<WriteAnswer> {
  const o = p.object(0, 'transaction');
  const what = `${p.method} parameter 1 (transaction)`;
  const from = address(o['from'], `${what} field "from"`);
  const sender = Object.values(s.sb.actors).find((a) => a.address.toLowerCase() === from.toLowerCase());
  if (sender === undefined)
    throw new Refused({
      code: 4100,
      message: `${from} is not one of the sandbox's accounts (eth_accounts lists them)`,
    });
  const to = optional(o, 'to', what, address);
  if (to === undefined)
    throw invalid(`${what} has no "to": deployments are not supported, send to a contract`);
  const input = optional(o, 'data', what, data) ?? optional(o, 'input', what, data);
  const value = optional(o, 'value', what, quantity) ?? 0n;
  // The sandbox's steps set their own gas (fees are zero): a given gas limit is checked, not used.
  optional(o, 'gas', what, quantity);
  const nonce = optional(o, 'nonce', what, quantity);
  const next = await getNonce(s.sb.chain, from);
  if (nonce !== undefined && nonce !== next)
    throw invalid(`${what} field "nonce": ${nonce} is not the next nonce of ${sender.id} (${next})`);
  const step: StepJson = {
    action: 'tx.send',
    by: sender.id,
    to: recipient(s, to),
    ...(input === undefined || input === '0x' ? {} : { data: input }),
    ...(value === 0n ? {} : { value: value.toString() }),
  };
  return perform(s, step, lastTxHash);
}

export async function sendRawTransaction(s: Session, p: Params): Promise<WriteAnswer> {
  const raw = p.data(0, 'signed transaction');
  const what = `${p.method} parameter 1 (signed transaction)`;
  let from: Address;
  let tx: ReturnType<typeof parseTransaction>;
  try {
    tx = parseTransaction(raw);
    from = await recoverTransactionAddress({ serializedTransaction: raw as TransactionSerialized });
  } catch {
    throw invalid(`${what} is not a signed transaction (EIP-2718 bytes, as eth_signTransaction returns)`);
  }
  if (tx.chainId !== undefined && BigInt(tx.chainId) !== CHAIN_ID)
    throw invalid(`${what} is signed for chain ${tx.chainId}; the sandbox is chain ${CHAIN_ID}`);
  const who = persona(s, from, `${what}: its signer`);
  if (tx.to === undefined || tx.to === null)
    throw invalid(`${what} has no recipient: deployments are not supported, send to a contract`);
  const step: StepJson = {
    action: 'tx.send',
    by: who.id,
    to: recipient(s, tx.to),
    ...(tx.data === undefined || tx.data === '0x' ? {} : { data: tx.data }),
    ...((tx.value ?? 0n) === 0n ? {} : { value: (tx.value ?? 0n).toString() }),
    raw,
  };
  return perform(s, step, lastTxHash);
}

/** evm_mine, anvil_mine, hardhat_mine: empty blocks are time passing, the Time control's step. */
export function mine(s: Session, p: Params): Promise<WriteAnswer> {
  const anvil = p.method !== 'evm_mine';
  const blocks = anvil && p.has(0) ? p.quantity(0, 'blocks') : 1n;
  if (blocks === 0n) throw invalid(`${p.method} parameter 1 (blocks) is zero: mine at least one block`);
  if (anvil && p.has(1)) {
    const interval = p.quantity(1, 'interval');
    if (interval !== 0n && interval !== s.sb.chain.secondsPerBlock)
      throw invalid(
        `${p.method} parameter 2 (interval): the sandbox's blocks are always ${s.sb.chain.secondsPerBlock} seconds apart`,
      );
  }
  if (!anvil && p.has(0))
    throw invalid(
      `${p.method} parameter 1 (timestamp): the sandbox sets block times itself (blocks are ${s.sb.chain.secondsPerBlock} s apart)`,
    );
  return perform(s, { action: 'chain.advance', blocks: blocks.toString() }, () => (anvil ? null : '0x0'));
}

/** evm_increaseTime: time moves by whole blocks, so the seconds are rounded up to blocks and mined. */
export function increaseTime(s: Session, p: Params): Promise<WriteAnswer> {
  const seconds = p.quantity(0, 'seconds');
  if (seconds === 0n) throw invalid(`${p.method} parameter 1 (seconds) is zero`);
  const spb = s.sb.chain.secondsPerBlock;
  const moved = ((seconds + spb - 1n) / spb) * spb;
  return perform(s, { action: 'chain.advance', seconds: seconds.toString() }, () => numberToHex(moved));
}

/** evm_snapshot ids name history positions; evm_revert moves there, and the steps after it stay in History. */
const snapshots = new WeakMap<Session, Cursor[]>();

export function takeSnapshot(s: Session): Hex {
  const list = snapshots.get(s) ?? [];
  snapshots.set(s, list);
  list.push({ ...s.cursor });
  return numberToHex(list.length);
}

export async function revertTo(s: Session, p: Params): Promise<{ result: boolean; update?: SessionUpdate }> {
  const id = p.quantity(0, 'snapshot id');
  const list = snapshots.get(s) ?? [];
  const cursor = list[Number(id) - 1];
  if (id === 0n || id > BigInt(list.length) || cursor === undefined) return { result: false };
  // As anvil and Hardhat do, reverting uses up this snapshot and every later one.
  list.length = Number(id) - 1;
  if (cursor.node !== null && !s.entries.has(cursor.node)) return { result: false };
  const ok = s.branches.some((b) => b.id === cursor.branch);
  if (!ok) return { result: false };
  return { result: true, update: await s.goto(cursor) };
}
