// Worlds read in the background, in bulk: the charts' series and the worlds around the cursor that a first
// undo will want. They are read on a clone of the session's chain (a second VM over the same trie database,
// see cloneChain), so the live chain never leaves the cursor for them and a move never waits behind them.
// The clone walks the history in order, and each restore tells its reads which inputs the steps in between
// wrote (read-memo.ts), so a world costs only the view calls those steps could have changed.
import { cloneChain, restore, type Chain, type Snapshot } from '../chain/runtime.ts';
import { cloneNames, type Names, type Sandbox } from '../protocol/sandbox.ts';
import { readWorld } from '../protocol/world.ts';
import type { World } from '../protocol/world-types.ts';

/** What a history position keeps: its snapshot, the names it made, and its world once read. */
export interface Position {
  snap: Snapshot;
  names: Names;
  world: World | null;
}

/** The parts of a session the background reader needs. */
export interface WorldSource {
  readonly sb: Sandbox;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** The position of a node (null: genesis), or undefined when the node no longer exists. */
  position(node: number | null): Position | undefined;
  /** Every input the steps between two nodes may have written, or undefined when that is not known. */
  writesBetween(a: number | null | undefined, b: number | null): ReadonlySet<string> | undefined;
  /** Settles once every position's state root is known (a load may leave some for later). */
  rootsReady(): Promise<void>;
}

/** Lets a move in the queue run between two background worlds. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class BackgroundWorlds {
  private chain: Promise<Chain> | undefined;
  /** The node the clone stands at (undefined: not known). */
  private at: number | null | undefined = undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly source: WorldSource) {}

  /**
   * Reads and keeps the world of every node in `nodes` that has none yet, in the given order, one at a time
   * and never two fills at once. Stops early when `wanted` turns false or once `most` worlds were read (a
   * world already held, such as an image's, costs no read: it is only decoded). Returns how many it read.
   */
  fill(
    nodes: readonly (number | null)[],
    wanted: () => boolean = () => true,
    most = Infinity,
  ): Promise<number> {
    const run = this.queue.then(() => this.fillNow(nodes, wanted, most));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fillNow(
    nodes: readonly (number | null)[],
    wanted: () => boolean,
    most: number,
  ): Promise<number> {
    let read = 0;
    await this.source.rootsReady();
    for (const node of nodes) {
      if (!wanted() || read >= most) break;
      const p = this.source.position(node);
      if (p === undefined || p.world !== null) continue;
      // The clone is made inside the session's turn: taking the live chain's root needs it between steps.
      this.chain ??= this.source.exclusive(() => cloneChain(this.source.sb.chain));
      const chain = await this.chain;
      await restore(chain, p.snap, this.source.writesBetween(this.at, node));
      this.at = node;
      const world = await readWorld({ ...this.source.sb, chain, names: cloneNames(p.names) });
      p.world ??= world;
      read++;
      await breathe();
    }
    return read;
  }
}
