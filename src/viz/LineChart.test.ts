import { render } from 'svelte/server';
import { expect, test } from 'vitest';

/** The markup without Svelte's hydration comments and scoping classes, so assertions read as plain HTML. */
const plain = (html: string) =>
  html
    .replace(/<!--[^>]*-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"/g, '')
    .replace(/ svelte-[a-z0-9]+"/g, '"');
import LineChart from './LineChart.svelte';

const E = 10n ** 18n;
const series = [
  { id: 'op1', label: 'op1', points: [0, 1, 2].map((x) => ({ x, value: `${(40n - 2n * BigInt(x)) * E}` })) },
  { id: 'op2', label: 'op2', points: [{ x: 2, value: `${10n * E}` }] },
];

test('an img labelled with the exact summaries, a line per series, axes and a table', () => {
  const body = plain(
    render(LineChart, {
      props: { title: 'Operator stake', series, unit: 'shares', xLabel: 'step' },
    }).body,
  );
  const summary =
    'op1 went from 40 shares to 36 shares over 2 steps; lowest 36 shares at step 2; highest 40 shares at step 0.';
  expect(body).toContain(`role="img" aria-label="Operator stake. ${summary} op2 is 10 shares at step 2."`);
  expect(body).toContain(`<p class="summary`);
  expect(body.split('class="line').length - 1).toBe(2);
  expect(body).toContain('<title>op1 at 1: 38 shares</title>');
  expect(body).toMatch(
    /<th scope="row"[^>]*>2<\/th><td[^>]*><span class="amount"[^>]*>36 shares<\/span><\/td><td[^>]*><span class="amount"[^>]*>10 shares<\/span><\/td>/,
  );
  expect(body).toContain('>step</text>');
  expect(body).toContain('>shares</text>');
});

test('a vault’s WAD rate reads in ETH per token', () => {
  const rates = [
    {
      id: 'lrt',
      label: 'lrt',
      points: [
        { x: 0, value: `${E}` },
        { x: 1, value: `${(9n * E) / 10n}` },
      ],
    },
  ];
  const body = plain(
    render(LineChart, {
      props: { title: 'Vault rate', series: rates, unit: 'rate', xLabel: 'step' },
    }).body,
  );
  expect(body).toContain(
    'lrt went from 1 ETH per token to 0.9 ETH per token over 1 step; lowest 0.9 ETH per token at step 1; highest 1 ETH per token at step 0.',
  );
  expect(body).not.toContain('class="legend');
});
