import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useOriginalLoop } from './evm-sync-steps.ts';
import { createChain, type Chain } from './runtime.ts';

// evm-sync-steps.ts runs the most frequent opcodes inline, with gas as a number. The original interpreter loop
// is the reference: random programs over exactly those opcodes (and the edges they must refuse: an empty
// stack, a bad jump, memory not yet paid for, too little gas) end the same way on both loops: the same
// error, gas, returned bytes, stack and memory.
const INLINE_OPS = [
  0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1b, 0x1c, 0x50, 0x51, 0x52,
  0x56, 0x57, 0x5b, 0x5f, 0x00, 0xf3, 0x54, 0x35,
];

const word = fc.oneof(
  fc.bigInt({ min: 0n, max: 300n }),
  fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
  fc.constantFrom(2n ** 53n - 1n, 2n ** 53n, 2n ** 64n, 2n ** 255n, 2n ** 256n - 1n),
);

/** PUSHn of a value (n from its size, or wider), so programs carry every push width. */
function push(value: bigint, extra: number): number[] {
  const hex = value.toString(16);
  const bytes = Math.min(32, Math.ceil(hex.length / 2) + extra) || 1;
  const padded = hex.padStart(bytes * 2, '0');
  return [0x5f + bytes, ...padded.match(/../g)!.map((b) => parseInt(b, 16))];
}

const BINARY = [0x01, 0x02, 0x03, 0x10, 0x11, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1b, 0x1c];
const pushed = fc.tuple(word, fc.nat(2)).map(([v, e]) => push(v, e));

const piece = fc.oneof(
  // Mostly pieces that leave the stack sound (an operation on operands pushed for it), so programs get far.
  {
    weight: 6,
    arbitrary: fc.tuple(pushed, pushed, fc.constantFrom(...BINARY)).map(([a, b, op]) => [...a, ...b, op]),
  },
  { weight: 2, arbitrary: fc.tuple(pushed, fc.constantFrom(0x15, 0x19)).map(([a, op]) => [...a, op]) },
  { weight: 3, arbitrary: pushed },
  { weight: 1, arbitrary: fc.constantFrom(...INLINE_OPS).map((op) => [op]) },
  { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0x9f }).map((op) => [op]) }, // DUPn, SWAPn
  // Memory at small offsets (mostly paid for after the first touch) and jumps to near targets.
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(200), fc.constantFrom(0x51, 0x52)).map(([at, op]) => [0x60, at, op]),
  },
  { weight: 1, arbitrary: fc.tuple(pushed, fc.nat(200)).map(([v, at]) => [...v, 0x60, at, 0x52]) },
  { weight: 1, arbitrary: fc.nat(255).map((to) => [0x60, to, 0x56]) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(255), fc.boolean()).map(([to, c]) => [0x60, c ? 1 : 0, 0x60, to, 0x57]),
  },
  { weight: 1, arbitrary: fc.constant([0x5b]) },
  // CALLDATALOAD around the end of the input (part of a word, all zeros) and at huge offsets.
  {
    weight: 2,
    arbitrary: fc.oneof(fc.bigInt({ min: 0n, max: 80n }), word).map((at) => [...push(at, 0), 0x35]),
  },
  // SLOAD of a few slots: the first read of each is cold, later ones warm (EIP-2929).
  { weight: 1, arbitrary: fc.nat(3).map((slot) => [0x60, slot, 0x54]) },
);

// Return the first 256 bytes of memory at the end, so memory is compared too.
const program = fc
  .array(piece, { maxLength: 60 })
  .map((ps) => Uint8Array.from([...ps.flat(), 0x61, 0x01, 0x00, 0x5f, 0xf3]));

async function runOn(
  chain: Chain,
  original: boolean,
  code: Uint8Array,
  gasLimit: bigint,
  data = new Uint8Array(0),
) {
  useOriginalLoop(chain.vm, original);
  // Every run starts with no slot warm (EIP-2929), whichever loop ran before.
  (chain.vm.evm as unknown as { journal: { cleanJournal(): void } }).journal.cleanJournal();
  const r = await chain.vm.evm.runCode({ code, gasLimit, data });
  const stack = (r.runState as unknown as { stack: { _store: bigint[]; _len: number } } | undefined)?.stack;
  return {
    error: r.exceptionError?.error,
    gasUsed: r.executionGasUsed,
    returned: Buffer.from(r.returnValue).toString('hex'),
    stack: stack?._store.slice(0, stack._len),
  };
}

describe('inline opcodes', () => {
  it('end every random program as the original loop does', async () => {
    const chain = await createChain({ accounts: 1 });
    await fc.assert(
      fc.asyncProperty(
        program,
        fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.constant(1_000_000)),
        fc.uint8Array({ maxLength: 70 }), // the input CALLDATALOAD reads
        async (code, gas, data) => {
          const gasLimit = BigInt(gas);
          const inline = await runOn(chain, false, code, gasLimit, data);
          const original = await runOn(chain, true, code, gasLimit, data);
          expect(inline).toEqual(original);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('charge memory growth as the original loop does, at every gas limit around each charge', async () => {
    const chain = await createChain({ accounts: 1 });
    // MSTORE 7 at 0x40, MLOAD at 0x100, MSTORE at 0x20 (already paid), then RETURN the first 0x120 bytes.
    const code = Uint8Array.from([
      0x60, 7, 0x60, 0x40, 0x52, 0x61, 0x01, 0x00, 0x51, 0x60, 9, 0x60, 0x20, 0x52, 0x61, 0x01, 0x20, 0x5f,
      0xf3,
    ]);
    for (let gas = 0n; gas <= 120n; gas++) {
      expect(await runOn(chain, false, code, gas)).toEqual(await runOn(chain, true, code, gas));
    }
    expect((await runOn(chain, false, code, 120n)).error).toBeUndefined();
  });

  it('reach both ends the property compares: programs that return and programs that fail', async () => {
    const chain = await createChain({ accounts: 1 });
    // PUSH1 7, PUSH1 0, MSTORE, PUSH1 32, PUSH0, RETURN: one word back.
    const ok = await runOn(chain, false, Uint8Array.from([0x60, 7, 0x5f, 0x52, 0x60, 32, 0x5f, 0xf3]), 100n);
    expect(ok.error).toBeUndefined();
    expect(BigInt(`0x${ok.returned}`)).toBe(7n);
    // ADD on an empty stack, and a jump to a byte that is not a JUMPDEST.
    expect((await runOn(chain, false, Uint8Array.from([0x01]), 100n)).error).toBe('stack underflow');
    expect((await runOn(chain, false, Uint8Array.from([0x60, 0, 0x56]), 100n)).error).toMatch(/invalid JUMP/);
    // Two PUSH0s cost 4: with 3 gas the second runs out.
    expect((await runOn(chain, false, Uint8Array.from([0x5f, 0x5f]), 3n)).error).toBe('out of gas');
  });

  it('leave the EVM result shaped as before: the same run-state keys in the same order, the same gas', async () => {
    const chain = await createChain({ accounts: 1 });
    const code = Uint8Array.from([0x60, 7, 0x5f, 0x52, 0x60, 32, 0x5f, 0xf3]);
    const shape = async (original: boolean) => {
      useOriginalLoop(chain.vm, original);
      const r = await chain.vm.evm.runCode({ code, gasLimit: 1_000n });
      const rs = r.runState as unknown as Record<string, unknown>;
      return {
        keys: Object.keys(rs),
        gas: [r.gas, r.gasRefund, r.executionGasUsed, rs['gasLeft'], rs['gasRefund']],
      };
    };
    const fast = await shape(false);
    expect(fast).toEqual(await shape(true));
    expect(fast.keys).toContain('callData'); // the environment's keys are there, as the stock spread puts them
  });
});
