// An EIP-1193 provider on the page, so viem or ethers code in the console can read and write the sandbox's
// contracts: every request goes to the chain worker (engine/rpc.ts answers it); a write comes back with the
// session update, which the page applies like any step it performed itself.
import type { ChainClient } from './chain-client.ts';
import type { SessionUpdate } from './session-types.ts';

export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] | object }): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): void;
  removeListener(event: string, listener: (...args: unknown[]) => void): void;
}

/** The error shape EIP-1193 asks for: an Error with a numeric `code`. */
export class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** Revert data of a reverted call, for clients that decode custom errors. */
    readonly data?: string,
  ) {
    super(message);
    this.name = 'ProviderRpcError';
  }
}

export function createProvider(worker: ChainClient, onUpdate: (u: SessionUpdate) => void): Eip1193Provider {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    async request({ method, params }) {
      const list = Array.isArray(params) ? params : params === undefined ? [] : [params];
      const answer = await worker.rpc(method, list);
      if ('error' in answer)
        throw new ProviderRpcError(answer.error.code, answer.error.message, answer.error.data);
      if (answer.update !== undefined) onUpdate(answer.update);
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
  };
}
