// What a session image carries of the chain's incremental reads (chain/read-memo.ts): the view calls kept at
// the image's cursor, and the inputs each step wrote. A restored chain then starts as warm as the one the
// image was taken from: the first step after a restore runs again only the view calls that read a slot it
// wrote (a slash re-read the whole world without this), and a move in the restored history keeps every
// read the steps in between could not have changed. Every kept value was produced by the EVM, on the very
// state the image restores; inputs are long keys, so each is written once and the rest point into the list.
import type { Kept } from '../chain/runtime.ts';
import { fromTagged, toTagged } from './tagged-json.ts';

/** A kept view call: key, tagged result, revert message, inputs (indexes), the head it read. */
type Call = [key: string, value: unknown, error: string | null, inputs: number[], head: string | null];

export interface ImageReads {
  /** Every input named once (`s:<address>:<slot>`, `c:<address>`, `a`); calls and writes point into it. */
  inputs: string[];
  calls: Call[];
}

/** Packs the kept calls and each step's writes (undefined: not recorded) over one list of inputs. */
export function packReads(
  kept: Iterable<[string, Kept]>,
  writes: readonly (readonly string[] | undefined)[],
): { reads: ImageReads; writes: (number[] | undefined)[] } {
  const inputs: string[] = [];
  const index = new Map<string, number>();
  const at = (input: string) => {
    let i = index.get(input);
    if (i === undefined) {
      i = inputs.length;
      index.set(input, i);
      inputs.push(input);
    }
    return i;
  };
  const calls: Call[] = [];
  for (const [key, k] of kept)
    calls.push([key, toTagged(k.value) ?? null, k.error ?? null, k.deps.map(at), k.head ?? null]);
  return { reads: { inputs, calls }, writes: writes.map((w) => w?.map(at)) };
}

function input(reads: ImageReads, i: number): string {
  const name = reads.inputs[i];
  if (name === undefined) throw new Error(`the session image names input ${i}, which it does not list`);
  return name;
}

/** The kept calls, as read-memo.ts keeps them. */
export function unpackCalls(reads: ImageReads): [string, Kept][] {
  return reads.calls.map(([key, value, error, deps, head]) => [
    key,
    {
      value: value === null ? undefined : fromTagged(value),
      error: error ?? undefined,
      deps: deps.map((i) => input(reads, i)),
      head: head ?? undefined,
    },
  ]);
}

/** A step's writes from their indexes; undefined when the image did not record them. */
export function unpackWrites(reads: ImageReads | undefined, writes: unknown): string[] | undefined {
  if (reads === undefined || !Array.isArray(writes)) return undefined;
  return writes.map((i) => input(reads, Number(i)));
}
