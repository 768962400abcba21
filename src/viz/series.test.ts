import { expect, test } from 'vitest';
import { buildSeries, type SeriesPointLike } from './series.ts';

const E = 10n ** 18n;
const eth = (n: bigint) => `${n * E}`;
// Genesis; op1 registers and gets 40 ETH; it allocates 20 ETH to avs1/0 and lrt opens at rate 1;
// avs1/0 slashes 25% of the allocation (op1 loses 5 ETH, lrt's rate falls to 0.9).
const points: SeriesPointLike[] = [
  { position: 0, block: '1000000', operatorStake: {}, vaultRate: {}, slashableStake: {} },
  { position: 1, block: '1000001', operatorStake: { op1: eth(40n) }, vaultRate: {}, slashableStake: {} },
  {
    position: 2,
    block: '1000003',
    operatorStake: { op1: eth(40n), op10: '0', op2: eth(1n) },
    vaultRate: { lrt: `${E}` },
    slashableStake: { 'avs1/0': eth(20n) },
  },
  {
    position: 3,
    block: '1000004',
    operatorStake: { op1: eth(35n), op10: '0', op2: eth(1n) },
    vaultRate: { lrt: `${(9n * E) / 10n}` },
    slashableStake: { 'avs1/0': eth(15n) },
  },
];

test('one series per operator, vault and set, in stable id order; missing positions have no point', () => {
  const g = buildSeries(points);
  expect(g.operatorStake.map((s) => s.id)).toEqual(['op1', 'op2', 'op10']);
  expect(g.operatorStake[0]).toEqual({
    id: 'op1',
    label: 'op1',
    points: [
      { x: 1, value: eth(40n) },
      { x: 2, value: eth(40n) },
      { x: 3, value: eth(35n) },
    ],
  });
  expect(g.vaultRate).toEqual([
    {
      id: 'lrt',
      label: 'lrt',
      points: [
        { x: 2, value: '1000000000000000000' },
        { x: 3, value: '900000000000000000' },
      ],
    },
  ]);
  expect(g.slashableStake).toEqual([
    {
      id: 'avs1/0',
      label: 'avs1 · set 0',
      points: [
        { x: 2, value: eth(20n) },
        { x: 3, value: eth(15n) },
      ],
    },
  ]);
});

test('x may be the block instead of the position; input order does not matter', () => {
  const g = buildSeries([...points].reverse(), 'block');
  expect(g.slashableStake[0]?.points.map((p) => p.x)).toEqual([1000003, 1000004]);
  expect(buildSeries([]).operatorStake).toEqual([]);
});
