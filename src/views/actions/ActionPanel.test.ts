// The panel's markup, rendered on the server (no browser here): what it offers for a role, labels tied to
// their inputs, the refusal shown as an alert. Typing and submitting are covered through form-values.ts.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { ActorView, ConfigView } from '../../engine/session-types.ts';
import { emptyWorld } from '../../protocol/action-catalog-testing.ts';
import type { World } from '../../protocol/world-types.ts';
import ActionPanel from './ActionPanel.svelte';

const actor = (id: string, role: ActorView['role']): ActorView => ({
  id,
  role,
  address: '0x0000000000000000000000000000000000000001',
  operator: null,
  contract: null,
});
const world: World = { ...emptyWorld(), block: '1000000' };
const config: ConfigView = {
  preset: 'classroom',
  withdrawalDelayBlocks: '336',
  deallocationDelayBlocks: '336',
  allocationConfigurationDelayBlocks: '420',
  startBlock: '1000000',
  secondsPerBlock: '12',
  realSecondsPerBlock: '3600',
};

function html(actors: ActorView[], problem: { message: string; explanation?: string } | null = null) {
  const props = {
    world,
    actors,
    config,
    historyNames: { slashes: [] },
    busy: false,
    problem,
    onsubmit: () => {},
  };
  return render(ActionPanel, { props }).body;
}

describe('ActionPanel markup', () => {
  it('acts as the first actor: its actions and the system ones, grouped; the first form is shown', () => {
    const body = html([actor('alice', 'staker'), actor('avs1', 'avs')]);
    expect(body).toContain('alice (staker)');
    expect(body).toContain('System: oracle, beacon chain, time');
    expect(body).toContain('<optgroup label="Liquid staking">');
    expect(body).toContain('Deposit into a strategy');
    expect(body).toContain('Advance time');
    expect(body).not.toContain('Slash an operator');
    expect(body).toContain('Stake ETH for stETH');
    expect(body).toContain('Lido.submit');
    expect(body).toContain('ETH to stake');
    expect(body).toContain('Send as alice');
  });

  it("opens on the actor's own first action, not on a system step", () => {
    const body = html([actor('avs1', 'avs')]);
    expect(body).toMatch(/<h3[^>]*>Create an operator set<\/h3>/);
    expect(body).toContain('Report rewards or losses (system)');
    expect(body).not.toContain('Deposit into a strategy');
  });

  it('ties every label to an input that exists', () => {
    const body = html([actor('op1', 'operator')]);
    const fors = [...body.matchAll(/<label[^>]* for="([^"]+)"/g)].map((m) => m[1]);
    expect(fors.length).toBeGreaterThan(0);
    for (const id of fors) expect(body).toMatch(new RegExp(`<(input|select)[^>]* id="${id}"`));
  });

  it('with no actors, offers the system steps only', () => {
    const body = html([]);
    expect(body).toContain('Report rewards or losses');
    expect(body).not.toContain('Stake ETH for stETH');
    expect(body).toContain('Performed by the LST oracle');
  });

  it('shows the refusal the parent supplies as an alert', () => {
    const body = html([actor('alice', 'staker')], {
      message: 'lst.stake reverted with InsufficientBalance',
      explanation: 'alice has 0 ETH but sends 40 ETH.',
    });
    expect(body).toMatch(/role="alert"[\s\S]*InsufficientBalance[\s\S]*alice has 0 ETH but sends 40 ETH\./);
  });
});
