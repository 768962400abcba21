import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryFor, termOfPath } from './glossary.ts';

// Every leaf field of every interface in protocol/world-types.ts, written out by hand (ui/ may not import
// protocol/), each with a concrete world@1 path where it appears. A field added there needs a line here.
const LEAVES: [field: string, path: string][] = [
  ['World.format', 'format'],
  ['World.block', 'block'],
  ['World.timestamp', 'timestamp'],
  ['World.burned', 'burned.stETH'],
  ['World.lockedSlashedNativeShares', 'lockedSlashedNativeShares'],
  ['AccountState.address', 'accounts.alice.address'],
  ['AccountState.role', 'accounts.alice.role'],
  ['AccountState.eth', 'accounts.alice.eth'],
  ['AccountState.stETH', 'accounts.alice.stETH'],
  ['AccountState.wstETH', 'accounts.alice.wstETH'],
  ['AccountState.vaultTokens', 'accounts.alice.vaultTokens.lrt'],
  ['AccountState.rewardsEarned', 'accounts.alice.rewardsEarned'],
  ['AccountState.rewardsClaimable', 'accounts.op1.rewardsClaimable'],
  ['StakerState.delegatedTo', 'stakers.alice.delegatedTo'],
  ['StakerState.beaconChainSlashingFactor', 'stakers.alice.beaconChainSlashingFactor'],
  ['StakerStrategyState.depositShares', 'stakers.alice.strategies.stETH.depositShares'],
  ['StakerStrategyState.withdrawableShares', 'stakers.alice.strategies.beaconETH.withdrawableShares'],
  ['StakerStrategyState.depositScalingFactor', 'stakers.alice.strategies.stETH.depositScalingFactor'],
  ['PodState.address', 'stakers.bob.pod.address'],
  ['PodState.activeValidators', 'stakers.bob.pod.activeValidators'],
  ['PodState.restakedGwei', 'stakers.bob.pod.restakedGwei'],
  ['PodState.checkpointActive', 'stakers.bob.pod.checkpointActive'],
  ['WithdrawalState.strategy', 'stakers.alice.withdrawals.w1.strategy'],
  ['WithdrawalState.scaledShares', 'stakers.alice.withdrawals.w1.scaledShares'],
  ['WithdrawalState.startBlock', 'stakers.alice.withdrawals.u/stETH.startBlock'],
  ['WithdrawalState.completableAfterBlock', 'stakers.alice.withdrawals.w1.completableAfterBlock'],
  ['WithdrawalState.completed', 'stakers.alice.withdrawals.w1.completed'],
  ['OperatorState.allocationDelay', 'operators.op1.allocationDelay'],
  ['OperatorState.shares', 'operators.op1.shares.stETH'],
  ['OperatorState.maxMagnitude', 'operators.op1.maxMagnitude.stETH'],
  ['OperatorState.encumberedMagnitude', 'operators.op1.encumberedMagnitude.beaconETH'],
  ['AllocationState.currentMagnitude', 'operators.op1.allocations.avs1/0.stETH.currentMagnitude'],
  ['AllocationState.pendingDiff', 'operators.op1.allocations.avs1/0.stETH.pendingDiff'],
  ['AllocationState.effectBlock', 'operators.op1.allocations.avs1/0.stETH.effectBlock'],
  ['AllocationState.allocatedStake', 'operators.op1.allocations.avs1/0.stETH.allocatedStake'],
  ['AvsState.vetoWindowBlocks', 'avs.avs1.vetoWindowBlocks'],
  ['AvsState.vetoCommittee', 'avs.avs1.vetoCommittee'],
  ['SlashRequestState.operator', 'avs.avs1.slashRequests.r1.operator'],
  ['SlashRequestState.set', 'avs.avs1.slashRequests.r1.set'],
  ['SlashRequestState.requestBlock', 'avs.avs1.slashRequests.r1.requestBlock'],
  ['SlashRequestState.vetoableUntilBlock', 'avs.avs1.slashRequests.r1.vetoableUntilBlock'],
  ['SlashRequestState.status', 'avs.avs1.slashRequests.r1.status'],
  ['OperatorSetState.strategies', 'avs.avs1.sets.0.strategies'],
  ['OperatorSetState.operators', 'avs.avs1.sets.0.operators'],
  ['OperatorSetState.slashCount', 'avs.avs1.sets.0.slashCount'],
  ['StrategyState.totalShares', 'strategies.stETH.totalShares'],
  ['StrategyState.underlyingBalance', 'strategies.stETH.underlyingBalance'],
  ['LstState.totalPooledEther', 'lst.totalPooledEther'],
  ['LstState.totalShares', 'lst.totalShares'],
  ['VaultState.operator', 'vaults.lrt.operator'],
  ['VaultState.supply', 'vaults.lrt.supply'],
  ['VaultState.totalValue', 'vaults.lrt.totalValue'],
  ['VaultState.rate', 'vaults.lrt.rate'],
  ['VaultState.stETHPrice', 'vaults.lrt.stETHPrice'],
  ['RedeemRequestState.owner', 'vaults.lrt.requests.q1.owner'],
  ['RedeemRequestState.valueAtRequest', 'vaults.lrt.requests.q1.valueAtRequest'],
  ['RedeemRequestState.completableAfterBlock', 'vaults.lrt.requests.q1.completableAfterBlock'],
  ['RedeemRequestState.claimed', 'vaults.lrt.requests.q1.claimed'],
  ['ValidatorState.owner', 'validators.v1.owner'],
  ['ValidatorState.balanceGwei', 'validators.v1.balanceGwei'],
  ['ValidatorState.effectiveBalanceGwei', 'validators.v1.effectiveBalanceGwei'],
  ['ValidatorState.slashed', 'validators.v1.slashed'],
  ['ValidatorState.exited', 'validators.v1.exited'],
];

describe('GLOSSARY', () => {
  it.each(Object.entries(GLOSSARY))('%s has every field filled, on one line', (key, entry) => {
    expect(entry.term).toBe(key);
    for (const text of [entry.label, entry.explanation, entry.contract, entry.source]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toContain('\n');
    }
    expect(entry.explanation).toMatch(/\.$/);
    // "One line, plain": short enough for a tooltip.
    expect(entry.explanation.length).toBeLessThanOrEqual(120);
  });

  it('uses mechanics.md words for the share types and factors', () => {
    const labels = Object.fromEntries(Object.entries(GLOSSARY).map(([k, e]) => [k, e.label]));
    expect(labels).toMatchObject({
      depositShares: 'Deposit shares',
      withdrawableShares: 'Withdrawable shares',
      operatorShares: 'Operator shares',
      scaledShares: 'Scaled shares',
      totalShares: 'Strategy shares',
      depositScalingFactor: 'Deposit scaling factor (DSF)',
      beaconChainSlashingFactor: 'Beacon-chain slashing factor (BCSF)',
      maxMagnitude: 'Max magnitude',
      encumberedMagnitude: 'Encumbered magnitude',
    });
  });

  it('names the real contract variable', () => {
    expect(GLOSSARY.depositScalingFactor?.contract).toBe('DelegationManager.depositScalingFactor');
    expect(GLOSSARY.depositScalingFactor?.source).toBe('MiniDelegationManager');
    expect(GLOSSARY.lockedSlashedNativeShares?.contract).toBe('EigenPodManager.burnableETHShares');
    expect(GLOSSARY.totalShares?.contract).toBe('StrategyBase.totalShares');
  });
});

describe('glossaryFor', () => {
  it.each(LEAVES)('%s (%s) has an entry', (_field, path) => {
    expect(glossaryFor(path)).toBeDefined();
  });

  it('tells apart fields that share a name', () => {
    expect(glossaryFor('strategies.stETH.totalShares')?.label).toBe('Strategy shares');
    expect(glossaryFor('lst.totalShares')?.label).toBe('LST shares');
    expect(glossaryFor('stakers.alice.withdrawals.w1.completableAfterBlock')?.term).toBe(
      'completableAfterBlock',
    );
    expect(glossaryFor('vaults.lrt.requests.q1.completableAfterBlock')?.term).toBe(
      'redemptionCompletableAfterBlock',
    );
    expect(glossaryFor('accounts.alice.address')?.term).toBe('address');
    expect(glossaryFor('stakers.bob.pod.address')?.term).toBe('podAddress');
    expect(glossaryFor('vaults.lrt.operator')?.term).toBe('vaultOperator');
    expect(glossaryFor('avs.avs1.slashRequests.r1.operator')?.term).toBe('slashRequestOperator');
  });

  it('accepts a bare term', () => {
    expect(glossaryFor('maxMagnitude')?.label).toBe('Max magnitude');
    expect(glossaryFor('operatorShares')?.contract).toBe('DelegationManager.operatorShares');
    expect(glossaryFor('lockedSlashedNativeShares')?.source).toBe('MiniEigenPodManager');
  });

  it('names the containers an inspector shows a heading for', () => {
    expect(glossaryFor('stakers.bob.pod')?.term).toBe('pod');
    expect(glossaryFor('stakers.alice.withdrawals.u/beaconETH')?.term).toBe('withdrawal');
    expect(glossaryFor('operators.op1.allocations.avs1/0.stETH')?.term).toBe('allocation');
    expect(glossaryFor('avs.avs1.slashRequests')?.term).toBe('slashRequests');
    expect(glossaryFor('avs.avs1.sets.0')?.term).toBe('operatorSet');
  });

  it('has no entry for what world@1 does not hold', () => {
    expect(glossaryFor('stakers.alice.strategies.stETH')).toBeUndefined();
    expect(glossaryFor('stakers.alice.nonsense')).toBeUndefined();
    expect(glossaryFor('noSuchTerm')).toBeUndefined();
    expect(glossaryFor('constructor')).toBeUndefined();
    expect(termOfPath('operators.op1.shares')).toBeUndefined();
  });
});
