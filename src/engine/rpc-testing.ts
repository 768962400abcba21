// A host on the playground with an EIP-1193 provider over its rpc, as the page's provider forwards requests:
// shared by the provider's unit tests.
import { Host } from './host.ts';
import { memoryStore } from './store.ts';

export type Request = (args: { method: string; params?: unknown }) => Promise<unknown>;

export async function rpcHost() {
  const host = new Host(memoryStore());
  const { update } = await host.start();
  const request: Request = async ({ method, params }) => {
    const a = await host.rpc(method, (params as unknown[] | undefined) ?? []);
    if ('error' in a)
      throw Object.assign(new Error(a.error.message), { code: a.error.code, data: a.error.data });
    return a.result;
  };
  const provider = { request };
  const actor = (id: string) => {
    const a = update.header?.actors.find((x) => x.id === id);
    if (a === undefined) throw new Error(id);
    return a.address as `0x${string}`;
  };
  const contract = (name: string) => {
    const c = host.contracts().find((x) => x.name === name);
    if (c === undefined) throw new Error(`no ${name}`);
    return c.address as `0x${string}`;
  };
  /** The error a request is refused with: its code, message and data. */
  const refusal = async (method: string, params: unknown[] = []) => {
    const a = await host.rpc(method, params);
    if (!('error' in a)) throw new Error(`${method} was not refused`);
    return a.error;
  };
  return { host, provider, request, actor, contract, refusal };
}
