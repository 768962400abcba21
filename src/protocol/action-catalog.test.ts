import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  CATALOG,
  catalogEntry,
  choicesFor,
  GROUPS,
  nextSetId,
  suggestName,
  type ChoiceContext,
  type FieldSpec,
  WITHOUT_FORM,
} from './action-catalog.ts';
import { ACTIONS, stepFields } from './scenario-actions.ts';
import { ACTORS, emptyWorld, PRELUDE } from './action-catalog-testing.ts';
import { validateScenario } from './scenario-schema.ts';
import type { World } from './world-types.ts';

/** One filled step per action, written by hand in the scenario's own forms. */
const EXAMPLES: Record<string, Record<string, unknown>> = {
  'lst.stake': { by: 'alice', amount: '40 ETH' },
  'lst.report': { delta: '-1.5 ETH' },
  'lst.wrap': { by: 'alice', amount: '1 ETH' },
  'lst.unwrap': { by: 'alice', amount: '1000 gwei' },
  'token.transfer': { by: 'alice', token: 'stETH', to: 'council', amount: '123' },
  'strategy.deposit': { by: 'alice', strategy: 'stETH', amount: '10 ETH' },
  'operator.register': { by: 'op1', allocationDelay: 5 },
  'operator.setAllocationDelay': { by: 'op1', blocks: 7 },
  'staker.delegate': { by: 'alice', operator: 'op1' },
  'staker.undelegate': { by: 'alice', as: 'u1' },
  'withdrawal.queue': { by: 'alice', strategy: 'beaconETH', shares: '32 ETH', as: 'w2' },
  'withdrawal.complete': { by: 'alice', withdrawal: 'w1', receiveAsTokens: true },
  'avs.createOperatorSet': {
    by: 'avs1',
    set: 1,
    strategies: ['stETH'],
    redistributionRecipient: 'council',
  },
  'operator.registerForSets': { by: 'op1', avs: 'avs1', sets: [0] },
  'operator.deregisterFromSets': { by: 'op1', avs: 'avs1', sets: [0] },
  'operator.allocate': { by: 'op1', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: '50%' },
  'avs.slash': {
    by: 'avs1',
    operator: 'op1',
    set: 0,
    strategies: ['stETH'],
    wads: ['20%'],
    description: 'double signing',
    as: 's2',
  },
  'slashing.clear': { by: 'avs1', avs: 'avs1', set: 0, slash: 's1' },
  'avs.configureVeto': { by: 'avs1', blocks: 72, committee: 'council' },
  'avs.requestSlash': {
    by: 'avs2',
    operator: 'op1',
    set: 0,
    strategies: ['stETH'],
    wads: ['1%'],
    as: 'r2',
  },
  'avs.veto': { by: 'council', avs: 'avs2', request: 'r1' },
  'avs.executeSlash': { by: 'avs2', request: 'r1', as: 's3' },
  'pod.create': { by: 'council' },
  'pod.stake': { by: 'alice', as: 'v2' },
  'pod.verifyCredentials': { by: 'alice', validators: ['v1'] },
  'pod.startCheckpoint': { by: 'alice' },
  'pod.verifyCheckpoint': { by: 'alice', validators: ['v1'] },
  'pod.verifyStaleBalance': { by: 'council', validator: 'v1' },
  'beacon.reward': { validator: 'v1', amount: '1000 gwei' },
  'beacon.penalty': { validator: 'v1', amount: '0.5 ETH' },
  'beacon.slash': { validator: 'v1' },
  'beacon.exit': { validator: 'v1' },
  'vault.deposit': { by: 'alice', vault: 'lrt', amount: '2 ETH' },
  'vault.requestRedeem': { by: 'alice', vault: 'lrt', amount: '1 ETH', as: 'q2' },
  'vault.claim': { by: 'alice', vault: 'lrt', request: 'q1' },
  'vault.setPrice': { vault: 'lrt', price: '0.97 ETH' },
  'rewards.submit': { by: 'avs1', set: 0, amount: '3 ETH' },
  'rewards.claim': { by: 'op1' },
  'chain.advance': { blocks: 336 },
};

const scenario = (step: Record<string, unknown>) => ({
  format: 'restaking-sandbox/scenario@1',
  title: 'catalog example',
  actors: ACTORS,
  steps: [...PRELUDE, step],
});

const performable = ACTIONS.filter((a) => !WITHOUT_FORM.includes(a));

describe('the catalog covers the scenario schema', () => {
  it('has one entry per action except expect and tx.send, in the known groups', () => {
    expect(WITHOUT_FORM).toEqual(['expect', 'tx.send']);
    expect(CATALOG.map((e) => e.action).sort()).toEqual([...performable].sort());
    expect(new Set(CATALOG.map((e) => e.action)).size).toBe(CATALOG.length);
    for (const e of CATALOG) expect(GROUPS).toContain(e.group);
  });

  it.each(performable)('%s: the fields are exactly the schema fields', (action) => {
    const entry = catalogEntry(action);
    const schema = (stepFields(action) ?? []).filter((n) => n !== 'action' && n !== 'expectRevert');
    expect(entry?.fields.map((f) => f.name).sort()).toEqual([...schema].sort());
  });

  it.each(performable)('%s: a filled example validates as a scenario step', (action) => {
    const entry = catalogEntry(action);
    const example = EXAMPLES[action];
    expect(example).toBeDefined();
    const names = entry?.fields.map((f) => f.name) ?? [];
    for (const key of Object.keys(example ?? {})) expect(names).toContain(key);
    for (const f of entry?.fields ?? []) if (!f.optional) expect(example).toHaveProperty(f.name);
    const r = validateScenario(scenario({ action, ...example }));
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('a system step has no signer field, and every other step signs with `by`', () => {
    for (const e of CATALOG) {
      const hasBy = e.fields.some((f) => f.name === 'by');
      expect([e.action, hasBy]).toEqual([e.action, e.signer !== null]);
      if (e.signer === null) expect(e.system).toBeTruthy();
      else expect(e.signers).toContain(e.signer);
    }
  });

  it('lists for each role what it may sign', () => {
    const names = (role: Parameters<typeof actionsFor>[0]) => actionsFor(role).map((e) => e.action);
    expect(names(null)).toEqual([
      'lst.report',
      'beacon.reward',
      'beacon.penalty',
      'beacon.slash',
      'beacon.exit',
      'vault.setPrice',
      'chain.advance',
    ]);
    expect(names('avs')).toContain('avs.slash');
    expect(names('avs')).toContain('slashing.clear');
    expect(names('avs')).not.toContain('lst.stake');
    expect(names('staker')).toContain('lst.stake');
    expect(names('staker')).not.toContain('operator.allocate');
    expect(names('operator')).toContain('strategy.deposit');
    // A vault is a contract's account: all it can do is sit on a veto committee.
    expect(names('vault')).toEqual(['avs.veto']);
  });
});

function sampleWorld(): World {
  const w = emptyWorld();
  const set = (strategies: ('stETH' | 'beaconETH')[]) => ({ strategies, operators: [], slashCount: '0' });
  w.avs['avs1'] = {
    sets: { '2': set(['beaconETH']), '0': set(['stETH', 'beaconETH']), '10': set(['stETH']) },
    vetoWindowBlocks: '0',
    vetoCommittee: null,
    slashRequests: {},
  };
  w.avs['avs2'] = {
    sets: { '0': set(['stETH']) },
    vetoWindowBlocks: '72',
    vetoCommittee: 'council',
    slashRequests: {
      r1: { operator: 'op1', set: '0', requestBlock: '5', vetoableUntilBlock: '76', status: 'vetoed' },
      r2: { operator: 'op1', set: '0', requestBlock: '9', vetoableUntilBlock: '80', status: 'pending' },
    },
  };
  const withdrawal = (completed: boolean, strategy: 'stETH' | 'beaconETH' = 'stETH') => ({
    strategy,
    scaledShares: '1',
    startBlock: '1',
    completableAfterBlock: '337',
    completed,
  });
  w.stakers['alice'] = {
    delegatedTo: 'op1',
    strategies: {},
    beaconChainSlashingFactor: '1000000000000000000',
    pod: null,
    withdrawals: {
      w1: withdrawal(true),
      w2: withdrawal(false),
      'u1/beaconETH': withdrawal(false, 'beaconETH'),
    },
  };
  const v = (owner: string, balanceGwei: string, slashed = false) => ({
    owner,
    balanceGwei,
    effectiveBalanceGwei: balanceGwei,
    slashed,
    exited: false,
  });
  w.validators = { v1: v('alice', '32000000000'), v2: v('bob', '31500000000', true) };
  const request = (owner: string, claimed: boolean) => ({
    owner,
    valueAtRequest: '36000000000000000000',
    completableAfterBlock: '400',
    claimed,
  });
  w.vaults['lrt'] = {
    operator: 'op1',
    stETHPrice: '1000000000000000000',
    supply: '0',
    totalValue: '0',
    rate: '1000000000000000000',
    requests: { r3: request('alice', false), r4: request('alice', true), r5: request('bob', false) },
  };
  return w;
}

const ctx = (over: Partial<ChoiceContext> = {}): ChoiceContext => ({
  world: sampleWorld(),
  actors: [
    { id: 'alice', role: 'staker' },
    { id: 'op1', role: 'operator' },
    { id: 'avs1', role: 'avs' },
    { id: 'lrt', role: 'vault' },
  ],
  by: 'alice',
  draft: {},
  historyNames: { slashes: ['s1', 's4'] },
  ...over,
});

const field = (action: string, name: string): FieldSpec => {
  const f = catalogEntry(action)?.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${action}.${name}`);
  return f;
};
const values = (action: string, name: string, c: ChoiceContext) =>
  choicesFor(field(action, name), c).map((x) => x.value);

describe('choices from the world', () => {
  it('actors by role, tokens with the vault tokens', () => {
    expect(values('staker.delegate', 'operator', ctx())).toEqual(['op1']);
    expect(values('token.transfer', 'to', ctx())).toEqual(['alice', 'op1', 'avs1', 'lrt']);
    expect(choicesFor(field('operator.allocate', 'avs'), ctx())).toEqual([
      { value: 'avs1', label: 'avs1 (avs)' },
    ]);
    expect(values('token.transfer', 'token', ctx())).toEqual(['stETH', 'wstETH', 'lrt']);
  });

  it('the sets of the chosen AVS in numeric order; of the signer for avs.slash', () => {
    expect(values('operator.allocate', 'set', ctx({ draft: { avs: 'avs1' } }))).toEqual(['0', '2', '10']);
    expect(choicesFor(field('operator.allocate', 'set'), ctx({ draft: { avs: 'avs1' } }))[0]).toEqual({
      value: '0',
      label: 'set 0: stETH, beaconETH',
    });
    expect(values('operator.allocate', 'set', ctx())).toEqual([]);
    expect(values('avs.slash', 'set', ctx({ by: 'avs2' }))).toEqual(['0']);
    expect(values('operator.registerForSets', 'sets', ctx({ draft: { avs: 'avs2' } }))).toEqual(['0']);
  });

  it('strategies of the chosen set, or all the schema accepts', () => {
    expect(values('operator.allocate', 'strategy', ctx({ draft: { avs: 'avs1', set: '2' } }))).toEqual([
      'beaconETH',
    ]);
    expect(values('avs.slash', 'strategies', ctx({ by: 'avs1', draft: { set: 0 } }))).toEqual([
      'stETH',
      'beaconETH',
    ]);
    expect(values('operator.allocate', 'strategy', ctx())).toEqual(['stETH', 'beaconETH']);
    expect(values('strategy.deposit', 'strategy', ctx())).toEqual(['stETH']);
  });

  it('open withdrawals of the signer only', () => {
    expect(choicesFor(field('withdrawal.complete', 'withdrawal'), ctx())).toEqual([
      { value: 'w2', label: 'w2: stETH, completable after block 337' },
      { value: 'u1/beaconETH', label: 'u1/beaconETH: beaconETH, completable after block 337' },
    ]);
    expect(values('withdrawal.complete', 'withdrawal', ctx({ by: 'bob' }))).toEqual([]);
  });

  it('validators: own ones for the pod, any for the beacon chain, with balance and state', () => {
    expect(values('pod.verifyCredentials', 'validators', ctx())).toEqual(['v1']);
    expect(choicesFor(field('beacon.exit', 'validator'), ctx({ by: null }))).toEqual([
      { value: 'v1', label: 'v1 (alice, 32 ETH)' },
      { value: 'v2', label: 'v2 (bob, 31.5 ETH, slashed)' },
    ]);
  });

  it('slashes from the history; requests of the vault and signer, or of the AVS with their status', () => {
    expect(values('slashing.clear', 'slash', ctx())).toEqual(['s1', 's4']);
    expect(choicesFor(field('vault.claim', 'request'), ctx({ draft: { vault: 'lrt' } }))).toEqual([
      { value: 'r3', label: 'r3: 36 ETH, after block 400' },
    ]);
    expect(choicesFor(field('avs.veto', 'request'), ctx({ draft: { avs: 'avs2' } }))).toEqual([
      { value: 'r1', label: 'r1: op1, set 0, vetoed' },
      { value: 'r2', label: 'r2: op1, set 0, pending, vetoable until block 80' },
    ]);
    expect(values('avs.executeSlash', 'request', ctx({ by: 'avs2' }))).toEqual(['r1', 'r2']);
  });

  it('amounts in choice labels are exact by default, and read as the given display policy says', () => {
    const dusty = sampleWorld();
    const r3 = dusty.vaults['lrt']?.requests['r3'];
    if (r3 === undefined) throw new Error('sample request missing');
    r3.valueAtRequest = '3999999999999999999'; // 4 ETH less one wei of rounding
    const claim = field('vault.claim', 'request');
    expect(choicesFor(claim, ctx({ world: dusty, draft: { vault: 'lrt' } }))[0]?.label).toBe(
      'r3: 3.999999999999999999 ETH, after block 400',
    );
    // The Act panel hands in the app's formatter; whatever it returns is what the label says.
    const seen: bigint[] = [];
    const showWei = (wei: bigint) => {
      seen.push(wei);
      return '4 ETH − 1 wei';
    };
    expect(choicesFor(claim, ctx({ world: dusty, draft: { vault: 'lrt' }, showWei }))[0]?.label).toBe(
      'r3: 4 ETH − 1 wei, after block 400',
    );
    // A validator's gwei balance is handed over in wei, so one formatter serves both.
    choicesFor(field('beacon.exit', 'validator'), ctx({ by: null, showWei }));
    expect(seen.slice(1)).toEqual([32n * 10n ** 18n, 315n * 10n ** 17n]);
  });

  it('typed kinds have no choices', () => {
    expect(choicesFor(field('lst.stake', 'amount'), ctx())).toEqual([]);
  });
});

describe('suggested names', () => {
  it('takes the first free number of the prefix, across every kind of name', () => {
    const w = sampleWorld();
    const history = { slashes: ['s1', 's2'] };
    expect(suggestName('withdrawal', w, history)).toBe('w3');
    expect(suggestName('undelegation', w, history)).toBe('u2');
    expect(suggestName('validator', w, history)).toBe('v3');
    expect(suggestName('slash', w, history)).toBe('s3');
    // r1 and r2 are slash requests of avs2, r3 to r5 redemption requests of lrt.
    expect(suggestName('redemption', w, history)).toBe('r6');
    expect(suggestName('slashRequest', emptyWorld(), { slashes: [] })).toBe('sr1');
  });

  it('the next operator-set id is the smallest one not taken', () => {
    expect(nextSetId(sampleWorld(), 'avs1')).toBe(1);
    expect(nextSetId(sampleWorld(), 'avs2')).toBe(1);
    expect(nextSetId(sampleWorld(), 'nobody')).toBe(0);
  });
});
