// JSON for values that hold bigints and bytes (snapshots, names, transaction results): a bigint becomes
// {"$n": "123"} and a Uint8Array {"$b": "0x…"}, and both come back as they were.
import { bytesToHex, hexToBytes } from '@ethereumjs/util';

export function toTagged(value: unknown): unknown {
  if (typeof value === 'bigint') return { $n: value.toString() };
  if (value instanceof Uint8Array) return { $b: bytesToHex(value) };
  if (Array.isArray(value)) return value.map(toTagged);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toTagged(v)]));
  return value;
}

export function fromTagged(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromTagged);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && typeof o['$n'] === 'string') return BigInt(o['$n']);
    if (keys.length === 1 && typeof o['$b'] === 'string') return hexToBytes(o['$b'] as `0x${string}`);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fromTagged(v)]));
  }
  return value;
}
