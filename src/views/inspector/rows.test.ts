import { describe, expect, it } from 'vitest';
import type { Card, Table } from './model.ts';
import { buildContext, filterCards, SECTIONS } from './rows.ts';
import { fixtureActors, fixtureConfig, fixtureWorld } from './world-fixture.ts';

const world = fixtureWorld();
const ctx = buildContext(world, fixtureConfig, fixtureActors);

function section(id: string): Card[] {
  const info = SECTIONS.find((s) => s.id === id);
  if (info === undefined) throw new Error(`no section ${id}`);
  return info.build(world, ctx);
}
function card(id: string, of: string): Card {
  const found = section(of).find((c) => c.id === id);
  if (found === undefined) throw new Error(`no card ${id} in ${of}`);
  return found;
}
const texts = (t: Table | undefined) => t?.rows.map((r) => r.cells.map((c) => c.text));
const facts = (c: Card) => Object.fromEntries(c.facts.map((f) => [f.label, f.value.text]));

describe('restakers', () => {
  const alice = card('alice', 'restakers');

  it('puts deposit and withdrawable shares side by side with the DSF', () => {
    expect(alice.tables[0]?.columns.map((c) => c.label)).toEqual([
      'Strategy',
      'Deposit shares',
      'Withdrawable shares',
      'Deposit scaling factor (DSF)',
    ]);
    expect(texts(alice.tables[0])).toEqual([
      ['stETH', '60 shares', '48.6 shares', '100%'],
      ['beaconETH', '0 shares', '0 shares', '100%'],
    ]);
    expect(alice.tables[0]?.rows[0]?.cells[2]?.exact).toBe('48600000000000000000 base units (18 decimals)');
  });

  it('lists a queued withdrawal with the blocks and real time until it can complete', () => {
    const w = alice.tables[1];
    expect(w?.caption).toBe('Queued withdrawals');
    expect(texts(w)).toEqual([
      ['w1/stETH', 'stETH', '10 shares', '1000', 'after block 1100', 'queued, still slashable'],
    ]);
    expect(w?.rows[0]?.cells[4]?.note).toBe('in 50 blocks (2 days 2 h real time)');
  });

  it('summarises a closed card in one line and names its operator for the filter', () => {
    expect(alice.title).toBe('alice');
    expect(alice.summary).toBe(
      'delegated to op1 · stETH: 48.6 shares withdrawable of 60 shares deposited · 1 queued withdrawal',
    );
    expect(alice.actors).toEqual(['alice', 'op1']);
    expect(alice.idle).toBe(false);
    expect(facts(alice)).toEqual({
      'Delegated to': 'op1',
      'Beacon-chain slashing factor (BCSF)': '100%',
      EigenPod: 'none',
    });
  });

  it('shows a pod, a lowered BCSF and a DSF above 100%', () => {
    const carol = card('carol', 'restakers');
    expect(facts(carol)).toEqual({
      'Delegated to': 'not delegated',
      'Beacon-chain slashing factor (BCSF)': '50%',
      'Pod address': '0x00000000000000000000000000000000000000b2',
      'Active validators': '1',
      'Restaked ETH': '32 ETH',
      'Checkpoint in progress': 'no',
    });
    expect(texts(carol.tables[0])?.[0]).toEqual(['stETH', '4 shares', '5 shares', '125%']);
  });

  it('marks an account with nothing restaked as idle', () => {
    expect(card('bob', 'restakers').idle).toBe(true);
    expect(card('bob', 'restakers').summary).toBe('not delegated');
  });

  it('lists an operator under Restakers only when it restakes something of its own', () => {
    // The fixture's op1 is delegated to itself and holds nothing: it belongs under Operators only.
    expect(section('restakers').map((c) => c.id)).not.toContain('op1');
    const w = fixtureWorld();
    const own = w.stakers['op1']?.strategies['stETH'];
    if (own === undefined) throw new Error('op1 has no stETH entry in the fixture');
    own.depositShares = '1000000000000000000';
    const cards = SECTIONS[0]?.build(w, buildContext(w, fixtureConfig, fixtureActors)) ?? [];
    expect(cards.find((c) => c.id === 'op1')?.title).toBe('op1 (operator)');
  });
});

describe('operators', () => {
  const op1 = card('op1', 'operators');

  it('shows shares and magnitudes per strategy', () => {
    expect(texts(op1.tables[0])).toEqual([
      ['stETH', '48.6 shares', '81%', '81%'],
      ['beaconETH', '0 shares', '100%', '0%'],
    ]);
  });

  it('shows each allocation with its pending change and when it takes effect', () => {
    const a = op1.tables[1];
    expect(a?.columns.map((c) => c.label)).toEqual([
      'Operator set',
      'Strategy',
      'Current magnitude',
      'Pending change',
      'Effect block',
      'Allocated stake',
    ]);
    expect(texts(a)).toEqual([['avs1/0', 'stETH', '50%', '−10%', 'block 1060', '30 shares']]);
    expect(a?.rows[0]?.cells[4]?.note).toBe('effective in 10 blocks (10 h real time)');
  });

  it('gives the allocation delay in real time, the delegated stakers and a summary', () => {
    expect(op1.facts[0]?.value).toEqual({
      text: '5 blocks',
      exact: null,
      note: '5 h real time',
    });
    expect(facts(op1)['Delegated stakers']).toBe('alice');
    expect(op1.summary).toBe('stETH: 48.6 shares delegated · stETH max magnitude 81% · 1 allocation');
    expect(op1.actors).toEqual(['op1', 'alice', 'avs1']);
  });
});

describe('AVSs, vaults, validators and protocol-wide numbers', () => {
  it('shows operator sets, the veto window and slash requests', () => {
    const avs = card('avs1', 'avs');
    expect(avs.summary).toBe(
      '1 operator set · 1 member · 2 slashes · veto window 20 blocks · 1 pending slash request',
    );
    expect(facts(avs)).toEqual({
      'MiniAVS contract': '0x00000000000000000000000000000000000000c3',
      'Veto window': '20 blocks',
      'Veto committee': 'guard',
    });
    expect(texts(avs.tables[0])).toEqual([['avs1/0', 'stETH', 'op1', '2']]);
    expect(texts(avs.tables[1])).toEqual([['r1', 'op1', 'avs1/0', '1040', 'block 1059', 'pending']]);
    expect(avs.tables[1]?.rows[0]?.cells[4]?.note).toBe('vetoable for 9 blocks (9 h real time)');
  });

  it('shows a vault with its NAV per token and a claimable redemption', () => {
    const lrt = card('lrt', 'vaults');
    expect(facts(lrt)).toEqual({
      Operator: 'op1',
      'Vault token supply': '60 lrt tokens',
      'Total value (NAV)': '48.6 stETH',
      'Rate (NAV per token)': '0.81 ETH per token',
      'stETH price': '1 ETH',
    });
    expect(texts(lrt.tables[0])).toEqual([['r1', 'alice', '36 stETH', 'after block 1050', 'no']]);
    expect(lrt.tables[0]?.rows[0]?.cells[3]?.note).toBe('ready now');
    expect(lrt.actors).toEqual(['lrt', 'op1', 'alice']);
  });

  it('groups validators by owner', () => {
    const carol = card('carol', 'validators');
    expect(carol.summary).toBe('1 validator, 1 not exited, 1 slashed');
    expect(texts(carol.tables[0])).toEqual([['v1', '31.5 ETH', '31 ETH', 'yes', 'no']]);
  });

  it('shows balances in their own tokens', () => {
    const alice = card('alice', 'balances');
    expect(alice.summary).toBe('10 ETH · 0.5 lrt tokens');
    expect(facts(alice)['Vault tokens of lrt']).toBe('0.5 lrt tokens');
    expect(card('bob', 'balances').idle).toBe(true);
  });

  it('shows rewards only once credited, and keeps them out of the summary (not a balance until claimed)', () => {
    expect(facts(card('alice', 'balances'))['Rewards earned']).toBeUndefined();
    const paid = fixtureWorld();
    paid.accounts['bob'] = {
      ...paid.accounts['bob']!,
      rewardsEarned: '1800000000000000000',
      rewardsClaimable: '0',
    };
    const info = SECTIONS.find((s) => s.id === 'balances')!;
    const bob = info
      .build(paid, buildContext(paid, fixtureConfig, fixtureActors))
      .find((c) => c.id === 'bob')!;
    expect(facts(bob)['Rewards earned']).toBe('1.8 ETH');
    expect(facts(bob)['Rewards claimable']).toBe('0 ETH');
    expect(bob.summary).toBe('no balance');
  });

  it('shows the LST, the strategies and slashed funds', () => {
    expect(facts(card('lst', 'lst'))).toEqual({
      'Total pooled ether': '100 ETH',
      'LST shares': '90 stETH shares',
    });
    expect(texts(card('strategies', 'strategies').tables[0])).toEqual([['stETH', '64 shares', '70 stETH']]);
    expect(facts(card('slashed', 'slashed'))).toEqual({
      'Burned stETH': '1 wei',
      'Locked slashed native ETH': '0 ETH',
    });
  });

  it('counts entries without building them', () => {
    const sizes = Object.fromEntries(SECTIONS.map((s) => [s.id, s.size(world)]));
    expect(sizes).toMatchObject({
      restakers: 3,
      operators: 1,
      avs: 1,
      vaults: 1,
      validators: 1,
      balances: 2,
    });
  });
});

describe('filterCards', () => {
  it('matches the id or a related actor, case-insensitively; an empty query keeps all', () => {
    const cards = section('restakers');
    expect(filterCards(cards, ' OP1 ').map((c) => c.id)).toEqual(['alice']);
    expect(filterCards(cards, 'car').map((c) => c.id)).toEqual(['carol']);
    expect(filterCards(cards, 'nobody')).toEqual([]);
    expect(filterCards(cards, '').length).toBe(3);
  });
});
