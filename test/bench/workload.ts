// The standard mixed restaking workload of the chain benchmark, as a scenario@1 document: deposits,
// delegations, allocations, slashes, queued and completed withdrawals and vault deposits, over rounds long
// enough for each round's withdrawals to become completable in the next.

const STAKERS = 20;
const OPERATORS = 5;
const AVSS = 3;

export function mixedWorkload(rounds: number): Record<string, unknown> {
  const stakers = Array.from({ length: STAKERS }, (_, i) => `s${i}`);
  const operators = Array.from({ length: OPERATORS }, (_, i) => `op${i}`);
  const avss = Array.from({ length: AVSS }, (_, i) => `avs${i}`);
  const actors = [
    ...stakers.map((id) => ({ id, role: 'staker', eth: '100000 ETH' })),
    ...operators.map((id) => ({ id, role: 'operator', eth: '10 ETH' })),
    ...avss.map((id) => ({ id, role: 'avs' })),
    { id: 'lrt', role: 'vault', operator: 'op0' },
  ];
  const steps: Record<string, unknown>[] = [];
  for (const op of operators) steps.push({ action: 'operator.register', by: op, allocationDelay: 0 });
  for (const avs of avss)
    steps.push({ action: 'avs.createOperatorSet', by: avs, set: 0, strategies: ['stETH'] });
  for (const op of operators) {
    for (const avs of avss) {
      steps.push({ action: 'operator.registerForSets', by: op, avs, sets: [0] });
      steps.push({ action: 'operator.allocate', by: op, avs, set: 0, strategy: 'stETH', magnitude: '20%' });
    }
  }
  stakers.forEach((s, i) =>
    steps.push({ action: 'staker.delegate', by: s, operator: operators[i % OPERATORS] }),
  );
  for (let r = 0; r < rounds; r++) {
    for (const s of stakers) {
      steps.push({ action: 'lst.stake', by: s, amount: '10 ETH' });
      steps.push({ action: 'strategy.deposit', by: s, strategy: 'stETH', amount: '5 ETH' });
      steps.push({ action: 'vault.deposit', by: s, vault: 'lrt', amount: '2 ETH' });
      steps.push({ action: 'withdrawal.queue', by: s, strategy: 'stETH', shares: '1 ETH', as: `w${r}-${s}` });
    }
    steps.push({ action: 'lst.report', delta: '+1 ETH' });
    const avs = avss[r % AVSS]!;
    steps.push({
      action: 'avs.slash',
      by: avs,
      operator: operators[r % OPERATORS],
      set: 0,
      strategies: ['stETH'],
      wads: ['1%'],
    });
    steps.push({ action: 'chain.advance', blocks: 337 });
    for (const s of stakers) {
      steps.push({
        action: 'withdrawal.complete',
        by: s,
        withdrawal: `w${r}-${s}`,
        receiveAsTokens: r % 2 === 0,
      });
    }
  }
  return {
    format: 'restaking-sandbox/scenario@1',
    title: 'Benchmark: mixed restaking workload',
    description: 'Deposits, delegations, allocations, slashes, withdrawals and vault deposits.',
    config: { preset: 'classroom' },
    actors,
    steps,
  };
}
