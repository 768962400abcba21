// Scenarios for the browser benchmark, built from the playground's actors (the page's default scenario).

/** n steps a person could take one after another on the playground: stakes, deposits and time. */
export function replaySteps(n: number): ({ action: string } & Record<string, unknown>)[] {
  const cycle = [
    { action: 'lst.stake', by: 'carol', amount: '0.1 ETH' },
    { action: 'strategy.deposit', by: 'carol', strategy: 'stETH', amount: '0.1 ETH' },
    { action: 'chain.advance', blocks: 1 },
    { action: 'lst.stake', by: 'alice', amount: '0.1 ETH' },
  ];
  return Array.from(
    { length: n },
    (_, i) => cycle[i % cycle.length] ?? { action: 'chain.advance', blocks: 1 },
  );
}

/** `restakers` stakers spread over four operators, each allocating to two AVSs' sets. */
export function crowdScenario(restakers: number): Record<string, unknown> {
  const operators = ['op1', 'op2', 'op3', 'op4'];
  const stakers = Array.from({ length: restakers }, (_, i) => `s${i + 1}`);
  return {
    format: 'restaking-sandbox/scenario@1',
    title: `${restakers} restakers`,
    description: 'Benchmark: a crowded stake flow.',
    config: { preset: 'classroom' },
    actors: [
      ...stakers.map((id) => ({ id, role: 'staker', eth: '10 ETH' })),
      ...operators.map((id) => ({ id, role: 'operator', eth: '1 ETH' })),
      { id: 'avs1', role: 'avs' },
      { id: 'avs2', role: 'avs' },
    ],
    steps: [
      ...operators.map((by) => ({ action: 'operator.register', by, allocationDelay: 0 })),
      { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
      { action: 'avs.createOperatorSet', by: 'avs2', set: 0, strategies: ['stETH'] },
      ...operators.flatMap((by, i) => [
        { action: 'operator.registerForSets', by, avs: 'avs1', sets: [0] },
        { action: 'operator.registerForSets', by, avs: 'avs2', sets: [0] },
        {
          action: 'operator.allocate',
          by,
          avs: 'avs1',
          set: 0,
          strategy: 'stETH',
          magnitude: `${20 + 10 * i}%`,
        },
        { action: 'operator.allocate', by, avs: 'avs2', set: 0, strategy: 'stETH', magnitude: '30%' },
      ]),
      ...stakers.flatMap((by, i) => [
        { action: 'lst.stake', by, amount: `${1 + (i % 9)} ETH` },
        { action: 'strategy.deposit', by, strategy: 'stETH', amount: `${1 + (i % 9)} ETH` },
        { action: 'staker.delegate', by, operator: operators[i % operators.length] },
      ]),
      { action: 'chain.advance', blocks: 1 },
      { action: 'lst.stake', by: 's1', amount: '1 ETH' },
    ],
  };
}
