// Validating a saved history is linear in its size: each node's step is checked once, whatever the shape
// of the tree. The comb (a long trunk with a one-step leaf at every node) is the shape that checking each
// leaf's whole path made quadratic (2500 + 2500 steps took over a minute to import).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferenceChecker } from '../protocol/scenario-refs.ts';
import { getPreset } from '../protocol/scenarios/index.ts';
import { validateHistory } from './session-doc.ts';
import { SessionError } from './session.ts';

const { steps: _steps, ...header } = getPreset('playground')!.json as { steps: unknown[] } & object;
const advance = { action: 'chain.advance', blocks: 1 };
const stake = { action: 'lst.stake', by: 'alice', amount: '1 ETH' };

/** A trunk of `n` advances (ids 1..n) and, after each trunk node, a one-step leaf (ids n+1..2n). */
function comb(n: number) {
  const trunk = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    parent: i === 0 ? null : i,
    step: advance,
  }));
  const leaves = Array.from({ length: n }, (_, i) => ({ id: n + i + 1, parent: i + 1, step: stake }));
  return [...trunk, ...leaves];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('validating a saved history', () => {
  it('checks each step of a comb once: the work grows with the steps, not with the paths', () => {
    const checks = vi.spyOn(ReferenceChecker.prototype, 'check');
    for (const n of [100, 400]) {
      checks.mockClear();
      const steps = validateHistory(header, comb(n));
      expect(steps.size).toBe(2 * n);
      // Checking every leaf's whole path would be n leaves × about n/2 steps: 20,000 checks for n = 400.
      expect(checks).toHaveBeenCalledTimes(2 * n);
    }
  });

  it('a name made on one branch is unknown on its sibling, and known after it on its own branch', () => {
    const queue = { action: 'withdrawal.queue', by: 'alice', strategy: 'stETH', shares: '1 ETH', as: 'w1' };
    const complete = { action: 'withdrawal.complete', by: 'alice', withdrawal: 'w1', receiveAsTokens: true };
    const ok = [
      { id: 1, parent: null, step: advance },
      { id: 2, parent: 1, step: queue },
      { id: 3, parent: 2, step: complete },
      { id: 4, parent: 1, step: advance },
    ];
    expect(validateHistory(header, ok).size).toBe(4);
    const sibling = [...ok, { id: 5, parent: 4, step: complete }];
    expect(() => validateHistory(header, sibling)).toThrow(/^saved step 5: .*"w1" is not defined/);
    // The same name made again on a sibling branch is not "already used": that branch never made it.
    const again = [...ok, { id: 5, parent: 4, step: queue }];
    expect(validateHistory(header, again).size).toBe(5);
  });

  it('names the first bad step, a missing parent and a cycle', () => {
    const bad = [...comb(3), { id: 9, parent: 2, step: { ...stake, by: 'zoe' } }];
    expect(() => validateHistory(header, bad)).toThrow(/^saved step 9: .*"zoe" is not an actor/);
    const orphan = [...comb(2), { id: 7, parent: 42, step: advance }];
    expect(() => validateHistory(header, orphan)).toThrow('saved step 7 follows a missing step 42');
    const cycle = [...comb(2), { id: 7, parent: 8, step: advance }, { id: 8, parent: 7, step: advance }];
    expect(() => validateHistory(header, cycle)).toThrow(SessionError);
    expect(() => validateHistory(header, cycle)).toThrow(/saved step 7 is in a cycle/);
  });
});
