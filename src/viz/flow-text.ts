// Words for the stake-flow diagram: the summary a screen reader hears, the caption that attributes a slash,
// and which nodes and links to emphasise. Amounts come from the graph's exact strings.
import type { FlowGraph } from './flow-types.ts';
import { setLabel, showAmount, token } from './format.ts';

/** Strategy shares under the display policy ("28 shares − 28 wei"), and slashed tokens once cleared. */
const shares = (amount: string) => showAmount(amount, token('shares')).text;
const tokens = (amount: string) => showAmount(amount, token('tokens')).text;

export interface FlowHighlight {
  operators?: readonly string[];
  /** `<avs>/<set>` keys. */
  sets?: readonly string[];
  restakers?: readonly string[];
}

export interface FlowSlash {
  operator: string;
  /** `<avs>/<set>` key of the slashing operator set. */
  set: string;
  losses: readonly { who: string; amount: string }[];
  /**
   * "burned", "locked" (native ETH, which stays in the pods), or the id of the actor the slashed stake goes to
   * (its set's redistribution recipient).
   */
  destination: string;
  /** Set for slashing.clear: the amount it burned or paid to `destination` (base units). */
  cleared?: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function flowSummary(graph: FlowGraph): string {
  const { totals: t, counts: c } = graph;
  const parts = [
    `${count(c.restakers, 'restaker')} hold ${shares(t.restaked)} in ${count(c.strategies, 'strategy', 'strategies')}`,
    `${count(c.operators, 'operator')} have ${shares(t.delegated)} delegated`,
    `${shares(t.allocated)} allocated to ${count(c.sets, 'operator set')} and ${shares(t.unallocated)} unallocated`,
  ];
  if (t.undelegated !== '0') parts.push(`${shares(t.undelegated)} undelegated`);
  return `Stake flow: ${parts.join('; ')}.`;
}

export function slashCaption(slash: FlowSlash): string {
  if (slash.cleared !== undefined) {
    const went = slash.destination === 'burned' ? 'burned' : `paid to ${slash.destination}`;
    return `${setLabel(slash.set)}'s slash of ${slash.operator} cleared: ${tokens(slash.cleared)} ${went}.`;
  }
  const losses =
    slash.losses.length === 0
      ? 'nobody lost stake'
      : slash.losses.map((l) => `${l.who} lost ${shares(l.amount)}`).join(', ');
  // The slash only marks the shares: slashing.clear (clearBurnOrRedistributableShares) moves them later.
  const where =
    slash.destination === 'burned'
      ? 'the slashed shares wait to be burned (slashing.clear)'
      : slash.destination === 'locked'
        ? 'slashed native ETH stays locked in the pods (it is never burned)'
        : `the slashed shares wait to be redistributed to ${slash.destination} (slashing.clear)`;
  return `${setLabel(slash.set)} slashed ${slash.operator}: ${losses}; ${where}.`;
}

export interface FlowEmphasis {
  /** Any highlight or selection at all: everything else is drawn faded. */
  active: boolean;
  nodes: Set<string>;
  links: Set<string>;
  slashedNodes: Set<string>;
  slashedLinks: Set<string>;
}

export function flowEmphasis(
  graph: FlowGraph,
  highlight: FlowHighlight,
  slash: FlowSlash | null,
  selected: string | null,
): FlowEmphasis {
  const nodes = new Set<string>([
    ...(highlight.operators ?? []).map((id) => `operator:${id}`),
    ...(highlight.sets ?? []).map((key) => `set:${key}`),
    ...(highlight.restakers ?? []).map((id) => `restaker:${id}`),
  ]);
  if (selected !== null) nodes.add(selected);
  const slashedNodes = new Set<string>();
  if (slash !== null) {
    slashedNodes.add(`operator:${slash.operator}`).add(`set:${slash.set}`);
    for (const l of slash.losses) slashedNodes.add(`restaker:${l.who}`);
  }
  const links = new Set<string>();
  const slashedLinks = new Set<string>();
  for (const l of graph.links) {
    if (nodes.has(l.source) || (l.target !== null && nodes.has(l.target))) links.add(l.id);
    const losers = slash !== null && l.kind === 'deposit' && slashedNodes.has(l.source);
    if (losers || l.id === `operator:${slash?.operator}->set:${slash?.set}`) slashedLinks.add(l.id);
  }
  return { active: nodes.size > 0, nodes, links, slashedNodes, slashedLinks };
}
