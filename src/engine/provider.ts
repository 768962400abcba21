// An EIP-1193 provider on the page, so unmodified viem or ethers code in the console can read and write the
// sandbox's contracts: every request goes to the chain worker (engine/rpc.ts answers it); a write or a move
// comes back with the session update, which the page applies like a step it performed itself, and a step a
// request made reaches the lesson on screen like any other action.
//
// Events (EIP-1193): `connect` once the sandbox is live, `accountsChanged` when a load brings other personas,
// and `historyMoved` (the sandbox's own) whenever the chain moves to another place in its history without a
// new block on top: undo, redo, scrubbing, a branch switch, evm_revert or a load. A script re-reads then.
// `chainChanged` is never emitted: every sandbox is chain 31337.
import type { ChainClient } from './chain-client.ts';
import type { RpcAnswer } from './rpc.ts';
import type { SessionState, SessionUpdate } from './session-types.ts';

export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] | object }): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): void;
  removeListener(event: string, listener: (...args: unknown[]) => void): void;
}

/** What `historyMoved` carries: where the chain is now. */
export interface HistoryMoved {
  /** The head block after the move, as eth_blockNumber gives it. */
  blockNumber: string;
  cursor: { branch: string; node: number | null };
  /** A load replaced the whole sandbox (another scenario, an import, a link). */
  reloaded: boolean;
}

/** The error shape EIP-1193 asks for: an Error with a numeric `code` (and `data`, a revert's bytes). */
export class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: string,
  ) {
    super(message);
    this.name = 'ProviderRpcError';
  }
}

export type Applied = (u: SessionUpdate | undefined, acted: RpcAnswer['acted']) => void;

export interface PageProvider extends Eip1193Provider {
  /** Called with the page's session after every change: emits the events above. */
  follow(session: SessionState | null): void;
}

export function createProvider(worker: ChainClient, applied: Applied): PageProvider {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const emit = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  let last: SessionState | null = null;
  return {
    async request({ method, params }) {
      const list = Array.isArray(params) ? params : params === undefined ? [] : [params];
      const answer = await worker.rpc(method, list);
      if ('error' in answer) {
        applied(undefined, answer.acted);
        throw new ProviderRpcError(answer.error.code, answer.error.message, answer.error.data);
      }
      if (answer.update !== undefined || answer.acted !== undefined) applied(answer.update, answer.acted);
      return answer.result;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
    },
    follow(session) {
      const prev = last;
      last = session;
      if (session === null || prev === session) return;
      if (prev === null) {
        emit('connect', { chainId: '0x7a69' });
        return;
      }
      const addresses = (s: SessionState) => s.actors.map((a) => a.address.toLowerCase()).join();
      if (addresses(prev) !== addresses(session))
        emit(
          'accountsChanged',
          session.actors.map((a) => a.address),
        );
      const c = session.cursor;
      // A load brings a whole new set of node objects; any other change keeps the ones it had.
      const reloaded =
        prev.source !== session.source ||
        Object.entries(prev.nodes).some(([id, n]) => session.nodes[Number(id)] !== n);
      // A new step on top of where the chain was is a new block, not a move: clients see it by polling.
      const stepped =
        c.node !== null && !(c.node in prev.nodes) && session.nodes[c.node]?.parent === prev.cursor.node;
      // A new branch at the cursor, or a rename, leaves the chain where it was.
      const moved = prev.cursor.node !== c.node;
      if (!reloaded && (stepped || !moved)) return;
      // Only asked for when a script listens: a first visit's moves are answered before the chain is live
      // (chain-worker.ts), and a question to the chain would make them wait for it.
      if ((listeners.get('historyMoved')?.size ?? 0) === 0) return;
      void worker.rpc('eth_blockNumber', []).then((a) => {
        if ('result' in a)
          emit('historyMoved', {
            blockNumber: String(a.result),
            cursor: { ...c },
            reloaded,
          } satisfies HistoryMoved);
      });
    },
  };
}
