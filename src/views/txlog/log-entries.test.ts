import { describe, expect, it } from 'vitest';
import type { HistoryNode, TxView } from '../../engine/session-types.ts';
import { actorsOf, callText, eventText, logEntries, shortHash, stepMatches } from './log-entries.ts';

const HASH = '0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef';

function tx(over: Partial<TxView>): TxView {
  return {
    hash: HASH,
    unsigned: false,
    ok: true,
    block: '1001',
    timestamp: '1744840012',
    from: 'alice',
    to: 'DelegationManager',
    nonce: '0',
    gasUsed: '52000',
    call: { contract: 'DelegationManager', functionName: 'delegateTo', args: ['op1'] },
    events: [
      {
        contract: 'DelegationManager',
        eventName: 'StakerDelegated',
        args: { staker: 'alice', operator: 'op1' },
      },
    ],
    ...over,
  };
}

const node = (id: number, by: string, txs: TxView[]): HistoryNode => ({
  id,
  parent: id === 0 ? null : id - 1,
  step: { action: 'x', by },
  label: `step ${id}`,
  txs,
  block: String(1001 + id),
  timestamp: '0',
  expectedRevert: null,
});

const nodes = [
  node(0, 'alice', [tx({})]),
  node(1, 'avs1', [
    tx({
      from: 'avs1',
      to: 'avs1 (MiniAVS)',
      call: { contract: 'MiniAVS', functionName: 'slash', args: ['op1', '0'] },
      events: [{ contract: 'AllocationManager', eventName: 'OperatorSlashed', args: { operator: 'op1' } }],
    }),
  ]),
  node(2, 'bob', [tx({ from: 'bob', to: 'StrategyManager', call: null, events: [] })]),
];

describe('text of hashes, calls and events', () => {
  it('shortens a hash to 0x + 4 + … + 4 and leaves short strings alone', () => {
    expect(shortHash(HASH)).toBe('0x1234…cdef');
    expect(shortHash('0xabc')).toBe('0xabc');
  });

  it('writes the decoded call as Contract.function(args)', () => {
    expect(callText(tx({}))).toBe('DelegationManager.delegateTo(op1)');
    expect(callText(tx({ call: null, to: null }))).toBe('contract deployment');
    expect(callText(tx({ call: null }))).toBe('call (not decoded)');
  });

  it('writes an event with named arguments', () => {
    expect(eventText({ contract: null, eventName: 'Slashed', args: { operator: 'op1', wads: '[5]' } })).toBe(
      'Slashed(operator: op1, wads: [5])',
    );
  });
});

describe('filtering', () => {
  it('matches an actor as author, sender, recipient or argument', () => {
    expect(nodes.filter((n) => stepMatches(n, { actor: 'op1', event: '' })).map((n) => n.id)).toEqual([0, 1]);
    expect(nodes.filter((n) => stepMatches(n, { actor: 'bob', event: '' })).map((n) => n.id)).toEqual([2]);
  });

  it('matches part of an event name, case-insensitively, together with the actor', () => {
    expect(nodes.filter((n) => stepMatches(n, { actor: '', event: ' slashed' })).map((n) => n.id)).toEqual([
      1,
    ]);
    expect(nodes.filter((n) => stepMatches(n, { actor: 'alice', event: 'slashed' }))).toEqual([]);
  });

  it('offers every author, sender and recipient, sorted', () => {
    expect(actorsOf(nodes)).toEqual([
      'alice',
      'avs1',
      'avs1 (MiniAVS)',
      'bob',
      'DelegationManager',
      'StrategyManager',
    ]);
  });
});

describe('logEntries', () => {
  it('lists newest first, marking the current step and the undone ones', () => {
    const entries = logEntries(nodes, 2, { actor: '', event: '' });
    expect(entries.map((e) => [e.step, e.current, e.undone])).toEqual([
      [3, false, true],
      [2, true, false],
      [1, false, false],
    ]);
  });

  it('keeps step numbers when filtering', () => {
    expect(logEntries(nodes, 0, { actor: 'bob', event: '' }).map((e) => [e.step, e.undone])).toEqual([
      [3, true],
    ]);
  });
});
