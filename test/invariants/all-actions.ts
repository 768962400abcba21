// One property over every action kind, shared by CI's short seeded run (all-actions.test.ts) and the long run
// (long-run.ts): a random sequence of 8 to 18 steps from the set-up world, every invariant checked after every
// step (harness.ts runChecked).
import fc from 'fast-check';
import { resolveSeed, seeds, type Kind, type Seed } from './actions.ts';
import { reset, runChecked, type Tally, type World0 } from './harness.ts';

export const ALL_KINDS: readonly Kind[] = [
  'lst.stake',
  'lst.report',
  'strategy.deposit',
  'staker.delegate',
  'staker.undelegate',
  'withdrawal.queue',
  'withdrawal.complete',
  'operator.allocate',
  'chain.advance',
  'avs.slash',
  'slashing.clear',
  'pod.create',
  'pod.stake',
  'pod.verifyCredentials',
  'pod.startCheckpoint',
  'pod.verifyCheckpoint',
  'beacon.reward',
  'beacon.penalty',
  'beacon.slash',
  'beacon.exit',
  'vault.deposit',
  'vault.requestRedeem',
  'vault.claim',
];

export const allActionSequences = seeds(Object.fromEntries(ALL_KINDS.map((k) => [k, 1])), 8, 18);

export function allActionsProperty(w: World0, tally: Tally) {
  return fc.asyncProperty(allActionSequences, async (ss: Seed[]) => {
    await reset(w);
    await runChecked(w, (sb, i) => resolveSeed(sb, ss[i]!), ss.length, tally);
  });
}
