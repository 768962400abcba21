// Transactions and calls. Every write mines one block after the head. By default a write is a real signed
// EIP-1559 transaction (the learner sees a real hash and nonce); `impersonate` skips signing and sender
// recovery for bulk replay, and its hash is the hash of the unsigned transaction (labelled as such).
import {
  createFeeMarket1559Tx,
  createTxFromRLP,
  type FeeMarket1559Tx,
  type TypedTransaction,
} from '@ethereumjs/tx';
import { runTx } from '@ethereumjs/vm';
import { bytesToHex, hexToBytes } from '@ethereumjs/util';
import {
  decodeFunctionResult,
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  keccak256,
  type Address,
  type Hex,
} from 'viem';
import { blockAt } from './block.ts';
import { publicKeyOf, signDigest } from './sign.ts';
import { txCommon } from './tx-common.ts';
import { abiOf, bytecodeOf, decodeLog, decodeRevert, type DecodedError, type DecodedEvent } from './abi.ts';
import { getBalance, getNonce, toEjsAddress, type Chain } from './evm.ts';

export interface TxRequest {
  from: Address;
  /** Omitted for a contract creation. */
  to?: Address;
  data: Hex;
  value?: bigint;
  gasLimit?: bigint;
  /** Skip signing and sender recovery (bulk replay). */
  impersonate?: boolean;
}

export interface TxResult {
  ok: boolean;
  hash: Hex;
  /** True when the hash is of an unsigned (impersonated) transaction. */
  unsigned: boolean;
  block: bigint;
  timestamp: bigint;
  from: Address;
  to: Address | null;
  nonce: bigint;
  gasUsed: bigint;
  events: DecodedEvent[];
  /** The logs as emitted (receipts of the page's EIP-1193 provider need them undecoded). */
  logs: RawLog[];
  /** What was sent: the call data and the value. */
  data: Hex;
  value: bigint;
  error?: DecodedError;
  /** The transaction as signed and serialized (EIP-2718 bytes); null for an impersonated one. */
  raw: Hex | null;
  /** The gas limit it was sent with. */
  gasLimit: bigint;
  /** Raw return data (for a creation: the runtime code is not returned; see `createdAddress`). */
  returnData: Hex;
  createdAddress?: Address;
  /** The decoded call, when the transaction was sent through `write`. */
  call?: { contract: string; functionName: string; args: readonly unknown[] };
}

export interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
}

/** A transaction no block would include (the sender cannot pay the value it sends); nothing was mined. */
export class TxRejected extends Error {
  constructor(
    readonly from: Address,
    readonly balance: bigint,
    readonly value: bigint,
  ) {
    super(`${from} has ${balance} wei but the transaction sends ${value} wei`);
    this.name = 'TxRejected';
  }
}

export const DEFAULT_GAS = 30_000_000n;

// Gas is priced at zero so balances in scenarios stay exact round numbers; gas used is still measured and shown.
function buildTx(chain: Chain, req: TxRequest, nonce: bigint): FeeMarket1559Tx {
  return createFeeMarket1559Tx(
    {
      chainId: chain.common.chainId(),
      nonce,
      maxFeePerGas: 0n,
      maxPriorityFeePerGas: 0n,
      gasLimit: req.gasLimit ?? DEFAULT_GAS,
      ...(req.to === undefined ? {} : { to: req.to }),
      value: req.value ?? 0n,
      data: hexToBytes(req.data),
    },
    { common: txCommon(chain) },
  );
}

interface Signer {
  /** The secret key as a scalar (sign.ts). */
  key: bigint;
  publicKey: Uint8Array;
}

const signers = new Map<string, Signer>();

function signerOf(chain: Chain, from: Address): Signer {
  const lower = from.toLowerCase();
  let s = signers.get(lower);
  if (s === undefined) {
    const a = chain.accounts.find((x) => x.address.toLowerCase() === lower);
    if (a === undefined) throw new Error(`no private key for ${from}: sign with one of the chain's accounts`);
    const key = BigInt(a.privateKey);
    s = { key, publicKey: publicKeyOf(key) };
    signers.set(lower, s);
  }
  return s;
}

/** Mines one block holding this transaction and returns its decoded outcome. */
export async function sendTransaction(chain: Chain, req: TxRequest): Promise<TxResult> {
  const nonce = await getNonce(chain, req.from);
  const balance = await getBalance(chain, req.from);
  if (balance < (req.value ?? 0n)) throw new TxRejected(req.from, balance, req.value ?? 0n);
  let tx = buildTx(chain, req, nonce);
  let hash: Hex;
  let raw: Hex | null = null;
  if (req.impersonate === true) {
    const sender = toEjsAddress(req.from);
    hash = bytesToHex(tx.getHashedMessageToSign()) as Hex;
    // Transactions are frozen: an object inheriting from it answers the sender without a signature.
    tx = Object.assign(Object.create(tx) as FeeMarket1559Tx, { getSenderAddress: () => sender });
  } else {
    const signer = signerOf(chain, req.from);
    // What `tx.sign(key)` does, with the signature computed by sign.ts (byte-equal, about twice as fast).
    const sig = signDigest(tx.getHashedMessageToSign(), signer.key);
    tx = tx.addSignature(BigInt(sig.recovery), sig.r, sig.s);
    // We signed with this key ourselves: recovering the sender from the signature (about 1.5 ms) would only
    // recompute what we know. The signature is still real and verifiable by anyone holding the transaction.
    (tx.cache as { senderPubKey?: Uint8Array }).senderPubKey = signer.publicKey;
    // A typed transaction's hash is the keccak of its serialized bytes: serialized once, not again for it.
    const bytes = tx.serialize();
    hash = keccak256(bytes);
    raw = bytesToHex(bytes) as Hex;
  }
  chain.recorder?.({
    from: req.from,
    to: req.to ?? null,
    data: req.data,
    value: req.value ?? 0n,
    gasLimit: req.gasLimit ?? DEFAULT_GAS,
    number: chain.head.number + 1n,
    timestamp: chain.head.timestamp + chain.secondsPerBlock,
    impersonated: req.impersonate === true,
  });
  return mine(chain, tx, { from: req.from, nonce, hash, raw, unsigned: req.impersonate === true });
}

/** A signed transaction no block would include: wrong chain, wrong nonce, too little gas or ETH. */
export class TxInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TxInvalid';
  }
}

/**
 * Mines a transaction signed elsewhere (EIP-2718 bytes, as eth_sendRawTransaction receives it) exactly as
 * signed: its hash, gas limit and fees are the signer's. Throws TxInvalid when no block would include it.
 */
export async function sendSignedTransaction(chain: Chain, raw: Hex): Promise<TxResult> {
  let tx: TypedTransaction;
  try {
    tx = createTxFromRLP(hexToBytes(raw), { common: chain.common });
  } catch (e) {
    throw new TxInvalid(`not a signed transaction: ${e instanceof Error ? e.message.split('\n')[0] : ''}`);
  }
  if (!tx.isSigned()) throw new TxInvalid('the transaction is not signed');
  const from = getAddress(tx.getSenderAddress().toString());
  const nonce = await getNonce(chain, from);
  if (tx.nonce !== nonce) throw new TxInvalid(`nonce ${tx.nonce}: the next nonce of ${from} is ${nonce}`);
  const intrinsic = tx.getIntrinsicGas();
  if (tx.gasLimit < intrinsic)
    throw new TxInvalid(`gas limit ${tx.gasLimit} is below the ${intrinsic} gas it needs before it runs`);
  const price = 'maxFeePerGas' in tx ? tx.maxFeePerGas : 'gasPrice' in tx ? tx.gasPrice : 0n;
  const balance = await getBalance(chain, from);
  if (balance < tx.value + tx.gasLimit * price)
    throw new TxRejected(from, balance, tx.value + tx.gasLimit * price);
  return mine(chain, tx, {
    from,
    nonce,
    hash: bytesToHex(tx.hash()) as Hex,
    raw: bytesToHex(tx.serialize()) as Hex,
    unsigned: false,
  });
}

async function mine(
  chain: Chain,
  tx: TypedTransaction,
  meta: { from: Address; nonce: bigint; hash: Hex; raw: Hex | null; unsigned: boolean },
): Promise<TxResult> {
  const number = chain.head.number + 1n;
  const timestamp = chain.head.timestamp + chain.secondsPerBlock;
  const block = blockAt(chain, number, timestamp);
  const result = await runTx(chain.vm, {
    tx,
    block,
    skipBlockGasLimitValidation: true,
    skipHardForkValidation: true,
  });
  chain.head = { number, timestamp };
  const exec = result.execResult;
  const ok = exec.exceptionError === undefined;
  const returnData = bytesToHex(exec.returnValue) as Hex;
  const logs: RawLog[] = ok
    ? (exec.logs ?? []).map(([address, topics, data]) => ({
        address: getAddress(bytesToHex(address)),
        topics: topics.map((t) => bytesToHex(t) as Hex),
        data: bytesToHex(data) as Hex,
      }))
    : [];
  const events = logs.map((l) => decodeLog(l.address, l.topics, l.data));
  const to = tx.to === undefined ? null : getAddress(tx.to.toString());
  return {
    ok,
    hash: meta.hash,
    unsigned: meta.unsigned,
    block: number,
    timestamp,
    from: meta.from,
    to,
    nonce: meta.nonce,
    gasUsed: result.totalGasSpent,
    events,
    logs,
    data: bytesToHex(tx.data) as Hex,
    value: tx.value,
    raw: meta.raw,
    gasLimit: tx.gasLimit,
    returnData,
    ...(ok ? {} : { error: decodeRevert(returnData) }),
    ...(result.createdAddress === undefined
      ? {}
      : { createdAddress: getAddress(result.createdAddress.toString()) }),
  };
}

export interface DeployRequest {
  from: Address;
  contract: string;
  args?: readonly unknown[];
  value?: bigint;
  impersonate?: boolean;
}

/** Deploys a compiled miniature; throws with the decoded revert when the constructor reverts. */
export async function deploy(chain: Chain, req: DeployRequest): Promise<Address> {
  const bytecode = await bytecodeOf(req.contract);
  const data = encodeDeployData({ abi: abiOf(req.contract), bytecode, args: req.args ?? [] });
  const r = await sendTransaction(chain, {
    from: req.from,
    data,
    ...(req.value === undefined ? {} : { value: req.value }),
    ...(req.impersonate === undefined ? {} : { impersonate: req.impersonate }),
  });
  if (!r.ok || r.createdAddress === undefined) {
    throw new Error(`deploying ${req.contract} reverted: ${r.error?.message ?? 'no address'}`);
  }
  return r.createdAddress;
}

export interface CallRequest {
  to: Address;
  contract: string;
  functionName: string;
  args?: readonly unknown[];
}

export interface WriteRequest extends CallRequest {
  from: Address;
  value?: bigint;
  impersonate?: boolean;
}

/** Calls a contract function in a transaction of its own block. A revert is a result, not an exception. */
export async function write(chain: Chain, req: WriteRequest): Promise<TxResult & { result?: unknown }> {
  const abi = abiOf(req.contract);
  const data = encodeFunctionData({ abi, functionName: req.functionName, args: req.args ?? [] });
  const sent = await sendTransaction(chain, {
    from: req.from,
    to: req.to,
    data,
    ...(req.value === undefined ? {} : { value: req.value }),
    ...(req.impersonate === undefined ? {} : { impersonate: req.impersonate }),
  });
  const r = {
    ...sent,
    call: { contract: req.contract, functionName: req.functionName, args: req.args ?? [] },
  };
  if (!r.ok || r.returnData === '0x') return r;
  return { ...r, result: decodeFunctionResult({ abi, functionName: req.functionName, data: r.returnData }) };
}
