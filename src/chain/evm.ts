// The in-process chain: @ethereumjs/vm with a pinned hardfork, deterministic funded accounts, one block per
// transaction, and block number and timestamp under our control. No DOM and no Node-only API: the same module
// runs in Node (tests, CLI) and in a Web Worker (the app).
import { createCustomCommon, Hardfork, Mainnet, type Common } from '@ethereumjs/common';
import { Caches } from '@ethereumjs/statemanager';
import { createVM, type VM } from '@ethereumjs/vm';
import {
  bytesToHex,
  createAccount,
  createAddressFromString,
  hexToBytes,
  setLengthLeft,
  type Address as EjsAddress,
} from '@ethereumjs/util';
import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import { keccak256Memo } from './keccak-memo.ts';
import { privateKeyToAddress } from 'viem/accounts';
import { ACCOUNT_ADDRESSES } from './account-addresses.ts';
import { enableEvmSpeedups } from './evm-speedups.ts';
import { EVM_VERSION } from './solc.ts';
import { ChainStateManager } from './trie-db.ts';

/** The VM hardfork matching solc's `evmVersion` (see solc.ts): both are Prague. */
export const HARDFORK = Hardfork.Prague;
if ((HARDFORK as string) !== EVM_VERSION) throw new Error('solc evmVersion and VM hardfork differ');

export const CHAIN_ID = 31337n;
/** Block gas limit; each transaction gets its own block. */
export const BLOCK_GAS_LIMIT = 60_000_000n;
/** Default start height: above EigenLayer's largest look-back (100800 blocks), so slashing never underflows. */
export const DEFAULT_START_BLOCK = 1_000_000n;
/** Fixed start time (2025-04-17, the day slashing went live on mainnet), so every run is reproducible. */
export const DEFAULT_START_TIMESTAMP = 1_744_848_000n;
const DEFAULT_BALANCE = 10n ** 24n; // 1,000,000 ETH

export interface Account {
  address: Address;
  privateKey: Hex;
}

export interface ChainOptions {
  /** How many deterministic accounts to create and fund. */
  accounts?: number;
  startBlock?: bigint;
  startTimestamp?: bigint;
  secondsPerBlock?: bigint;
  /** Balance of each account, in wei. */
  balance?: bigint;
  /** Read caches on the state manager (on by default; off only to measure a Remix-style configuration). */
  caches?: boolean;
  /** Fund the accounts (default); an image-backed chain gets its balances from the image instead. */
  fund?: boolean;
  /** The accounts' addresses, already derived (a chain image carries them). */
  addresses?: readonly Address[];
}

export interface Chain {
  readonly vm: VM;
  readonly common: Common;
  readonly stateManager: ChainStateManager;
  readonly accounts: readonly Account[];
  readonly secondsPerBlock: bigint;
  /**
   * The head: the latest block, whose number and timestamp reads see. A transaction mines the block after it;
   * `advance` moves it as if empty blocks had been mined.
   */
  head: { number: bigint; timestamp: bigint };
  /** Sees every transaction request as it is mined (benchmarks replay them on a bare VM). */
  recorder?: (tx: RecordedTx) => void;
}

export interface RecordedTx {
  from: Address;
  to: Address | null;
  data: Hex;
  value: bigint;
  gasLimit: bigint;
  number: bigint;
  timestamp: bigint;
  impersonated: boolean;
}

/** Deterministic key of account `i`: the same addresses on every machine and every run. */
export function accountKey(i: number): Hex {
  return keccak256(stringToHex(`restaking-sandbox/account/${i}`));
}

/** Account addresses by index: deriving one is an elliptic-curve multiplication, so each is derived once. */
const derived = new Map<number, Address>();

/**
 * The first `count` deterministic accounts. `known` may supply their addresses (from a chain image built by
 * this same derivation), which spares the derivation on a page's first start. Each account's key and address
 * are derived when first read, not here: a scenario of 20,000 actors sets them up one by one, and a time
 * budget can stop it between two of them.
 */
function deriveAccounts(count: number, known: readonly Address[] = []): Account[] {
  return Array.from({ length: count }, (_, i) => {
    let privateKey: Hex | undefined;
    return {
      get privateKey() {
        return (privateKey ??= accountKey(i));
      },
      get address() {
        let address = derived.get(i) ?? known[i] ?? ACCOUNT_ADDRESSES[i];
        if (address === undefined) {
          address = privateKeyToAddress(this.privateKey);
          derived.set(i, address);
        }
        return address;
      },
    };
  });
}

export function toEjsAddress(address: Address): EjsAddress {
  return createAddressFromString(address);
}

export async function createChain(options: ChainOptions = {}): Promise<Chain> {
  const common = createCustomCommon({ chainId: Number(CHAIN_ID) }, Mainnet, {
    hardfork: HARDFORK,
    // A chain without caches stays as @ethereumjs ships it (the benchmark's Remix-style baseline).
    ...(options.caches === false ? {} : { customCrypto: { keccak256: keccak256Memo } }),
  });
  const stateManager = ChainStateManager.create(common, options.caches === false ? undefined : new Caches());
  const vm = await createVM({ common, stateManager });
  if (options.caches !== false) await enableEvmSpeedups(vm);
  const accounts = deriveAccounts(options.accounts ?? 20, options.addresses);
  const chain: Chain = {
    vm,
    common,
    stateManager,
    accounts,
    secondsPerBlock: options.secondsPerBlock ?? 12n,
    head: {
      number: options.startBlock ?? DEFAULT_START_BLOCK,
      timestamp: options.startTimestamp ?? DEFAULT_START_TIMESTAMP,
    },
  };
  if (options.fund !== false)
    for (const a of accounts) await setBalance(chain, a.address, options.balance ?? DEFAULT_BALANCE);
  await chain.stateManager.checkpoint(); // the pending level: see stateRoot()
  return chain;
}

function depth(chain: Chain): number {
  return (chain.stateManager as unknown as { _checkpointCount: number })._checkpointCount;
}

/**
 * The state root, with every write so far merkleized. Each chain keeps one journal checkpoint open (the
 * pending level): transactions commit into it, so the trie is not rehashed after every transaction but only
 * when a root is needed (a snapshot, a clone). Settling commits the pending level, which writes it into the
 * trie, then opens a new one.
 */
export async function stateRoot(chain: Chain): Promise<Uint8Array> {
  if (depth(chain) !== 1) throw new Error('a state root cannot be taken inside an open step');
  const root = await chain.stateManager.settle();
  await chain.stateManager.checkpoint();
  return root;
}

/** Points the chain at an earlier state root, dropping any pending writes. */
export async function resetStateRoot(chain: Chain, root: Uint8Array): Promise<void> {
  if (depth(chain) !== 1) throw new Error('the state cannot be reset inside an open step');
  await chain.stateManager.revert();
  await chain.stateManager.setStateRoot(root);
  await chain.stateManager.checkpoint();
}

/** Sets an account's ETH balance directly (genesis funding; not a transaction). */
export async function setBalance(chain: Chain, address: Address, wei: bigint): Promise<void> {
  const addr = toEjsAddress(address);
  const sm = chain.stateManager;
  const account = (await sm.getAccount(addr)) ?? createAccount({});
  account.balance = wei;
  await sm.putAccount(addr, account);
}

export async function getBalance(chain: Chain, address: Address): Promise<bigint> {
  return (await chain.stateManager.getAccount(toEjsAddress(address)))?.balance ?? 0n;
}

export async function getNonce(chain: Chain, address: Address): Promise<bigint> {
  return (await chain.stateManager.getAccount(toEjsAddress(address)))?.nonce ?? 0n;
}

export async function getCode(chain: Chain, address: Address): Promise<Hex> {
  return bytesToHex(await chain.stateManager.getCode(toEjsAddress(address))) as Hex;
}

export async function getStorageAt(chain: Chain, address: Address, slot: Hex): Promise<Hex> {
  const value = await chain.stateManager.getStorage(
    toEjsAddress(address),
    setLengthLeft(hexToBytes(slot), 32),
  );
  return bytesToHex(setLengthLeft(value, 32)) as Hex;
}

/** Moves time forward: by whole blocks (each `secondsPerBlock` long) or by seconds (rounded up to blocks). */
export function advance(chain: Chain, by: { blocks: bigint } | { seconds: bigint }): void {
  const blocks =
    'blocks' in by ? by.blocks : (by.seconds + chain.secondsPerBlock - 1n) / chain.secondsPerBlock;
  if (blocks < 0n) throw new RangeError(`cannot move time backwards (${blocks} blocks)`);
  chain.head = {
    number: chain.head.number + blocks,
    timestamp: chain.head.timestamp + blocks * chain.secondsPerBlock,
  };
}

/**
 * A new, independent chain that starts from `template`'s current state: it reads the template's trie
 * database and writes a layer of its own over it (trie-db.ts: nodes are content-addressed and never deleted,
 * so neither chain can disturb the other, and a discarded clone's nodes go with it), and points at the same
 * state root. Booting from a deployed template costs one VM creation instead of every deployment.
 */
export async function cloneChain(template: Chain, options: { accounts?: number } = {}): Promise<Chain> {
  const root = await stateRoot(template);
  const stateManager = template.stateManager.layeredCopy();
  await stateManager.setStateRoot(root);
  await stateManager.checkpoint(); // the clone's pending level
  // The clone's own copy of the template's Common: an EVM subscribes to its Common's events, so sharing the
  // template's would keep every clone, and all its trie layer holds, alive as long as the template.
  const common = stateManager.common;
  const vm = await createVM({ common, stateManager });
  await enableEvmSpeedups(vm);
  return {
    vm,
    common,
    stateManager,
    accounts: options.accounts === undefined ? template.accounts : deriveAccounts(options.accounts),
    secondsPerBlock: template.secondsPerBlock,
    head: { ...template.head },
  };
}
