// Boots a sandbox for a scenario: a fresh chain, the whole protocol deployed with the scenario's delays, and
// every actor bound to a deterministic funded account (AVS actors also own a MiniAVS contract, vault actors a
// MiniLRT vault). Account 0 deploys; account 1 is the LST oracle and the simulated consensus layer.
import {
  chainFromImage,
  cloneChain,
  createChain,
  deploy,
  imageOf,
  installMulticall3,
  setBalance,
  type Chain,
  type ChainImage,
} from '../chain/runtime.ts';
import { deployCore } from '../chain/deploy-core.ts';
import { deployLst } from '../chain/deploy-periphery.ts';
import { emptyNames, type Actor, type ProtocolAddresses, type Sandbox } from './sandbox.ts';
import {
  REAL_SECONDS_PER_BLOCK,
  resolveConfig,
  type Preset,
  type ScenarioConfig,
} from './scenario-config.ts';
import type { Scenario } from './scenario-schema.ts';
import { WAD } from './units.ts';

const SYSTEM_ACCOUNTS = 2;
const SYSTEM_BALANCE = 10n ** 24n; // 1,000,000 ETH: the oracle pays for positive LST reports
/** EigenLayer's rewards root activation delay on mainnet: 7 days. */
const REWARDS_ACTIVATION_SECONDS = 604_800n;
/** EigenLayer's default operator split: 10%. */
const DEFAULT_OPERATOR_SPLIT_BIPS = 1000;

/** The LST fee as basis points, as Lido stores it; the scenario gives a WAD fraction. */
export function feeBasisPoints(lstFee: bigint): bigint {
  if ((lstFee * 10_000n) % WAD !== 0n)
    throw new Error('config.lstFee must be a whole number of basis points (0.01%)');
  return (lstFee * 10_000n) / WAD;
}

async function deployProtocol(
  chain: Chain,
  config: ScenarioConfig,
): Promise<ProtocolAddresses & { deployer: `0x${string}` }> {
  const [deployer, oracle] = chain.accounts;
  if (deployer === undefined || oracle === undefined) throw new Error('the chain has no system accounts');
  const lst = await deployLst(chain, {
    from: deployer.address,
    oracle: oracle.address,
    treasury: oracle.address,
    feeBP: feeBasisPoints(config.lstFee),
  });
  const core = await deployCore(chain, {
    deployer: deployer.address,
    withdrawalDelayBlocks: config.withdrawalDelayBlocks,
    deallocationDelayBlocks: config.deallocationDelayBlocks,
    allocationConfigurationDelayBlocks: config.allocationConfigurationDelayBlocks,
    beaconPenaltyDivisor: config.beaconSlashingPenaltyDivisor,
    tokens: { stETH: lst.lst },
  });
  if (core.strategies.stETH === undefined) throw new Error('no stETH strategy was deployed');
  const rewardsCoordinator = await deploy(chain, {
    from: deployer.address,
    contract: 'MiniRewardsCoordinator',
    args: [
      core.allocationManager,
      core.delegationManager,
      Number(REWARDS_ACTIVATION_SECONDS / REAL_SECONDS_PER_BLOCK[config.preset]),
      DEFAULT_OPERATOR_SPLIT_BIPS,
    ],
  });
  return {
    deployer: deployer.address,
    strategyManager: core.strategyManager,
    delegationManager: core.delegationManager,
    allocationManager: core.allocationManager,
    eigenPodManager: core.eigenPodManager,
    beaconChain: core.beaconChain,
    rewardsCoordinator,
    lst: lst.lst,
    wstETH: lst.wstETH,
    strategies: { stETH: core.strategies.stETH, beaconETH: core.beaconChainETHStrategy },
    burnAddress: core.burnAddress,
  };
}

interface Template {
  chain: Chain;
  addresses: Awaited<ReturnType<typeof deployProtocol>>;
}

/**
 * Deployed protocols by configuration. The deployment depends only on the configuration (delays, fee,
 * divisor, start block), so every later sandbox of the same configuration starts as a clone of it: undoing to
 * a fresh scenario or loading another one costs a VM, not a dozen deployments.
 */
const templates = new Map<string, Promise<Template>>();

/** The key a configuration's template is kept under (and a template image names). */
export function templateKey(config: ScenarioConfig): string {
  return JSON.stringify(config, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A deployed protocol as data: what a command can ship so that it need not deploy on every start. */
export interface TemplateImage {
  key: string;
  chain: ChainImage;
  addresses: Template['addresses'];
}

/** Where template images built earlier are found: at once (a file read) or fetched (the page). */
export type TemplateSource = (key: string) => TemplateImage | undefined | Promise<TemplateImage | undefined>;

/** Template images already built, asked for a key before deploying (none unless a caller provides them). */
let prebuilt: TemplateSource = () => undefined;

/**
 * Lets boots start from template images built earlier (by this same code: the image is the deployment's own
 * trie, so a sandbox booted from it is the one a deployment makes, to the state root). A source that has none
 * for a key, or fails to fetch it, leaves the boot to deploy.
 */
export function useTemplateImages(find: TemplateSource): void {
  prebuilt = find;
}

/** The template of a configuration as an image: its chain's trie as the current state reaches it. */
export async function templateImage(config: ScenarioConfig): Promise<TemplateImage> {
  const template = await templateFor(config);
  return {
    key: templateKey(config),
    chain: await imageOf(template.chain, []),
    addresses: template.addresses,
  };
}

/** The presets whose default configuration ships as a template image (the page's and the command's). */
export const TEMPLATE_PRESETS: readonly Preset[] = ['classroom', 'mainnet'];

/** The template image of each preset's default configuration, in TEMPLATE_PRESETS order. */
export async function presetTemplateImages(): Promise<TemplateImage[]> {
  const out: TemplateImage[] = [];
  for (const preset of TEMPLATE_PRESETS) out.push(await templateImage(resolveConfig({ preset })));
  return out;
}

async function fromImage(key: string): Promise<Template | undefined> {
  try {
    const image = await prebuilt(key);
    if (image === undefined || image.key !== key) return undefined;
    return { chain: await chainFromImage(image.chain), addresses: image.addresses };
  } catch {
    return undefined; // not fetched (offline, a stale page) or not readable: deploy instead
  }
}

async function deployTemplate(config: ScenarioConfig): Promise<Template> {
  const chain = await createChain({
    accounts: SYSTEM_ACCOUNTS,
    startBlock: config.startBlock,
    secondsPerBlock: config.secondsPerBlock,
    balance: SYSTEM_BALANCE,
  });
  // Every chain a script meets has Multicall3 at its canonical address (viem's multicall needs it).
  await installMulticall3(chain);
  return { chain, addresses: await deployProtocol(chain, config) };
}

function templateFor(config: ScenarioConfig): Promise<Template> {
  const key = templateKey(config);
  let t = templates.get(key);
  if (t === undefined) {
    t = fromImage(key).then((made) => made ?? deployTemplate(config));
    t.catch(() => templates.delete(key));
    templates.set(key, t);
  }
  return t;
}

/** Thrown when `shouldStop` ends a boot early (a time budget ran out while the actors were set up). */
export class BootStopped extends Error {
  constructor(
    /** Actors funded so far (all of them once their contracts are being deployed). */
    readonly actorsDone: number,
    readonly actors: number,
  ) {
    super(
      actorsDone < actors
        ? `stopped while setting up the actors (${actorsDone} of ${actors} funded)`
        : `stopped while deploying the actors' contracts (all ${actors} actors funded)`,
    );
  }
}

export async function bootSandbox(
  scenario: Pick<Scenario, 'config' | 'actors'>,
  /** Asked before each actor is set up: true stops the boot (BootStopped). */
  shouldStop?: (actorsDone: number) => boolean,
): Promise<Sandbox> {
  const { config } = scenario;
  const template = await templateFor(config);
  const chain = await cloneChain(template.chain, { accounts: SYSTEM_ACCOUNTS + scenario.actors.length });
  const addresses = { ...template.addresses, strategies: { ...template.addresses.strategies } };
  const actors: Record<string, Actor> = {};
  let done = 0;
  const checkpoint = () => {
    if (shouldStop?.(done) === true) throw new BootStopped(done, scenario.actors.length);
  };
  for (const [i, a] of scenario.actors.entries()) {
    done = i;
    checkpoint();
    const account = chain.accounts[SYSTEM_ACCOUNTS + i];
    if (account === undefined) throw new Error(`no account for actor ${a.id}`);
    await setBalance(chain, account.address, a.eth ?? 0n);
    actors[a.id] = {
      id: a.id,
      role: a.role,
      address: account.address,
      ...(a.operator === undefined ? {} : { operator: a.operator }),
    };
  }
  const sb: Sandbox = {
    chain,
    config,
    addresses,
    actors,
    system: { deployer: addresses.deployer, oracle: chain.accounts[1]!.address },
    names: emptyNames(),
  };
  done = scenario.actors.length;
  for (const a of Object.values(actors)) {
    if (a.role === 'avs' || a.role === 'vault') checkpoint();
    if (a.role === 'avs') {
      a.contract = await deploy(chain, {
        from: addresses.deployer,
        contract: 'MiniAVS',
        args: [
          addresses.allocationManager,
          addresses.delegationManager,
          addresses.rewardsCoordinator,
          a.address,
          a.id,
        ],
      });
    } else if (a.role === 'vault') {
      const operator = a.operator === undefined ? undefined : actors[a.operator];
      if (operator === undefined) throw new Error(`vault ${a.id} names no operator actor`);
      a.contract = await deploy(chain, {
        from: addresses.deployer,
        contract: 'MiniLRT',
        args: [
          `${a.id} restaked ETH`,
          a.id,
          addresses.strategyManager,
          addresses.delegationManager,
          addresses.allocationManager,
          addresses.strategies.stETH,
          operator.address,
          a.address,
          // The system oracle also prices stETH for every vault (vault.setPrice): a market, not a holder.
          sb.system.oracle,
        ],
      });
    }
  }
  return sb;
}
