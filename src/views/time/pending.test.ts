import { describe, expect, it } from 'vitest';
import type { World } from '../../protocol/world-types.ts';
import { pendingItems } from './pending.ts';

const world = {
  operators: {
    op1: {
      allocations: {
        'avs1/0': {
          stETH: { currentMagnitude: '5', pendingDiff: '-2', effectBlock: '1000400', allocatedStake: '0' },
        },
        'avs2/0': {
          stETH: { currentMagnitude: '5', pendingDiff: '0', effectBlock: '0', allocatedStake: '0' },
        },
      },
    },
  },
  stakers: {
    alice: {
      withdrawals: {
        w1: {
          strategy: 'stETH',
          scaledShares: '1',
          startBlock: '1000000',
          completableAfterBlock: '1000336',
          completed: false,
        },
        w0: {
          strategy: 'stETH',
          scaledShares: '1',
          startBlock: '999000',
          completableAfterBlock: '999336',
          completed: true,
        },
      },
    },
  },
  vaults: {
    lrt: {
      requests: {
        r1: { owner: 'bob', valueAtRequest: '1', completableAfterBlock: '1000100', claimed: false },
      },
    },
  },
  avs: {
    avs1: {
      slashRequests: {
        q: { operator: 'op1', set: '0', requestBlock: '1', vetoableUntilBlock: '1000050', status: 'pending' },
      },
    },
  },
} as unknown as World;

describe('pendingItems', () => {
  it('lists what waits, in the order it becomes ready, with the head from which it is ready', () => {
    expect(pendingItems(world).map((p) => [p.kind, p.readyAt])).toEqual([
      // Executable or completable in any block after the named one: the next transaction mines head + 1, so
      // from a head equal to it.
      ['slash request', 1000050n],
      ['redemption', 1000100n],
      ['withdrawal', 1000336n],
      // a pending magnitude change applies at its effect block itself
      ['deallocation', 1000400n],
    ]);
  });
});
