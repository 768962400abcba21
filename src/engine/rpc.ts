// The Ethereum JSON-RPC methods behind the page's EIP-1193 provider (`window.sandbox.provider`), answered from
// the session's chain so unmodified viem, ethers and test tooling can script the sandbox. The chain a client
// sees is the current branch up to the cursor (rpc-chain.ts); reads at an earlier block are reads at that
// block's state root. Writes and test-node methods become steps or history moves (rpc-write.ts).
import { keccak256, numberToHex } from 'viem';
import { CHAIN_ID } from '../chain/runtime.ts';
import { chainView } from './rpc-chain.ts';
import {
  filterChanges,
  filterLogs,
  newBlockFilter,
  newLogFilter,
  newPendingFilter,
  uninstall,
} from './rpc-filters.ts';
import { Params, Refused, type RpcError } from './rpc-params.ts';
import {
  blockByTag,
  feeHistory,
  getLogs,
  readState,
  txByHash,
  txInBlock,
  blockReceipts,
} from './rpc-read.ts';
import { signMessage, signTransaction, signTypedData } from './rpc-sign.ts';
import {
  increaseTime,
  mine,
  revertTo,
  sendRawTransaction,
  sendTransaction,
  takeSnapshot,
  type Acted,
} from './rpc-write.ts';
import { SessionError, type Session } from './session.ts';
import type { SessionUpdate } from './session-types.ts';

export type { RpcError } from './rpc-params.ts';

export type RpcAnswer =
  { result: unknown; update?: SessionUpdate; acted?: Acted } | { error: RpcError; acted?: Acted };

/** EIP-1193's "unsupported method", in EIP-1474's words, which ethers and viem recognise. */
export function unsupported(method: string, why = ''): Refused {
  return new Refused({ code: 4200, message: `The method ${method} does not exist / is not available${why}` });
}

/** Test-node methods the sandbox refuses, with the reason: each would change state outside any step. */
const REFUSED: Record<string, string> = {
  anvil_setBalance:
    "ETH comes from actors' starting balances and steps, so History can show and undo every change",
  anvil_setCode: "code comes from the protocol's deployment, so History can show and undo every change",
  anvil_setStorageAt: 'storage changes only through transactions, so History can show and undo every change',
  anvil_setNonce: 'nonces change only through transactions',
  anvil_impersonateAccount:
    'transactions are signed by the personas (eth_accounts), whose keys the page holds',
  evm_setNextBlockTimestamp: 'block times follow from block numbers (use evm_increaseTime or evm_mine)',
};
for (const m of Object.keys(REFUSED))
  if (m.startsWith('anvil_')) REFUSED[m.replace('anvil_', 'hardhat_')] = REFUSED[m]!;

const constant: Record<string, unknown> = {
  eth_chainId: numberToHex(CHAIN_ID),
  net_version: CHAIN_ID.toString(),
  net_listening: true,
  net_peerCount: '0x0',
  eth_syncing: false,
  eth_mining: false,
  eth_hashrate: '0x0',
  eth_coinbase: '0x0000000000000000000000000000000000000000',
  web3_clientVersion: 'restaking-sandbox/0.1.0/ethereumjs-vm',
  // Gas is priced at zero (see README); a blob base fee has its protocol minimum of 1 wei.
  eth_gasPrice: '0x0',
  eth_maxPriorityFeePerGas: '0x0',
  eth_blobBaseFee: '0x1',
  eth_newPendingTransactionFilter: null,
  eth_getUncleCountByBlockNumber: '0x0',
  eth_getUncleCountByBlockHash: '0x0',
  eth_getUncleByBlockNumberAndIndex: null,
  eth_getUncleByBlockHashAndIndex: null,
};

async function answer(s: Session, method: string, p: Params): Promise<RpcAnswer> {
  if (method in constant && method !== 'eth_newPendingTransactionFilter') return { result: constant[method] };
  const v = chainView(s);
  switch (method) {
    case 'eth_accounts':
    case 'eth_requestAccounts':
      return { result: Object.values(s.sb.actors).map((a) => a.address) };
    case 'eth_blockNumber':
      return { result: numberToHex(v.head.number) };
    case 'eth_getBalance':
    case 'eth_getTransactionCount':
    case 'eth_getCode':
    case 'eth_getStorageAt':
    case 'eth_getProof':
    case 'eth_call':
    case 'eth_estimateGas':
      return readState(s, v, p);
    case 'eth_getBlockByNumber':
    case 'eth_getBlockByHash':
    case 'eth_getBlockTransactionCountByNumber':
    case 'eth_getBlockTransactionCountByHash':
      return { result: await blockByTag(s, v, p) };
    case 'eth_getBlockReceipts':
      return { result: blockReceipts(v, p) };
    case 'eth_getTransactionByHash':
    case 'eth_getTransactionReceipt':
      return { result: txByHash(v, p) };
    case 'eth_getTransactionByBlockNumberAndIndex':
    case 'eth_getTransactionByBlockHashAndIndex':
      return { result: txInBlock(v, p) };
    case 'eth_feeHistory':
      return { result: feeHistory(v, p) };
    case 'eth_getLogs':
      return { result: getLogs(v, p) };
    case 'eth_newFilter':
      return { result: newLogFilter(s, v, p) };
    case 'eth_newBlockFilter':
      return { result: newBlockFilter(s, v) };
    case 'eth_newPendingTransactionFilter':
      return { result: newPendingFilter(s) };
    case 'eth_getFilterChanges':
      return { result: filterChanges(s, v, p) };
    case 'eth_getFilterLogs':
      return { result: filterLogs(s, v, p) };
    case 'eth_uninstallFilter':
      return { result: uninstall(s, p) };
    case 'web3_sha3':
      return { result: keccak256(p.data(0)) };
    case 'personal_sign':
      return { result: await signMessage(s, p, 0) };
    case 'eth_sign':
      return { result: await signMessage(s, p, 1) };
    case 'eth_signTypedData_v4':
      return { result: await signTypedData(s, p) };
    case 'eth_signTransaction':
      return { result: await signTransaction(s, p) };
    case 'eth_sendTransaction':
      return sendTransaction(s, p);
    case 'eth_sendRawTransaction':
      return sendRawTransaction(s, p);
    case 'evm_mine':
    case 'anvil_mine':
    case 'hardhat_mine':
      return mine(s, p);
    case 'evm_increaseTime':
      return increaseTime(s, p);
    case 'evm_snapshot':
      return { result: takeSnapshot(s) };
    case 'evm_revert':
      return revertTo(s, p);
    case 'wallet_switchEthereumChain': {
      const id = p.object(0, 'chain')['chainId'];
      if (typeof id === 'string' && /^0x[0-9a-fA-F]+$/.test(id) && BigInt(id) === CHAIN_ID)
        return { result: null };
      throw new Refused({
        code: 4902,
        message: `Unrecognized chain ID ${String(id)}: the sandbox is chain ${numberToHex(CHAIN_ID)} (${CHAIN_ID}) only`,
      });
    }
    case 'wallet_getPermissions':
    case 'wallet_requestPermissions':
      return { result: [{ parentCapability: 'eth_accounts', caveats: [] }] };
    default:
      if (method in REFUSED) throw unsupported(method, `: ${REFUSED[method]}`);
      throw unsupported(method);
  }
}

export async function rpc(s: Session, method: string, params: readonly unknown[] = []): Promise<RpcAnswer> {
  try {
    if (typeof method !== 'string' || method.length === 0)
      throw new Refused({ code: -32600, message: 'the request has no method name' });
    return await answer(s, method, new Params(method, params));
  } catch (e) {
    if (e instanceof Refused) return { error: e.rpc };
    if (e instanceof SessionError) return { error: { code: -32000, message: e.problem.message } };
    // An internal failure: say which method failed, never the runtime's own words alone.
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { error: { code: -32603, message: `${method} failed inside the sandbox: ${detail}` } };
  }
}
