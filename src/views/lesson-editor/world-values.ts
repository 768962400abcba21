// The world values a teacher can ask a prediction about, picked from a list rather than typed as paths:
// the Inspector's own quantities (actors' balances, their deposit and withdrawable shares, operators' stake
// and allocations), each labelled in domain words and shown under the display policy (values.ts). Only
// 18-decimal amounts are listed: a prediction's choices are amounts, and these are the amounts people reason
// about.
import type { World } from '../../protocol/world-types.ts';
import { setLabel } from '../../viz/format.ts';
import { pathCell, tokenUnit } from '../inspector/values.ts';
import type { Cell } from '../inspector/model.ts';

export interface WorldValue {
  /** The world@1 path, segment by segment (what the lesson file stores). */
  path: string[];
  /** "alice's stETH deposit shares": what the picker and the question say. */
  label: string;
  /** Where the picker groups it: the actor, or "Protocol". */
  group: string;
  /** The raw base-unit integer. */
  raw: string;
  /** The number under the display policy. */
  cell: Cell;
  /** What the amount counts ("ETH", "stETH", "shares"): the unit the choices are written in. */
  unit: string;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

function value(path: string[], label: string, group: string, raw: string | undefined): WorldValue[] {
  if (raw === undefined || !INTEGER.test(raw)) return [];
  const dotted = path.join('.');
  return [{ path, label, group, raw, cell: pathCell(dotted, raw), unit: tokenUnit(dotted) ?? 'ETH' }];
}

/** Every pickable value of a world, grouped by actor in the world's own order, protocol-wide values last. */
export function worldValues(w: World): WorldValue[] {
  const out: WorldValue[] = [];
  // Every actor the world names, in its own order: an account, a staker or an operator entry.
  const ids = [
    ...new Set([...Object.keys(w.accounts), ...Object.keys(w.stakers), ...Object.keys(w.operators)]),
  ];
  for (const id of ids) {
    const a = w.accounts[id];
    out.push(...value(['accounts', id, 'eth'], `${id}'s ETH balance`, id, a?.eth));
    out.push(...value(['accounts', id, 'stETH'], `${id}'s stETH balance`, id, a?.stETH));
    out.push(...value(['accounts', id, 'wstETH'], `${id}'s wstETH balance`, id, a?.wstETH));
    for (const [vault, n] of Object.entries(a?.vaultTokens ?? {}))
      out.push(...value(['accounts', id, 'vaultTokens', vault], `${id}'s ${vault} tokens`, id, n));
    const s = w.stakers[id];
    for (const [strategy, x] of Object.entries(s?.strategies ?? {})) {
      const base = ['stakers', id, 'strategies', strategy];
      out.push(
        ...value([...base, 'depositShares'], `${id}'s ${strategy} deposit shares`, id, x.depositShares),
      );
      out.push(
        ...value(
          [...base, 'withdrawableShares'],
          `${id}'s ${strategy} withdrawable shares`,
          id,
          x.withdrawableShares,
        ),
      );
    }
    const o = w.operators[id];
    for (const [strategy, n] of Object.entries(o?.shares ?? {}))
      out.push(...value(['operators', id, 'shares', strategy], `${id}'s delegated ${strategy} stake`, id, n));
    for (const [set, byStrategy] of Object.entries(o?.allocations ?? {}))
      for (const [strategy, al] of Object.entries(byStrategy))
        out.push(
          ...value(
            ['operators', id, 'allocations', set, strategy, 'allocatedStake'],
            `${id}'s ${strategy} stake allocated to ${setLabel(set)}`,
            id,
            al.allocatedStake,
          ),
        );
  }
  out.push(
    ...value(['lst', 'totalPooledEther'], 'ETH pooled by the LST', 'Protocol', w.lst.totalPooledEther),
  );
  for (const [token, n] of Object.entries(w.burned))
    out.push(...value(['burned', token], `${token} burned`, 'Protocol', n));
  return out;
}

/** The same value in another world (before or after an action); undefined when that world lacks it. */
export function valueAt(w: World, path: readonly string[]): string | undefined {
  let at: unknown = w;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'string' && INTEGER.test(at) ? at : undefined;
}
