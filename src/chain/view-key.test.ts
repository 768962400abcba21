import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsKey } from './view-key.ts';

// The reference: what kept reads (and the session images that carry them) were keyed by before.
const reference = (args: readonly unknown[]) =>
  JSON.stringify(args, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

const leaf = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }), // quotes, backslashes, control characters and lone surrogates to escape
  fc.bigInt(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e21, 5e-7), // JSON writes these its own way
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('record')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  record: fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
})).value;

describe('view call keys', () => {
  it('are the JSON text of the arguments, bigints marked, for any arguments', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 5 }), (args) => {
        expect(argsKey(args)).toBe(reference(args));
      }),
      { numRuns: 2000 },
    );
  });

  it('write the world reads’ usual arguments as before', () => {
    const args = [
      { avs: '0x03FFad0000000000000000000000000000000001', id: 0 },
      ['0x9D356d0000000000000000000000000000000002'],
      [12n, 0n],
      true,
    ];
    expect(argsKey(args)).toBe(
      '[{"avs":"0x03FFad0000000000000000000000000000000001","id":0},["0x9D356d0000000000000000000000000000000002"],["12n","0n"],true]',
    );
    // Objects JSON.stringify treats in its own way are left to it: a Date, a toJSON, a class instance.
    const when = new Date(0);
    expect(argsKey([when, { toJSON: () => 'x' }, new Map()])).toBe(
      reference([when, { toJSON: () => 'x' }, new Map()]),
    );
  });
});
