// The saved form of a session (`restaking-sandbox/session@1`): the scenario header, every history node's
// step and parent, the branches and the cursor. It is what survives a reload (IndexedDB) and what an
// exported session file holds. Chain states are not saved: they are rebuilt by replaying the steps.
import * as v from 'valibot';
import { Session, SessionError } from './session.ts';

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

export function toDoc(s: Session): SessionDoc {
  const { steps: _steps, ...header } = s.scenarioAt(null);
  return { format: SESSION_FORMAT, source: s.source, scenario: { format: '', ...header }, ...s.history() };
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
  const session = await Session.load({ ...doc.scenario, steps: [] }, doc.source);
  await session.replay(doc.nodes, doc.branches, doc.cursor);
  return session;
}
