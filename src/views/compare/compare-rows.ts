// The branch comparison as rows: every world@1 leaf that differs between branch A and branch B, in its
// unit (the same cells as the inspector), with B − A, grouped by the actor it belongs to.
import { diffWorlds } from '../../engine/world-diff.ts';
import type { World } from '../../protocol/world-types.ts';
import { KNOWN_PATHS } from '../../protocol/world-paths.ts';
import { glossaryFor } from '../../ui/glossary.ts';
import { cell, type Cell } from '../inspector/model.ts';
import { deltaCell, isDust, pathCell } from '../inspector/values.ts';

export interface CompareRow {
  path: string;
  /** The glossary label of the leaf ("Withdrawable shares"). */
  label: string;
  /** The glossary term, for the explanation. */
  term: string | null;
  /** What the path names besides the actor: strategy, `<avs>/<set>`, withdrawal (`stETH`, `avs1/0 · stETH`). */
  context: string;
  a: Cell;
  b: Cell;
  /** B − A in the path's unit; for a leaf one side lacks, which side has it; else "changed". */
  delta: Cell;
  /** B − A is rounding dust only (a few wei): the same value as far as the protocol's meaning goes. */
  dust: boolean;
}

export interface CompareGroup {
  /** Actor id, or PROTOCOL for the chain and protocol-wide numbers. */
  id: string;
  /** Real differences first, then those that are rounding dust only. */
  rows: CompareRow[];
  /** How many of the rows are rounding dust only. */
  dust: number;
}

export const PROTOCOL = 'chain and protocol';
const ACTOR_ROOTS = new Set(['accounts', 'stakers', 'operators', 'avs', 'vaults']);
const PATTERNS = KNOWN_PATHS.map((p) => p.split('.'));

/** The segments of `path` that stand where its world@1 pattern has `*`: ids, strategies, `as` names. */
export function wildcards(path: string): string[] {
  const segments = path.split('.');
  const hit = PATTERNS.find(
    (p) => p.length === segments.length && p.every((s, i) => s === '*' || s === segments[i]),
  );
  return hit === undefined ? [] : segments.filter((_, i) => hit[i] === '*');
}

function groupOf(path: string, a: World, b: World): string {
  const [root, id] = path.split('.');
  if (root !== undefined && id !== undefined && ACTOR_ROOTS.has(root)) return id;
  // A validator belongs to the pod owner whose pod it withdraws to.
  if (root === 'validators' && id !== undefined)
    return a.validators[id]?.owner ?? b.validators[id]?.owner ?? PROTOCOL;
  return PROTOCOL;
}

/**
 * Every difference from A to B, grouped by actor in the order the actors first appear (world order). A
 * difference of a few wei is rounding dust, not a different outcome: it is marked and listed last.
 */
export function compareWorlds(a: World, b: World): CompareGroup[] {
  const groups = new Map<string, CompareRow[]>();
  for (const change of diffWorlds(a, b)) {
    const group = groupOf(change.path, a, b);
    const names = wildcards(change.path);
    const context = ACTOR_ROOTS.has(change.path.split('.')[0] ?? '') ? names.slice(1) : names;
    const entry = glossaryFor(change.path);
    const inA = pathCell(change.path, change.before);
    const inB = pathCell(change.path, change.after);
    const row: CompareRow = {
      path: change.path,
      label: entry?.label ?? change.path,
      term: entry === undefined ? null : entry.term,
      context: context.join(' · '),
      a: inA,
      b: inB,
      delta:
        change.delta !== null
          ? deltaCell(change.path, change.delta)
          : cell(inA.text === 'absent' ? 'only in B' : inB.text === 'absent' ? 'only in A' : 'changed'),
      dust: change.delta !== null && isDust(change.path, change.delta),
    };
    const rows = groups.get(group) ?? [];
    rows.push(row);
    groups.set(group, rows);
  }
  return [...groups].map(([id, rows]) => ({
    id,
    rows: [...rows.filter((r) => !r.dust), ...rows.filter((r) => r.dust)],
    dust: rows.filter((r) => r.dust).length,
  }));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The sentence above the tables: how many values differ for real, and how many by rounding dust only. */
export function compareSummary(groups: readonly CompareGroup[], nameA: string, nameB: string): string {
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const dust = groups.reduce((n, g) => n + g.dust, 0);
  const real = total - dust;
  const actors = groups.filter((g) => g.id !== PROTOCOL && g.dust < g.rows.length).length;
  const protocol = groups.some((g) => g.id === PROTOCOL && g.dust < g.rows.length);
  const where = [
    ...(actors > 0 ? [plural(actors, 'actor')] : []),
    ...(protocol ? ['the chain and protocol'] : []),
  ];
  const pair = `${nameA} (A) and ${nameB} (B)`;
  const dustText = `${plural(dust, 'value')} ${dust === 1 ? 'differs' : 'differ'} by rounding dust only (a few wei, marked and listed last)`;
  if (real === 0) return `${pair} have the same outcome: ${dustText}.`;
  const realText = `${plural(real, 'value')} ${real === 1 ? 'differs' : 'differ'} between ${pair}, in ${where.join(' and ')}`;
  return dust === 0 ? `${realText}.` : `${realText}; ${dustText}.`;
}
