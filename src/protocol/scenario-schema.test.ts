import { describe, expect, it } from 'vitest';
import { paths, problems, valid } from './scenario-testing.ts';
import { realDuration } from './scenario-schema.ts';

const ETH = 10n ** 18n;

/** formats.md's own example, verbatim. */
const example = () => ({
  format: 'restaking-sandbox/scenario@1',
  title: 'One AVS slashes an operator',
  description: 'Markdown shown beside the sandbox.',
  config: { preset: 'classroom' } as Record<string, unknown>,
  actors: [
    { id: 'alice', role: 'staker', eth: '100 ETH' },
    { id: 'op1', role: 'operator', eth: '10 ETH' },
    { id: 'avs1', role: 'avs' },
    { id: 'lrt', role: 'vault', operator: 'op1' },
  ] as Record<string, unknown>[],
  steps: [
    { action: 'lst.stake', by: 'alice', amount: '40 ETH' },
    { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '40 ETH' },
    { action: 'operator.register', by: 'op1', allocationDelay: 0 },
    { action: 'staker.delegate', by: 'alice', operator: 'op1' },
    { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
    { action: 'operator.registerForSets', by: 'op1', avs: 'avs1', sets: [0] },
    { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: '50%' },
    { action: 'chain.advance', blocks: 1 },
    {
      action: 'avs.slash',
      by: 'avs1',
      operator: 'op1',
      set: 0,
      strategies: ['stETH'],
      wads: ['20%'],
      as: 's1',
    },
    { action: 'expect', values: { 'stakers.alice.strategies.stETH.withdrawableShares': '36 ETH' } },
  ] as Record<string, unknown>[],
});

describe('a valid scenario', () => {
  it('parses formats.md example with every quantity as a bigint', () => {
    const s = valid(example());
    expect(s.actors).toEqual([
      { id: 'alice', role: 'staker', eth: 100n * ETH },
      { id: 'op1', role: 'operator', eth: 10n * ETH },
      { id: 'avs1', role: 'avs' },
      { id: 'lrt', role: 'vault', operator: 'op1' },
    ]);
    expect(s.steps[0]).toEqual({ action: 'lst.stake', by: 'alice', amount: 40n * ETH });
    expect(s.steps[2]).toEqual({ action: 'operator.register', by: 'op1', allocationDelay: 0n });
    expect(s.steps[6]).toMatchObject({ magnitude: ETH / 2n, set: 0 });
    expect(s.steps[7]).toEqual({ action: 'chain.advance', blocks: 1n });
    expect(s.steps[8]).toMatchObject({ wads: [ETH / 5n], as: 's1' });
    expect(s.steps[9]).toEqual({
      action: 'expect',
      values: [
        {
          path: 'stakers.alice.strategies.stETH.withdrawableShares',
          expected: { type: 'bigint', unit: 'amount', value: 36n * ETH },
        },
      ],
    });
  });

  it('resolves the classroom preset: one block per hour, so 14 days is 336 blocks', () => {
    expect(valid(example()).config).toEqual({
      preset: 'classroom',
      withdrawalDelayBlocks: 336n,
      deallocationDelayBlocks: 336n,
      allocationConfigurationDelayBlocks: 420n,
      startBlock: 1_000_000n,
      secondsPerBlock: 12n,
      lstFee: ETH / 10n,
      beaconSlashingPenaltyDivisor: 4096n,
    });
  });

  it('resolves the mainnet preset and applies overrides', () => {
    const json = example();
    json.config = { preset: 'mainnet', deallocationDelayBlocks: '50', lstFee: '5%', startBlock: 200000 };
    expect(valid(json).config).toMatchObject({
      withdrawalDelayBlocks: 100_800n,
      deallocationDelayBlocks: 50n,
      allocationConfigurationDelayBlocks: 126_000n,
      lstFee: ETH / 20n,
      startBlock: 200_000n,
    });
  });

  it('gives the real duration a delay stands for: both presets mean 14 and 17.5 days', () => {
    const day = 86_400n;
    expect(realDuration(336n, 'classroom')).toBe(14n * day);
    expect(realDuration(100_800n, 'mainnet')).toBe(14n * day);
    expect(realDuration(420n, 'classroom')).toBe((35n * day) / 2n);
    expect(realDuration(126_000n, 'mainnet')).toBe((35n * day) / 2n);
  });

  it('names the withdrawals staker.undelegate queues <as>/<strategy>', () => {
    const json = example();
    json.steps.push({ action: 'staker.undelegate', by: 'alice', as: 'u' });
    json.steps.push({
      action: 'withdrawal.complete',
      by: 'alice',
      withdrawal: 'u/stETH',
      receiveAsTokens: true,
    });
    json.steps.push({ action: 'expect', values: { 'stakers.alice.withdrawals.u/stETH.completed': true } });
    expect(valid(json).steps).toHaveLength(13);
  });
});

describe('an invalid scenario', () => {
  it('refuses actor ids that are token names or not plain object keys', () => {
    for (const id of ['stETH', '__proto__', 'constructor']) {
      const json = example();
      json.actors.push({ id, role: 'staker' });
      expect(problems(json)).toEqual([
        {
          path: 'actors[4].id',
          message: `"${id}" is ${id === 'stETH' ? 'a token name' : 'a reserved name'}; accepted: another id`,
        },
      ]);
    }
  });

  it('reports every problem, in file order, with its path', () => {
    const json = example() as Record<string, unknown> & ReturnType<typeof example>;
    json['extra'] = 1;
    json.config['startBlock'] = 10;
    json.actors.push({ id: 'alice', role: 'staker' });
    json.steps[0] = { action: 'lst.stake', by: 'alice', amount: '5 ether' };
    json.steps[1] = { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', ammount: '1 ETH' };
    json.steps[2] = { action: 'operator.regster', by: 'op1' };
    json.steps[6] = { ...json.steps[6], magnitude: '150%' };
    json.steps[9] = { action: 'expect', values: { 'stakers.alice.eth': '1 ETH' } };
    expect(paths(json)).toEqual([
      'extra',
      'config.startBlock',
      'actors[4].id',
      'steps[0].amount',
      'steps[1].ammount',
      'steps[1].amount',
      'steps[2].action',
      'steps[6].magnitude',
      'steps[9].values["stakers.alice.eth"]',
    ]);
  });

  it('quotes the bad value and the accepted forms', () => {
    const json = example();
    json.steps[0] = { action: 'lst.stake', by: 'alice', amount: '1e18' };
    const [issue] = problems(json);
    expect(issue?.path).toBe('steps[0].amount');
    expect(issue?.message).toContain('"1e18" uses exponent notation');
    expect(issue?.message).toContain('accepted: "32 ETH", "0.5 ETH"');
  });

  it('rejects a wrong format, a non-object and a missing title', () => {
    expect(problems({ ...example(), format: 'restaking-sandbox/scenario@2' })[0]?.message).toContain(
      'accepted: "restaking-sandbox/scenario@1"',
    );
    expect(paths(null)).toEqual(['(root)']);
    const { title: _title, ...untitled } = example();
    expect(problems(untitled)).toEqual([
      { path: 'title', message: 'is missing; accepted: a non-empty string' },
    ]);
  });

  it('checks roles: who signs, what a vault delegates to, what a field names', () => {
    const json = example();
    json.actors[3] = { id: 'lrt', role: 'vault', operator: 'alice' };
    json.steps[3] = { action: 'staker.delegate', by: 'alice', operator: 'avs1' };
    json.steps.push({ action: 'operator.setAllocationDelay', by: 'alice', blocks: 5 });
    const issues = problems(json);
    expect(issues.map((i) => i.path)).toEqual(['actors[3].operator', 'steps[3].operator', 'steps[10].by']);
    expect(issues[2]?.message).toBe('"alice" is a staker; accepted: an actor with role operator');
  });

  it('requires names to be defined by an earlier step, and once', () => {
    const json = example();
    json.steps.splice(1, 0, {
      action: 'withdrawal.complete',
      by: 'alice',
      withdrawal: 'w1',
      receiveAsTokens: true,
    });
    json.steps.push({
      action: 'withdrawal.queue',
      by: 'alice',
      strategy: 'stETH',
      shares: '1 ETH',
      as: 'w1',
    });
    json.steps.push({
      action: 'withdrawal.queue',
      by: 'alice',
      strategy: 'stETH',
      shares: '1 ETH',
      as: 's1',
    });
    json.steps.push({ action: 'slashing.clear', by: 'alice', avs: 'avs1', set: 0, slash: 'w1' });
    const issues = problems(json);
    expect(issues).toEqual([
      {
        path: 'steps[1].withdrawal',
        message:
          '"w1" is defined only later, at steps[11]; accepted: the "as" name of a withdrawal (withdrawal.queue) from an earlier step',
      },
      { path: 'steps[12].as', message: '"s1" is already used by steps[9]; accepted: a name not used before' },
      {
        path: 'steps[13].slash',
        message:
          '"w1" names a withdrawal (withdrawal.queue); accepted: the "as" name of a slash (avs.slash or avs.executeSlash) from an earlier step',
      },
    ]);
  });

  it('checks slashes against their operator set, unless the step expects the revert', () => {
    const json = example();
    const slash = {
      action: 'avs.slash',
      by: 'avs1',
      operator: 'op1',
      set: 0,
      strategies: ['beaconETH'],
      wads: ['0%'],
    };
    json.steps.push(slash, { ...slash, set: 7 });
    expect(paths(json)).toEqual([
      'steps[10].strategies[0]',
      'steps[10].wads[0]',
      'steps[11].set',
      'steps[11].wads[0]',
    ]);
    json.steps[10] = { ...slash, expectRevert: 'StrategyNotInOperatorSet' };
    json.steps[11] = { ...slash, set: 7, expectRevert: 'InvalidOperatorSet' };
    expect(valid(json).steps[11]).toMatchObject({ expectRevert: 'InvalidOperatorSet' });
  });

  it('still requires identity references when a revert is expected (the runner must build the call)', () => {
    const json = example();
    json.steps.push({
      action: 'vault.claim',
      by: 'alice',
      vault: 'lrt',
      request: 'nope',
      expectRevert: 'NotReady',
    });
    expect(paths(json)).toEqual(['steps[10].request']);
  });

  it('checks expect paths against the actors and names of the scenario', () => {
    const json = example();
    json.steps.push({
      action: 'expect',
      values: {
        'stakers.bob.strategies.stETH.withdrawableShares': '0',
        'operators.alice.shares.stETH': '0',
        'validators.v9.slashed': false,
        'operators.op1.allocations.avs1/0.stETH.currentMagnitude': '40%',
      },
    });
    expect(problems(json).map((i) => i.message)).toEqual([
      '"bob" in the path is not an actor',
      '"alice" is a staker, and operators.* holds only actors with role operator',
      '"validators.v9.slashed" names validator "v9" that no earlier step defines',
    ]);
  });

  it('rejects beacon-chain amounts that are not whole gwei, and an advance without exactly one unit', () => {
    const json = example();
    json.steps.push({ action: 'pod.create', by: 'alice' }, { action: 'pod.stake', by: 'alice', as: 'v1' });
    json.steps.push({ action: 'beacon.reward', validator: 'v1', amount: '1 wei' });
    json.steps.push(
      { action: 'chain.advance', blocks: 1, seconds: 12 },
      { action: 'chain.advance', blocks: 0 },
    );
    expect(paths(json)).toEqual(['steps[12].amount', 'steps[13].blocks', 'steps[14].blocks']);
  });
});

describe('a step that expects a revert', () => {
  it('creates nothing that later steps could refer to', () => {
    const json = example();
    const redistributing = { action: 'avs.createOperatorSet', by: 'avs1', set: 1, strategies: ['beaconETH'] };
    json.steps.push({ ...redistributing, redistributionRecipient: 'alice', expectRevert: 'InvalidStrategy' });
    json.steps.push({ action: 'operator.registerForSets', by: 'op1', avs: 'avs1', sets: [1] });
    json.steps.push({ action: 'pod.stake', by: 'alice', as: 'v1', expectRevert: 'MsgValueNot32ETH' });
    json.steps.push({ action: 'beacon.exit', validator: 'v1' });
    const issues = problems(json);
    expect(issues.map((i) => i.path)).toEqual(['steps[11].sets[0]', 'steps[13].validator']);
    expect(issues[1]?.message).toContain('"v1" is made only by steps[12], which expects a revert');
  });
});

describe('top-level problems', () => {
  it('do not hide the problems of the steps', () => {
    const { title: _title, ...json } = example();
    json.steps[0] = { action: 'lst.stake', by: 'alice', amount: '-1 ETH' };
    expect(paths({ ...json, config: { preset: 'fast', speed: 2 } })).toEqual([
      'title',
      'config.preset',
      'config.speed',
      'steps[0].amount',
    ]);
  });

  it('reports a list that is not a list', () => {
    expect(problems({ ...example(), actors: {}, steps: 'none' }).map((i) => i.path)).toEqual(
      expect.arrayContaining(['actors', 'steps']),
    );
  });
});
