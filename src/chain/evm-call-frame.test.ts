import fc from 'fast-check';
import { Account, createAddressFromString, hexToBytes } from '@ethereumjs/util';
import { createBlock } from '@ethereumjs/block';
import { describe, expect, it } from 'vitest';
import { runViewFrame, type ViewOutcome } from './evm-call-frame.ts';
import { useOriginalLoop } from './evm-sync-steps.ts';
import { createChain, setBalance, type Chain } from './runtime.ts';

// evm-call-frame.ts sets up message-call frames and their results without the library's object spreads. The
// library's own `_executeCall` and `runInterpreter` (on the original loop) are the reference: random sequences of
// calls of every kind (CALL with and without value, CALLCODE, DELEGATECALL, STATICCALL) to a contract that writes
// storage, one that reverts, an account that does not exist, one that exists but is empty, and a precompile, with
// more value than the caller holds and too little gas among them, end the same way on both: returned bytes, gas,
// refund, error, the result's keys, every balance and slot afterwards, the accounts the frames touched and which
// accounts exist.
const SENDER = '0x0000000000000000000000000000000000005e4d'; // holds 3 wei: a larger call value fails
const CALLER = '0x00000000000000000000000000000000000c0de1';
const WRITER = '0x00000000000000000000000000000000000c0de2'; // stores CALLVALUE at slot 0, returns CALLER
const REVERTER = '0x00000000000000000000000000000000000c0de3'; // reverts with one word
const EMPTY = '0x00000000000000000000000000000000000e3e3e';
const IDENTITY = '0x0000000000000000000000000000000000000004'; // the identity precompile
const DORMANT = '0x00000000000000000000000000000000000d0d0d'; // exists, but empty: no nonce, balance or code
const TARGETS = [WRITER, REVERTER, EMPTY, IDENTITY, DORMANT] as const;
const KINDS = { call: 0xf1, callcode: 0xf2, delegatecall: 0xf4, staticcall: 0xfa } as const;

// CALLVALUE, PUSH0, SSTORE, CALLER, PUSH0, MSTORE, PUSH1 32, PUSH0, RETURN
const WRITER_CODE = [0x34, 0x5f, 0x55, 0x33, 0x5f, 0x52, 0x60, 32, 0x5f, 0xf3];
// PUSH1 42, PUSH0, MSTORE, PUSH1 32, PUSH0, REVERT
const REVERTER_CODE = [0x60, 42, 0x5f, 0x52, 0x60, 32, 0x5f, 0xfd];

interface Call {
  kind: keyof typeof KINDS;
  target: number;
  value: number;
  gas: number;
}

const push = (n: number | bigint): number[] => {
  const hex = n.toString(16).padStart(2, '0');
  const bytes = (hex.length % 2 === 0 ? hex : `0${hex}`).match(/../g)!.map((b) => parseInt(b, 16));
  return [0x5f + bytes.length, ...bytes];
};

/**
 * The caller's code: a log, each call, then its success flag and return data size into memory; returns it all,
 * or ends on an invalid opcode (which clears the log and consumes all gas).
 */
function callerCode(calls: Call[], fail: boolean): Uint8Array {
  const out: number[] = [0x5f, 0x5f, 0xa0]; // LOG0 of nothing
  calls.forEach((c, i) => {
    const to = BigInt(TARGETS[c.target]!);
    const hasValue = c.kind === 'call' || c.kind === 'callcode';
    // retSize, retOffset, argsSize, argsOffset, [value], address, gas; the call's input is the first word.
    out.push(...push(32), ...push(0x400 + i * 32), ...push(32), 0x5f);
    if (hasValue) out.push(...push(c.value));
    out.push(...push(to), ...push(c.gas), KINDS[c.kind]);
    out.push(...push(i * 64), 0x52, 0x3d, ...push(i * 64 + 32), 0x52); // MSTORE success, RETURNDATASIZE
  });
  out.push(...(fail ? [0xfe] : [...push(0x400 + calls.length * 32), 0x5f, 0xf3]));
  return Uint8Array.from(out);
}

const call = fc.record({
  kind: fc.constantFrom(...(Object.keys(KINDS) as (keyof typeof KINDS)[])),
  target: fc.nat(TARGETS.length - 1),
  value: fc.oneof(fc.constant(0), fc.nat(3), fc.constant(1_000)), // the caller holds 5 wei
  gas: fc.oneof(fc.constant(100_000), fc.integer({ min: 0, max: 30_000 })),
});

async function world(): Promise<Chain> {
  const chain = await createChain({ accounts: 1 });
  const sm = chain.stateManager;
  await setBalance(chain, SENDER, 3n);
  await setBalance(chain, CALLER, 5n);
  await setBalance(chain, WRITER, 1n);
  await sm.putAccount(createAddressFromString(DORMANT), new Account());
  await sm.putCode(createAddressFromString(WRITER), Uint8Array.from(WRITER_CODE));
  await sm.putCode(createAddressFromString(REVERTER), Uint8Array.from(REVERTER_CODE));
  return chain;
}

async function runOn(chain: Chain, original: boolean, calls: Call[], value: bigint, fail = false) {
  useOriginalLoop(chain.vm, original);
  const sm = chain.stateManager;
  const evm = chain.vm.evm;
  (evm as unknown as { journal: { cleanJournal(): void } }).journal.cleanJournal();
  await sm.checkpoint();
  try {
    await sm.putCode(createAddressFromString(CALLER), callerCode(calls, fail));
    const r = await evm.runCall({
      caller: createAddressFromString(SENDER),
      to: createAddressFromString(CALLER),
      data: hexToBytes('0x0000000000000000000000000000000000000000000000000000000000000007'),
      gasLimit: 400_000n,
      value,
    });
    const e = r.execResult;
    const rs = (e as unknown as { runState?: Record<string, unknown> }).runState;
    const balances = [];
    for (const a of [CALLER, ...TARGETS, SENDER])
      balances.push((await sm.getAccount(createAddressFromString(a)))?.balance);
    // Which accounts the frames touched (EIP-161 removes the empty ones among them when a transaction ends),
    // and which exist: a call to an account that does not exist creates it, empty, even with no value.
    const journal = (evm as unknown as { journal: { touched: Set<string> } }).journal;
    const touched = [...journal.touched].sort();
    const exists = [];
    for (const a of TARGETS) exists.push((await sm.getAccount(createAddressFromString(a))) !== undefined);
    const slot = await sm.getStorage(createAddressFromString(WRITER), new Uint8Array(32));
    const callerSlot = await sm.getStorage(createAddressFromString(CALLER), new Uint8Array(32));
    return {
      returned: Buffer.from(e.returnValue).toString('hex'),
      gas: [e.executionGasUsed, e.gasRefund, e.gas],
      error: e.exceptionError?.error,
      logs: e.logs?.length,
      // The result as the library shapes it: the same keys in the same order, the run state's too.
      keys: Object.keys(e),
      runState: Object.keys(rs ?? {}),
      env:
        rs === undefined ? undefined : [String(rs['address']), rs['callValue'], rs['depth'], rs['gasRefund']],
      balances,
      touched,
      exists,
      slots: [Buffer.from(slot).toString('hex'), Buffer.from(callerSlot).toString('hex')],
    };
  } finally {
    await sm.revert();
  }
}

describe('call frames set up without spreads', () => {
  it('end every random sequence of calls as the library does: results, gas, balances and storage', async () => {
    const chain = await world();
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { maxLength: 6 }),
        fc.nat(4),
        fc.boolean(),
        async (calls, value, fail) => {
          const fast = await runOn(chain, false, calls, BigInt(value), fail);
          const original = await runOn(chain, true, calls, BigInt(value), fail);
          expect(fast).toEqual(original);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reach what the property compares: value moved, storage written, a revert, a precompile, failed sends', async () => {
    const chain = await world();
    const all: Call[] = [
      { kind: 'call', target: 0, value: 2, gas: 100_000 }, // writes 2 at the writer's slot 0
      { kind: 'call', target: 1, value: 0, gas: 100_000 }, // reverts
      { kind: 'staticcall', target: 3, value: 0, gas: 100_000 }, // the identity precompile
      { kind: 'call', target: 2, value: 1_000, gas: 100_000 }, // more than the caller holds
      { kind: 'delegatecall', target: 0, value: 0, gas: 100_000 }, // writes at the caller's own slot 0
    ];
    const r = await runOn(chain, false, all, 1n);
    expect(r.logs).toBe(1);
    expect(r.env).toEqual([CALLER, 1n, 0, 0n]);
    const words = r.returned.match(/.{64}/g)!.map((w) => BigInt(`0x${w}`));
    expect(words.slice(0, 10).filter((_, i) => i % 2 === 0)).toEqual([1n, 0n, 1n, 0n, 1n]);
    expect(words[5]).toBe(32n); // the identity precompile returned its input
    expect(r.balances.slice(0, 2)).toEqual([5n + 1n - 2n, 1n + 2n]);
    expect(BigInt(`0x${r.slots[0] || '0'}`)).toBe(2n);
    expect(BigInt(`0x${r.slots[1] || '0'}`)).toBe(1n); // the delegate call stored the caller's call value
    // A top-level value the sender does not hold: the frame ends at once, nothing moves.
    const poor = await runOn(chain, false, all, 4n);
    expect([poor.error, poor.returned, poor.balances.at(-1)]).toEqual(['insufficient balance', '', 3n]);
    // A frame that fails after logging: no log is left.
    const failed = await runOn(chain, false, all, 1n, true);
    expect([failed.error, failed.logs]).toEqual(['invalid opcode', 0]);
  });

  it('clear a failed frame run on its own (runCode) as the library does: no logs left', async () => {
    const chain = await world();
    const code = Uint8Array.from([0x5f, 0x5f, 0xa0, 0xfe]); // LOG0, then an invalid opcode
    const logs = async (original: boolean) => {
      useOriginalLoop(chain.vm, original);
      const r = await chain.vm.evm.runCode({ code, gasLimit: 10_000n });
      return [r.exceptionError?.error, r.logs, r.executionGasUsed];
    };
    const fast = await logs(false);
    expect(fast).toEqual(await logs(true));
    expect(fast).toEqual(['invalid opcode', [], 10_000n]);
  });
});

// `runViewFrame` is a top-level static call without runCall's checkpoint. The library's `runCall` with
// `isStatic` is the reference: random sequences of calls from a contract (value calls, which a static frame
// refuses, writes, reverts, a precompile, too little gas, and a caller that ends on an invalid opcode) give the
// same success, returned bytes and gas, and leave the same balances, slots and existing accounts. A callee or
// caller that does not exist is left to runCall (undefined).
async function viewOn(chain: Chain, fast: boolean, calls: Call[], fail: boolean, caller: string) {
  useOriginalLoop(chain.vm, !fast);
  const sm = chain.stateManager;
  const evm = chain.vm.evm;
  await sm.checkpoint();
  try {
    await sm.putCode(createAddressFromString(CALLER), callerCode(calls, fail));
    const opts = {
      caller: createAddressFromString(caller),
      to: createAddressFromString(CALLER),
      data: hexToBytes('0x0000000000000000000000000000000000000000000000000000000000000007'),
      gasLimit: 400_000n,
      block: createBlock({ header: { number: 9n } }, { common: chain.common }),
    };
    let r: ViewOutcome | undefined;
    if (fast) r = await runViewFrame(evm, opts);
    else {
      const e = (await evm.runCall({ ...opts, isStatic: true, skipBalance: true, skipNonceIncrement: true }))
        .execResult;
      r = { ok: e.exceptionError === undefined, returned: e.returnValue, gasUsed: e.executionGasUsed };
    }
    const balances = [];
    const exists = [];
    for (const a of [CALLER, ...TARGETS, SENDER, caller]) {
      const account = await sm.getAccount(createAddressFromString(a));
      balances.push(account?.balance);
      exists.push(account !== undefined);
    }
    const slot = await sm.getStorage(createAddressFromString(WRITER), new Uint8Array(32));
    return {
      result: r === undefined ? undefined : { ...r, returned: Buffer.from(r.returned).toString('hex') },
      balances,
      exists,
      slot: Buffer.from(slot).toString('hex'),
    };
  } finally {
    await sm.revert();
  }
}

describe('view frames without a checkpoint', () => {
  it('end every random sequence of calls as the library’s static runCall does', async () => {
    const chain = await world();
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom(SENDER, DORMANT),
        async (calls, fail, caller) => {
          const fast = await viewOn(chain, true, calls, fail, caller);
          const library = await viewOn(chain, false, calls, fail, caller);
          expect(fast.result).toBeDefined();
          expect(fast).toEqual(library);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leave a caller or callee that does not exist to runCall, and answer a view as runCall does', async () => {
    const chain = await world();
    const block = createBlock({ header: { number: 9n } }, { common: chain.common });
    const at = (to: string, caller: string) => ({
      caller: createAddressFromString(caller),
      to: createAddressFromString(to),
      data: new Uint8Array(32),
      gasLimit: 100_000n,
      block,
    });
    expect(await runViewFrame(chain.vm.evm, at(WRITER, EMPTY))).toBeUndefined();
    expect(await runViewFrame(chain.vm.evm, at(EMPTY, SENDER))).toBeUndefined();
    // The writer stores: refused in a static frame, as a view that wrote would be.
    const written = await runViewFrame(chain.vm.evm, at(WRITER, SENDER));
    expect(written?.ok).toBe(false);
    const reverted = await runViewFrame(chain.vm.evm, at(REVERTER, SENDER));
    expect([reverted?.ok, BigInt(`0x${Buffer.from(reverted!.returned).toString('hex')}`)]).toEqual([
      false,
      42n,
    ]);
  });
});

// Each view frame starts on zeroed memory, whatever ran before it, and what an ended frame returned is its own
// copy (a guard for any reuse of frames' memory).
describe('view frames and memory', () => {
  // PUSH1 0x77, PUSH2 0x0400, MSTORE, PUSH1 32, PUSH2 0x0400, RETURN: writes 0x77 at 0x400 and returns it
  const WRITE = [0x60, 0x77, 0x61, 0x04, 0x00, 0x52, 0x60, 32, 0x61, 0x04, 0x00, 0xf3];
  // PUSH1 32, PUSH2 0x0400, RETURN: returns the word at 0x400 without writing it
  const READ = [0x60, 32, 0x61, 0x04, 0x00, 0xf3];
  const WRITE_AT = '0x00000000000000000000000000000000000c0de4';
  const READ_AT = '0x00000000000000000000000000000000000c0de5';

  it('zeroed for the next frame, and without touching what an ended frame returned', async () => {
    const chain = await world();
    const sm = chain.stateManager;
    await sm.putCode(createAddressFromString(WRITE_AT), Uint8Array.from(WRITE));
    await sm.putCode(createAddressFromString(READ_AT), Uint8Array.from(READ));
    const block = createBlock({ header: { number: 9n } }, { common: chain.common });
    const view = (to: string) =>
      runViewFrame(chain.vm.evm, {
        caller: createAddressFromString(SENDER),
        to: createAddressFromString(to),
        data: new Uint8Array(0),
        gasLimit: 100_000n,
        block,
      });
    const hex = (r: ViewOutcome | undefined) => Buffer.from(r!.returned).toString('hex');
    const written = await view(WRITE_AT);
    expect(hex(written)).toBe('77'.padStart(64, '0'));
    for (let i = 0; i < 3; i++) expect(hex(await view(READ_AT))).toBe('0'.repeat(64));
    expect(hex(written)).toBe('77'.padStart(64, '0')); // a copy, not a view of the memory zeroed since
  });
});
