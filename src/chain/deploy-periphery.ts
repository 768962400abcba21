// Deployment of the contracts around the EigenLayer core: the stETH-like token and its wrapper, an AVS per
// avs actor, the simplified rewards coordinator, and liquid restaking vaults. Each function deploys with real
// signed transactions from the given account and returns plain addresses.
import type { Address } from 'viem';
import { deploy, write, type Chain } from './runtime.ts';

/** Lido's protocol fee: 10% of rewards. */
export const DEFAULT_LST_FEE_BP = 1000n;
/** EigenLayer's default operator split: 10% (1000 bips). */
export const DEFAULT_OPERATOR_SPLIT_BIPS = 1000;
/** EigenLayer's rewards activation delay on mainnet is 7 days (604800 s); the miniature counts blocks. */
export const DEFAULT_REWARDS_ACTIVATION_DELAY_BLOCKS = 50400;

export interface LstDeployment {
  lst: Address;
  wstETH: Address;
}

export interface LstOptions {
  /** The account allowed to report consensus-layer deltas (it sends the ETH of a positive report). */
  oracle: Address;
  /** Receives the fee shares. */
  treasury: Address;
  /** Protocol fee in basis points (default 1000 = 10%). */
  feeBP?: bigint;
  /** Signs the deployments (default: the oracle, which must then be one of the chain's accounts). */
  from?: Address;
  /** ETH minted 1:1 as Lido's bootstrap shares to 0xdead ("stone in the elevator"); default none. */
  stone?: bigint;
}

/** Deploys MiniLST and its wrapper MiniWstETH. */
export async function deployLst(chain: Chain, opts: LstOptions): Promise<LstDeployment> {
  const from = opts.from ?? opts.oracle;
  const lst = await deploy(chain, {
    from,
    contract: 'MiniLST',
    args: [opts.oracle, opts.treasury, opts.feeBP ?? DEFAULT_LST_FEE_BP],
    ...(opts.stone === undefined ? {} : { value: opts.stone }),
  });
  const wstETH = await deploy(chain, { from, contract: 'MiniWstETH', args: [lst] });
  return { lst, wstETH };
}

/** Sends a transaction and throws with the decoded custom error if it reverts (deployment wiring only). */
export async function mustWrite(chain: Chain, req: Parameters<typeof write>[1]): Promise<void> {
  const r = await write(chain, req);
  if (!r.ok) throw new Error(`${req.contract}.${req.functionName} reverted: ${r.error?.message ?? ''}`);
}
