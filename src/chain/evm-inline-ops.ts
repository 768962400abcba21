// The opcodes evm-sync-steps.ts runs in place: the most frequent ones in a view call (stack, arithmetic and
// comparison, jumps, MLOAD and MSTORE in memory already paid for, CALLDATALOAD, RETURN's output). Each mirrors
// its handler in @ethereumjs/evm's opcodes/functions.ts on the same bigints, and refuses (changing nothing)
// whatever could go wrong, so the original handler raises the error exactly as it would.
import { loadWord, storeWord } from './evm-memory-words.ts';

export interface Stack {
  _store: bigint[];
  _len: number;
}

/** What of the interpreter's run state these opcodes touch. */
export interface InlineState {
  stack: Stack;
  memory: Parameters<typeof storeWord>[0] & { read(offset: number, size: number): Uint8Array };
  memoryWordCount: bigint;
  validJumps: Uint8Array;
  cachedPushes: Record<number, bigint>;
  shouldDoJumpAnalysis: boolean;
  env: { callData: Uint8Array };
}

const STACK_LIMIT = 1024;
export const MEMORY_LIMIT = 2n ** 32n;

/** Whether a 32-byte word at `at` lies in memory already paid for (then MLOAD and MSTORE cost their base fee). */
function paidWord(rs: InlineState, at: bigint): boolean {
  return at < MEMORY_LIMIT && Math.floor((Number(at) + 63) / 32) <= Number(rs.memoryWordCount);
}

const scratch = new Uint8Array(32);
const scratchLanes = new DataView(scratch.buffer);

/** The 32 bytes of `data` from `at` as a big-endian word, zeros past its end (CALLDATALOAD's answer). */
function calldataWord(data: Uint8Array, at: number): bigint {
  scratch.fill(0);
  scratch.set(data.subarray(at, at + 32));
  const a = scratchLanes.getBigUint64(0);
  const b = scratchLanes.getBigUint64(8);
  const c = scratchLanes.getBigUint64(16);
  const d = scratchLanes.getBigUint64(24);
  return (a << 192n) | (b << 128n) | (c << 64n) | d;
}

/** A valid JUMPDEST for `dest`, or -1 (the original handler then raises the error). */
function jumpTarget(rs: InlineState, dest: bigint, codeSize: bigint): number {
  if (dest >= codeSize) return -1;
  const d = Number(dest);
  return rs.validJumps[d] === 1 ? d : -1;
}

/**
 * RETURN's output, popping its two operands, when its memory range is already paid for (RETURN's only cost);
 * else undefined having changed nothing. A copy, as `memory.read` gives the original handler.
 */
export function returnedBytes(rs: InlineState, stack: Stack): Uint8Array | undefined {
  const s = stack._store;
  const n = stack._len;
  if (n < 2) return undefined;
  const at = s[n - 1]!;
  const length = s[n - 2]!;
  if (length === 0n) {
    stack._len = n - 2;
    return new Uint8Array(0);
  }
  if (at >= MEMORY_LIMIT || length >= MEMORY_LIMIT) return undefined;
  const end = Number(at) + Number(length);
  if (Math.ceil(end / 32) > Number(rs.memoryWordCount)) return undefined;
  stack._len = n - 2;
  return rs.memory.read(Number(at), Number(length));
}

/**
 * Runs the opcode at `pc` in place when it is one of the most frequent (stack, arithmetic and comparison,
 * jumps, MLOAD and MSTORE without memory growth) and nothing can go wrong: the stack has what it needs and a
 * jump lands on a JUMPDEST. Returns the next program counter, or -1 having changed nothing, so the original
 * handler runs and raises any error exactly as it would. Each case is the handler in
 * @ethereumjs/evm's opcodes/functions.ts, on the same bigints; the caller charges the opcode's fixed gas.
 */
export function inlineStep(rs: InlineState, stack: Stack, op: number, pc: number, codeSize: bigint): number {
  const s = stack._store;
  const n = stack._len;
  if (op >= 0x60 && op <= 0x7f) {
    // PUSH1..PUSH32: the value the jump analysis decoded, keyed by the byte after the opcode.
    if (rs.shouldDoJumpAnalysis || n >= STACK_LIMIT) return -1;
    s[n] = rs.cachedPushes[pc + 1]!;
    stack._len = n + 1;
    return pc + 1 + (op - 0x5f);
  }
  if (op >= 0x80 && op <= 0x8f) {
    const k = op - 0x7f; // DUPk
    if (n < k || n >= STACK_LIMIT) return -1;
    s[n] = s[n - k]!;
    stack._len = n + 1;
    return pc + 1;
  }
  if (op >= 0x90 && op <= 0x9f) {
    const k = op - 0x8f; // SWAPk
    if (n <= k) return -1;
    const top = s[n - 1]!;
    s[n - 1] = s[n - 1 - k]!;
    s[n - 1 - k] = top;
    return pc + 1;
  }
  switch (op) {
    case 0x5b: // JUMPDEST
      return pc + 1;
    case 0x35: {
      // CALLDATALOAD (the handler goes through a subarray and a hex string); an offset at or past the input's
      // end reads zeros
      if (n < 1) return -1;
      const data = rs.env.callData;
      const at = s[n - 1]!;
      s[n - 1] = at < BigInt(data.length) ? calldataWord(data, Number(at)) : 0n;
      return pc + 1;
    }
    case 0x50: // POP
      if (n < 1) return -1;
      stack._len = n - 1;
      return pc + 1;
    case 0x5f: // PUSH0
      if (n >= STACK_LIMIT) return -1;
      s[n] = 0n;
      stack._len = n + 1;
      return pc + 1;
    case 0x56: {
      // JUMP
      if (n < 1) return -1;
      const to = jumpTarget(rs, s[n - 1]!, codeSize);
      if (to < 0) return -1;
      stack._len = n - 1;
      return to;
    }
    case 0x57: {
      // JUMPI
      if (n < 2) return -1;
      if (s[n - 2] === 0n) {
        stack._len = n - 2;
        return pc + 1;
      }
      const to = jumpTarget(rs, s[n - 1]!, codeSize);
      if (to < 0) return -1;
      stack._len = n - 2;
      return to;
    }
    case 0x15: // ISZERO
      if (n < 1) return -1;
      s[n - 1] = s[n - 1] === 0n ? 1n : 0n;
      return pc + 1;
    case 0x19: // NOT
      if (n < 1) return -1;
      s[n - 1] = BigInt.asUintN(256, ~s[n - 1]!);
      return pc + 1;
    case 0x51: {
      // MLOAD, when the word is inside memory already paid for (else the gas handler prices the growth)
      if (n < 1) return -1;
      const at = s[n - 1]!;
      if (!paidWord(rs, at)) return -1;
      s[n - 1] = loadWord(rs.memory, Number(at));
      return pc + 1;
    }
    case 0x52: {
      // MSTORE, likewise
      if (n < 2) return -1;
      const at = s[n - 1]!;
      if (!paidWord(rs, at)) return -1;
      storeWord(rs.memory, Number(at), s[n - 2]!);
      stack._len = n - 2;
      return pc + 1;
    }
  }
  // Binary operations: a is the top of the stack, b the one below; the result replaces both.
  if (n < 2) return -1;
  const a = s[n - 1]!;
  const b = s[n - 2]!;
  let r: bigint;
  switch (op) {
    case 0x01: // ADD
      r = BigInt.asUintN(256, a + b);
      break;
    case 0x02: // MUL
      r = BigInt.asUintN(256, a * b);
      break;
    case 0x03: // SUB
      r = BigInt.asUintN(256, a - b);
      break;
    case 0x10: // LT
      r = a < b ? 1n : 0n;
      break;
    case 0x11: // GT
      r = a > b ? 1n : 0n;
      break;
    case 0x12: // SLT
      r = BigInt.asIntN(256, a) < BigInt.asIntN(256, b) ? 1n : 0n;
      break;
    case 0x13: // SGT
      r = BigInt.asIntN(256, a) > BigInt.asIntN(256, b) ? 1n : 0n;
      break;
    case 0x14: // EQ
      r = a === b ? 1n : 0n;
      break;
    case 0x16: // AND
      r = a & b;
      break;
    case 0x17: // OR
      r = a | b;
      break;
    case 0x18: // XOR
      r = a ^ b;
      break;
    case 0x1b: // SHL
      r = a > 256n ? 0n : BigInt.asUintN(256, b << a);
      break;
    case 0x1c: // SHR
      r = a > 256n ? 0n : b >> a;
      break;
    default:
      return -1;
  }
  s[n - 2] = r;
  stack._len = n - 1;
  return pc + 1;
}
