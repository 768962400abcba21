// scenario@1 validation of MiniAVS's AVS-level veto window: avs.configureVeto, avs.requestSlash, avs.veto,
// avs.executeSlash, and the world paths avs.<id>.{vetoWindowBlocks, vetoCommittee, slashRequests.<as>.*}.
import { describe, expect, it } from 'vitest';
import { paths, problems, valid } from './scenario-testing.ts';

const ETH = 10n ** 18n;
const slash = { by: 'avs1', operator: 'op1', set: 0, strategies: ['stETH'], wads: ['20%'] };

/** Steps 0–6 set up avs1/0 (and avs2/0) with op1 allocated; 7 opens a 72-block window with council. */
const base = () => ({
  format: 'restaking-sandbox/scenario@1',
  title: 'Vetoable slash',
  actors: [
    { id: 'alice', role: 'staker', eth: '100 ETH' },
    { id: 'council', role: 'staker' },
    { id: 'op1', role: 'operator' },
    { id: 'avs1', role: 'avs' },
    { id: 'avs2', role: 'avs' },
    { id: 'lrt', role: 'vault', operator: 'op1' },
  ],
  steps: [
    { action: 'lst.stake', by: 'alice', amount: '40 ETH' },
    { action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '40 ETH' },
    { action: 'operator.register', by: 'op1', allocationDelay: 0 },
    { action: 'staker.delegate', by: 'alice', operator: 'op1' },
    { action: 'avs.createOperatorSet', by: 'avs1', set: 0, strategies: ['stETH'] },
    { action: 'avs.createOperatorSet', by: 'avs2', set: 0, strategies: ['stETH'] },
    { action: 'operator.allocate', by: 'op1', avs: 'avs1', set: 0, strategy: 'stETH', magnitude: '50%' },
    { action: 'avs.configureVeto', by: 'avs1', blocks: 72, committee: 'council' },
  ] as Record<string, unknown>[],
});
const withSteps = (...steps: Record<string, unknown>[]) => {
  const json = base();
  json.steps.push(...steps);
  return json;
};

describe('the veto actions, valid', () => {
  it('parse request → veto, request → execute → clear, and expect the veto world paths', () => {
    const s = valid(
      withSteps(
        { action: 'avs.requestSlash', ...slash, description: 'disputed', as: 'r1' },
        { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r1' },
        { action: 'avs.requestSlash', ...slash, as: 'r2' },
        { action: 'chain.advance', blocks: 72 },
        { action: 'avs.executeSlash', by: 'avs1', request: 'r2', as: 's2' },
        { action: 'slashing.clear', by: 'alice', avs: 'avs1', set: 0, slash: 's2' },
        {
          action: 'expect',
          values: {
            'avs.avs1.vetoWindowBlocks': '72',
            'avs.avs1.vetoCommittee': 'council',
            'avs.avs2.vetoCommittee': null,
            'avs.avs1.slashRequests.r1.status': 'vetoed',
            'avs.avs1.slashRequests.r2.operator': 'op1',
            'avs.avs1.slashRequests.r2.set': '0',
            'avs.avs1.slashRequests.r2.requestBlock': '1000020',
            'avs.avs1.slashRequests.r2.vetoableUntilBlock': '1000091',
          },
        },
        { action: 'avs.configureVeto', by: 'avs1', blocks: 0, committee: 'council' },
        { action: 'avs.slash', ...slash },
      ),
    );
    expect(s.steps[7]).toEqual({
      action: 'avs.configureVeto',
      by: 'avs1',
      blocks: 72n,
      committee: 'council',
    });
    expect(s.steps[8]).toMatchObject({ wads: [ETH / 5n], description: 'disputed', as: 'r1' });
    const step = s.steps[14];
    const values = step?.action === 'expect' ? step.values : [];
    expect(values.map((e) => e.expected)).toEqual([
      { type: 'bigint', unit: 'integer', value: 72n },
      { type: 'string', value: 'council' },
      { type: 'string', value: null },
      { type: 'string', value: 'vetoed' },
      { type: 'string', value: 'op1' },
      { type: 'bigint', unit: 'integer', value: 0n },
      { type: 'bigint', unit: 'integer', value: 1_000_020n },
      { type: 'bigint', unit: 'integer', value: 1_000_091n },
    ]);
  });

  it('let a request, a veto and an execution that expect a revert break the contract rules', () => {
    valid(
      withSteps(
        { action: 'avs.slash', ...slash, expectRevert: 'VetoWindowEnabled' },
        {
          action: 'avs.requestSlash',
          ...slash,
          set: 7,
          wads: ['0%'],
          as: 'bad',
          expectRevert: 'InvalidOperatorSet',
        },
        { action: 'avs.requestSlash', ...slash, as: 'r1' },
        { action: 'avs.veto', by: 'alice', avs: 'avs1', request: 'r1', expectRevert: 'OnlyVetoCommittee' },
        { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r1' },
        { action: 'avs.executeSlash', by: 'avs1', request: 'r1', expectRevert: 'SlashingRequestIsCancelled' },
        {
          action: 'avs.veto',
          by: 'council',
          avs: 'avs1',
          request: 'r1',
          expectRevert: 'SlashingRequestNotRequested',
        },
      ),
    );
  });
});

describe('the veto actions, invalid', () => {
  it('check their own fields: a uint32 window, a committee, the `as` of a request', () => {
    const json = withSteps(
      { action: 'avs.configureVeto', by: 'avs1', blocks: '-1', committee: 'council' },
      { action: 'avs.configureVeto', by: 'avs1', blocks: 2 ** 32 },
      { action: 'avs.requestSlash', ...slash },
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r 1' },
    );
    const issues = problems(json);
    expect(issues.map((i) => i.path)).toEqual([
      'steps[8].blocks',
      'steps[9].blocks',
      'steps[9].committee',
      'steps[10].as',
      'steps[11].request',
    ]);
    expect(issues[0]?.message).toContain('"-1" is negative');
    expect(issues[1]?.message).toBe('4294967296 is too large for a veto window (uint32 blocks)');
    expect(issues[2]?.message).toBe(
      'is missing; accepted: the id of the actor who may veto slash requests (any actor)',
    );
    expect(issues[3]?.message).toBe(
      'is missing; accepted: a name of letters, digits, "-" and "_" such as "alice" or "op-1"',
    );
  });

  it('check who signs and what the actor fields name, even when a revert is expected', () => {
    const json = withSteps(
      { action: 'avs.configureVeto', by: 'alice', blocks: 1, committee: 'nobody', expectRevert: 'OnlyOwner' },
      { action: 'avs.requestSlash', ...slash, by: 'op1', as: 'r1', expectRevert: 'OnlyOwner' },
      { action: 'avs.requestSlash', ...slash, operator: 'alice', as: 'r2' },
      { action: 'avs.veto', by: 'council', avs: 'op1', request: 'r2', expectRevert: 'X' },
    );
    expect(paths(json)).toEqual([
      'steps[8].by',
      'steps[8].committee',
      'steps[9].by',
      'steps[10].operator',
      'steps[11].avs',
      'steps[11].request',
    ]);
  });

  it('require `request` to name an earlier, strict avs.requestSlash of the same AVS', () => {
    const json = withSteps(
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r1' },
      { action: 'avs.requestSlash', ...slash, as: 'r1' },
      { action: 'vault.requestRedeem', by: 'alice', vault: 'lrt', amount: '1 ETH', as: 'v1' },
      { action: 'avs.executeSlash', by: 'avs1', request: 'v1' },
      { action: 'avs.executeSlash', by: 'avs2', request: 'r1', expectRevert: 'SlashingRequestNotRequested' },
      { action: 'avs.requestSlash', ...slash, as: 'r3', expectRevert: 'OnlyOwner' },
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r3', expectRevert: 'X' },
      { action: 'avs.requestSlash', ...slash, as: 'r1' },
    );
    expect(problems(json)).toEqual([
      {
        path: 'steps[8].request',
        message:
          '"r1" is defined only later, at steps[9]; accepted: the "as" name of a slash request (avs.requestSlash) from an earlier step',
      },
      {
        path: 'steps[11].request',
        message:
          '"v1" names a redemption request (vault.requestRedeem); accepted: the "as" name of a slash request (avs.requestSlash) from an earlier step',
      },
      {
        path: 'steps[12].request',
        message: '"r1" is a slash request of "avs1", not of "avs2"; accepted: a request of "avs2"',
      },
      {
        path: 'steps[14].request',
        message:
          '"r3" is made only by steps[13], which expects a revert; accepted: the "as" name of a slash request (avs.requestSlash) from an earlier step',
      },
      { path: 'steps[15].as', message: '"r1" is already used by steps[9]; accepted: a name not used before' },
    ]);
  });

  it('reject what the contract would: avs.slash under a window, a stranger vetoing, a request used twice', () => {
    const json = withSteps(
      { action: 'avs.slash', ...slash },
      { action: 'avs.requestSlash', ...slash, as: 'r1' },
      { action: 'avs.veto', by: 'alice', avs: 'avs1', request: 'r1' },
      { action: 'avs.executeSlash', by: 'avs1', request: 'r1' },
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r1' },
      { action: 'avs.requestSlash', ...slash, as: 'r2' },
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r2' },
      { action: 'avs.executeSlash', by: 'avs1', request: 'r2', as: 's' },
      { action: 'avs.veto', by: 'council', avs: 'avs1', request: 'r2' },
      { action: 'avs.requestSlash', ...slash, by: 'avs2', as: 'q1' },
      { action: 'avs.veto', by: 'council', avs: 'avs2', request: 'q1' },
      { action: 'avs.executeSlash', by: 'avs2', request: 'q1' },
    );
    const issues = problems(json);
    expect(issues.map((i) => i.path)).toEqual([
      'steps[8].action',
      'steps[10].by',
      'steps[12].request',
      'steps[15].request',
      'steps[16].request',
      'steps[18].by',
    ]);
    expect(issues[0]?.message).toBe(
      '"avs1" has a veto window of 72 blocks (steps[7]), so avs.slash reverts with VetoWindowEnabled; accepted: avs.requestSlash then avs.executeSlash, or avs.configureVeto with blocks 0 first',
    );
    expect(issues[1]?.message).toBe(
      '"alice" is not the veto committee of "avs1"; accepted: "council" (steps[7])',
    );
    expect(issues[2]?.message).toBe(
      '"r1" was already executed by steps[11], so avs.veto reverts with SlashingRequestNotRequested; accepted: a pending request',
    );
    expect(issues[3]?.message).toContain(
      '"r2" was already vetoed by steps[14], so avs.executeSlash reverts with SlashingRequestIsCancelled',
    );
    expect(issues[4]?.message).toContain(
      '"r2" was already vetoed by steps[14], so avs.veto reverts with SlashingRequestNotRequested',
    );
    expect(issues[5]?.message).toBe(
      '"avs2" has no veto committee (no earlier avs.configureVeto), so avs.veto reverts with OnlyVetoCommittee',
    );
  });

  it('let avs.slash through once the window is switched off, and follow the latest committee', () => {
    valid(
      withSteps(
        { action: 'avs.configureVeto', by: 'avs1', blocks: 0, committee: 'alice' },
        { action: 'avs.slash', ...slash },
        { action: 'avs.requestSlash', ...slash, as: 'r1' },
        { action: 'avs.veto', by: 'alice', avs: 'avs1', request: 'r1', expectRevert: 'VetoPeriodPassed' },
        { action: 'avs.configureVeto', by: 'avs1', blocks: 5, committee: 'op1', expectRevert: 'X' },
        { action: 'avs.slash', ...slash },
      ),
    );
  });

  it('check a request slash like avs.slash: the set, its strategies, the wads', () => {
    const json = withSteps(
      { action: 'avs.requestSlash', ...slash, strategies: ['beaconETH'], wads: ['0%', '1%'], as: 'r1' },
      { action: 'avs.requestSlash', ...slash, set: 7, as: 'r2' },
    );
    expect(paths(json)).toEqual([
      'steps[8].strategies[0]',
      'steps[8].wads',
      'steps[8].wads[0]',
      'steps[9].set',
    ]);
  });

  it('name the executed slash with its request set for slashing.clear', () => {
    const json = withSteps(
      { action: 'avs.requestSlash', ...slash, as: 'r1' },
      { action: 'avs.executeSlash', by: 'avs1', request: 'r1', as: 's1' },
      { action: 'slashing.clear', by: 'alice', avs: 'avs1', set: 1, slash: 's1' },
      { action: 'slashing.clear', by: 'alice', avs: 'avs1', set: 0, slash: 'r1' },
    );
    const issues = problems(json);
    expect(issues.map((i) => i.path)).toEqual(['steps[10].slash', 'steps[11].slash']);
    expect(issues[0]?.message).toBe('"s1" was a slash by "avs1" on set 0, not by "avs1" on set 1');
    expect(issues[1]?.message).toContain('"r1" names a slash request (avs.requestSlash)');
  });

  it('check the veto world paths: defined requests of that AVS, statuses, committee values', () => {
    const json = withSteps(
      { action: 'avs.requestSlash', ...slash, as: 'r1' },
      {
        action: 'expect',
        values: {
          'avs.avs1.slashRequests.r1.status': 'done',
          'avs.avs1.vetoCommittee': 5,
          'avs.avs1.slashRequests.r1.slashId': '1',
        },
      },
      {
        action: 'expect',
        values: {
          'avs.avs1.slashRequests.r9.status': 'pending',
          'avs.avs2.slashRequests.r1.status': 'pending',
          'avs.avs1.slashRequests.r1.vetoableUntilBlock': '1000100',
        },
      },
    );
    const issues = problems(json);
    expect(issues.map((i) => i.path)).toEqual([
      'steps[9].values["avs.avs1.slashRequests.r1.status"]',
      'steps[9].values["avs.avs1.vetoCommittee"]',
      'steps[9].values["avs.avs1.slashRequests.r1.slashId"]',
      'steps[10].values["avs.avs1.slashRequests.r9.status"]',
      'steps[10].values["avs.avs2.slashRequests.r1.status"]',
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      '"done" is not a slash request status; accepted: "pending", "vetoed" or "executed"',
      '5 is not a name or null',
      expect.stringContaining('accepted paths under avs: ') as unknown,
      '"avs.avs1.slashRequests.r9.status" names slash request "r9" that no earlier step defines',
      '"r1" is a slash request of "avs1", not of "avs2"',
    ]);
  });
});
