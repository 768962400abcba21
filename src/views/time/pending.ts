// Everything in a world that waits for a block: allocations and deallocations not yet effective, queued
// withdrawals, vault redemptions and AVS slash requests still inside their windows. The rule for each is the
// contract's: a withdrawal or a redemption completes in any block after `completableAfterBlock`, and a slash
// request executes in any block after `vetoableUntilBlock`; the next transaction mines head + 1, so they are
// ready once the head reaches that block. A pending magnitude change applies from `effectBlock` on.
import type { World } from '../../protocol/world-types.ts';

export interface PendingItem {
  kind: 'allocation' | 'deallocation' | 'withdrawal' | 'redemption' | 'slash request';
  /** Who it belongs to and what it is, in words. */
  what: string;
  /** The head from which it is in effect (allocations) or from which the next transaction can complete it. */
  readyAt: bigint;
}

export function pendingItems(world: World): PendingItem[] {
  const items: PendingItem[] = [];
  for (const [op, o] of Object.entries(world.operators))
    for (const [set, per] of Object.entries(o.allocations))
      for (const [strategy, a] of Object.entries(per)) {
        const diff = BigInt(a.pendingDiff);
        if (diff === 0n) continue;
        items.push({
          kind: diff > 0n ? 'allocation' : 'deallocation',
          what: `${op} → ${set} (${strategy})`,
          readyAt: BigInt(a.effectBlock),
        });
      }
  for (const [staker, s] of Object.entries(world.stakers))
    for (const [name, w] of Object.entries(s.withdrawals))
      if (!w.completed)
        items.push({
          kind: 'withdrawal',
          what: `${staker}'s withdrawal ${name} (${w.strategy})`,
          readyAt: BigInt(w.completableAfterBlock),
        });
  for (const [vault, v] of Object.entries(world.vaults))
    for (const [name, r] of Object.entries(v.requests))
      if (!r.claimed)
        items.push({
          kind: 'redemption',
          what: `${r.owner}'s redemption ${name} from ${vault}`,
          readyAt: BigInt(r.completableAfterBlock),
        });
  for (const [avs, a] of Object.entries(world.avs))
    for (const [name, r] of Object.entries(a.slashRequests))
      if (r.status === 'pending')
        items.push({
          kind: 'slash request',
          what: `${avs}'s request ${name} to slash ${r.operator} in set ${r.set}`,
          readyAt: BigInt(r.vetoableUntilBlock),
        });
  return items.sort((x, y) => (x.readyAt < y.readyAt ? -1 : x.readyAt > y.readyAt ? 1 : 0));
}
