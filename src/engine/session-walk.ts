// A lesson's walk-through, taken ahead of time (`npm run images`): the steps its "show me" performs, each kept
// with what running it gave (snapshot, names, receipts, world, written inputs). A lesson link to step n walks
// the lesson to n; each step it performs that the walk-through took from the very same chain state is taken
// from here instead of run again, so no transaction is executed, signed or mined and no world is read.
// The chain is deterministic (fixed keys, fixed heads, zero gas price), so the kept result is exactly what
// running the step would give; session-walk.test.ts holds the two equal.
import { bytesToHex } from '@ethereumjs/util';
import type { Snapshot } from '../chain/runtime.ts';
import type { Names } from '../protocol/sandbox.ts';
import type { StepJson } from './session-types.ts';
import type { Entry } from './session.ts';

/** What performing one step produced: exactly what a history entry holds. */
export type WalkedStep = Entry;

/** A chain position: the state root and head, and the names the steps so far gave. */
const positionKey = (snap: Snapshot, names: Names): string =>
  JSON.stringify(
    [bytesToHex(snap.stateRoot), snap.head.number, snap.head.timestamp, names],
    // Heads and names hold bigints (slash and request ids).
    (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v),
  );

const stepKey = (position: string, step: StepJson) => `${position}\u0000${JSON.stringify(step)}`;

export class Walk {
  private readonly byKey = new Map<string, WalkedStep>();
  /** How many steps were taken from here instead of run (tests and diagnostics). */
  taken = 0;

  /**
   * The walk-through's steps, each after the position it started from (`before`: the parent's snapshot
   * and names). Steps that do not record their written inputs are left out: a move past them could not
   * keep any read, and the step they replace must leave the chain exactly as running it would.
   */
  constructor(steps: readonly { before: { snap: Snapshot; names: Names }; step: WalkedStep }[]) {
    for (const { before, step } of steps) {
      if (step.writes === undefined) continue;
      this.byKey.set(stepKey(positionKey(before.snap, before.names), step.node.step), step);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The kept result of performing `step` from the position (snapshot and names), if the walk took it. */
  find(snap: Snapshot, names: Names, step: StepJson): WalkedStep | undefined {
    const found = this.byKey.get(stepKey(positionKey(snap, names), step));
    if (found !== undefined) this.taken++;
    return found;
  }
}
