// What changed between two worlds: every changed leaf with its exact integer delta (the branch comparison view),
// and who lost what in a slash and where it went (the slash caption). Only numbers read from the two worlds
// appear in the output, subtracted exactly; nothing is estimated, so a caption can never state a number the
// chain did not produce.
import type { World } from '../protocol/world-types.ts';

export interface WorldChange {
  /** world@1 path: `stakers.alice.strategies.stETH.withdrawableShares`. */
  path: string;
  /** null when the leaf did not exist (or was null) on that side. Booleans as "true"/"false", lists as JSON. */
  before: string | null;
  after: string | null;
  /** after − before with its sign ("+4000000000000000000", "-1"), when both sides are integers; else null. */
  delta: string | null;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function leaf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  return Array.isArray(v) ? JSON.stringify(v) : String(v);
}

const signed = (x: bigint): string => (x > 0n ? `+${x}` : `${x}`);

function walk(path: string, a: unknown, b: unknown, out: WorldChange[]): void {
  if (isRecord(a) || isRecord(b)) {
    // An object that appears (a new withdrawal, a pod) or disappears is listed leaf by leaf against null.
    const left = isRecord(a) ? a : {};
    const right = isRecord(b) ? b : {};
    const keys = [...Object.keys(left), ...Object.keys(right).filter((k) => !Object.hasOwn(left, k))];
    for (const k of keys) walk(path === '' ? k : `${path}.${k}`, left[k], right[k], out);
    return;
  }
  const before = leaf(a);
  const after = leaf(b);
  if (before === after) return;
  const numeric = before !== null && after !== null && INTEGER.test(before) && INTEGER.test(after);
  out.push({ path, before, after, delta: numeric ? signed(BigInt(after) - BigInt(before)) : null });
}

/**
 * Every leaf whose value differs, in a stable order: the order of `before`'s keys (the world reader's order:
 * actors as the scenario lists them), then keys only `after` has, in its order.
 */
export function diffWorlds(before: World, after: World): WorldChange[] {
  const out: WorldChange[] = [];
  walk('', before, after, out);
  return out;
}

export interface SlashLoss {
  /** Actor id: a staker, a vault, or the operator. */
  who: string;
  /** Which number fell: a staker's (or vault's) withdrawable shares, the operator's delegated shares, a vault's NAV. */
  what: 'withdrawableShares' | 'operatorShares' | 'vaultValue';
  /** The strategy, for share amounts; null for a vault's total value. */
  strategy: string | null;
  /** The decrease, in base units (shares or wei), positive. */
  amount: string;
}

export interface SlashAttribution {
  operator: string;
  avs: string;
  set: string;
  /** The set's strategies: the only ones a slash by it can touch. */
  strategies: string[];
  /** The operator's max magnitude per strategy, before and after (WAD). */
  magnitudes: { strategy: string; before: string; after: string }[];
  losses: SlashLoss[];
  /** Increase of burned tokens (sum over `burned.<token>`): non-zero once the slash is cleared. */
  burned: string;
  /** Increase of AVS-slashed native ETH locked in the pods (never burned). */
  lockedNative: string;
  /** Increase of the redistribution recipient's stETH, when one is named. */
  redistributed: { to: string; amount: string }[];
}

export interface SlashRef {
  operator: string;
  avs: string;
  set: string;
  /** Actor id of the set's redistribution recipient, if the set has one (world@1 does not record it). */
  recipient?: string | null;
}

function int(v: string | undefined): bigint | null {
  return v !== undefined && INTEGER.test(v) ? BigInt(v) : null;
}

/** before − after when both are integers and the value fell; else 0. */
function fall(before: string | undefined, after: string | undefined): bigint {
  const a = int(before);
  const b = int(after);
  return a !== null && b !== null && a > b ? a - b : 0n;
}

/** after − before when both are integers and the value rose; else 0. */
const rise = (before: string | undefined, after: string | undefined): bigint => fall(after, before);

/**
 * Who lost what in a slash of `slash.operator` by `slash.avs`'s set `slash.set`, and where it went, between
 * two worlds (typically just before and just after the slash, or after `slashing.clear`). Losers are the
 * stakers and vaults delegated to the operator in `before`, and the operator's delegated shares, in the set's
 * strategies; only decreases count as losses.
 */
export function slashAttribution(before: World, after: World, slash: SlashRef): SlashAttribution {
  const { operator, avs, set } = slash;
  const strategies =
    before.avs[avs]?.sets[set]?.strategies ??
    after.avs[avs]?.sets[set]?.strategies ??
    Object.keys(before.operators[operator]?.shares ?? {});
  const losses: SlashLoss[] = [];
  for (const [who, staker] of Object.entries(before.stakers)) {
    if (staker.delegatedTo !== operator) continue;
    for (const strategy of strategies) {
      const lost = fall(
        staker.strategies[strategy]?.withdrawableShares,
        after.stakers[who]?.strategies[strategy]?.withdrawableShares,
      );
      if (lost > 0n) losses.push({ who, what: 'withdrawableShares', strategy, amount: String(lost) });
    }
  }
  for (const [who, vault] of Object.entries(before.vaults)) {
    if (vault.operator !== operator) continue;
    const lost = fall(vault.totalValue, after.vaults[who]?.totalValue);
    if (lost > 0n) losses.push({ who, what: 'vaultValue', strategy: null, amount: String(lost) });
  }
  const op = { before: before.operators[operator], after: after.operators[operator] };
  for (const strategy of strategies) {
    const lost = fall(op.before?.shares[strategy], op.after?.shares[strategy]);
    if (lost > 0n) losses.push({ who: operator, what: 'operatorShares', strategy, amount: String(lost) });
  }
  const magnitudes = strategies.flatMap((strategy) => {
    const b = op.before?.maxMagnitude[strategy];
    const a = op.after?.maxMagnitude[strategy];
    return b === undefined || a === undefined ? [] : [{ strategy, before: b, after: a }];
  });
  let burned = 0n;
  for (const token of new Set([...Object.keys(before.burned), ...Object.keys(after.burned)])) {
    burned += rise(before.burned[token], after.burned[token]);
  }
  const redistributed: SlashAttribution['redistributed'] = [];
  if (slash.recipient != null) {
    const got = rise(before.accounts[slash.recipient]?.stETH, after.accounts[slash.recipient]?.stETH);
    if (got > 0n) redistributed.push({ to: slash.recipient, amount: String(got) });
  }
  return {
    operator,
    avs,
    set,
    strategies: [...strategies],
    magnitudes,
    losses,
    burned: String(burned),
    lockedNative: String(rise(before.lockedSlashedNativeShares, after.lockedSlashedNativeShares)),
    redistributed,
  };
}
