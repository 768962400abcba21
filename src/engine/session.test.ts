import { describe, expect, it } from 'vitest';
import { getPreset } from '../protocol/scenarios/index.ts';
import { fromDoc, toDoc } from './session-doc.ts';
import { Session, SessionError } from './session.ts';
import { PLAYGROUND_SLASH } from './session-testing.ts';

const playground = () => Session.load(getPreset('playground')?.json, 'preset:playground');
const deposit = { action: 'lst.stake', by: 'alice', amount: '10 ETH' };

describe('Session', () => {
  it('loads a scenario as the main branch with the cursor at its end', async () => {
    const s = await playground();
    const full = s.full();
    expect(full.nodes).toHaveLength(20);
    expect(full.cursor).toEqual({ branch: 'main', node: 20 });
    // playground.json's own expect step: 40 + 30 delegated to op1.
    expect(full.world.operators['op1']?.shares['stETH']).toBe(70n * 10n ** 18n + '');
    expect(full.header?.actors.map((a) => a.id)).toEqual([
      'alice',
      'bob',
      'carol',
      'op1',
      'op2',
      'avs1',
      'avs2',
      'lrt',
    ]);
  });

  it('undo restores the world exactly, redo brings the step back', async () => {
    const s = await playground();
    const before = s.full().world;
    const out = await s.act(deposit);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // 60 ETH left after staking 40; 10 more staked leaves 50.
    expect(out.update.world.accounts['alice']?.eth).toBe(50n * 10n ** 18n + '');
    const undone = await s.goto({ branch: 'main', node: 20 });
    expect(undone.world).toEqual(before);
    const redone = await s.goto({ branch: 'main', node: 21 });
    expect(redone.world).toEqual(out.update.world);
  });

  it('acting after an undo starts a new branch and keeps the old one', async () => {
    const s = await playground();
    await s.act(deposit);
    await s.goto({ branch: 'main', node: 20 });
    const out = await s.act({ action: 'lst.stake', by: 'bob', amount: '1 ETH' });
    expect(out.ok && out.update.branches.map((b) => [b.name, b.head])).toEqual([
      ['main', 21],
      ['branch 2', 22],
    ]);
    const { a, b } = await s.compare('main', 'b2');
    expect(a.accounts['alice']?.eth).toBe(50n * 10n ** 18n + '');
    expect(b.accounts['alice']?.eth).toBe(60n * 10n ** 18n + '');
    expect(b.accounts['bob']?.eth).toBe(69n * 10n ** 18n + '');
    // After comparing, the chain is back at the cursor: the next step builds on branch 2.
    const next = await s.act({ action: 'chain.advance', blocks: 1 });
    expect(next.ok && next.update.cursor).toEqual({ branch: 'b2', node: 23 });
  });

  it('a rejected action changes nothing and names the broken rule', async () => {
    const s = await playground();
    const before = s.full();
    // op1 has 75% allocated; 50% more to avs2 would need 125% of its magnitude.
    const out = await s.act({
      action: 'operator.allocate',
      by: 'op1',
      avs: 'avs2',
      set: 0,
      strategy: 'stETH',
      magnitude: '75%',
    });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problem.kind).toBe('revert');
    expect(out.problem.error?.name).toBe('InsufficientMagnitude');
    expect(out.problem.explanation).toMatch(/magnitude/i);
    const after = s.full();
    expect(after.nodes).toHaveLength(before.nodes.length);
    expect(await s.worldAt(20)).toEqual(before.world);
  });

  it('an invalid step names the field and the accepted forms', async () => {
    const s = await playground();
    const out = await s.act({ action: 'lst.stake', by: 'alice', amount: '5 ether' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problem.kind).toBe('invalid');
    expect(out.problem.message).toMatch(/^amount: "5 ether"/);
    expect(s.full().nodes).toHaveLength(20);
  });

  it('a saved document replays to the same worlds, branches and cursor', async () => {
    const s = await playground();
    await s.act(deposit);
    await s.goto({ branch: 'main', node: 19 });
    await s.act(PLAYGROUND_SLASH);
    const doc = JSON.parse(JSON.stringify(toDoc(s)));
    const back = await fromDoc(doc);
    expect(back.full().branches).toEqual(s.full().branches);
    expect(back.full().cursor).toEqual(s.full().cursor);
    expect(back.full().world).toEqual(s.full().world);
    expect(await back.worldAt(21)).toEqual(await s.worldAt(21));
  });

  it('a corrupt document is refused with the reason', async () => {
    await expect(fromDoc({ format: 'restaking-sandbox/session@1', nodes: 3 })).rejects.toThrow(SessionError);
    const s = await playground();
    const doc = toDoc(s);
    const broken = {
      ...doc,
      nodes: [
        ...doc.nodes,
        { id: 99, parent: 20, step: { action: 'lst.stake', by: 'zoe', amount: '1 ETH' } },
      ],
    };
    await expect(fromDoc(broken)).rejects.toThrow(/saved step 99.*zoe/);
  });

  it('series gives exact key quantities at every position', async () => {
    const s = await playground();
    await s.act(PLAYGROUND_SLASH);
    const points = await s.series('main');
    expect(points).toHaveLength(22);
    // At genesis no operator has registered yet.
    expect(points[0]?.operatorStake).toEqual({});
    // 20% of op1's 50% to avs1 is 10% of its magnitude: 70 → 63 ETH; the vault's 30 → 27, rate 0.9.
    expect(points[21]?.operatorStake['op1 · stETH']).toBe(63n * 10n ** 18n + '');
    expect(points[21]?.vaultRate['lrt']).toBe(9n * 10n ** 17n + '');
    // avs1's set: 40% of 90% max → ⌊63e18 · ⌊0.4e18·1e18/0.9e18⌋ / 1e18⌋ = 63 · 444444444444444444.
    expect(points[21]?.slashableStake['avs1/0']).toBe((63n * 444444444444444444n).toString());
  });
});
