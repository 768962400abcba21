// Server-rendered markup (no browser): Svelte's `render` runs the components once, without effects.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CompareGroup from './CompareGroup.svelte';
import type { CompareGroup as Group } from './compare-rows.ts';

const plain = (html: string) =>
  html
    .replace(/<!--[^>]*-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"/g, '')
    .replace(/ svelte-[a-z0-9]+"/g, '"')
    .replace(/"svelte-[a-z0-9]+ /g, '"');

const group: Group = {
  id: 'op1',
  rows: [
    {
      path: 'operators.op1.maxMagnitude.stETH',
      label: 'Max magnitude',
      term: 'maxMagnitude',
      context: 'stETH',
      a: { text: '81%', exact: '810000000000000000 WAD units (10^18 = 100%)', note: null },
      b: { text: '62%', exact: '620000000000000000 WAD units (10^18 = 100%)', note: null },
      delta: { text: '−19%', exact: '-190000000000000000 WAD units (10^18 = 100%)', note: null },
      dust: false,
    },
  ],
  dust: 0,
};

describe('CompareGroup', () => {
  it('draws one row per difference with both branch names in the headers', () => {
    const body = plain(
      render(CompareGroup, { props: { group, nameA: 'main', nameB: 'what-if', initiallyOpen: true } }).body,
    );
    expect(body).toContain('<th scope="col">A: main</th>');
    expect(body).toContain('<th scope="col">B: what-if</th>');
    expect(body).toContain('data-path="operators.op1.maxMagnitude.stETH"');
    expect(body).toContain('>−19%</span>');
    expect(body).toContain('<span class="context">stETH</span>');
    expect(body).toContain('1 difference');
  });

  it('marks a difference of rounding dust and counts it apart', () => {
    const dusty: Group = {
      ...group,
      rows: [
        ...group.rows,
        {
          path: 'operators.op1.allocations.avs1/0.stETH.allocatedStake',
          label: 'Allocated stake',
          term: 'allocatedStake',
          context: 'avs1/0 · stETH',
          a: { text: '35 shares', exact: null, note: null },
          b: { text: '35 shares + 33 wei', exact: null, note: null },
          delta: { text: '+33 wei', exact: null, note: null },
          dust: true,
        },
      ],
      dust: 1,
    };
    const body = plain(
      render(CompareGroup, { props: { group: dusty, nameA: 'a', nameB: 'b', initiallyOpen: true } }).body,
    );
    expect(body).toMatch(/1 difference and 1 of rounding\s+dust only/);
    expect(body).toContain(
      '<tr data-path="operators.op1.allocations.avs1/0.stETH.allocatedStake" class="dust">',
    );
    expect(body).toMatch(/>\+33 wei<\/span>[^]*rounding dust<\/span>/);
  });

  it('draws no table while closed', () => {
    const body = render(CompareGroup, {
      props: { group, nameA: 'a', nameB: 'b', initiallyOpen: false },
    }).body;
    expect(body).not.toContain('<table');
  });
});
