// Reading a JSON-RPC request's parameters: every bad one is refused with -32602 (EIP-1474's "invalid params")
// and a message naming the parameter and what it should be, never an internal error's text.
import { isAddress, isHex, type Address, type Hex } from 'viem';

export interface RpcError {
  code: number;
  message: string;
  /** The revert data, so a client such as viem or ethers can decode the custom error itself. */
  data?: Hex;
}

/** A refusal: the message goes to the client as it is. */
export class Refused extends Error {
  constructor(readonly rpc: RpcError) {
    super(rpc.message);
  }
}

export const INVALID_PARAMS = -32602;

export function invalid(message: string): Refused {
  return new Refused({ code: INVALID_PARAMS, message });
}

const show = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (v === undefined) return 'nothing';
  try {
    return JSON.stringify(v)?.slice(0, 80) ?? String(v);
  } catch {
    return String(v);
  }
};

/** One method's parameters, each read by position with its name for messages. */
export class Params {
  constructor(
    readonly method: string,
    readonly list: readonly unknown[],
  ) {}

  private label(i: number, name: string): string {
    return `${this.method} parameter ${i + 1} (${name})`;
  }

  raw(i: number, name: string): unknown {
    const p = this.list[i];
    if (p === undefined || p === null) throw invalid(`${this.label(i, name)} is missing`);
    return p;
  }

  has(i: number): boolean {
    return this.list[i] !== undefined && this.list[i] !== null;
  }

  address(i: number, name = 'address'): Address {
    return address(this.raw(i, name), this.label(i, name));
  }

  data(i: number, name = 'data'): Hex {
    return data(this.raw(i, name), this.label(i, name));
  }

  quantity(i: number, name: string): bigint {
    return quantity(this.raw(i, name), this.label(i, name));
  }

  hash(i: number, name = 'hash'): Hex {
    const v = this.raw(i, name);
    if (typeof v !== 'string' || !isHex(v, { strict: true }) || v.length !== 66)
      throw invalid(`${this.label(i, name)}: ${show(v)} is not a 32-byte hash (0x and 64 hex digits)`);
    return v.toLowerCase() as Hex;
  }

  object(i: number, name: string): Record<string, unknown> {
    const v = this.raw(i, name);
    if (typeof v !== 'object' || Array.isArray(v))
      throw invalid(`${this.label(i, name)}: ${show(v)} is not an object`);
    return v as Record<string, unknown>;
  }

  boolean(i: number, name: string, fallback: boolean): boolean {
    const v = this.list[i];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') throw invalid(`${this.label(i, name)}: ${show(v)} is not true or false`);
    return v;
  }

  /** A field of an object parameter, for messages ("eth_call parameter 1 (transaction) field to"). */
  field(i: number, name: string, key: string): string {
    return `${this.label(i, name)} field "${key}"`;
  }
}

export function address(v: unknown, what: string): Address {
  if (typeof v !== 'string' || !isAddress(v, { strict: false }))
    throw invalid(`${what}: ${show(v)} is not an address (0x and 40 hex digits)`);
  return v as Address;
}

export function data(v: unknown, what: string): Hex {
  if (typeof v !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(v))
    throw invalid(`${what}: ${show(v)} is not hex data (0x and an even number of hex digits)`);
  return v as Hex;
}

const UINT256_MAX = 2n ** 256n - 1n;

export function quantity(v: unknown, what: string): bigint {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(v))
    throw invalid(`${what}: ${show(v)} is not a quantity (0x and hex digits, such as 0x1bc)`);
  const n = BigInt(v);
  if (n > UINT256_MAX) throw invalid(`${what}: ${show(v)} is larger than 2^256 - 1`);
  return n;
}

/** An optional field of an object parameter, read with `read` when present. */
export function optional<T>(
  o: Record<string, unknown>,
  key: string,
  what: string,
  read: (v: unknown, what: string) => T,
): T | undefined {
  const v = o[key];
  return v === undefined || v === null ? undefined : read(v, `${what} field "${key}"`);
}
