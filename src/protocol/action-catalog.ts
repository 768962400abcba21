// What a form needs to know about every action of formats.md (except `expect`): its group, a title, one line
// on what it does on chain naming the real contract function, who signs it, and its fields in the scenario's
// own names, each with the kind of input that fills it. Views build forms from this, so a new action needs an
// entry here and nothing in the views. Mostly data: longer than a module usually is, on purpose.
import { HOLDERS, SIGNERS } from './scenario-defs.ts';
import { STRATEGIES } from './scenario-fields.ts';
import { formatAmount, GWEI } from './units.ts';
import type { ActorRole, StrategyName, World } from './world-types.ts';

export const GROUPS = [
  'Liquid staking',
  'Restaking',
  'Operators',
  'AVS & slashing',
  'Native restaking',
  'Beacon chain',
  'Vault',
  'Rewards',
  'Time',
] as const;
export type ActionGroup = (typeof GROUPS)[number];

/**
 * amount/signedAmount: ETH or tokens; wad: a fraction of 100%; blocks/seconds: whole counts; newSet: a new
 * operator-set id; set/setList: existing sets of an AVS; token: stETH, wstETH or a vault's token; asName:
 * a new name for what the step creates; withdrawal, validator(List), slash, request: names made by earlier
 * steps.
 */
export type FieldKind =
  | 'amount'
  | 'signedAmount'
  | 'wad'
  | 'wadList'
  | 'blocks'
  | 'seconds'
  | 'newSet'
  | 'set'
  | 'setList'
  | 'actor'
  | 'token'
  | 'strategy'
  | 'strategyList'
  | 'bool'
  | 'text'
  | 'asName'
  | 'withdrawal'
  | 'validator'
  | 'validatorList'
  | 'slash'
  | 'request';

/** What an `as` name names; it picks the suggested name's prefix. */
export type NamedThing =
  'withdrawal' | 'undelegation' | 'validator' | 'slash' | 'slashRequest' | 'redemption';

export interface FieldSpec {
  /** The scenario field name, exactly. */
  name: string;
  label: string;
  kind: FieldKind;
  optional?: boolean;
  help?: string;
  /** actor: only actors of this role. */
  role?: ActorRole;
  /** set(List), strategy(List) of a set, request of an AVS: the field naming the AVS (`by`: the signer). */
  avsFrom?: string;
  /** strategy, strategyList: offer the strategies of the set named in this field. */
  setFrom?: string;
  /** wadList: one fraction per item of this list field. */
  perItemOf?: string;
  /** request of a vault: the field naming the vault. */
  vaultFrom?: string;
  /** validator, validatorList: only the signer's own validators. */
  ownedBySigner?: boolean;
  /** strategy, strategyList: what the schema accepts here. */
  strategies?: readonly StrategyName[];
  /** asName: what the step creates under this name. */
  names?: NamedThing;
}

export interface CatalogEntry {
  action: string;
  group: ActionGroup;
  title: string;
  summary: string;
  /** The role that usually signs; null when the oracle or the beacon chain acts, or nobody does. */
  signer: ActorRole | null;
  /** Every role the scenario accepts as signer (scenario-defs SIGNERS); empty for system steps. */
  signers: readonly ActorRole[];
  /** Who acts when `signer` is null, in words. */
  system?: string;
  fields: readonly FieldSpec[];
  /** Exactly one of these fields must be given. */
  exactlyOne?: readonly string[];
}

type Extra = Omit<FieldSpec, 'name' | 'label' | 'kind'>;
const f = (name: string, label: string, kind: FieldKind, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  kind,
  ...extra,
});
const by = (role: ActorRole) => f('by', 'Signed by', 'actor', { role });
const amount = (label: string, help?: string) => f('amount', label, 'amount', help ? { help } : {});
const asName = (names: NamedThing, label: string, extra: Extra = {}) =>
  f('as', label, 'asName', { names, ...extra });
const avs = f('avs', 'AVS', 'actor', { role: 'avs' });
const vault = f('vault', 'Vault', 'actor', { role: 'vault' });
const operator = f('operator', 'Operator', 'actor', { role: 'operator' });
const setOf = (avsFrom: string) => f('set', 'Operator set', 'set', { avsFrom });
const slashFields = [
  by('avs'),
  operator,
  setOf('by'),
  f('strategies', 'Strategies to slash', 'strategyList', { avsFrom: 'by', setFrom: 'set' }),
  f('wads', 'Fraction slashed, per strategy', 'wadList', {
    perItemOf: 'strategies',
    help: "A fraction of the operator's magnitude allocated to this set.",
  }),
  f('description', 'Reason', 'text', { optional: true }),
];
const validator = f('validator', 'Validator', 'validator');
const BEACON = 'the beacon chain (simulated)';

type Draft = Omit<CatalogEntry, 'signers' | 'group'>;
const inGroup = (group: ActionGroup, entries: Draft[]) => entries.map((e) => ({ ...e, group }));
const GWEI_ONLY = 'Whole gwei: the beacon chain counts gwei.';

// One action per block reads best as a table, so Prettier leaves the layout alone.
// prettier-ignore
const ENTRIES = [
  ...inGroup('Liquid staking', [
    { action: 'lst.stake', signer: 'staker', title: 'Stake ETH for stETH',
      summary: 'Lido.submit: sends ETH to the liquid staking pool and mints stETH at the pool rate.',
      fields: [by('staker'), amount('ETH to stake')] },
    { action: 'lst.report', signer: null, system: 'the LST oracle', title: 'Report rewards or losses',
      summary: "Lido's oracle report (handleOracleReport): every stETH balance rebases; gains pay the fee.",
      fields: [f('delta', 'Change of pooled ETH', 'signedAmount',
        { help: 'Consensus-layer rewards (positive) or losses (negative).' })] },
    { action: 'lst.wrap', signer: 'staker', title: 'Wrap stETH into wstETH',
      summary: 'WstETH.wrap (after stETH.approve): locks stETH and mints non-rebasing wstETH.',
      fields: [by('staker'), amount('stETH to wrap')] },
    { action: 'lst.unwrap', signer: 'staker', title: 'Unwrap wstETH into stETH',
      summary: 'WstETH.unwrap: burns wstETH and returns the stETH its shares are worth now.',
      fields: [by('staker'), amount('wstETH to unwrap')] },
    { action: 'token.transfer', signer: 'staker', title: 'Transfer tokens',
      summary: "ERC20.transfer on stETH, wstETH or a vault's token: moves tokens to another actor.",
      fields: [by('staker'), f('token', 'Token', 'token'), f('to', 'Recipient', 'actor'), amount('Amount')] },
  ]),
  ...inGroup('Restaking', [
    { action: 'strategy.deposit', signer: 'staker', title: 'Deposit into a strategy',
      summary: 'StrategyManager.depositIntoStrategy (after stETH.approve): stETH in, deposit shares out.',
      fields: [by('staker'), f('strategy', 'Strategy', 'strategy', { strategies: ['stETH'] }),
        amount('stETH to deposit')] },
    { action: 'staker.delegate', signer: 'staker', title: 'Delegate to an operator',
      summary: "DelegationManager.delegateTo: all your restaked shares count toward the operator's stake.",
      fields: [by('staker'), operator] },
    { action: 'staker.undelegate', signer: 'staker', title: 'Undelegate',
      summary: 'DelegationManager.undelegate: leaves the operator and queues a withdrawal of every strategy.',
      fields: [by('staker'), asName('undelegation', 'Name for the withdrawals',
        { help: 'The queued withdrawals are named <name>/stETH and <name>/beaconETH.' })] },
    { action: 'withdrawal.queue', signer: 'staker', title: 'Queue a withdrawal',
      summary: 'DelegationManager.queueWithdrawals: removes deposit shares, slashable until the delay ends.',
      fields: [by('staker'), f('strategy', 'Strategy', 'strategy'),
        f('shares', 'Deposit shares', 'amount', { help: 'Counted like the token: 1 share is 1e18 units.' }),
        asName('withdrawal', 'Name for the withdrawal')] },
    { action: 'withdrawal.complete', signer: 'staker', title: 'Complete a withdrawal',
      summary: 'DelegationManager.completeQueuedWithdrawal: after the delay, pays out what slashing left.',
      fields: [by('staker'), f('withdrawal', 'Withdrawal', 'withdrawal'), f('receiveAsTokens',
        'Receive as tokens', 'bool', { help: 'Unticked: credited back as deposit shares.' })] },
  ]),
  ...inGroup('Operators', [
    { action: 'operator.register', signer: 'operator', title: 'Register as an operator',
      summary: 'DelegationManager.registerAsOperator: becomes an operator, delegated to itself.',
      fields: [by('operator'), f('allocationDelay', 'Allocation delay', 'blocks',
        { help: 'Blocks before a new allocation takes effect.' })] },
    { action: 'operator.setAllocationDelay', signer: 'operator', title: 'Change the allocation delay',
      summary: 'AllocationManager.setAllocationDelay: the new delay applies after the configuration delay.',
      fields: [by('operator'), f('blocks', 'New allocation delay', 'blocks')] },
    { action: 'operator.registerForSets', signer: 'operator', title: 'Register for operator sets',
      summary: "AllocationManager.registerForOperatorSets: joins an AVS's sets (its registrar may refuse).",
      fields: [by('operator'), avs, f('sets', 'Operator sets', 'setList', { avsFrom: 'avs' })] },
    { action: 'operator.deregisterFromSets', signer: 'operator', title: 'Deregister from operator sets',
      summary: 'AllocationManager.deregisterFromOperatorSets: leaves sets (still slashable for a delay).',
      fields: [by('operator'), avs, f('sets', 'Operator sets', 'setList', { avsFrom: 'avs' })] },
    { action: 'operator.allocate', signer: 'operator', title: 'Allocate magnitude to a set',
      summary: 'AllocationManager.modifyAllocations: sets how much of a strategy one operator set may slash.',
      fields: [by('operator'), avs, setOf('avs'),
        f('strategy', 'Strategy', 'strategy', { avsFrom: 'avs', setFrom: 'set' }),
        f('magnitude', 'New magnitude', 'wad', { help: 'The new total for this set, not a change.' })] },
  ]),
  ...inGroup('AVS & slashing', [
    { action: 'avs.createOperatorSet', signer: 'avs', title: 'Create an operator set',
      summary: 'AllocationManager.createOperatorSets (createRedistributingOperatorSets with a recipient).',
      fields: [by('avs'), f('set', 'New set id', 'newSet'), f('strategies', 'Strategies', 'strategyList'),
        f('redistributionRecipient', 'Redistribution recipient', 'actor',
          { optional: true, help: 'Slashed stETH goes to this actor; none: it is burned.' })] },
    { action: 'avs.slash', signer: 'avs', title: 'Slash an operator',
      summary: "AllocationManager.slashOperator (via the AVS's InstantSlasher): cuts the set's magnitude.",
      fields: [...slashFields, asName('slash', 'Name for the slash',
        { optional: true, help: 'Needed later to burn or redistribute it.' })] },
    { action: 'slashing.clear', signer: 'avs', title: 'Burn or redistribute slashed shares',
      summary: "StrategyManager.clearBurnOrRedistributableShares: anyone sends a slash's shares on.",
      fields: [by('avs'), avs, setOf('avs'), f('slash', 'Slash', 'slash')] },
    { action: 'avs.configureVeto', signer: 'avs', title: 'Set a veto window',
      summary: "The AVS's own slasher (middleware VetoableSlasher, not EigenLayer): a committee may veto.",
      fields: [by('avs'), f('blocks', 'Veto window', 'blocks', { help: '0 turns the window off.' }),
        f('committee', 'Veto committee', 'actor')] },
    { action: 'avs.requestSlash', signer: 'avs', title: 'Request a slash (vetoable)',
      summary: 'VetoableSlasher.queueSlashingRequest: a slash the committee may cancel within the window.',
      fields: [...slashFields, asName('slashRequest', 'Name for the request')] },
    { action: 'avs.veto', signer: 'staker', title: 'Veto a slash request',
      summary: "VetoableSlasher.cancelSlashingRequest: the AVS's committee cancels a pending request.",
      fields: [by('staker'), avs, f('request', 'Slash request', 'request', { avsFrom: 'avs' })] },
    { action: 'avs.executeSlash', signer: 'avs', title: 'Execute a slash request',
      summary: 'VetoableSlasher.fulfillSlashingRequest: after the window, AllocationManager.slashOperator.',
      fields: [by('avs'), f('request', 'Slash request', 'request', { avsFrom: 'by' }),
        asName('slash', 'Name for the slash', { optional: true })] },
  ]),
  ...inGroup('Native restaking', [
    { action: 'pod.create', signer: 'staker', title: 'Create an EigenPod',
      summary: "EigenPodManager.createPod: deploys the pod, your validators' withdrawal address.",
      fields: [by('staker')] },
    { action: 'pod.stake', signer: 'staker', title: 'Stake a 32 ETH validator',
      summary: 'EigenPodManager.stake: 32 ETH to the beacon chain, withdrawal credentials at your pod.',
      fields: [by('staker'), asName('validator', 'Name for the validator')] },
    { action: 'pod.verifyCredentials', signer: 'staker', title: 'Verify withdrawal credentials',
      summary: 'EigenPod.verifyWithdrawalCredentials: credits the validators as beaconETH shares.',
      fields: [by('staker'), f('validators', 'Validators', 'validatorList', { ownedBySigner: true })] },
    { action: 'pod.startCheckpoint', signer: 'staker', title: 'Start a checkpoint',
      summary: "EigenPod.startCheckpoint: snapshots the pod's balance; each active validator is then proven.",
      fields: [by('staker')] },
    { action: 'pod.verifyCheckpoint', signer: 'staker', title: 'Prove checkpoint balances',
      summary: 'EigenPod.verifyCheckpointProofs: gains add shares; losses lower the beacon slashing factor.',
      fields: [by('staker'), f('validators', 'Validators', 'validatorList',
        { ownedBySigner: true, optional: true, help: 'None chosen: every active validator of the pod.' })] },
    { action: 'pod.verifyStaleBalance', signer: 'staker', title: 'Prove a stale balance',
      summary: "EigenPod.verifyStaleBalance: anyone proves a pod's validator slashed; starts a checkpoint.",
      fields: [by('staker'), validator] },
  ]),
  ...inGroup('Beacon chain', [
    { action: 'beacon.reward', signer: null, system: BEACON, title: 'Reward a validator',
      summary: 'MockBeaconChain.accrueRewards (on the real chain nobody calls this): the balance grows.',
      fields: [validator, amount('Reward', GWEI_ONLY)] },
    { action: 'beacon.penalty', signer: null, system: BEACON, title: 'Penalize a validator',
      summary: 'MockBeaconChain.applyPenalty (on the real chain nobody calls this): the balance shrinks.',
      fields: [validator, amount('Penalty', GWEI_ONLY)] },
    { action: 'beacon.slash', signer: null, system: BEACON, title: 'Slash a validator',
      summary: 'MockBeaconChain.slash: a penalty of effective balance / divisor, then a forced exit.',
      fields: [validator] },
    { action: 'beacon.exit', signer: null, system: BEACON, title: 'Exit a validator',
      summary: 'MockBeaconChain.exit: a voluntary exit; the balance is swept to the pod.',
      fields: [validator] },
  ]),
  ...inGroup('Vault', [
    { action: 'vault.deposit', signer: 'staker', title: 'Deposit stETH into a vault',
      summary: 'RestakeManager.deposit (Renzo; after stETH.approve): stETH in, vault tokens out at the rate.',
      fields: [by('staker'), vault, amount('stETH to deposit')] },
    { action: 'vault.requestRedeem', signer: 'staker', title: 'Request a redemption',
      summary: 'WithdrawQueue.withdraw (Renzo): burns vault tokens, fixes their value, queues a withdrawal.',
      fields: [by('staker'), vault, amount('Vault tokens to redeem'),
        asName('redemption', 'Name for the request')] },
    { action: 'vault.claim', signer: 'staker', title: 'Claim a redemption',
      summary: 'WithdrawQueue.claim (Renzo): after the delay, pays the request in stETH.',
      fields: [by('staker'), vault, f('request', 'Redemption request', 'request', { vaultFrom: 'vault' })] },
    { action: 'vault.setPrice', signer: null, system: "the vault's price oracle", title: 'Report the market price of stETH',
      summary: "The LRT's price oracle (as Renzo's and Kelp's): the vault values its stETH at this price in ETH.",
      fields: [vault, f('price', 'Market price of 1 stETH', 'amount',
        { help: 'In ETH. 1 ETH is face value; below it stETH trades under its backing (a depeg).' })] },
  ]),
  ...inGroup('Rewards', [
    { action: 'rewards.submit', signer: 'avs', title: 'Submit rewards to a set',
      summary: 'RewardsCoordinator operator-set rewards submission (simplified: split on chain, in ETH).',
      fields: [by('avs'), setOf('by'), amount('ETH to distribute')] },
    { action: 'rewards.claim', signer: 'staker', title: 'Claim rewards',
      summary: 'RewardsCoordinator.processClaim (simplified): pays the rewards already active.',
      fields: [by('staker')] },
  ]),
  ...inGroup('Time', [
    { action: 'chain.advance', signer: null, system: 'the clock (no transaction)', title: 'Advance time',
      summary: 'The head moves as if empty blocks were mined, so delays can pass.',
      exactlyOne: ['blocks', 'seconds'],
      fields: [f('blocks', 'Blocks', 'blocks', { optional: true }),
        f('seconds', 'Seconds', 'seconds', { optional: true })] },
  ]),
];

/**
 * Steps that have no form: `expect` checks rather than acts, and `tx.send` (not in formats.md's table) is what
 * the page's EIP-1193 provider records for raw call data from the console.
 */
export const WITHOUT_FORM: readonly string[] = ['expect', 'tx.send'];

export const CATALOG: readonly CatalogEntry[] = ENTRIES.map((e) => ({
  ...e,
  signers: e.signer === null ? [] : (SIGNERS[e.action] ?? HOLDERS),
}));

export function catalogEntry(action: string): CatalogEntry | undefined {
  return CATALOG.find((e) => e.action === action);
}

/** The actions an actor of `role` may sign, or with null the system steps, in catalog order. */
export function actionsFor(role: ActorRole | null): CatalogEntry[] {
  return CATALOG.filter((e) => (role === null ? e.signer === null : e.signers.includes(role)));
}

export interface Choice {
  value: string;
  label: string;
}

/** What the choices of a field depend on: the world now, who signs, and the rest of the form. */
export interface ChoiceContext {
  world: World;
  actors: readonly { id: string; role: ActorRole }[];
  /** The signer's actor id; null for system steps. */
  by: string | null;
  draft: Readonly<Record<string, unknown>>;
  /** Names world@1 does not hold: the `as` names of slashes, from the history. */
  historyNames: { slashes: readonly string[] };
  /**
   * How an amount in wei reads inside a choice's label. The default is exact (every digit); the Act panel
   * passes the app's display policy, which protocol/ cannot import (it sits above this layer).
   */
  showWei?: (wei: bigint) => string;
}

const weiText = (ctx: ChoiceContext, wei: bigint) => (ctx.showWei ?? formatAmount)(wei);

/** The value of another field of the form; `by` is the signer. */
function other(ctx: ChoiceContext, field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const value = field === 'by' ? ctx.by : ctx.draft[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

const byNumber = (a: string, b: string) => Number(a) - Number(b);

function strategyChoices(field: FieldSpec, ctx: ChoiceContext): Choice[] {
  const allowed = field.strategies ?? STRATEGIES;
  const avsId = other(ctx, field.avsFrom);
  const setId = other(ctx, field.setFrom);
  const set = avsId === undefined || setId === undefined ? undefined : ctx.world.avs[avsId]?.sets[setId];
  // Within a known set, only its strategies: anything else is rejected before it reaches the chain.
  const offered = set ? allowed.filter((s) => set.strategies.includes(s)) : allowed;
  return offered.map((s) => ({ value: s, label: s === 'beaconETH' ? 'beaconETH (native ETH)' : s }));
}

function validatorChoices(field: FieldSpec, ctx: ChoiceContext): Choice[] {
  return Object.entries(ctx.world.validators)
    .filter(([, v]) => !field.ownedBySigner || v.owner === ctx.by)
    .map(([id, v]) => {
      const flags = `${v.slashed ? ', slashed' : ''}${v.exited ? ', exited' : ''}`;
      return {
        value: id,
        label: `${id} (${v.owner}, ${weiText(ctx, BigInt(v.balanceGwei) * GWEI)}${flags})`,
      };
    });
}

function requestChoices(field: FieldSpec, ctx: ChoiceContext): Choice[] {
  const vaultId = other(ctx, field.vaultFrom);
  if (field.vaultFrom !== undefined) {
    const requests = vaultId === undefined ? {} : (ctx.world.vaults[vaultId]?.requests ?? {});
    return Object.entries(requests)
      .filter(([, r]) => r.owner === ctx.by && !r.claimed)
      .map(([id, r]) => ({
        value: id,
        label: `${id}: ${weiText(ctx, BigInt(r.valueAtRequest))}, after block ${r.completableAfterBlock}`,
      }));
  }
  const avsId = other(ctx, field.avsFrom);
  // Every request, vetoed and executed ones too: trying one shows the custom error the contract answers with.
  const requests = avsId === undefined ? {} : (ctx.world.avs[avsId]?.slashRequests ?? {});
  return Object.entries(requests).map(([id, r]) => {
    const window = r.status === 'pending' ? `, vetoable until block ${r.vetoableUntilBlock}` : '';
    return { value: id, label: `${id}: ${r.operator}, set ${r.set}, ${r.status}${window}` };
  });
}

/** The choices of a field whose value is picked rather than typed; [] for typed kinds. */
export function choicesFor(field: FieldSpec, ctx: ChoiceContext): Choice[] {
  const { world } = ctx;
  switch (field.kind) {
    case 'actor':
      return ctx.actors
        .filter((a) => field.role === undefined || a.role === field.role)
        .map((a) => ({ value: a.id, label: `${a.id} (${a.role})` }));
    case 'token':
      return [
        { value: 'stETH', label: 'stETH' },
        { value: 'wstETH', label: 'wstETH' },
        ...ctx.actors
          .filter((a) => a.role === 'vault')
          .map((a) => ({ value: a.id, label: `${a.id} (vault token)` })),
      ];
    case 'set':
    case 'setList': {
      const avsId = other(ctx, field.avsFrom);
      const sets = avsId === undefined ? {} : (world.avs[avsId]?.sets ?? {});
      return Object.keys(sets)
        .sort(byNumber)
        .map((id) => ({ value: id, label: `set ${id}: ${sets[id]?.strategies.join(', ') ?? ''}` }));
    }
    case 'strategy':
    case 'strategyList':
      return strategyChoices(field, ctx);
    case 'withdrawal': {
      const staker = ctx.by === null ? undefined : world.stakers[ctx.by];
      return Object.entries(staker?.withdrawals ?? {})
        .filter(([, w]) => !w.completed)
        .map(([id, w]) => ({
          value: id,
          label: `${id}: ${w.strategy}, completable after block ${w.completableAfterBlock}`,
        }));
    }
    case 'validator':
    case 'validatorList':
      return validatorChoices(field, ctx);
    case 'slash':
      return ctx.historyNames.slashes.map((s) => ({ value: s, label: s }));
    case 'request':
      return requestChoices(field, ctx);
    default:
      return [];
  }
}

const PREFIX: Record<NamedThing, string> = {
  withdrawal: 'w',
  undelegation: 'u',
  validator: 'v',
  slash: 's',
  slashRequest: 'sr',
  redemption: 'r',
};

/** Every `as` name in use: a scenario's names are unique across all kinds. */
export function usedNames(world: World, history: { slashes: readonly string[] }): Set<string> {
  const used = new Set<string>(history.slashes);
  for (const staker of Object.values(world.stakers))
    for (const id of Object.keys(staker.withdrawals)) {
      used.add(id);
      used.add(id.split('/')[0] ?? id);
    }
  for (const id of Object.keys(world.validators)) used.add(id);
  for (const v of Object.values(world.vaults)) for (const id of Object.keys(v.requests)) used.add(id);
  for (const a of Object.values(world.avs)) for (const id of Object.keys(a.slashRequests)) used.add(id);
  return used;
}

/** A fresh name for what a step creates: "w1", "v2", "s1", the first of its prefix not used yet. */
export function suggestName(kind: NamedThing, world: World, history: { slashes: readonly string[] }): string {
  const used = usedNames(world, history);
  let n = 1;
  while (used.has(`${PREFIX[kind]}${n}`)) n += 1;
  return `${PREFIX[kind]}${n}`;
}

/** The smallest operator-set id the AVS has not created yet. */
export function nextSetId(world: World, avs: string | null): number {
  const sets = avs === null ? {} : (world.avs[avs]?.sets ?? {});
  let id = 0;
  while (Object.hasOwn(sets, String(id))) id += 1;
  return id;
}
