// Undo, redo and moves in the first screen's history (first-screen.ts), answered by the worker's first chunk
// while the chain's code is still loading: the default sandbox's every world was read by the chain when
// `npm run images` took the first screen, so a move only picks one. Each answer is exactly Host's for the
// same move (first-screen-moves.test.ts checks random sequences against a live Host); once the chain is
// live it takes the cursor from here (chain-worker.ts) and answers everything itself.
import type { World } from '../protocol/world-types.ts';
import type { FirstScreen } from './first-screen.ts';
import { StoredWorlds } from './session-image-worlds.ts';
import type { Branch, Cursor, HistoryNode, Outcome } from './session-types.ts';

const refused = (message: string): Outcome => ({ ok: false, problem: { kind: 'invalid', message } });

export class FirstScreenMoves {
  cursor: Cursor;
  /** Where the first screen put the cursor. */
  readonly start: Cursor;
  private readonly nodes: Map<number, HistoryNode>;
  private readonly branches: Branch[];
  private readonly worlds: StoredWorlds;
  private readonly genesis: World;

  constructor(screen: FirstScreen) {
    const u = screen.start.update;
    this.cursor = { ...u.cursor };
    this.start = { ...u.cursor };
    this.nodes = new Map(u.nodes.map((n) => [n.id, n]));
    this.branches = u.branches;
    this.genesis = screen.genesisWorld;
    this.worlds = new StoredWorlds(
      new Map(screen.worlds),
      (id) => this.nodes.get(id)?.parent ?? null,
      screen.genesisWorld,
    );
  }

  /** Whether the cursor is still where the first screen put it. */
  get moved(): boolean {
    return this.cursor.branch !== this.start.branch || this.cursor.node !== this.start.node;
  }

  undo(): Outcome {
    const { branch, node } = this.cursor;
    if (node === null) return refused('nothing to undo: this is the start');
    return this.goto({ branch, node: this.nodes.get(node)?.parent ?? null });
  }

  redo(): Outcome {
    const found = this.branch(this.cursor.branch);
    if (found === undefined) return refused(`there is no branch "${this.cursor.branch}"`);
    const path = this.pathTo(found.head);
    const next = path[this.cursor.node === null ? 0 : path.indexOf(this.cursor.node) + 1];
    if (next === undefined) return refused('nothing to redo: this is the end of the branch');
    return this.goto({ branch: this.cursor.branch, node: next });
  }

  goto(cursor: Cursor): Outcome {
    const branch = this.branch(cursor.branch);
    if (branch === undefined) return refused(`there is no branch "${cursor.branch}"`);
    if (cursor.node !== null && !this.pathTo(branch.head).includes(cursor.node))
      return refused(`step ${cursor.node} is not on branch "${branch.name}"`);
    const world = cursor.node === null ? this.genesis : this.worlds.world(cursor.node);
    if (world === null) return refused(`the world at step ${String(cursor.node)} was not kept`);
    this.cursor = { branch: branch.id, node: cursor.node };
    return {
      ok: true,
      update: {
        reset: false,
        nodes: [],
        branches: this.branches.map((b) => ({ ...b })),
        cursor: { ...this.cursor },
        world,
      },
    };
  }

  private branch(id: string): Branch | undefined {
    return this.branches.find((b) => b.id === id);
  }

  /** Node ids from the first step to `node`, as Session.pathTo gives them. */
  private pathTo(node: number | null): number[] {
    const path: number[] = [];
    for (let at = node; at !== null; at = this.nodes.get(at)?.parent ?? null) path.push(at);
    return path.reverse();
  }
}
