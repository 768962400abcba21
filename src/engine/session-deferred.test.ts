// A load leaves the state roots of the steps before its last for later (Session.rootsReady, chain/deferred-root.ts).
// These tests hold what such a load builds equal, as text, to the session built by taking every root at once:
// the saved document, the whole update (history, ids, transactions, the world at the cursor), every step's
// snapshot, the session's image (trie nodes included) and the world at every position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@ethereumjs/util';
import { getPreset } from '../protocol/scenarios/index.ts';
import { prebuiltSession } from './prebuilt.ts';
import { prebuiltImage } from './prebuilt-images.ts';
import { toDoc } from './session-doc.ts';
import { imageOfSession, sessionFromImage } from './session-image.ts';
import type { StepJson } from './session-types.ts';
import { Session } from './session.ts';
import { PLAYGROUND_SLASH } from './session-testing.ts';

const text = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

const playground = getPreset('playground')?.json as { steps: StepJson[] } & Record<string, unknown>;
const { steps: baseSteps, ...header } = playground;
const { as: _named, ...slash } = PLAYGROUND_SLASH;

/** Steps a person could take on the playground after its own; some are refused (too little to spend). */
const step: fc.Arbitrary<StepJson> = fc.oneof(
  fc.record({
    action: fc.constant('lst.stake'),
    by: fc.constantFrom('alice', 'bob', 'carol'),
    amount: fc.constantFrom('0.1 ETH', '1 ETH', '3 ETH'),
  }),
  fc.record({
    action: fc.constant('strategy.deposit'),
    by: fc.constantFrom('alice', 'carol'),
    strategy: fc.constant('stETH'),
    amount: fc.constantFrom('0.1 ETH', '2 ETH'),
  }),
  fc.record({ action: fc.constant('chain.advance'), blocks: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    action: fc.constant('vault.deposit'),
    by: fc.constant('bob'),
    vault: fc.constant('lrt'),
    amount: fc.constantFrom('0.1 ETH', '1 ETH'),
  }),
  fc.constant<StepJson>(slash),
  fc.record({
    action: fc.constant('token.transfer'),
    by: fc.constantFrom('alice', 'carol'),
    to: fc.constantFrom('bob', 'op1'),
    token: fc.constant('stETH'),
    amount: fc.constantFrom('0.1 ETH', '1 ETH'),
  }),
);

/** The session built by taking every step's state root at once (each step as `act` performs it). */
async function eager(
  start: () => Promise<Session>,
  steps: readonly StepJson[],
): Promise<Session | { failed: number; message: string }> {
  const s = await start();
  for (const [i, raw] of steps.entries()) {
    const r = await s.attempt(raw, undefined, i === steps.length - 1);
    if ('kind' in r) return { failed: i, message: r.message };
  }
  return s;
}

/** Everything a session shows or keeps, as text, with every position's world read. */
async function described(s: Session): Promise<string[]> {
  await s.rootsReady();
  const doc = text(toDoc(s));
  const update = text(s.full());
  const snaps = [...s.entries.values()].map((e) => `${bytesToHex(e.snap.stateRoot)} ${text(e.snap.head)}`);
  const image = text(await imageOfSession(s));
  const worlds: string[] = [];
  for (const node of [null, ...s.entries.keys()]) worlds.push(text(await s.worldAt(node)));
  await s.goto(s.cursor);
  return [doc, update, ...snaps, image, ...worlds];
}

describe('state roots worked out after a load', () => {
  it('a loaded scenario is the session that takes every root at once, over random steps', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 7 }), async (extra) => {
        // Every staker first holds some stETH, so most steps go through (the playground deposited it all).
        const stakes = ['alice', 'bob', 'carol'].map((by) => ({ action: 'lst.stake', by, amount: '10 ETH' }));
        const steps = [...baseSteps, ...stakes, ...extra];
        const reference = await eager(() => Session.load({ ...header, steps: [] }, 'test'), steps);
        const loading = Session.load({ ...header, steps }, 'test');
        if (!(reference instanceof Session)) {
          // A refused step is refused the same way, and nothing is built.
          await expect(loading).rejects.toThrow(reference.message);
          return;
        }
        expect(await described(await loading)).toEqual(await described(reference));
        compared++;
      }),
      { numRuns: 8, seed: 7 },
    );
    // The property is about built sessions: most sequences must go through, not only be refused alike.
    expect(compared).toBeGreaterThanOrEqual(6);
  }, 600_000);

  it('a share link on the playground image is the session that takes every root at once', async () => {
    const extra: StepJson[] = [
      { action: 'lst.stake', by: 'carol', amount: '0.1 ETH' },
      { action: 'strategy.deposit', by: 'carol', strategy: 'stETH', amount: '0.1 ETH' },
      { action: 'chain.advance', blocks: 1 },
      PLAYGROUND_SLASH,
      { action: 'lst.stake', by: 'alice', amount: '0.1 ETH' },
    ];
    const json = { ...header, steps: [...baseSteps, ...extra] };
    const linked = await prebuiltSession(json, 'shared link');
    if (linked === null) throw new Error('the playground image should start this scenario');
    const reference = await eager(
      async () => sessionFromImage(await prebuiltImage('playground'), 'shared link'),
      extra,
    );
    if (!(reference instanceof Session))
      throw new Error(`the reference refused a step: ${reference.message}`);
    expect(await described(linked)).toEqual(await described(reference));
  }, 300_000);

  it('a snapshot whose root is not worked out yet says so instead of giving a wrong one', async () => {
    const steps = [...baseSteps.slice(0, 4), { action: 'chain.advance', blocks: 1 }];
    const s = await Session.load({ ...header, steps }, 'test');
    const first = s.entries.get(1);
    expect(() => first?.snap.stateRoot).toThrow(/not worked out yet/);
    await s.rootsReady();
    expect(first?.snap.stateRoot).toBeInstanceOf(Uint8Array);
  }, 120_000);
});
