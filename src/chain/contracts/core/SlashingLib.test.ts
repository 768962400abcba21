// SlashingLib on the real EVM against independent BigInt arithmetic written from mechanics.md §2
// (floor unless stated; ⌈⌉ for slashed magnitude and for the operator's remaining shares).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Address } from 'viem';
import { createChain, deploy, read, write, type Chain } from '../../runtime.ts';

const W = 10n ** 18n;
const floorDiv = (a: bigint, b: bigint) => a / b;
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
const mulWad = (x: bigint, y: bigint) => floorDiv(x * y, W);
const divWad = (x: bigint, y: bigint) => floorDiv(x * W, y);
const k0 = (k: bigint) => (k === 0n ? W : k);
const withdrawable = (s: bigint, k: bigint, sf: bigint) => mulWad(mulWad(s, k0(k)), sf);

let chain: Chain;
let lib: Address;
const call = (fn: string, args: unknown[]) =>
  read<bigint>(chain, { to: lib, contract: 'SlashingLibHarness', functionName: fn, args });

beforeAll(async () => {
  chain = await createChain({ accounts: 1 });
  lib = await deploy(chain, { from: chain.accounts[0]!.address, contract: 'SlashingLibHarness' });
});

const amount = fc.bigInt({ min: 1n, max: 10n ** 30n });
const factor = fc.bigInt({ min: 1n, max: W });
const runs = { numRuns: 40 };

describe('SlashingLib primitives', () => {
  it('mulWad, divWad and mulWadRoundUp round as specified', async () => {
    await fc.assert(
      fc.asyncProperty(amount, factor, async (x, y) => {
        expect(await call('mulWad', [x, y])).toBe(mulWad(x, y));
        expect(await call('divWad', [x, y])).toBe(divWad(x, y));
        expect(await call('mulWadRoundUp', [x, y])).toBe(ceilDiv(x * y, W));
      }),
      runs,
    );
  });

  it('rounds a third of 10 up to 4 and down to 3', async () => {
    const third = W / 3n; // 0.333…e18
    expect(await call('mulWadRoundUp', [10n, third])).toBe(4n);
    expect(await call('mulWad', [10n, third])).toBe(3n);
  });
});

describe('SlashingLib share formulas', () => {
  it('calcWithdrawable floors twice and calcDepositShares inverts with floors', async () => {
    await fc.assert(
      fc.asyncProperty(amount, fc.bigInt({ min: 0n, max: 4n * W }), factor, async (s, k, sf) => {
        expect(await call('calcWithdrawable', [s, k, sf])).toBe(withdrawable(s, k, sf));
        expect(await call('calcDepositShares', [s, k, sf])).toBe(divWad(divWad(s, k0(k)), sf));
      }),
      runs,
    );
  });

  it('update: first deposit divides the DSF by the slashing factor, later ones keep past slashes', async () => {
    await fc.assert(
      fc.asyncProperty(amount, amount, fc.bigInt({ min: 0n, max: 4n * W }), factor, async (s, d, k, sf) => {
        const first = divWad(k0(k), sf);
        const later = divWad(divWad(withdrawable(s, k, sf) + d, s + d), sf);
        // A result of 0 (possible only for degenerate tiny DSFs) must revert instead.
        for (const [prev, expected] of [[0n, first] as const, [s, later] as const]) {
          const got = call('update', [k, prev, d, sf]);
          if (expected === 0n) await expect(got).rejects.toThrow('InvalidDepositScalingFactor');
          else expect(await got).toBe(expected);
        }
      }),
      runs,
    );
  });

  it('update: 100 deposited, a 50% slash, another 100 → k = 1.5 and 150 withdrawable', async () => {
    const k = await call('update', [W, 100n * W, 100n * W, W / 2n]);
    expect(k).toBe((3n * W) / 2n);
    expect(await call('calcWithdrawable', [200n * W, k, W / 2n])).toBe(150n * W);
  });

  it('queue and complete scale by the DSF, then by the slashing factor at completion', async () => {
    await fc.assert(
      fc.asyncProperty(amount, fc.bigInt({ min: 0n, max: 4n * W }), factor, async (x, k, sf) => {
        const q = mulWad(x, k0(k));
        expect(await call('scaleForQueueWithdrawal', [x, k])).toBe(q);
        expect(await call('scaleForCompleteWithdrawal', [q, sf])).toBe(mulWad(q, sf));
      }),
      runs,
    );
  });

  it('calcSlashedAmount rounds the remainder up, so the slashed part rounds down', async () => {
    await fc.assert(
      fc.asyncProperty(amount, factor, factor, async (op, a, b) => {
        const [prev, next] = a >= b ? [a, b] : [b, a];
        expect(await call('calcSlashedAmount', [op, prev, next])).toBe(op - ceilDiv(op * next, prev));
        const q = mulWad(op, prev);
        expect(await call('scaleForBurning', [op, prev, next])).toBe(q - ceilDiv(q * next, prev));
      }),
      runs,
    );
    // 10 shares, magnitude 3 → 2: remaining ⌈20/3⌉ = 7, so 3 are slashed (not 3.33…).
    expect(await call('calcSlashedAmount', [10n, 3n, 2n])).toBe(3n);
    expect(await call('scaleForBurning', [10n, 0n, 0n])).toBe(0n);
  });

  it('slashing factor: m for LSTs, ⌊m·l⌋ for native ETH', async () => {
    expect(await call('slashingFactor', [W / 4n, W / 2n, false])).toBe(W / 4n);
    expect(await call('slashingFactor', [W / 4n, W / 2n, true])).toBe(W / 8n);
    expect(await call('slashingFactor', [1n, W - 1n, true])).toBe(0n); // tiny magnitude rounds to 0
  });

  it('rejects a DSF update that would be 0', async () => {
    const r = await write(chain, {
      from: chain.accounts[0]!.address,
      to: lib,
      contract: 'SlashingLibHarness',
      functionName: 'update',
      args: [1n, 0n, 1n, 2n * W],
    });
    expect(r.ok).toBe(false);
    expect(r.error?.name).toBe('InvalidDepositScalingFactor');
  });
});
