// The four-column stake-flow diagram as plain geometry: restakers → strategies → operators → operator sets.
// Every node and link carries its exact amount (wei string) and label; only pixel sizes are floats.
// Choices:
// - one link per (operator, set), its amount summed over the set's strategies; `parts` keeps the split, and
//   the table rows list each strategy separately;
// - stake that flows nowhere is a stub, not a link to a node: an operator's `unallocated` stake and a
//   strategy's `undelegated` shares (held by restakers who delegate to nobody);
// - strategy nodes carry what restakers hold; operators' shares can differ from it by rounding dust;
// - every amount is strategy shares (withdrawable, delegated, allocated), so labels say "shares".
import { byId, flowAmounts, foldRestakers, type FlowWorld } from './flow-data.ts';
import { fitColumns, type LinkGeometry, type NodeGeometry } from './flow-fit.ts';
import { placeTitles } from './flow-frame.ts';
import { LABEL_STYLES } from './flow-labels.ts';
import { setLabel, showAmount, token } from './format.ts';
import type {
  FlowGraph,
  FlowLink,
  FlowLinkKind,
  FlowNode,
  FlowNodeKind,
  FlowOptions,
  FlowPart,
  FlowRow,
} from './flow-types.ts';

export type { FlowWorld } from './flow-data.ts';
export type * from './flow-types.ts';

const TITLES = ['Restakers', 'Strategies', 'Operators', 'Operator sets'];
const SHARES = token('shares');
/** An amount under the display policy: the label text and every digit. */
const shares = (amount: bigint) => {
  const shown = showAmount(amount, SHARES);
  return { amount: `${amount}`, label: shown.text, shown };
};
/** A note's amount never wraps inside ("17.5 shares + 77 wei" stays on one line). */
const unbroken = (amount: bigint) => shares(amount).label.replaceAll(' ', '\u00a0');
/** At 11 px titles: their baseline, where labels may start, and where bars may start; all grow with the font. */
const [TITLE_Y, LABEL_TOP, TOP] = [14, 19, 26];
const BOTTOM = 6;

export function flowLayout(
  world: FlowWorld,
  size: { width: number; height: number },
  options: FlowOptions = {},
): FlowGraph {
  const minNodeHeight = options.minNodeHeight ?? 2;
  const styles = options.labelStyles ?? LABEL_STYLES;
  const grow = Math.max(1, (styles[0]?.name ?? 11) / 11);
  const top = TOP * grow;
  const area = Math.max(1, size.height - top - BOTTOM);
  const amounts = flowAmounts(world);
  const maxRestakers = options.maxRestakers ?? Math.max(2, Math.floor((0.5 * area) / minNodeHeight));
  const restakers = foldRestakers(amounts.restakers, maxRestakers, new Set(options.keep ?? []));
  const named = [...restakers, ...amounts.operators].flatMap((r) => [
    ...('held' in r ? r.held : r.shares).keys(),
  ]);
  const strategies = [...new Set([...amounts.strategies, ...named])].sort(byId);

  const nodes: Omit<FlowNode, keyof NodeGeometry>[] = [];
  const links: Omit<FlowLink, keyof LinkGeometry>[] = [];
  const rows: FlowRow[] = [];
  const node = (
    column: FlowNode['column'],
    kind: FlowNodeKind,
    key: string,
    name: string,
    amount: bigint,
    note: string | null,
    members = [key],
  ) => {
    const id = `${['restaker', 'strategy', 'operator', 'set'][column]}:${key}`;
    nodes.push({ id, key, kind, column, name, ...shares(amount), note, members });
    return id;
  };
  const link = (
    kind: FlowLinkKind,
    source: string,
    target: string | null,
    amount: bigint,
    parts: FlowPart[] = [],
  ) =>
    links.push({
      id: `${source}->${target ?? kind}`,
      kind,
      source,
      target,
      ...shares(amount),
      parts,
    });
  // A row's text is worked out when first read: the table's rows join the page a frame after the diagram
  // (FlowTable.svelte), so the first drawing's task does not format amounts nobody sees yet.
  const row = (from: string, to: string, amount: bigint) => {
    let text: ReturnType<typeof shares> | null = null;
    const read = () => (text ??= shares(amount));
    rows.push({
      from,
      to,
      amount: `${amount}`,
      get label() {
        return read().label;
      },
      get shown() {
        return read().shown;
      },
    });
  };

  for (const r of restakers) {
    const note = r.kind === 'others' ? `${r.members.length} restakers` : r.kind === 'vault' ? 'vault' : null;
    const id = node(0, r.kind, r.id, r.kind === 'others' ? 'others' : r.id, r.total, note, r.members);
    for (const [s, a] of r.held) link('deposit', id, `strategy:${s}`, a);
  }
  for (const r of amounts.restakers) for (const [s, a] of r.held) row(r.id, s, a);
  const delegated = new Map<string, bigint>();
  for (const op of amounts.operators) {
    for (const [s, a] of op.shares) delegated.set(s, (delegated.get(s) ?? 0n) + a);
  }
  let undelegatedTotal = 0n;
  for (const s of strategies) {
    const held = restakers.reduce((t, r) => t + (r.held.get(s) ?? 0n), 0n);
    const undelegated = held - (delegated.get(s) ?? 0n);
    const id = node(
      1,
      'strategy',
      s,
      s,
      held,
      undelegated > 0n ? `undelegated ${unbroken(undelegated)}` : null,
    );
    if (undelegated > 0n) {
      undelegatedTotal += undelegated;
      link('undelegated', id, null, undelegated);
      row(s, 'undelegated', undelegated);
    }
  }
  let allocatedTotal = 0n;
  let unallocatedTotal = 0n;
  for (const op of amounts.operators) {
    const note = op.unallocated > 0n ? `unallocated ${unbroken(op.unallocated)}` : null;
    const id = node(2, 'operator', op.id, op.id, op.total, note);
    for (const [s, a] of op.shares) {
      link('delegation', `strategy:${s}`, id, a);
      row(s, op.id, a);
    }
    for (const [key, per] of op.allocated) {
      const parts = [...per].map(([strategy, a]) => ({ strategy, ...shares(a) }));
      const total = [...per.values()].reduce((t, a) => t + a, 0n);
      allocatedTotal += total;
      link('allocation', id, `set:${key}`, total, parts);
      for (const [s, a] of per) row(op.id, `${setLabel(key)} (${s})`, a);
    }
    if (op.unallocated > 0n) {
      unallocatedTotal += op.unallocated;
      link('unallocated', id, null, op.unallocated);
      row(op.id, 'unallocated', op.unallocated);
    }
  }
  for (const key of amounts.sets) {
    const total = amounts.operators.reduce(
      (t, op) => t + [...(op.allocated.get(key)?.values() ?? [])].reduce((u, a) => u + a, 0n),
      0n,
    );
    node(3, 'set', key, setLabel(key), total, null);
  }

  const placed = fitColumns(nodes, links, {
    width: size.width,
    top,
    area,
    minNodeHeight,
    minLinkWidth: options.minLinkWidth ?? 1,
    styles,
    labelTop: LABEL_TOP * grow,
  });
  const { x, nodeWidth, style } = placed.frame;
  const titles = placeTitles(
    TITLES,
    x.map((c) => c + nodeWidth / 2),
    size.width,
    style.name,
    // Titles may shrink below the labels' sizes only in the ordinary view; a projector keeps them large.
    options.labelStyles === undefined ? 8 : Math.min(...styles.map((s) => s.name)),
  );
  return {
    width: size.width,
    height: size.height,
    columns: x.map((c, i) => ({ x: c, title: TITLES[i] ?? '', titleX: titles.x[i] ?? 0 })),
    titleSize: titles.size,
    titleY: TITLE_Y * grow,
    nodes: placed.nodes,
    links: placed.links,
    rows,
    totals: {
      restaked: `${amounts.restakers.reduce((t, r) => t + r.total, 0n)}`,
      delegated: `${amounts.operators.reduce((t, op) => t + op.total, 0n)}`,
      allocated: `${allocatedTotal}`,
      unallocated: `${unallocatedTotal}`,
      undelegated: `${undelegatedTotal}`,
    },
    counts: {
      restakers: amounts.restakers.length,
      strategies: strategies.length,
      operators: amounts.operators.length,
      sets: amounts.sets.length,
    },
  };
}
