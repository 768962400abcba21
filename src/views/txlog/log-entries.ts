// The transaction log's pure part: which steps to show for a filter, newest first, and the text of calls,
// events and hashes. Arguments arrive already rendered (integers in base units, addresses as actor ids).
import type { EventView, HistoryNode, TxView } from '../../engine/session-types.ts';

export interface TxFilter {
  /** Actor id, or '' for any: the step's author, a sender or recipient, or an argument naming it. */
  actor: string;
  /** Part of an event name, case-insensitive, or '' for any. */
  event: string;
}

export interface LogEntry {
  node: HistoryNode;
  /** Steps applied once this one is: going here means position = step. */
  step: number;
  /** After the cursor: undone, still on the branch for redo. */
  undone: boolean;
  /** The step the sandbox is at. */
  current: boolean;
}

/** `0x` + 4 hex digits + … + 4 hex digits; short strings unchanged. */
export function shortHash(hash: string): string {
  return hash.length <= 14 ? hash : `${hash.slice(0, 6)}…${hash.slice(-4)}`;
}

/** `DelegationManager.delegateTo(op1, 0x, 0)`; a deployment or undecoded call reads as such. */
export function callText(tx: TxView): string {
  if (tx.call === null) return tx.to === null ? 'contract deployment' : 'call (not decoded)';
  return `${tx.call.contract}.${tx.call.functionName}(${tx.call.args.join(', ')})`;
}

/** `OperatorSlashed(operator: op1, wadSlashed: 100000000000000000)`. */
export function eventText(e: EventView): string {
  const args = Object.entries(e.args).map(([k, v]) => `${k}: ${v}`);
  return `${e.eventName}(${args.join(', ')})`;
}

/** Who a step involves: its author, every sender and recipient, and every argument value. */
function mentions(node: HistoryNode, actor: string): boolean {
  if (node.step['by'] === actor) return true;
  return node.txs.some(
    (tx) =>
      tx.from === actor ||
      tx.to === actor ||
      (tx.call?.args.includes(actor) ?? false) ||
      tx.events.some((e) => Object.values(e.args).includes(actor)),
  );
}

export function stepMatches(node: HistoryNode, filter: TxFilter): boolean {
  const event = filter.event.trim().toLowerCase();
  if (filter.actor !== '' && !mentions(node, filter.actor)) return false;
  if (event === '') return true;
  return node.txs.some((tx) => tx.events.some((e) => e.eventName.toLowerCase().includes(event)));
}

/** The actors the filter offers: step authors, senders and recipients, sorted. */
export function actorsOf(nodes: readonly HistoryNode[]): string[] {
  const ids = new Set<string>();
  for (const n of nodes) {
    if (typeof n.step['by'] === 'string') ids.add(n.step['by']);
    for (const tx of n.txs) {
      ids.add(tx.from);
      if (tx.to !== null) ids.add(tx.to);
    }
  }
  return [...ids].sort((a, b) => a.localeCompare(b));
}

/** The branch's steps newest first, with undone and current marked, filtered. */
export function logEntries(nodes: readonly HistoryNode[], position: number, filter: TxFilter): LogEntry[] {
  const out: LogEntry[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node === undefined || !stepMatches(node, filter)) continue;
    out.push({ node, step: i + 1, undone: i + 1 > position, current: i + 1 === position });
  }
  return out;
}
