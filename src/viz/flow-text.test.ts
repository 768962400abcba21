import { expect, test } from 'vitest';
import { sampleWorld } from './flow-fixture.ts';
import { flowLayout } from './flow-layout.ts';
import { flowEmphasis, flowSummary, slashCaption, type FlowSlash } from './flow-text.ts';

const graph = flowLayout(sampleWorld, { width: 800, height: 400 });
const slash: FlowSlash = {
  operator: 'op1',
  set: 'avs1/0',
  losses: [{ who: 'alice', amount: '4000000000000000000' }],
  destination: 'burned',
};

test('the summary states the totals exactly', () => {
  expect(flowSummary(graph)).toBe(
    'Stake flow: 4 restakers hold 81 shares in 2 strategies; 2 operators have 76 shares delegated; ' +
      '34 shares allocated to 3 operator sets and 42 shares unallocated; 5 shares undelegated.',
  );
});

test('a slash caption names the set, the operator, each loss and where the stake went', () => {
  expect(slashCaption(slash)).toBe(
    'avs1 · set 0 slashed op1: alice lost 4 shares; the slashed shares wait to be burned (slashing.clear).',
  );
  expect(
    slashCaption({
      ...slash,
      losses: [
        { who: 'alice', amount: '3999999999999999999' },
        { who: 'lrt', amount: '500000000000000000' },
      ],
      destination: 'treasury',
    }),
  ).toBe(
    'avs1 · set 0 slashed op1: alice lost 4 shares − 1 wei, lrt lost 0.5 shares; ' +
      'the slashed shares wait to be redistributed to treasury (slashing.clear).',
  );
  // slashing.clear: where the shares went, by the amount that moved (single-avs-slash: 7 ETH burned).
  expect(slashCaption({ ...slash, losses: [], cleared: '7000000000000000000' })).toBe(
    "avs1 · set 0's slash of op1 cleared: 7 tokens burned.",
  );
  // An AVS slash of native ETH locks it in the pods (EigenPodManager); it is never burned.
  expect(slashCaption({ ...slash, destination: 'locked' })).toBe(
    'avs1 · set 0 slashed op1: alice lost 4 shares; slashed native ETH stays locked in the pods (it is never burned).',
  );
});

test('a highlighted operator brings forward exactly its links', () => {
  const e = flowEmphasis(graph, { operators: ['op2'] }, null, null);
  expect(e.active).toBe(true);
  expect([...e.nodes]).toEqual(['operator:op2']);
  expect([...e.links].sort()).toEqual([
    'operator:op2->set:avs2/1',
    'operator:op2->unallocated',
    'strategy:beaconETH->operator:op2',
    'strategy:stETH->operator:op2',
  ]);
  expect(flowEmphasis(graph, {}, null, null).active).toBe(false);
});

test('a slash marks the slashed allocation, the operator, the set and the losers', () => {
  const e = flowEmphasis(graph, {}, slash, null);
  expect([...e.slashedLinks].sort()).toEqual(['operator:op1->set:avs1/0', 'restaker:alice->strategy:stETH']);
  expect([...e.slashedNodes].sort()).toEqual(['operator:op1', 'restaker:alice', 'set:avs1/0']);
  expect(e.active).toBe(false);
});

test('a selected node counts as highlighted', () => {
  const e = flowEmphasis(graph, {}, null, 'set:avs1/0');
  expect([...e.links]).toEqual(['operator:op1->set:avs1/0']);
});
