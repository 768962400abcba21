import { describe, expect, it } from 'vitest';
import { encodeErrorResult, type Abi, type AbiParameter } from 'viem';
import { abiOf, abis, decodeRevert } from '../chain/runtime.ts';
import { EXPLAINED_ERRORS, explainError } from './error-words.ts';

type AbiError = Extract<Abi[number], { type: 'error' }>;

/** Every custom error of every compiled miniature, by name, with one ABI item for it. */
const abiErrors = new Map<string, AbiError>();
for (const contract of Object.keys(abis)) {
  for (const item of abiOf(contract)) if (item.type === 'error') abiErrors.set(item.name, item);
}

/** A plausible value of each ABI type, so every sentence is exercised with real-looking arguments. */
function sample(p: AbiParameter): unknown {
  if (p.type === 'address') return '0x00000000000000000000000000000000000000aa';
  if (p.type.startsWith('uint') || p.type.startsWith('int')) return 7n;
  throw new Error(`no sample for ${p.type}`);
}

describe('explainError covers the contracts', () => {
  it('finds the errors of the artifacts', () => {
    // A floor, so a broken walk of the ABI cannot make the next test pass vacuously.
    expect(abiErrors.size).toBeGreaterThan(100);
  });

  it.each([...abiErrors.keys()])('%s has its own words', (name) => {
    expect(EXPLAINED_ERRORS.has(name)).toBe(true);
  });

  it.each([...abiErrors.values()].map((e) => [e.name, e] as const))(
    '%s reads as a sentence with its arguments filled in',
    (name, item) => {
      const text = explainError({ name, args: item.inputs.map(sample) }, (a) => `name-of-${a.slice(-2)}`);
      expect(text).toMatch(/^\S.{20,}\.$/);
      expect(text).not.toMatch(/undefined|NaN|\(missing\)|\[object/);
      // Address arguments go through nameOf.
      if (item.inputs.some((p) => p.type === 'address')) expect(text).toContain('name-of-aa');
    },
  );
});

describe('explainError sentences', () => {
  it('InsufficientShares formats both amounts exactly', () => {
    const text = explainError({ name: 'InsufficientShares', args: [40n * 10n ** 18n, 50n * 10n ** 18n] });
    expect(text).toBe('Only 40 ETH of shares are available but 50 ETH were asked for.');
  });

  it('keeps every wei of a fractional amount', () => {
    const text = explainError({ name: 'InsufficientShares', args: [1n, 444_444_444_444_444_444n] });
    expect(text).toBe(
      'Only 0.000000000000000001 ETH of shares are available but 0.444444444444444444 ETH were asked for.',
    );
  });

  it('NotReady names the first block a claim can land in (one after completableAfterBlock)', () => {
    const text = explainError({ name: 'NotReady', args: [3n, 1000339] });
    expect(text.startsWith('Redemption request 3 cannot be claimed before block 1000340: ')).toBe(true);
    expect(text).toContain('only after block 1000339');
  });

  it('VetoPeriodNotPassed names the block from which the slash can be executed', () => {
    const text = explainError({ name: 'VetoPeriodNotPassed', args: [2n, 1000050] });
    expect(text).toBe(
      'Slash request 2 cannot be executed before block 1000050: its veto window is still open.',
    );
  });

  it('InsufficientStake names the operator through nameOf, with both stakes', () => {
    const op = '0x1111111111111111111111111111111111111111';
    const names: Record<string, string> = { [op]: 'op1' };
    const text = explainError(
      { name: 'InsufficientStake', args: [op, 0, 5n * 10n ** 17n, 2n * 10n ** 18n] },
      (a) => names[a] ?? a,
    );
    expect(text).toBe(
      "op1 has only 0.5 ETH of stake allocated to operator set 0, below this AVS's minimum of 2 ETH.",
    );
  });

  it('InsufficientMagnitude states the allocation rule', () => {
    expect(explainError({ name: 'InsufficientMagnitude', args: [] })).toBe(
      'The operator tried to allocate more magnitude than it has free: allocations to all operator sets (including pending ones) may not exceed its max magnitude.',
    );
  });

  it('WithdrawalDelayNotElapsed explains the delay and why it exists', () => {
    const text = explainError({ name: 'WithdrawalDelayNotElapsed', args: [] });
    expect(text).toContain('100800 blocks, 14 days on mainnet');
    expect(text).toContain('slashable');
  });

  it('ERC20InsufficientBalance with decimal-string arguments (as a Problem carries them)', () => {
    const text = explainError(
      { name: 'ERC20InsufficientBalance', args: ['alice', '1500000000000000000', '2000000000000000000'] },
      (a) => a.toUpperCase(),
    );
    expect(text).toBe('ALICE holds only 1.5 ETH of this token but 2 ETH were to be moved.');
  });

  it('LossExceedsPool and ReportValueMismatch carry their amounts', () => {
    expect(explainError({ name: 'LossExceedsPool', args: [100n * 10n ** 18n, 90n * 10n ** 18n] })).toBe(
      'A loss of 100 ETH cannot be reported: the pool holds only 90 ETH, and a loss must leave some ether.',
    );
    expect(explainError({ name: 'ReportValueMismatch', args: [10n ** 18n, 0n] })).toBe(
      'A report sends exactly its rewards in ETH (and nothing with a loss): 1 ETH was expected but 0 ETH was sent.',
    );
  });

  it('VetoWindowEnabled and SlashRequestsOpen carry their counts', () => {
    expect(explainError({ name: 'VetoWindowEnabled', args: [24] })).toMatch(
      /^This AVS has a veto window of 24 blocks, so it cannot slash at once/,
    );
    expect(explainError({ name: 'SlashRequestsOpen', args: [2n] })).toMatch(
      /while 2 slash request\(s\) are open/,
    );
  });

  it('round-trips a real revert: encoded by viem, decoded by the chain layer', () => {
    const data = encodeErrorResult({
      abi: abiOf('MiniLRT') as Abi,
      errorName: 'NotReady',
      args: [5n, 1000672],
    });
    const decoded = decodeRevert(data);
    expect(decoded.name).toBe('NotReady');
    expect(explainError(decoded)).toMatch(/^Redemption request 5 cannot be claimed before block 1000673: /);
  });
});

describe('explainError outside the table', () => {
  it('a panic is named by its code in hex and in words', () => {
    expect(explainError({ name: 'Panic', args: [17n] })).toBe(
      'The contract stopped with a Solidity panic (0x11): a calculation went below zero or above the largest number. No protocol rule names this case; it is a bug or an input the contract does not guard.',
    );
    expect(explainError({ name: 'Panic', args: [18n] })).toContain('(0x12): a division or modulo by zero.');
    expect(explainError({ name: 'Panic', args: [999n] })).toContain('(0x3e7): an unknown panic code.');
  });

  it('a string reason, an empty revert and unknown data', () => {
    expect(explainError({ name: 'Error', args: ['too late'] })).toBe(
      'The contract refused with the message "too late".',
    );
    expect(explainError({ name: 'Revert', args: [] })).toBe('The contract refused without giving a reason.');
    expect(explainError({ name: 'Unknown', args: ['0xdeadbeef'] })).toBe(
      'The contract refused with data that no miniature contract declares (0xdeadbeef).',
    );
  });

  it('an error name it has never seen, with its arguments', () => {
    expect(explainError({ name: 'SomethingNew', args: [3n, '0xab'] })).toBe(
      'The contract refused with SomethingNew(3, 0xab), an error these explanations do not cover.',
    );
  });

  it('a missing argument is marked, not shown as undefined', () => {
    expect(explainError({ name: 'AlreadyClaimed', args: [] })).toBe(
      'Redemption request (missing) was already claimed.',
    );
  });

  it('a prototype name is not mistaken for an entry', () => {
    expect(explainError({ name: 'constructor', args: [] })).toContain(
      'an error these explanations do not cover',
    );
  });
});
