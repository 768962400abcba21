// The provider's EIP-1193 events, from the page's session as it changes: connect once, accountsChanged when
// a load brings other personas, historyMoved for a move (not for a new step on top).
import { describe, expect, it } from 'vitest';
import type { ChainClient } from './chain-client.ts';
import { createProvider } from './provider.ts';
import type { HistoryNode, SessionState } from './session-types.ts';

const node = (id: number, parent: number | null): HistoryNode => ({
  id,
  parent,
  step: { action: 'chain.advance', blocks: 1 },
  label: '',
  txs: [],
  block: String(100 + id),
  timestamp: '0',
  expectedRevert: null,
});

function session(nodes: HistoryNode[], at: number | null, addresses = ['0xa1', '0xb2'], source = 'preset:x') {
  return {
    title: '',
    description: '',
    config: {} as SessionState['config'],
    actors: addresses.map((address, i) => ({
      id: `p${i}`,
      role: 'staker',
      address,
      operator: null,
      contract: null,
    })),
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    branches: [{ id: 'main', name: 'main', head: nodes.at(-1)?.id ?? null }],
    cursor: { branch: 'main', node: at },
    world: {} as SessionState['world'],
    source,
  } as SessionState;
}

describe('the provider events', () => {
  it('connects once, tells of other accounts, and of moves but not of steps', async () => {
    const worker = { rpc: async () => ({ result: '0x65' }) } as unknown as ChainClient;
    const p = createProvider(worker, () => undefined);
    const seen: [string, unknown][] = [];
    for (const e of ['connect', 'accountsChanged', 'historyMoved']) p.on(e, (x) => seen.push([e, x]));
    const one = node(1, null);
    const s1 = session([one], 1);
    p.follow(s1);
    expect(seen).toEqual([['connect', { chainId: '0x7a69' }]]);
    // A new step on top: a new block, no event.
    const two = node(2, 1);
    const s2 = { ...s1, nodes: { ...s1.nodes, 2: two }, cursor: { branch: 'main', node: 2 } };
    p.follow(s2);
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    // An undo: the same nodes, the cursor back on the parent.
    p.follow({ ...s2, cursor: { branch: 'main', node: 1 } });
    await new Promise((r) => setTimeout(r));
    expect(seen.at(-1)).toEqual([
      'historyMoved',
      { blockNumber: '0x65', cursor: { branch: 'main', node: 1 }, reloaded: false },
    ]);
    // A load with other personas.
    p.follow(session([node(1, null)], 1, ['0xc3'], 'file x.json'));
    await new Promise((r) => setTimeout(r));
    expect(seen.slice(-2)).toEqual([
      ['accountsChanged', ['0xc3']],
      ['historyMoved', { blockNumber: '0x65', cursor: { branch: 'main', node: 1 }, reloaded: true }],
    ]);
  });
});
