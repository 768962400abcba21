import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN } from './first-screen.ts';
import { FirstScreenMoves } from './first-screen-moves.ts';
import { Host } from './host.ts';
import type { Cursor, Outcome } from './session-types.ts';
import { memoryStore } from './store.ts';

/** As the page receives it; compared as text, so even the order of a world's keys must match. */
const text = (x: unknown): string => JSON.stringify(x);

type Move = { kind: 'undo' } | { kind: 'redo' } | { kind: 'goto'; cursor: Cursor };

const last = FIRST_SCREEN.start.update.cursor.node ?? 0;
const moveArb: fc.Arbitrary<Move> = fc.oneof(
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
  fc.record({
    kind: fc.constant('goto' as const),
    cursor: fc.record({
      // Mostly the real branch; now and then one that does not exist.
      branch: fc.oneof(
        { arbitrary: fc.constant('main'), weight: 9 },
        { arbitrary: fc.constant('side'), weight: 1 },
      ),
      // Every position, genesis included, and a few that are not in the history.
      node: fc.oneof(fc.constant(null), fc.integer({ min: -2, max: last + 3 })),
    }),
  }),
);

function run(m: Move, moves: FirstScreenMoves): Outcome {
  return m.kind === 'undo' ? moves.undo() : m.kind === 'redo' ? moves.redo() : moves.goto(m.cursor);
}

function runOnChain(m: Move, host: Host): Promise<Outcome> {
  return m.kind === 'undo' ? host.undo() : m.kind === 'redo' ? host.redo() : host.goto(m.cursor);
}

describe('moves on the first screen before the chain is live', () => {
  it('answer every undo, redo and move exactly as the chain does, refusals included', async () => {
    const host = new Host(memoryStore());
    await host.startDefault();
    await fc.assert(
      fc.asyncProperty(fc.array(moveArb, { minLength: 1, maxLength: 30 }), async (seq) => {
        // Both start where the first screen puts the cursor.
        await host.goto(FIRST_SCREEN.start.update.cursor);
        const moves = new FirstScreenMoves(FIRST_SCREEN);
        for (const m of seq)
          expect(text(run(m, moves)), JSON.stringify(m)).toBe(text(await runOnChain(m, host)));
        expect(moves.cursor).toEqual((await host.goto(moves.cursor)).ok && moves.cursor);
      }),
      { numRuns: 40, seed: 11 },
    );
  }, 120_000);

  it('walks the whole history back to the start and forward to the end', () => {
    const moves = new FirstScreenMoves(FIRST_SCREEN);
    expect(moves.moved).toBe(false);
    const seen: (number | null)[] = [];
    for (let out = moves.undo(); out.ok; out = moves.undo()) seen.push(out.update.cursor.node);
    expect(seen).toHaveLength(FIRST_SCREEN.start.update.nodes.length);
    expect(seen.at(-1)).toBeNull();
    expect(moves.undo()).toEqual({
      ok: false,
      problem: { kind: 'invalid', message: 'nothing to undo: this is the start' },
    });
    expect(moves.moved).toBe(true);
    // Each position shows the world the chain read there: the genesis world has no operator stake yet.
    const genesis = FIRST_SCREEN.genesisWorld;
    expect(moves.goto({ branch: 'main', node: null })).toMatchObject({
      ok: true,
      update: { world: genesis },
    });
    while (moves.redo().ok);
    expect(moves.cursor).toEqual(FIRST_SCREEN.start.update.cursor);
    expect(moves.moved).toBe(false);
  });
});
