// The Ethereum JSON-RPC methods behind the page's EIP-1193 provider (`window.sandbox.provider`), answered from
// the session's chain so viem or ethers code in the console can read and write the contracts. Writes become
// `tx.send` steps: they land in the history like any other step (undo, branches, export all work), and a
// transaction that would revert is refused with its decoded error instead of being mined.
import { numberToHex, type Address, type Hex } from 'viem';
import {
  callRaw,
  CHAIN_ID,
  getBalance,
  getCode,
  getNonce,
  getStorageAt,
  type TxResult,
} from '../chain/runtime.ts';
import { headBlock, receipt, transaction } from './rpc-shapes.ts';
import type { Session } from './session.ts';
import type { SessionUpdate } from './session-types.ts';

export interface RpcError {
  code: number;
  message: string;
  /** The revert data, so a client such as viem can decode the custom error itself. */
  data?: Hex;
}

export type RpcAnswer = { result: unknown; update?: SessionUpdate } | { error: RpcError };

/** EIP-1193 / EIP-1474 codes. */
const UNSUPPORTED = 4200;
const INVALID_PARAMS = -32602;
const EXECUTION_REVERTED = 3;

const SUPPORTED = [
  'eth_chainId',
  'net_version',
  'eth_accounts',
  'eth_requestAccounts',
  'eth_blockNumber',
  'eth_getBalance',
  'eth_getTransactionCount',
  'eth_getCode',
  'eth_getStorageAt',
  'eth_call',
  'eth_estimateGas',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
  'eth_getBlockByNumber',
  'eth_sendTransaction',
  'eth_getTransactionReceipt',
  'eth_getTransactionByHash',
] as const;

class Refused extends Error {
  constructor(readonly rpc: RpcError) {
    super(rpc.message);
  }
}

interface CallParams {
  from?: Address;
  to?: Address;
  data?: Hex;
  input?: Hex;
  value?: Hex;
}

function param<T>(params: readonly unknown[], i: number, what: string): T {
  const p = params[i];
  if (p === undefined || p === null)
    throw new Refused({ code: INVALID_PARAMS, message: `parameter ${i + 1} (${what}) is missing` });
  return p as T;
}

/** Only the head exists: a sandbox keeps snapshots of its own history, not an archive of every block. */
function latestOnly(s: Session, tag: unknown): void {
  if (tag === undefined || tag === 'latest' || tag === 'pending' || tag === 'safe' || tag === 'finalized')
    return;
  if (typeof tag === 'string' && tag.startsWith('0x') && BigInt(tag) === s.sb.chain.head.number) return;
  throw new Refused({
    code: INVALID_PARAMS,
    message: `block ${String(tag)}: only the latest state can be read; undo in the sandbox to see an earlier one`,
  });
}

/** Transactions on the path to the cursor: those are the ones this chain has. */
function txsOnPath(s: Session): TxResult[] {
  return s.pathTo(s.cursor.node).flatMap((id) => s.entry(id).txs);
}

async function answer(s: Session, method: string, params: readonly unknown[]): Promise<RpcAnswer> {
  const chain = s.sb.chain;
  const actors = Object.values(s.sb.actors);
  switch (method) {
    case 'eth_chainId':
      return { result: numberToHex(CHAIN_ID) };
    case 'net_version':
      return { result: CHAIN_ID.toString() };
    case 'eth_accounts':
    case 'eth_requestAccounts':
      return { result: actors.map((a) => a.address) };
    case 'eth_blockNumber':
      return { result: numberToHex(chain.head.number) };
    case 'eth_gasPrice':
    case 'eth_maxPriorityFeePerGas':
      return { result: '0x0' };
    case 'eth_getBalance':
      latestOnly(s, params[1]);
      return { result: numberToHex(await getBalance(chain, param<Address>(params, 0, 'address'))) };
    case 'eth_getTransactionCount':
      latestOnly(s, params[1]);
      return { result: numberToHex(await getNonce(chain, param<Address>(params, 0, 'address'))) };
    case 'eth_getCode':
      latestOnly(s, params[1]);
      return { result: await getCode(chain, param<Address>(params, 0, 'address')) };
    case 'eth_getStorageAt':
      latestOnly(s, params[2]);
      return {
        result: await getStorageAt(
          chain,
          param<Address>(params, 0, 'address'),
          param<Hex>(params, 1, 'slot'),
        ),
      };
    case 'eth_call':
    case 'eth_estimateGas': {
      latestOnly(s, params[1]);
      const p = param<CallParams>(params, 0, 'transaction');
      if (p.to === undefined) throw new Refused({ code: INVALID_PARAMS, message: 'a call needs "to"' });
      const r = await callRaw(chain, {
        to: p.to,
        data: p.data ?? p.input ?? '0x',
        ...(p.from === undefined ? {} : { from: p.from }),
        ...(p.value === undefined ? {} : { value: BigInt(p.value) }),
      });
      if (!r.ok)
        return {
          error: {
            code: EXECUTION_REVERTED,
            message: `execution reverted: ${r.error?.message ?? ''}`,
            data: r.returnData,
          },
        };
      // 21000 intrinsic gas on top of execution, plus call-data costs rounded up generously.
      return { result: method === 'eth_call' ? r.returnData : numberToHex(r.gasUsed + 21_000n + 50_000n) };
    }
    case 'eth_getBlockByNumber':
      latestOnly(s, params[0]);
      return { result: headBlock(chain.head) };
    case 'eth_getTransactionReceipt':
    case 'eth_getTransactionByHash': {
      const hash = param<string>(params, 0, 'hash').toLowerCase();
      const tx = txsOnPath(s).find((t) => t.hash.toLowerCase() === hash);
      return {
        result:
          tx === undefined ? null : method === 'eth_getTransactionByHash' ? transaction(tx) : receipt(tx),
      };
    }
    case 'eth_sendTransaction': {
      const p = param<CallParams>(params, 0, 'transaction');
      const sender = actors.find((a) => a.address.toLowerCase() === p.from?.toLowerCase());
      if (sender === undefined)
        throw new Refused({
          code: 4100,
          message: `${String(p.from)} is not one of the sandbox's accounts (eth_accounts)`,
        });
      if (p.to === undefined)
        throw new Refused({
          code: INVALID_PARAMS,
          message: 'deployments are not supported: send to a contract',
        });
      // An actor id stands for its contract (an AVS's or a vault's) or else its account, as tx.send reads it;
      // an actor's own account when it has a contract stays a plain address.
      const to = actors.find((a) => (a.contract ?? a.address).toLowerCase() === p.to?.toLowerCase());
      const step = {
        action: 'tx.send',
        by: sender.id,
        to: to?.id ?? p.to,
        ...((p.data ?? p.input) ? { data: p.data ?? p.input } : {}),
        ...(p.value !== undefined && BigInt(p.value) !== 0n ? { value: BigInt(p.value).toString() } : {}),
      };
      const out = await s.act(step);
      if (!out.ok) {
        const why = out.problem.explanation === undefined ? '' : ` (${out.problem.explanation})`;
        return {
          error: { code: EXECUTION_REVERTED, message: `${out.problem.message}${why}; nothing was sent` },
        };
      }
      const last = s.entry(out.update.cursor.node ?? 0).txs.at(-1);
      return { result: last?.hash ?? null, update: out.update };
    }
    default:
      throw new Refused({
        code: UNSUPPORTED,
        message: `${method} is not supported by the sandbox; supported: ${SUPPORTED.join(', ')}`,
      });
  }
}

export async function rpc(s: Session, method: string, params: readonly unknown[] = []): Promise<RpcAnswer> {
  try {
    return await answer(s, method, params);
  } catch (e) {
    if (e instanceof Refused) return { error: e.rpc };
    return { error: { code: -32603, message: e instanceof Error ? e.message : String(e) } };
  }
}
