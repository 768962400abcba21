// Server-rendered SVG structure (no browser): Svelte's `render` runs the component once, without effects.
import { render } from 'svelte/server';
import { expect, test } from 'vitest';

/** The markup without Svelte's hydration comments and scoping classes, so assertions read as plain HTML. */
const plain = (html: string) =>
  html
    .replace(/<!--[^>]*-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"/g, '')
    .replace(/ svelte-[a-z0-9]+"/g, '"');
import FlowView from './FlowView.svelte';
import { sampleWorld, slashedWorld } from './flow-fixture.ts';

const count = (html: string, needle: string) => html.split(needle).length - 1;

test('an img with the exact summary, one path per link, one focusable node per node, a table row per flow', () => {
  const body = plain(render(FlowView, { props: { world: sampleWorld } }).body);
  expect(body).toContain(
    'role="img" aria-label="Stake flow: 4 restakers hold 81 shares in 2 strategies; 2 operators have 76 shares delegated; ' +
      '34 shares allocated to 3 operator sets and 42 shares unallocated; 5 shares undelegated."',
  );
  expect(count(body, '<path class="link ')).toBe(12);
  expect(count(body, 'tabindex="0"')).toBe(11);
  expect(body).toContain('aria-label="op1: 36 shares (unallocated 20\u00a0shares)"');
  expect(body).toContain('<title>op2 → avs2 · set 1: 18 shares</title>');
  expect(count(body, '<tr data-amount=')).toBe(13);
  expect(body).toMatch(
    /<td>op1<\/td><td>avs1 · set 0 \(stETH\)<\/td><td class="num[^"]*"><span class="amount"[^>]*>16 shares<\/span><\/td>/,
  );
  expect(body).toContain('viewBox="0 0 800 420"');
  expect(body).not.toContain('figcaption');
});

test('a slash is attributed in a caption and marks its link and losers; highlights mark nodes', () => {
  const body = plain(
    render(FlowView, {
      props: {
        world: sampleWorld,
        highlight: { operators: ['op2'] },
        slash: {
          operator: 'op1',
          set: 'avs1/0',
          losses: [{ who: 'alice', amount: '4000000000000000000' }],
          destination: 'burned',
        },
      },
    }).body,
  );
  expect(body).toContain(
    'avs1 · set 0 slashed op1: alice lost 4 shares; the slashed shares wait to be burned (slashing.clear).',
  );
  expect(body).toMatch(
    /<path class="link allocation[^"]*slashed[^"]*"[^>]*data-amount="16000000000000000000"/,
  );
  expect(body).toMatch(/class="node staker[^"]*slashed[^"]*"[^>]*data-id="restaker:alice"/);
  expect(body).toMatch(/class="node operator[^"]*hot[^"]*"[^>]*data-id="operator:op2"/);
  expect(body).toMatch(/<path class="link delegation[^"]*dim/);
});

test('labels: the amount on its own line under the name, rounding dust named exactly, notes wrapped, stubs drawn as blocks', () => {
  const body = plain(render(FlowView, { props: { world: slashedWorld } }).body);
  expect(body).toMatch(
    /<text text-anchor="start"><tspan class="name"[^>]*>avs1 · set 0<\/tspan><tspan class="amount"[^>]*>28 shares − 28 wei<\/tspan><\/text>/,
  );
  expect(body).toMatch(/<tspan class="note"[^>]*>17\.5\u00a0shares\u00a0\+\u00a077\u00a0wei<\/tspan>/);
  expect(body).toMatch(/<tspan class="name"[^>]*>op1: 63 shares<\/tspan>/);
  // The unallocated stake of each operator is one closed shape, not a stroke.
  const stubs = body.match(/<path class="link unallocated[^"]*stub"[^>]*>/g) ?? [];
  expect(stubs).toHaveLength(2);
  for (const s of stubs) expect(s).toMatch(/ d="M[^"]*Z"/);
});
