import { describe, expect, it } from 'vitest';
import { CATALOG, catalogEntry, choicesFor, type CatalogEntry } from '../../protocol/action-catalog.ts';
import { ACTORS, PRELUDE } from '../../protocol/action-catalog-testing.ts';
import { validateScenario } from '../../protocol/scenario-schema.ts';
import type { World } from '../../protocol/world-types.ts';
import { buildStep, resolveDraft, type Draft } from './form-values.ts';

// A world with what PRELUDE makes: avs1 and avs2 with set 0 (stETH), avs2's veto window and its request r1,
// alice's validator v1, withdrawal w1 and redemption request q1; the history names the slash s1.
function world(): World {
  const set = { strategies: ['stETH' as const], operators: ['op1'], slashCount: '1' };
  const noVeto = { vetoWindowBlocks: '0', vetoCommittee: null, slashRequests: {} };
  return {
    format: 'restaking-sandbox/world@1',
    block: '1000012',
    timestamp: '0',
    accounts: {},
    stakers: {
      alice: {
        delegatedTo: null,
        strategies: {},
        beaconChainSlashingFactor: '1000000000000000000',
        pod: null,
        withdrawals: {
          w1: {
            strategy: 'stETH',
            scaledShares: '1',
            startBlock: '1',
            completableAfterBlock: '9',
            completed: false,
          },
        },
      },
    },
    operators: {},
    avs: {
      avs1: { sets: { '0': set }, ...noVeto },
      avs2: {
        sets: { '0': set },
        vetoWindowBlocks: '10',
        vetoCommittee: 'council',
        slashRequests: {
          r1: { operator: 'op1', set: '0', requestBlock: '6', vetoableUntilBlock: '15', status: 'pending' },
        },
      },
    },
    strategies: {},
    lst: { totalPooledEther: '0', totalShares: '0' },
    vaults: {
      lrt: {
        operator: 'op1',
        supply: '0',
        totalValue: '0',
        rate: '0',
        stETHPrice: '1000000000000000000',
        requests: { q1: { owner: 'alice', valueAtRequest: '1', completableAfterBlock: '9', claimed: false } },
      },
    },
    validators: {
      v1: {
        owner: 'alice',
        balanceGwei: '32000000000',
        effectiveBalanceGwei: '32000000000',
        slashed: false,
        exited: false,
      },
    },
    burned: {},
    lockedSlashedNativeShares: '0',
  };
}

const historyNames = { slashes: ['s1'] };
const base = (by: string | null) => ({ world: world(), actors: ACTORS, by, historyNames });
const entry = (action: string): CatalogEntry => {
  const e = catalogEntry(action);
  if (!e) throw new Error(action);
  return e;
};
const build = (action: string, by: string | null, draft: Draft) =>
  buildStep(entry(action), resolveDraft(entry(action), draft, base(by)), by);

describe('a form draft becomes a scenario step', () => {
  it('keeps the typed amount, with ETH added to a bare number', () => {
    expect(build('lst.stake', 'alice', { amount: '40' })).toEqual({
      ok: true,
      step: { action: 'lst.stake', by: 'alice', amount: '40 ETH' },
    });
    expect(build('lst.report', null, { delta: '-0.5' })).toEqual({
      ok: true,
      step: { action: 'lst.report', delta: '-0.5 ETH' },
    });
  });

  it('fills choices from the world and numbers for sets and blocks', () => {
    expect(build('operator.allocate', 'op1', { magnitude: '50' })).toEqual({
      ok: true,
      step: {
        action: 'operator.allocate',
        by: 'op1',
        avs: 'avs1',
        set: 0,
        strategy: 'stETH',
        magnitude: '50%',
      },
    });
    expect(build('operator.registerForSets', 'op1', { avs: 'avs2' })).toEqual({
      ok: true,
      step: { action: 'operator.registerForSets', by: 'op1', avs: 'avs2', sets: [0] },
    });
    expect(build('chain.advance', null, { blocks: '336' })).toEqual({
      ok: true,
      step: { action: 'chain.advance', blocks: 336 },
    });
  });

  it('suggests a fresh name and the next set id, and keeps what the person typed instead', () => {
    const resolved = resolveDraft(entry('avs.createOperatorSet'), {}, base('avs1'));
    expect(resolved['set']).toBe('1');
    expect(resolveDraft(entry('pod.stake'), {}, base('alice'))['as']).toBe('v2');
    expect(resolveDraft(entry('vault.requestRedeem'), {}, base('alice'))['as']).toBe('r2');
    expect(resolveDraft(entry('pod.stake'), { as: 'mine' }, base('alice'))['as']).toBe('mine');
  });

  it('one fraction per chosen strategy, in the order of the strategies', () => {
    expect(build('avs.slash', 'avs1', { 'wads.stETH': '20', description: 'double signing' })).toEqual({
      ok: true,
      step: {
        action: 'avs.slash',
        by: 'avs1',
        operator: 'op1',
        set: 0,
        strategies: ['stETH'],
        wads: ['20%'],
        description: 'double signing',
        as: 's2',
      },
    });
  });

  it('replaces a choice that no longer exists, and leaves optional fields out when empty', () => {
    expect(build('staker.delegate', 'alice', { operator: 'gone' })).toEqual({
      ok: true,
      step: { action: 'staker.delegate', by: 'alice', operator: 'op1' },
    });
    const r = build('avs.executeSlash', 'avs2', { as: '' });
    expect(r).toEqual({ ok: true, step: { action: 'avs.executeSlash', by: 'avs2', request: 'r1' } });
  });

  it('names every field to fix', () => {
    expect(build('lst.stake', 'alice', {})).toEqual({ ok: false, errors: { amount: 'is required' } });
    expect(build('avs.slash', 'avs1', { 'wads.stETH': '' })).toEqual({
      ok: false,
      errors: { 'wads.stETH': 'give a fraction for stETH' },
    });
    expect(build('avs.slash', 'avs1', { strategies: [] })).toMatchObject({
      ok: false,
      errors: {
        strategies: 'choose at least one',
        wads: 'choose the strategies first, then a fraction for each',
      },
    });
    expect(build('pod.stake', 'alice', { as: 'my validator' })).toMatchObject({
      ok: false,
      errors: { as: expect.stringContaining('"my validator" is not a valid name') },
    });
    expect(build('lst.stake', null, { amount: '1' })).toEqual({
      ok: false,
      errors: { by: 'choose who signs' },
    });
    expect(build('vault.claim', 'council', {})).toEqual({
      ok: false,
      errors: { request: 'nothing to choose yet' },
    });
  });

  it('refuses a name already used and a chain.advance with neither or both counts', () => {
    const e = entry('pod.stake');
    expect(buildStep(e, { as: 'v1' }, 'alice', new Set(['v1']))).toEqual({
      ok: false,
      errors: { as: '"v1" is already used; accepted: a name not used before' },
    });
    const neither = build('chain.advance', null, {});
    expect(neither).toEqual({ ok: false, errors: { blocks: 'give exactly one of blocks and seconds' } });
    expect(build('chain.advance', null, { blocks: '1', seconds: '12' })).toMatchObject({ ok: false });
  });
});

/** Who signs each action in the generic test: a signer the scenario accepts, with the names it needs. */
const SIGNER: Record<string, string> = {
  'avs.veto': 'council',
  'avs.requestSlash': 'avs2',
  'avs.executeSlash': 'avs2',
};
const SAMPLE: Partial<Record<string, string>> = {
  amount: '1',
  signedAmount: '-1',
  wad: '10',
  blocks: '3',
  seconds: '60',
  text: 'why',
};

/** A draft a person could fill: a sample for each typed field, the first choice of each list. */
function filled(e: CatalogEntry, by: string | null): Draft {
  const draft: Draft = e.action === 'avs.veto' ? { avs: 'avs2' } : {};
  for (const f of e.fields) {
    if (e.exactlyOne?.includes(f.name) && f.name !== e.exactlyOne[0]) continue;
    const sample = SAMPLE[f.kind];
    if (sample !== undefined) draft[f.name] = sample;
    const ctx = { ...base(by), draft: resolveDraft(e, draft, base(by)) };
    if (f.kind === 'strategyList' || f.kind === 'setList' || f.kind === 'validatorList')
      draft[f.name] = choicesFor(f, ctx)
        .slice(0, 1)
        .map((c) => c.value);
    const items = ctx.draft[f.perItemOf ?? ''];
    if (f.kind === 'wadList' && Array.isArray(items))
      for (const item of items) draft[`${f.name}.${item}`] = '10';
  }
  return draft;
}

describe('every action of the catalog, filled in a form, is a valid scenario step', () => {
  it.each(CATALOG.map((e) => e.action))('%s', (action) => {
    const e = entry(action);
    const by =
      e.signer === null ? null : (SIGNER[action] ?? ACTORS.find((a) => a.role === e.signer)?.id ?? null);
    const r = buildStep(e, resolveDraft(e, filled(e, by), base(by)), by);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const v = validateScenario({
      format: 'restaking-sandbox/scenario@1',
      title: 't',
      actors: ACTORS,
      steps: [...PRELUDE, r.step],
    });
    expect(v.ok ? [] : v.issues).toEqual([]);
  });
});
