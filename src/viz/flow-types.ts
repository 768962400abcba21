// The plain data of the stake-flow diagram (see flow-layout.ts): every amount is an exact base-unit string with
// its label under the display policy (format.ts) and every digit beside it; only the geometry (px) is floating
// point.
import type { LinkGeometry, NodeGeometry } from './flow-fit.ts';
import type { Shown } from './format.ts';
import type { LabelStyle } from './flow-labels.ts';

export type FlowNodeKind = 'staker' | 'vault' | 'others' | 'strategy' | 'operator' | 'set';
export type FlowLinkKind = 'deposit' | 'delegation' | 'allocation' | 'undelegated' | 'unallocated';

export interface FlowNode extends NodeGeometry {
  /** `restaker:alice`, `strategy:stETH`, `operator:op1`, `set:avs1/0`. */
  id: string;
  /** The actor id, strategy name or `<avs>/<set>` key. */
  key: string;
  kind: FlowNodeKind;
  column: 0 | 1 | 2 | 3;
  name: string;
  amount: string;
  /** The amount as the diagram prints it ("28 shares − 28 wei"); `shown` has every digit. */
  label: string;
  shown: Shown;
  /** "unallocated 20 shares", "undelegated 5 shares", "12 restakers"; null when nothing to add. */
  note: string | null;
  /** Actor ids folded into an `others` node, else the node's own key. */
  members: string[];
}

export interface FlowPart {
  strategy: string;
  amount: string;
  label: string;
  shown: Shown;
}

export interface FlowLink extends LinkGeometry {
  id: string;
  kind: FlowLinkKind;
  source: string;
  /** Null for a stub (unallocated, undelegated). */
  target: string | null;
  amount: string;
  label: string;
  shown: Shown;
  /** The allocation's split per strategy (allocation links only). */
  parts: FlowPart[];
}

/** One exact flow for the data table, never folded. */
export interface FlowRow {
  from: string;
  to: string;
  amount: string;
  label: string;
  shown: Shown;
}

export interface FlowTotals {
  restaked: string;
  delegated: string;
  allocated: string;
  unallocated: string;
  undelegated: string;
}

export interface FlowGraph {
  width: number;
  height: number;
  /** Each column's bars' left edge, and its title's left edge. */
  columns: { x: number; title: string; titleX: number }[];
  /** Font size of the column titles, px, and their baseline. */
  titleSize: number;
  titleY: number;
  nodes: FlowNode[];
  links: FlowLink[];
  rows: FlowRow[];
  totals: FlowTotals;
  counts: { restakers: number; strategies: number; operators: number; sets: number };
}

export interface FlowOptions {
  /** Label sizes to try, roomiest first (default LABEL_STYLES; PRESENTER_LABEL_STYLES for a projector). */
  labelStyles?: readonly LabelStyle[];
  /** Smallest node height in px for a non-empty node (default 2). */
  minNodeHeight?: number;
  /** Smallest link width in px for a non-zero amount (default 1). */
  minLinkWidth?: number;
  /** Restakers shown before the smallest fold into one node (default: what half the height holds). */
  maxRestakers?: number;
  /** Restaker ids never folded (highlighted ones, slash losers). */
  keep?: readonly string[];
}
