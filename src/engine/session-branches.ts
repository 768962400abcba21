// Named branches of a session's history: acting after an undo starts one by itself (session.ts); a person
// can also start one at the cursor, rename one, or delete one they are not on.
import type { Session } from './session.ts';
import { SessionError } from './session.ts';
import type { Branch, SessionUpdate } from './session-types.ts';

/** One above the highest id in use: an id is reused only if the newest branch was deleted. */
export function freshBranchId(branches: readonly Branch[]): string {
  const highest = Math.max(1, ...branches.map((b) => Number(/^b(\d+)$/.exec(b.id)?.[1] ?? 0)));
  return `b${highest + 1}`;
}

export function freshBranchName(branches: readonly Branch[]): string {
  let k = branches.length + 1;
  while (branches.some((b) => b.name === `branch ${k}`)) k++;
  return `branch ${k}`;
}

/** A new branch starting at the cursor; the cursor moves onto it. */
export function newBranch(s: Session, name: string): SessionUpdate {
  const trimmed = name.trim();
  if (trimmed === '' || s.branches.some((b) => b.name === trimmed))
    throw new SessionError({
      kind: 'invalid',
      message: trimmed === '' ? 'a branch needs a name' : `a branch named "${trimmed}" already exists`,
    });
  const branch = { id: freshBranchId(s.branches), name: trimmed, head: s.cursor.node };
  s.branches.push(branch);
  s.cursor = { branch: branch.id, node: s.cursor.node };
  return s.update([]);
}

export function renameBranch(s: Session, id: string, name: string): SessionUpdate {
  const trimmed = name.trim();
  if (trimmed === '' || s.branches.some((b) => b.name === trimmed && b.id !== id))
    throw new SessionError({
      kind: 'invalid',
      message: `"${trimmed}" cannot name a branch: it is empty or taken`,
    });
  s.branch(id).name = trimmed;
  return s.update([]);
}

/** Removes a branch other than the current one (its steps stay reachable from any branch sharing them). */
export function deleteBranch(s: Session, id: string): SessionUpdate {
  if (id === s.cursor.branch)
    throw new SessionError({ kind: 'invalid', message: 'switch to another branch before deleting this one' });
  s.branch(id);
  s.branches = s.branches.filter((b) => b.id !== id);
  return s.update([]);
}
