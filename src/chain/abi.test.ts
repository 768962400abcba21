import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  decodeEventLog,
  encodeAbiParameters,
  encodeEventTopics,
  getAddress,
  toHex,
  type AbiEvent,
  type AbiParameter,
  type Hex,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { abiOf, abis, bytecodeOf, combinedAbi, decodeLog } from './abi.ts';

const artifacts = JSON.parse(
  readFileSync(new URL('./contracts/artifacts.json', import.meta.url), 'utf8'),
) as Record<string, { abi: unknown[]; bytecode: string }>;

describe('the compiled contracts, split for the page', () => {
  it('abis.json holds exactly the ABIs of artifacts.json (run `npm run contracts` after editing Solidity)', () => {
    expect(Object.keys(abis).sort()).toEqual(Object.keys(artifacts).sort());
    for (const [name, a] of Object.entries(artifacts)) expect(abiOf(name)).toEqual(a.abi);
  });

  it('loads the creation bytecode on demand, and names a contract it does not have', async () => {
    expect(await bytecodeOf('Multicall3')).toBe(artifacts['Multicall3']?.bytecode);
    await expect(bytecodeOf('NoSuchContract')).rejects.toThrow('no compiled contract named NoSuchContract');
  });
});

/** Values of an ABI parameter's type, for logs made up from the ABIs. */
function valueOf(p: AbiParameter): fc.Arbitrary<unknown> {
  const array = /^(.*)\[(\d*)\]$/.exec(p.type);
  if (array !== null) {
    const inner = valueOf({ ...p, type: array[1] ?? '' } as AbiParameter);
    const n = array[2] === '' || array[2] === undefined ? undefined : Number(array[2]);
    return fc.array(inner, n === undefined ? { maxLength: 3 } : { minLength: n, maxLength: n });
  }
  if (p.type === 'tuple') {
    const parts = (p as { components: readonly AbiParameter[] }).components;
    return fc
      .tuple(...parts.map(valueOf))
      .map((vs) => Object.fromEntries(parts.map((c, i) => [c.name, vs[i]])));
  }
  if (p.type === 'address')
    return fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(toHex(b)));
  if (p.type === 'bool') return fc.boolean();
  if (p.type === 'string') return fc.string({ maxLength: 12 });
  if (p.type === 'bytes') return fc.uint8Array({ maxLength: 40 }).map((b) => toHex(b));
  const fixed = /^bytes(\d+)$/.exec(p.type);
  if (fixed !== null)
    return fc.uint8Array({ minLength: Number(fixed[1]), maxLength: Number(fixed[1]) }).map((b) => toHex(b));
  const int = /^(u?)int(\d*)$/.exec(p.type);
  if (int === null) throw new Error(`no values for ${p.type}`);
  const bits = BigInt(int[2] || '256');
  return int[1] === 'u'
    ? fc.bigInt(0n, 2n ** bits - 1n)
    : fc.bigInt(-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n);
}

/** A log of one of the miniatures' events, with made-up values; sometimes cut short or from no event at all. */
const logs = fc.oneof(
  fc.constantFrom(...combinedAbi.filter((i): i is AbiEvent => i.type === 'event')).chain((event) =>
    fc.tuple(...event.inputs.map(valueOf)).map((values) => {
      const indexed = event.inputs.flatMap((p, i) => (p.indexed === true ? [values[i]] : []));
      const rest = event.inputs.filter((p) => p.indexed !== true);
      const topics = encodeEventTopics({ abi: [event], args: indexed } as never) as Hex[];
      const data = encodeAbiParameters(
        rest,
        event.inputs.flatMap((p, i) => (p.indexed === true ? [] : [values[i]])),
      );
      return { topics, data };
    }),
  ),
  fc.record({
    topics: fc.array(
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => toHex(b)),
      { maxLength: 4 },
    ),
    data: fc.uint8Array({ maxLength: 96 }).map((b) => toHex(b)),
  }),
);

describe('decoding logs', () => {
  it('finds each event by its selector and decodes as viem does over every event of every miniature, first time or kept', () => {
    const address = getAddress(`0x${'12'.repeat(20)}`);
    const reference = (topics: Hex[], data: Hex) => {
      try {
        const d = decodeEventLog({
          abi: combinedAbi,
          topics: topics as [Hex, ...Hex[]],
          data,
          strict: false,
        });
        return { address, eventName: d.eventName ?? 'Unknown', args: { ...(d.args as object) } };
      } catch {
        return { address, eventName: 'Unknown', args: { topics, data } };
      }
    };
    fc.assert(
      fc.property(logs, fc.nat(3), ({ topics, data }, cut) => {
        const short = cut === 3 ? (data.slice(0, Math.max(2, data.length - 64)) as Hex) : data;
        const first = decodeLog(address, topics, short);
        expect(first).toEqual(reference(topics, short));
        // Again (now from the decoded logs kept), from another address: the same, in a record of its own.
        const other = getAddress(`0x${'34'.repeat(20)}`);
        const again = decodeLog(other, topics, short);
        expect(again).toEqual({ ...reference(topics, short), address: other });
        expect(again.args).not.toBe(first.args);
      }),
      { numRuns: 400 },
    );
  });
});
