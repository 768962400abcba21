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
      'delegated to op1 · stETH: 48.6 shares withdrawable of 60 shares deposited · 1 queued withdrawal',
    );
    expect(body).toContain('stETH: 48.6 shares delegated · stETH max magnitude 81% · 1 allocation');
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
      '<span class="amount" title="48600000000000000000 base units (18 decimals)" data-exact="48.6 shares">48.6 shares</span>',
    );
    expect(body).toContain('aria-label="What is “Withdrawable shares”?"');
    expect(body).toContain(
      'title="What the staker could withdraw now: deposit shares × DSF × slashing factor."',
    );
    expect(body).toContain('in 50 blocks (2 days 2 h real time)');
    expect(body).toContain('<th scope="col">');
  });

  it('makes a value with rounding dust a button described by its exact value and the reason', () => {
    const world = fixtureWorld();
    const stETH = world.stakers['alice']?.strategies['stETH'];
    if (stETH === undefined) throw new Error('no stETH position in the fixture');
    // 28 shares less 28 wei: lesson 6's numbers after its slash.
    stETH.withdrawableShares = '27999999999999999972';
    const card = SECTIONS[0]
      ?.build(world, buildContext(world, fixtureConfig, fixtureActors))
      .find((c) => c.id === 'alice');
    if (card === undefined) throw new Error('no alice card');
    const body = plain(render(CardBody, { props: { card } }).body);
    const button =
      /<button type="button" class="amount dust" aria-describedby="([^"]+)"[^>]*>28 shares − 28 wei<\/button>/.exec(
        body,
      );
    expect(button).not.toBeNull();
    const tip = body.slice(body.indexOf(`id="${button?.[1] ?? ''}"`));
    expect(tip).toMatch(
      /^id="[^"]+"><span class="line">Exactly <strong>27\.999999999999999972 shares<\/strong>/,
    );
    expect(tip).toContain('28 shares less 28 wei of rounding dust');
    expect(body).not.toMatch(/>[^<]*\d\.\d{10}[^<]*<\/(button|span)>(?![^<]*<\/strong>)/);
  });
});
