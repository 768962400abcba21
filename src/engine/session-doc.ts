// The saved form of a session (`restaking-sandbox/session@1`): the scenario header, every history node's
// step and parent, the branches and the cursor. It is what survives a reload (IndexedDB) and what an
// exported session file holds. Chain states are not saved: they are rebuilt by replaying the steps.
import * as v from 'valibot';
import { formatIssues, validateScenario, type Step } from '../protocol/scenario-schema.ts';
import { MAX_STEPS, tooManySteps } from './input-limits.ts';
import { validateStepTree } from '../protocol/scenario-tree.ts';
import type { Branch, Cursor, Problem, StepJson } from './session-types.ts';
import { MAIN_BRANCH, Session, SessionError } from './session.ts';

export const SESSION_FORMAT = 'restaking-sandbox/session@1';

const Step = v.looseObject({ action: v.string() });
const DocSchema = v.object({
  format: v.literal(SESSION_FORMAT),
  source: v.string(),
  scenario: v.looseObject({ format: v.string() }),
  nodes: v.array(
    v.object({
      id: v.pipe(v.number(), v.integer(), v.minValue(1)),
      parent: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
      step: Step,
    }),
  ),
  branches: v.pipe(
    v.array(v.object({ id: v.string(), name: v.string(), head: v.nullable(v.number()) })),
    v.minLength(1),
  ),
  cursor: v.object({ branch: v.string(), node: v.nullable(v.number()) }),
});

export type SessionDoc = v.InferOutput<typeof DocSchema>;

type SavedNode = { id: number; parent: number | null; step: StepJson };

/** Everything needed to rebuild a session: each node's step and parent, the branches, the cursor. */
function historyOf(s: Session): { nodes: SavedNode[]; branches: Branch[]; cursor: Cursor } {
  return {
    nodes: [...s.entries.values()].map(({ node }) => ({ id: node.id, parent: node.parent, step: node.step })),
    branches: s.branches.map((b) => ({ ...b })),
    cursor: { ...s.cursor },
  };
}

export function toDoc(s: Session): SessionDoc {
  const { steps: _steps, ...header } = s.scenarioAt(null);
  return { format: SESSION_FORMAT, source: s.source, scenario: { format: '', ...header }, ...historyOf(s) };
}

/**
 * Validates every node's step once, in time linear in the history's size (protocol/scenario-tree.ts).
 * Throws SessionError naming the first problem, found by validating that node's path as a whole scenario.
 */
export function validateHistory(header: object, nodes: readonly SavedNode[]): Map<number, Step> {
  const tree = validateStepTree(header, nodes);
  if (tree.ok) {
    if (tree.steps.size === nodes.length) return tree.steps;
    throw new SessionError(unreached(nodes, tree.steps));
  }
  const path = tree.path;
  const checked = validateScenario({ ...header, steps: path.map((n) => n.step) });
  const first = checked.ok ? undefined : checked.issues[0];
  const index = Number(/^steps\[(\d+)\]/.exec(first?.path ?? '')?.[1] ?? -1);
  const id = path[index]?.id;
  const issues = checked.ok ? [] : checked.issues.slice(0, 5);
  return fail(`saved step ${id ?? '?'}: ${formatIssues(issues)}`);
}

function fail(message: string): never {
  throw new SessionError({ kind: 'invalid', message });
}

/** Why a node was not reached from the start: its parent is missing, or its parents form a cycle. */
function unreached(nodes: readonly SavedNode[], reached: ReadonlyMap<number, unknown>): Problem {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lost = nodes.find((n) => !reached.has(n.id));
  const seen = new Set<number>();
  for (let at = lost; at !== undefined; at = at.parent === null ? undefined : byId.get(at.parent)) {
    if (seen.has(at.id)) return { kind: 'invalid', message: `saved step ${lost?.id ?? '?'} is in a cycle` };
    seen.add(at.id);
    if (at.parent !== null && !byId.has(at.parent))
      return { kind: 'invalid', message: `saved step ${at.id} follows a missing step ${at.parent}` };
  }
  return { kind: 'invalid', message: `saved step ${lost?.id ?? '?'} cannot be reached from the start` };
}

/**
 * Rebuilds saved history on a freshly loaded session (header only): every node is performed again after
 * its parent, keeping its id, then the saved branches and cursor are put back. Deterministic chains make
 * the replay land on the same states; a step that no longer succeeds means the saved history is corrupt.
 */
async function replay(s: Session, nodes: readonly SavedNode[], branches: readonly Branch[], cursor: Cursor) {
  const parsed = validateHistory(s.scenarioAt(null), nodes);
  for (const n of [...nodes].sort((x, y) => x.id - y.id)) {
    if (n.parent !== null && !s.entries.has(n.parent))
      throw new SessionError({
        kind: 'invalid',
        message: `saved step ${n.id} follows a missing step ${n.parent}`,
      });
    await s.moveChainTo(n.parent);
    s.branches = [{ ...MAIN_BRANCH, head: n.parent }];
    s.cursor = { branch: MAIN_BRANCH.id, node: n.parent };
    // Worlds are read on demand afterwards (the cursor's below): replaying reads none.
    const out = await s.attempt(n.step, n.id, false, parsed.get(n.id));
    if ('kind' in out) throw new SessionError({ ...out, message: `saved step ${n.id}: ${out.message}` });
  }
  if (!branches.some((b) => b.id === cursor.branch))
    throw new SessionError({
      kind: 'invalid',
      message: `the saved cursor names a missing branch "${cursor.branch}"`,
    });
  for (const b of branches)
    if (b.head !== null && !s.entries.has(b.head))
      throw new SessionError({
        kind: 'invalid',
        message: `branch "${b.name}" ends at a missing step ${b.head}`,
      });
  s.branches = branches.map((b) => ({ ...b }));
  await s.goto(cursor);
}

/** Rebuilds a session from a saved document; throws SessionError naming what is wrong with it. */
export async function fromDoc(json: unknown): Promise<Session> {
  const parsed = v.safeParse(DocSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '(root)';
    throw new SessionError({ kind: 'invalid', message: `saved session: ${where}: ${issue.message}` });
  }
  const doc = parsed.output;
  if (doc.nodes.length > MAX_STEPS)
    throw new SessionError({ kind: 'invalid', message: tooManySteps('the saved session', doc.nodes.length) });
  const seen = new Set<number>();
  for (const [i, n] of doc.nodes.entries()) {
    if (seen.has(n.id))
      throw new SessionError({
        kind: 'invalid',
        message: `saved session: nodes[${i}].id: ${n.id} is already the id of an earlier step; accepted: a new id`,
      });
    seen.add(n.id);
  }
  const session = await Session.load({ ...doc.scenario, steps: [] }, doc.source);
  await replay(session, doc.nodes, doc.branches, doc.cursor);
  return session;
}
