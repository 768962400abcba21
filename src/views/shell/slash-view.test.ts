import { describe, expect, it } from 'vitest';
import { Session } from '../../engine/session.ts';
import { getPreset } from '../../protocol/scenarios/index.ts';
import { slashView } from './slash-view.ts';

const ETH = 10n ** 18n;

describe('slashView', () => {
  it('attributes a slash and its clearing with the numbers of the worlds around each step', async () => {
    const s = await Session.load(getPreset('single-avs-slash')?.json, 'preset:single-avs-slash');
    const nodes = s.pathTo(s.branch('main').head).map((id) => s.entry(id).node);
    const landed = async (id: number) => ({
      node: s.entry(id).node,
      before: await s.worldAt(id - 1),
      after: await s.worldAt(id),
    });
    // Node 16 is avs1's 20% slash of op1's 50% allocation: 10% of every delegator's stake (40, 20, 10 ETH).
    expect(slashView(await landed(16), nodes)).toEqual({
      operator: 'op1',
      set: 'avs1/0',
      losses: [
        { who: 'alice', amount: String(4n * ETH) },
        { who: 'bob', amount: String(2n * ETH) },
        { who: 'carol', amount: String(1n * ETH) },
      ],
      destination: 'burned',
    });
    // Node 18 clears it: op1's 70 − 63 = 7 ETH are burned.
    expect(slashView(await landed(18), nodes)).toEqual({
      operator: 'op1',
      set: 'avs1/0',
      losses: [],
      destination: 'burned',
      cleared: String(7n * ETH),
    });
    // Any other step attributes nothing.
    expect(slashView(await landed(17), nodes)).toBeNull();
  });
});
