// Test fixtures for the action catalog and the forms built on it: the actors and the prelude of steps that
// make every name the examples refer to, and an empty world. Used only by tests.
import type { World } from './world-types.ts';

export const ACTORS = [
  { id: 'alice', role: 'staker', eth: '100 ETH' },
  { id: 'council', role: 'staker' },
  { id: 'op1', role: 'operator', eth: '10 ETH' },
  { id: 'avs1', role: 'avs' },
  { id: 'avs2', role: 'avs' },
  { id: 'lrt', role: 'vault', operator: 'op1' },
] as const;

/** Steps that make every name the examples refer to: set 0 of both AVSs, r1, s1, v1, w1, q1. */
export const PRELUDE = [
  { action: 'lst.stake', by: 'alice', amount: '40 ETH' },
  { action: 'operator.register', by: 'op1', allocationDelay: 0 },
  { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
  { action: 'avs.createOperatorSet', by: 'avs2', set: 0, strategies: ['stETH'] },
  { action: 'avs.configureVeto', by: 'avs2', blocks: 10, committee: 'council' },
  {
    action: 'avs.requestSlash',
    by: 'avs2',
    operator: 'op1',
    set: 0,
    strategies: ['stETH'],
    wads: ['10%'],
    as: 'r1',
  },
  {
    action: 'avs.slash',
    by: 'avs1',
    operator: 'op1',
    set: 0,
    strategies: ['stETH'],
    wads: ['10%'],
    as: 's1',
  },
  { action: 'pod.create', by: 'alice' },
  { action: 'pod.stake', by: 'alice', as: 'v1' },
  { action: 'withdrawal.queue', by: 'alice', strategy: 'stETH', shares: '1 ETH', as: 'w1' },
  { action: 'vault.deposit', by: 'alice', vault: 'lrt', amount: '5 ETH' },
  { action: 'vault.requestRedeem', by: 'alice', vault: 'lrt', amount: '1 ETH', as: 'q1' },
];

/** A world with nothing in it yet, at block 1000010. */
export const emptyWorld = (): World => ({
  format: 'restaking-sandbox/world@1',
  block: '1000010',
  timestamp: '0',
  accounts: {},
  stakers: {},
  operators: {},
  avs: {},
  strategies: {},
  lst: { totalPooledEther: '0', totalShares: '0' },
  vaults: {},
  validators: {},
  burned: {},
  lockedSlashedNativeShares: '0',
});
