// Validating a tree of steps (a saved session's history) in time linear in its size. Every path from the
// start to a leaf is a scenario, but validating each path as a whole checks the shared trunk again for every
// leaf: a 2500-step trunk with 2500 one-step leaves took over a minute. Here each step is parsed and
// checked once, walking the tree depth first; at a fork the reference checker rewinds to the fork's state.
import { parseStep, validateScenario, type Step } from './scenario-schema.ts';
import type { ScenarioIssue } from './scenario-defs.ts';
import { ReferenceChecker } from './scenario-refs.ts';

export interface TreeNode {
  id: number;
  parent: number | null;
  step: unknown;
}

export type TreeResult<N extends TreeNode> =
  | { ok: true; steps: Map<number, Step> }
  /**
   * The path (from the start) to the first node found with a problem, or the header's problem (an empty
   * path); validating that path as a scenario names the problem exactly.
   */
  | { ok: false; path: N[] };

/**
 * Validates every node reachable from the start (parent null) after the scenario `header` (a scenario
 * without steps). Nodes that cannot be reached (a missing parent, a cycle) are left to the caller.
 */
export function validateStepTree<N extends TreeNode>(header: object, nodes: readonly N[]): TreeResult<N> {
  const head = validateScenario({ ...header, steps: [] });
  if (!head.ok) return { ok: false, path: [] };
  const actors = new Map(head.scenario.actors.map((a) => [a.id, a]));
  const children = new Map<number | null, N[]>();
  for (const n of nodes) {
    const list = children.get(n.parent);
    if (list === undefined) children.set(n.parent, [n]);
    else list.push(n);
  }
  const checker = new ReferenceChecker(actors);
  const steps = new Map<number, Step>();
  // Depth-first, without recursion (a path may be thousands of steps long).
  const stack: { node: N; depth: number }[] = (children.get(null) ?? []).map((node) => ({ node, depth: 0 }));
  stack.reverse();
  const path: N[] = [];
  const marks: number[] = [];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top;
    // Back to the state after this node's parent: forget the steps of the line checked before it.
    if (marks.length > depth) checker.rewind(marks[depth] ?? 0);
    marks.length = depth;
    path.length = depth;
    marks.push(checker.mark());
    path.push(node);
    const issues: ScenarioIssue[] = [];
    const step = parseStep(node.step, depth, issues);
    issues.push(...checker.check(step, depth));
    if (issues.length > 0 || step === undefined) return { ok: false, path: [...path] };
    steps.set(node.id, step);
    const next = children.get(node.id) ?? [];
    for (let k = next.length - 1; k >= 0; k--) stack.push({ node: next[k] as N, depth: depth + 1 });
  }
  return { ok: true, steps };
}
