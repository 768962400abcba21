// Server-rendered markup (no browser): Svelte's `render` runs the components once, without effects.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { HistoryNode, TxView } from '../../engine/session-types.ts';
import TxItem from './TxItem.svelte';
import TxLog from './TxLog.svelte';

const plain = (html: string) =>
  html
    .replace(/<!--[^>]*-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"/g, '')
    .replace(/ svelte-[a-z0-9]+"/g, '"');

const HASH = '0xaaaa567890abcdef1234567890abcdef1234567890abcdef1234567890abbbbb';
const tx: TxView = {
  hash: HASH,
  unsigned: true,
  ok: true,
  block: '1002',
  timestamp: '0',
  from: 'avs1',
  to: 'avs1 (MiniAVS)',
  nonce: '7',
  gasUsed: '81234',
  call: {
    contract: 'MiniAVS',
    functionName: 'slash',
    args: ['op1', '0', '[100000000000000000]'],
    params: [
      { name: 'operator', value: 'op1' },
      { name: 'operatorSetId', value: '0' },
      { name: 'wadsToSlash', value: ['100000000000000000'] },
    ],
  },
  events: [
    {
      contract: 'AllocationManager',
      eventName: 'OperatorSlashed',
      args: { operator: 'op1', wadSlashed: '[100000000000000000]' },
      params: [
        { name: 'operator', value: 'op1' },
        { name: 'wadSlashed', value: ['100000000000000000'] },
      ],
    },
  ],
};
const node = (
  id: number,
  label: string,
  txs: TxView[],
  expectedRevert: string | null = null,
): HistoryNode => ({
  id,
  parent: null,
  step: { action: 'avs.slash', by: 'avs1' },
  label,
  txs,
  block: String(1001 + id),
  timestamp: '0',
  expectedRevert,
});

describe('TxLog', () => {
  const nodes = [
    node(0, 'first step', []),
    node(1, 'second step', [tx]),
    node(2, 'third step', [], 'InsufficientShares'),
  ];
  const body = plain(render(TxLog, { props: { nodes, position: 2, ongoto: () => {} } }).body);

  it('lists steps newest first, the undone one dimmed, the current one marked, genesis last', () => {
    const order = ['third step', 'second step', 'first step', 'Start (genesis)'].map((t) => body.indexOf(t));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(body).toMatch(/<li class="step( svelte-[a-z0-9]+)? undone" data-step="3">/);
    expect(body).toMatch(/<li class="step( svelte-[a-z0-9]+)? current" data-step="2">/);
    expect(body).toContain('aria-current="step"');
    expect(body).toContain('expected revert: InsufficientShares');
    expect(body).toContain('unsigned (impersonated)');
    expect(body).toContain('3 steps, 2 applied');
  });

  it('offers the actors seen in the log as a filter', () => {
    expect(body).toContain('<option value="avs1">avs1</option>');
    expect(body).toContain('<option value="avs1 (MiniAVS)">avs1 (MiniAVS)</option>');
  });
});

describe('TxItem', () => {
  const body = plain(render(TxItem, { props: { tx } }).body);

  it('shows the route, the decoded call, the events, gas, nonce and a short hash with the full one', () => {
    expect(body).toContain('<strong>avs1</strong> → <strong>avs1 (MiniAVS)</strong>');
    // Decoded: the slash wad as a percentage, arguments named by the ABI; the raw values under "Raw values".
    expect(body).toMatch(
      /MiniAVS\.slash\(operator: op1, operatorSetId: 0, wadsToSlash: \[<span class="amount"[^>]*>10%<\/span>\]\)/,
    );
    expect(body).toContain('<span class="event">OperatorSlashed</span>');
    expect(body).toContain('<dt>operator</dt> <dd>op1</dd>');
    expect(body).toMatch(
      /<dt>wadSlashed<\/dt> <dd>\[<span class="amount" title="100000000000000000 WAD units \(10\^18 = 100%\)"[^>]*>10%<\/span>\]<\/dd>/,
    );
    expect(body).toContain('<summary>Raw values</summary>');
    expect(body).toContain('<code>MiniAVS.slash(op1, 0, [100000000000000000])</code>');
    expect(body).toContain('<code>OperatorSlashed(operator: op1, wadSlashed: [100000000000000000])</code>');
    expect(body).toContain('gas used 81234 · nonce 7');
    expect(body).toContain(`<code title="${HASH}">0xaaaa…bbbb</code>`);
    expect(body).toContain(`aria-label="Copy hash ${HASH}"`);
  });
});
