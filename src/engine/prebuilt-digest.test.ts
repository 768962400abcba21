import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keccak256, stringToBytes } from 'viem';
import { getPreset } from '../protocol/scenarios/index.ts';
import index from './prebuilt-index.json' with { type: 'json' };
import { scenarioDigest, scenarioDigests } from './prebuilt-digest.ts';
import { canonical } from './share-base.ts';

/** The digest as the index defines it: the keccak of the cut scenario written with sorted keys. */
const defined = (json: Record<string, unknown>, n: number) => {
  const steps = Array.isArray(json.steps) ? (json.steps as unknown[]) : [];
  return keccak256(stringToBytes(canonical({ ...json, steps: steps.slice(0, n) })));
};

const value = fc.jsonValue({ maxDepth: 3 });
const scenario = fc.record(
  {
    format: fc.string(),
    title: fc.string({ unit: 'grapheme' }),
    zeta: value,
    aaa: value,
    config: fc.dictionary(fc.string(), value),
    steps: fc.array(fc.dictionary(fc.string(), value), { maxLength: 12 }),
  },
  { requiredKeys: ['steps'] },
);

describe('scenario digests', () => {
  it('every cut hashes as the whole text written out does, in any order and past the end', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.integer({ min: -3, max: 15 }), { maxLength: 5 }), (json, counts) => {
        expect(scenarioDigests(json, counts)).toEqual(counts.map((n) => defined(json, n)));
        for (const n of counts) expect(scenarioDigest(json, n)).toBe(defined(json, n));
      }),
      { numRuns: 300 },
    );
  });

  it('a share link built on the playground gives the index digest of the playground image', () => {
    const playground = getPreset('playground')?.json as { steps: unknown[] };
    const image = index.images.find((i) => i.id === 'playground');
    const link = { ...playground, steps: [...playground.steps, { action: 'chain.advance', blocks: 1 }] };
    expect(scenarioDigests(link, [30, 25, image?.steps ?? -1])[2]).toBe(image?.digest);
    expect(scenarioDigests(link, [30, 25])).not.toContain(image?.digest);
  });
});
