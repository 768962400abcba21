import { scaleLinear } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// flow-scale.ts sizes links as ETH × k instead of through d3's linear scale (kept out of the first screen's
// bundle): the two must agree to the last bit, or the diagram would shift by a pixel's fraction.
describe('the flow scale without d3', () => {
  it('equals scaleLinear([0, 1], [0, k]) for every amount and scale', () => {
    const amount = fc.oneof(
      fc.double({ min: 0, max: 1e30, noNaN: true }),
      fc.constantFrom(0, 1e-18, 32, 1e9),
    );
    const k = fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(0, 1e-12, 0.5, 3));
    fc.assert(
      fc.property(amount, k, (e, scale) => {
        expect(e * scale).toBe(scaleLinear([0, 1], [0, scale])(e));
      }),
      { numRuns: 2000 },
    );
  });
});
