import { describe, expect, it } from 'vitest';
import { callPieces, decodeArg, eventArgs, piecesText } from './arg-units.ts';

const text = (name: string, value: Parameters<typeof decodeArg>[0]['value'], contract = '', member = '') =>
  piecesText(decodeArg({ name, value }, contract, member));

describe('event and call arguments in their units', () => {
  it('reads the issue’s raw integers: a 35% magnitude and 10.5 shares', () => {
    // 0.35 · 10^18 is 35% of a WAD; 10.5 · 10^18 share units are 10.5 shares.
    expect(text('magnitude', '350000000000000000', 'AllocationManager', 'AllocationUpdated')).toBe('35%');
    expect(text('shares', '10500000000000000000', 'DelegationManager', 'OperatorSharesIncreased')).toBe(
      '10.5 shares',
    );
  });

  it('keeps the raw integer of every number one step away', () => {
    const [shown] = decodeArg(
      { name: 'wadSlashed', value: ['200000000000000000'] },
      '',
      'OperatorSlashed',
    ).filter((p) => typeof p !== 'string');
    expect(shown).toMatchObject({ text: '20%', raw: '200000000000000000 WAD units (10^18 = 100%)' });
  });

  it('decodes arrays item by item and operator sets as "avs · set n"', () => {
    expect(text('wadSlashed', ['200000000000000000', '1'])).toBe('[20%, ≈ 0%]');
    expect(text('operatorSet', { avs: 'avs1', id: '0' })).toBe('avs1 · set 0');
    expect(text('strategies', ['stETH strategy'])).toBe('[stETH strategy]');
    expect(
      text('withdrawal', {
        staker: 'alice',
        startBlock: '1000041',
        scaledShares: ['27999999999999999972'],
        nonce: '0',
      }),
    ).toBe('{ staker: alice, startBlock: block 1000041, scaledShares: [28 shares − 28 wei], nonce: 0 }');
  });

  it('names the token an ERC-20 value counts by the contract that emitted it', () => {
    expect(text('value', '40000000000000000000', 'stETH (MiniLST)', 'Transfer')).toBe('40 stETH');
    expect(text('value', '2500000000000000000', 'wstETH', 'Transfer')).toBe('2.5 wstETH');
    expect(text('value', '1000000000000000000', 'lrt (vault)', 'Transfer')).toBe('1 lrt token');
    expect(text('minted', '8000000000000000000', 'lrt (vault)', 'Deposited')).toBe('8 lrt tokens');
    // The vault's Deposited counts the stETH paid in as `amount` and the vault tokens it minted as `minted`.
    expect(text('amount', '8000000000000000000', 'lrt (vault)', 'Deposited')).toBe('8 stETH');
    expect(text('amount', '32000000000000000000', 'EigenPodManager', 'BeaconChainETHDeposited')).toBe(
      '32 ETH',
    );
  });

  it('writes gwei in ETH, blocks as blocks, basis points as percent, and leaves ids alone', () => {
    expect(text('balanceGwei', '31500000000')).toBe('31.5 ETH');
    expect(text('effectBlock', '1000126')).toBe('block 1000126');
    expect(text('vetoWindowBlocks', '24')).toBe('24 blocks');
    expect(text('newSplitBips', '1000')).toBe('10%');
    expect(text('requestId', '12345678901234567890')).toBe('12345678901234567890');
    expect(text('metadataURI', 'ipfs://x')).toBe('ipfs://x');
    expect(text('rate', '810000000000000000', 'lrt (vault)', 'RateUpdated')).toBe('0.81 ETH per token');
  });

  it('names call arguments by the ABI and decodes them', () => {
    const call = {
      contract: 'MiniAVS',
      functionName: 'slash',
      args: ['op1', '0', '[100000000000000000]'],
      params: [
        { name: 'operator', value: 'op1' },
        { name: 'operatorSetId', value: '0' },
        { name: 'wadsToSlash', value: ['100000000000000000'] },
      ],
    };
    expect(piecesText(callPieces(call))).toBe(
      'MiniAVS.slash(operator: op1, operatorSetId: 0, wadsToSlash: [10%])',
    );
    // A view without names keeps its raw arguments.
    const { params: _params, ...old } = call;
    expect(piecesText(callPieces(old))).toBe('MiniAVS.slash(op1, 0, [100000000000000000])');
  });

  it('lists an event’s arguments with their raw text beside', () => {
    const args = eventArgs({
      contract: 'AllocationManager',
      eventName: 'MaxMagnitudeUpdated',
      args: { operator: 'op1', maxMagnitude: '900000000000000000' },
    });
    expect(args.map((a) => [a.name, piecesText(a.pieces), a.raw])).toEqual([
      ['operator', 'op1', 'op1'],
      ['maxMagnitude', '90%', '900000000000000000'],
    ]);
  });
});
