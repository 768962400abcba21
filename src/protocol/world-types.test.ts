import { describe, expect, it } from 'vitest';
import { classifyPath, compareExpected, getPath, parseExpected, type ExpectedValue } from './world-types.ts';

// A hand-written fragment of a world after formats.md's example (40 ETH, 50% allocated, 20% slash).
const world = {
  block: '1000042',
  stakers: {
    alice: {
      delegatedTo: 'op1',
      pod: null,
      beaconChainSlashingFactor: '1000000000000000000',
      strategies: {
        stETH: {
          depositShares: '40000000000000000000',
          withdrawableShares: '36000000000000000000',
          depositScalingFactor: '1000000000000000000',
        },
      },
      withdrawals: { 'u/stETH': { completed: false } },
    },
  },
  operators: { op1: { maxMagnitude: { stETH: '900000000000000000' } } },
  avs: { avs1: { sets: { '0': { operators: ['op2', 'op1'], strategies: ['stETH'], slashCount: '1' } } } },
  validators: { v1: { balanceGwei: '16000000000', slashed: true } },
  vaults: { lrt: { rate: '900000000000000000' } },
};

function expected(path: string, raw: unknown): ExpectedValue {
  const r = parseExpected(path, raw);
  if (!r.ok) throw new Error(r.message);
  return r.expected;
}

function check(path: string, raw: unknown) {
  return compareExpected(world, path, expected(path, raw));
}

describe('getPath', () => {
  it('reads nested values and keys containing "/"', () => {
    expect(getPath(world, 'stakers.alice.strategies.stETH.withdrawableShares')).toBe('36000000000000000000');
    expect(getPath(world, 'stakers.alice.withdrawals.u/stETH.completed')).toBe(false);
    expect(getPath(world, 'stakers.alice.pod')).toBeNull();
  });

  it('returns undefined for missing segments and never walks into the prototype', () => {
    expect(getPath(world, 'stakers.bob.delegatedTo')).toBeUndefined();
    expect(getPath(world, 'stakers.alice.pod.address')).toBeUndefined();
    expect(getPath(world, 'stakers.constructor')).toBeUndefined();
    expect(getPath(world, 'block.length')).toBeUndefined();
  });
});

describe('classifyPath', () => {
  it.each([
    ['stakers.alice.strategies.stETH.withdrawableShares', 'amount'],
    ['operators.op1.allocations.avs1/0.stETH.pendingDiff', 'signedWad'],
    ['validators.v1.balanceGwei', 'gwei'],
    ['avs.avs1.sets.0.operators', 'list'],
    ['burned.stETH', 'amount'],
    ['vaults.lrt.rate', 'rate'],
  ])('%s is %s', (path, kind) => {
    expect(classifyPath(path)).toBe(kind);
  });

  it('knows no other paths', () => {
    expect(classifyPath('stakers.alice.strategies.stETH.shares')).toBeUndefined();
    expect(classifyPath('stakers.alice')).toBeUndefined();
    expect(parseExpected('stakers.alice.shares', '1 ETH')).toMatchObject({ ok: false });
  });
});

describe('compareExpected', () => {
  it('matches exact integers written in any unit form', () => {
    expect(check('stakers.alice.strategies.stETH.withdrawableShares', '36 ETH')).toEqual({ ok: true });
    expect(check('stakers.alice.strategies.stETH.withdrawableShares', '36000000000000000000')).toEqual({
      ok: true,
    });
    expect(check('operators.op1.maxMagnitude.stETH', '90%')).toEqual({ ok: true });
    expect(check('validators.v1.balanceGwei', '16 ETH')).toEqual({ ok: true });
    expect(check('validators.v1.balanceGwei', '16000000000')).toEqual({ ok: true });
    expect(check('vaults.lrt.rate', '0.9 ETH')).toEqual({ ok: true });
    expect(check('vaults.lrt.rate', '90%')).toEqual({ ok: true });
    expect(check('avs.avs1.sets.0.slashCount', 1)).toEqual({ ok: true });
  });

  it('compares booleans, names, null and lists (as sets)', () => {
    expect(check('validators.v1.slashed', true)).toEqual({ ok: true });
    expect(check('stakers.alice.delegatedTo', 'op1')).toEqual({ ok: true });
    expect(check('stakers.alice.pod', null)).toEqual({ ok: true });
    expect(check('avs.avs1.sets.0.operators', ['op1', 'op2'])).toEqual({ ok: true });
    expect(check('avs.avs1.sets.0.operators', ['op1'])).toMatchObject({ ok: false });
    expect(check('stakers.alice.delegatedTo', null)).toMatchObject({ ok: false });
  });

  it('names the path and both values in human units, with the difference', () => {
    const r = check('stakers.alice.strategies.stETH.withdrawableShares', '36.1 ETH');
    expect(r).toEqual({
      ok: false,
      actual: '36000000000000000000',
      message:
        'stakers.alice.strategies.stETH.withdrawableShares: expected 36.1 ETH (36100000000000000000 wei), ' +
        'actual 36 ETH (36000000000000000000 wei), 0.1 ETH (100000000000000000 wei) less',
    });
    const wad = check('operators.op1.maxMagnitude.stETH', '80%');
    expect(wad.ok ? '' : wad.message).toContain('expected 80% (800000000000000000 WAD units), actual 90%');
  });

  it('reports a missing entry rather than comparing against nothing', () => {
    const r = check('stakers.bob.strategies.stETH.withdrawableShares', '0');
    expect(r.ok ? '' : r.message).toBe(
      'stakers.bob.strategies.stETH.withdrawableShares: expected 0 ETH (0 wei), ' +
        'actual nothing (the world has no such entry)',
    );
  });

  it('rejects expected values in the wrong unit for the path', () => {
    expect(parseExpected('operators.op1.maxMagnitude.stETH', '0.9 ETH')).toMatchObject({ ok: false });
    expect(parseExpected('validators.v1.balanceGwei', '1 wei')).toMatchObject({ ok: false });
    expect(parseExpected('validators.v1.slashed', 'true')).toMatchObject({ ok: false });
    expect(parseExpected('operators.op1.maxMagnitude.stETH', '101%')).toMatchObject({ ok: false });
    expect(parseExpected('stakers.alice.strategies.stETH.depositScalingFactor', '250%')).toMatchObject({
      ok: true,
    });
  });
});
