// The slash a just-landed step made, attributed for the stake-flow view: which set slashed which operator,
// who lost what (numbers from the worlds before and after, nothing invented) and where the stake goes.
import type { Landed } from '../../engine/sandbox-app.svelte.ts';
import type { HistoryNode } from '../../engine/session-types.ts';
import { slashAttribution } from '../../engine/world-diff.ts';

export interface SlashView {
  operator: string;
  set: string;
  losses: { who: string; amount: string }[];
  destination: string;
  /** For slashing.clear: the amount it burned or paid to the recipient (base units). */
  cleared?: string;
}

/** The redistribution recipient named when the set was created, if any (world@1 does not carry it). */
function recipientOf(nodes: readonly HistoryNode[], avs: string, set: string): string | null {
  const created = nodes.find(
    (n) => n.step.action === 'avs.createOperatorSet' && n.step['by'] === avs && String(n.step['set']) === set,
  );
  const r = created?.step['redistributionRecipient'];
  return typeof r === 'string' ? r : null;
}

export function slashView(landed: Landed | null, nodes: readonly HistoryNode[]): SlashView | null {
  if (landed === null) return null;
  const step = landed.node.step;
  const avs = typeof step['by'] === 'string' ? step['by'] : null;
  if (avs === null) return null;
  let operator: string | null = null;
  let set: string | null = null;
  if (step.action === 'slashing.clear') return clearedView(landed, nodes);
  if (step.action === 'avs.slash') {
    operator = typeof step['operator'] === 'string' ? step['operator'] : null;
    set = step['set'] === undefined ? null : String(step['set']);
  } else if (step.action === 'avs.executeSlash' && typeof step['request'] === 'string') {
    const req = landed.after.avs[avs]?.slashRequests[step['request']];
    operator = req?.operator ?? null;
    set = req?.set ?? null;
  }
  if (operator === null || set === null) return null;
  const recipient = recipientOf(nodes, avs, set);
  const a = slashAttribution(landed.before, landed.after, { operator, avs, set, recipient });
  return {
    operator,
    set: `${avs}/${set}`,
    // A vault is a staker too: its withdrawable shares are its loss (its NAV loss is the same stake).
    losses: a.losses
      .filter((l) => l.what === 'withdrawableShares')
      .map((l) => ({ who: l.who, amount: l.amount })),
    // Native ETH slashed by an AVS is locked in the pods, never burned (EigenPodManager's burnable shares).
    destination: recipient ?? (a.strategies.every((x) => x === 'beaconETH') ? 'locked' : 'burned'),
  };
}

/** slashing.clear: where a slash's shares went, from the burned and recipient balances before and after. */
function clearedView(landed: Landed, nodes: readonly HistoryNode[]): SlashView | null {
  const step = landed.node.step;
  const [avs, setId, name] = [step['avs'], step['set'], step['slash']];
  if (typeof avs !== 'string' || setId === undefined || typeof name !== 'string') return null;
  const set = String(setId);
  // The slash the step clears, by its `as` name: an avs.slash, or an avs.executeSlash of a request.
  const made = nodes.find(
    (n) => (n.step.action === 'avs.slash' || n.step.action === 'avs.executeSlash') && n.step['as'] === name,
  );
  const request = made?.step['request'];
  const operator =
    typeof made?.step['operator'] === 'string'
      ? made.step['operator']
      : typeof request === 'string'
        ? (landed.after.avs[String(made?.step['by'])]?.slashRequests[request]?.operator ?? null)
        : null;
  if (operator === null) return null;
  const recipient = recipientOf(nodes, avs, set);
  const a = slashAttribution(landed.before, landed.after, { operator, avs, set, recipient });
  const paid = a.redistributed.reduce((sum, r) => sum + BigInt(r.amount), 0n);
  return {
    operator,
    set: `${avs}/${set}`,
    losses: [],
    destination: recipient ?? 'burned',
    cleared: recipient === null ? a.burned : String(paid),
  };
}
