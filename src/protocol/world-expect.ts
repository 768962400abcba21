// `expect` values of a scenario: which unit each world@1 path is in, parsing an expected value in that
// unit, and comparing it with the world. Integers compare exactly as bigints; strings, booleans and null
// compare literally; lists (a set's strategies and operators) compare as sets, since their order is an
// accident of registration order and not part of what a lesson checks.
import { formatUnits } from 'viem';
import {
  ACCEPTED,
  formatAmount,
  formatGwei,
  formatWad,
  GWEI,
  parseAmount,
  parseBlocks,
  parseWad,
  showValue,
  type UnitResult,
} from './units.ts';
import { getPath } from './world-types.ts';
import { classifyPath, KNOWN_PATHS, ROOTS } from './world-paths.ts';

export type { PathKind } from './world-paths.ts';
export { classifyPath, KNOWN_PATHS } from './world-paths.ts';

export type NumberUnit = 'integer' | 'amount' | 'gwei' | 'wad' | 'rate';
export type ExpectedValue =
  | { type: 'bigint'; unit: NumberUnit; value: bigint }
  | { type: 'boolean'; value: boolean }
  | { type: 'string'; value: string | null }
  | { type: 'list'; value: string[] };

export type ExpectResult = { ok: true } | { ok: false; message: string; actual: unknown };

function bigint(
  unit: NumberUnit,
  r: UnitResult,
): { ok: true; expected: ExpectedValue } | { ok: false; message: string } {
  return r.ok
    ? { ok: true, expected: { type: 'bigint', unit, value: r.value } }
    : { ok: false, message: r.error.message };
}

/** Gwei fields take any amount form; a bare integer there counts gwei, its base unit. */
function parseGwei(raw: unknown): UnitResult {
  if (typeof raw === 'string' && /^(0|[1-9][0-9]*)$/.test(raw)) return { ok: true, value: BigInt(raw) };
  const r = parseAmount(raw);
  if (!r.ok) return r;
  if (r.value % GWEI === 0n) return { ok: true, value: r.value / GWEI };
  const reason = 'is not a whole number of gwei (beacon-chain balances count gwei)';
  const accepted = ACCEPTED.amount;
  return {
    ok: false,
    error: { kind: 'amount', input: raw, reason, accepted, message: `${showValue(raw)} ${reason}` },
  };
}

/** The value-to-compare of an `expect` entry, parsed in the unit of its path. */
export function parseExpected(
  path: string,
  raw: unknown,
): { ok: true; expected: ExpectedValue } | { ok: false; message: string } {
  const kind = classifyPath(path);
  if (kind === undefined) {
    const root = path.split('.')[0] ?? '';
    const near = KNOWN_PATHS.filter((p) => p.split('.')[0] === root);
    const shown = near.length > 0 ? `paths under ${root}: ${near.join(', ')}` : `roots: ${ROOTS.join(', ')}`;
    return { ok: false, message: `"${path}" is not a world@1 path; accepted ${shown}` };
  }
  switch (kind) {
    case 'integer':
      return bigint('integer', parseBlocks(raw));
    case 'amount':
      return bigint('amount', parseAmount(raw));
    case 'gwei':
      return bigint('gwei', parseGwei(raw));
    case 'wad':
      return bigint('wad', parseWad(raw));
    case 'wadUnbounded':
      return bigint('wad', parseWad(raw, { max: null }));
    case 'signedWad':
      return bigint('wad', parseWad(raw, { max: null, signed: true }));
    case 'rate': {
      // A rate is ETH per vault token (stETH at the vault's price), WAD-scaled: "0.9 ETH" and "90%" both mean 9e17.
      const asAmount = parseAmount(raw);
      return bigint('rate', asAmount.ok ? asAmount : parseWad(raw, { max: null }));
    }
    case 'boolean':
      return typeof raw === 'boolean'
        ? { ok: true, expected: { type: 'boolean', value: raw } }
        : { ok: false, message: `${showValue(raw)} is not a boolean; accepted: true or false` };
    case 'list':
      return Array.isArray(raw) && raw.every((x) => typeof x === 'string')
        ? { ok: true, expected: { type: 'list', value: raw } }
        : {
            ok: false,
            message: `${showValue(raw)} is not a list of names; accepted: ["stETH"], ["op1", "op2"]`,
          };
    case 'nullOnly':
      return raw === null
        ? { ok: true, expected: { type: 'string', value: null } }
        : {
            ok: false,
            message: `${showValue(raw)}: this path is an object; only null (none) can be expected of it`,
          };
    case 'slashRequestStatus':
      return raw === 'pending' || raw === 'vetoed' || raw === 'executed'
        ? { ok: true, expected: { type: 'string', value: raw } }
        : {
            ok: false,
            message: `${showValue(raw)} is not a slash request status; accepted: "pending", "vetoed" or "executed"`,
          };
    case 'string':
    case 'nullableString':
      if (typeof raw === 'string' || (raw === null && kind === 'nullableString')) {
        return { ok: true, expected: { type: 'string', value: raw } };
      }
      return {
        ok: false,
        message: `${showValue(raw)} is not a name${kind === 'nullableString' ? ' or null' : ''}`,
      };
  }
}

/** A number in human units with its exact base-unit integer: `36 ETH (36000000000000000000 wei)`. */
export function describeValue(unit: NumberUnit, value: bigint): string {
  switch (unit) {
    case 'amount':
      return `${formatAmount(value)} (${value} wei)`;
    case 'gwei':
      return `${formatGwei(value)} (${value} gwei)`;
    case 'wad':
      return `${formatWad(value)} (${value} WAD units)`;
    case 'rate':
      return `${formatUnits(value, 18)} per token (${value})`;
    case 'integer':
      return `${value}`;
  }
}

const sameSet = (a: string[], b: string[]): boolean => {
  const [x, y] = [[...a].sort(), [...b].sort()];
  return x.length === y.length && x.every((item, i) => item === y[i]);
};

function describeExpected(expected: ExpectedValue): string {
  return expected.type === 'bigint'
    ? describeValue(expected.unit, expected.value)
    : showValue(expected.value);
}

/** Compares one expected value with the world; the message names the path and both values in human units. */
export function compareExpected(world: unknown, path: string, expected: ExpectedValue): ExpectResult {
  const actual = getPath(world, path);
  const want = describeExpected(expected);
  const mismatch = (got: string): ExpectResult => ({
    ok: false,
    actual,
    message: `${path}: expected ${want}, actual ${got}`,
  });
  if (actual === undefined) return mismatch('nothing (the world has no such entry)');
  if (expected.type === 'bigint') {
    if (typeof actual !== 'string' || !/^-?[0-9]+$/.test(actual)) {
      return mismatch(`${showValue(actual)}, which is not an integer string`);
    }
    const got = BigInt(actual);
    if (got === expected.value) return { ok: true };
    const diff = got - expected.value;
    const off = describeValue(expected.unit, diff < 0n ? -diff : diff);
    return mismatch(`${describeValue(expected.unit, got)}, ${off} ${diff < 0n ? 'less' : 'more'}`);
  }
  const equal =
    expected.type === 'list'
      ? Array.isArray(actual) && actual.every((x) => typeof x === 'string') && sameSet(expected.value, actual)
      : actual === expected.value;
  return equal ? { ok: true } : mismatch(showValue(actual));
}
