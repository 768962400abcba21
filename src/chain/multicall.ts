// Multicall3 at its canonical address, as every public chain and every local test node (anvil, Hardhat, Tevm)
// has it, so viem's `multicall` and other batching tools work unchanged. The runtime code is our own
// miniature (contracts/periphery/Multicall3.sol), installed as code rather than deployed by a transaction:
// the contract keeps no state, and a deployment would move the deployer's nonce and with it the address of
// every contract deployed after it (and of every saved `tx.send` that names one).
import { bytesToHex, hexToBytes } from '@ethereumjs/util';
import type { Address, Hex } from 'viem';
import { bytecodeOf } from './abi.ts';
import { toEjsAddress, type Chain } from './evm.ts';
import { DEFAULT_GAS } from './tx.ts';

export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** Runs the creation code in a journal checkpoint that is reverted, keeping only the code it returns. */
async function runtimeCode(chain: Chain, creation: Hex): Promise<Uint8Array> {
  const sm = chain.stateManager;
  await sm.checkpoint();
  try {
    const res = await chain.vm.evm.runCall({
      data: hexToBytes(creation),
      gasLimit: DEFAULT_GAS,
      // The creator's nonce names the created address, so it must move (the checkpoint undoes it).
      caller: toEjsAddress(MULTICALL3_ADDRESS),
      skipBalance: true,
    });
    if (res.execResult.exceptionError !== undefined || res.createdAddress === undefined)
      throw new Error(`Multicall3's constructor failed: ${res.execResult.exceptionError?.error ?? ''}`);
    return await sm.getCode(res.createdAddress);
  } finally {
    await sm.revert();
  }
}

/** Installs Multicall3's runtime code at 0xcA11…cA11 (no transaction, no nonce moved). */
export async function installMulticall3(chain: Chain): Promise<void> {
  const code = await runtimeCode(chain, await bytecodeOf('Multicall3'));
  await chain.stateManager.putCode(toEjsAddress(MULTICALL3_ADDRESS), code);
}

/** The installed code, for tests. */
export async function multicall3Code(chain: Chain): Promise<Hex> {
  return bytesToHex(await chain.stateManager.getCode(toEjsAddress(MULTICALL3_ADDRESS))) as Hex;
}
