// Server-rendered markup (no browser): Svelte's `render` runs the components once, without effects.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CardBody from './CardBody.svelte';
import Inspector from './Inspector.svelte';
import { buildContext, SECTIONS } from './rows.ts';
import { fixtureActors, fixtureConfig, fixtureWorld } from './world-fixture.ts';

const plain = (html: string) =>
  html
    .replace(/<!--[^>]*-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"/g, '')
    .replace(/ svelte-[a-z0-9]+"/g, '"');

describe('Inspector', () => {
  const props = { world: fixtureWorld(), config: fixtureConfig, actors: fixtureActors };
  const body = plain(render(Inspector, { props }).body);

  it('opens restakers and operators; other sections stay closed and draw nothing', () => {
    expect(body).toContain('at block 1050');
    expect(body).toContain('<details class="section" open="" data-section="restakers">');
    expect(body).toContain('<details class="section" data-section="vaults">');
    expect(body).toContain(
      'delegated to op1 · stETH: 48.6 ETH withdrawable of 60 ETH deposited · 1 queued withdrawal',
    );
    expect(body).toContain('stETH: 48.6 ETH delegated · stETH max magnitude 81% · 1 allocation');
    // Closed sections and cards draw nothing of their content: alice's card is closed, the vault section too.
    expect(body).toContain('<details class="card" data-card="alice"><summary>');
    expect(body).not.toContain('after block 1100');
    expect(body).not.toContain('0.81 ETH per token');
    expect(body).toContain('pod with 1 active validator</span>');
  });

  it('opens the card of a section with a single entry', () => {
    expect(body).toContain('<details class="card" open="" data-card="op1">');
    expect(body).toContain('<span class="note">effective in 10 blocks (10 h real time)</span>');
  });

  it('folds idle restakers behind a button and has a labelled filter box', () => {
    expect(body).toContain('data-card="alice"');
    expect(body).not.toContain('data-card="bob"');
    expect(body).toMatch(/Show\s+1 without stake or balance/);
    expect(body).toMatch(/<label class="filter"><span>Filter by actor<\/span> <input type="search"/);
  });
});

describe('CardBody', () => {
  const world = fixtureWorld();
  const ctx = buildContext(world, fixtureConfig, fixtureActors);
  const alice = SECTIONS[0]?.build(world, ctx).find((c) => c.id === 'alice');

  it('shows exact values with the base units in the title and an info button per term', () => {
    if (alice === undefined) throw new Error('no alice card');
    const body = plain(render(CardBody, { props: { card: alice } }).body);
    expect(body).toContain(
      'title="48600000000000000000 wei" data-exact="48600000000000000000 wei">48.6 ETH</span>',
    );
    expect(body).toContain('aria-label="What is “Withdrawable shares”?"');
    expect(body).toContain(
      'title="What the staker could withdraw now: deposit shares × DSF × slashing factor."',
    );
    expect(body).toContain('in 50 blocks (10 min on this chain); real: 2 days 2 h');
    expect(body).toContain('<th scope="col">');
  });
});
