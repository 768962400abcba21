// Exact parsing of the unit strings of formats.md ("32 ETH", "25%", block counts) into bigint.
// Grammar, chosen so that no accepted string can mean two things:
// - a number is plain decimal digits with an optional fraction: "0.5", "40", "0.01". Rejected: exponent
//   ("1e18"), hexadecimal ("0x10"), a bare point (".5", "5."), leading zeros ("007"), separators ("1_000"),
//   and any surrounding or doubled whitespace (" 5 ETH", "5  ETH").
// - an amount is `<number> <unit>` with exactly one space, or a bare integer meaning wei (token base units).
//   Unit names match without regard to case ("ETH", "eth", "Gwei"): no two units differ only by case, so
//   accepting any case cannot be ambiguous, and a teacher's "5 eth" is not worth an error.
// - a signed amount may start with "+" or "-"; an unsigned one may not (a sign there is an error, not
//   silently dropped).
// - a fraction of WAD is `<number>%` (no space) with at most 16 decimals (1% = 1e16), or a bare integer in WAD
//   units (1e18 = 100%).
// - a block count is a JSON integer or an integer string.
// viem's parseUnits rounds extra decimals away, so the decimal count is checked here before it is called.
import { formatUnits, parseUnits } from 'viem';

export const WAD = 10n ** 18n;
export const GWEI = 10n ** 9n;

export type UnitKind = 'amount' | 'signedAmount' | 'wad' | 'blocks';

/** The forms each kind accepts, quoted in every error so the author sees what to write instead. */
export const ACCEPTED: Record<UnitKind, string> = {
  amount: '"32 ETH", "0.5 ETH", "1000 gwei", "123 wei", or a bare integer of wei such as "123"',
  signedAmount: 'an amount with an optional leading sign, such as "+1.5 ETH", "-0.2 ETH" or "-1000 gwei"',
  wad: 'a percentage such as "25%" or "0.01%", or a bare integer of WAD units (1000000000000000000 = 100%)',
  blocks: 'a whole number of blocks, as a JSON integer (336) or an integer string ("336")',
};

export interface UnitError {
  kind: UnitKind;
  input: unknown;
  /** What is wrong with this particular input. */
  reason: string;
  accepted: string;
  /** `"<input>" <reason>; accepted: <forms>`: one self-contained line. */
  message: string;
}

export type UnitResult = { ok: true; value: bigint } | { ok: false; error: UnitError };

export interface WadOptions {
  /** Largest value accepted; `null` for no bound. Defaults to WAD (100%), the bound of every WAD fraction field. */
  max?: bigint | null;
  /** Accept a leading sign (pending allocation changes can be negative). */
  signed?: boolean;
}

const NUMBER = '(0|[1-9][0-9]*)(?:\\.([0-9]+))?';
const AMOUNT_RE = new RegExp(`^([+-]?)${NUMBER}(?: ([A-Za-z]+))?$`);
const PERCENT_RE = new RegExp(`^([+-]?)${NUMBER}%$`);
const BARE_INT_RE = /^([+-]?)(0|[1-9][0-9]*)$/;
const UNIT_DECIMALS: Record<string, number> = { eth: 18, gwei: 9, wei: 0 };

/** Renders a JSON value the way the author wrote it, for error messages. */
/** The longest value a message repeats: a megabyte-long string is named by its start. */
const SHOWN_CHARS = 80;

/**
 * A value as a message shows it: JSON (so control characters come out escaped), with the characters JSON
 * leaves alone that would reorder or act on the text escaped too, and cut short past SHOWN_CHARS.
 */
export function showValue(input: unknown): string {
  if (typeof input === 'bigint') return `${input}`;
  if (input === undefined) return 'nothing';
  let shown: string;
  try {
    shown = JSON.stringify(input) ?? String(input);
  } catch {
    shown = Object.prototype.toString.call(input);
  }
  shown = shown.replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return shown.length > SHOWN_CHARS ? `${shown.slice(0, SHOWN_CHARS)}… (${shown.length} characters)` : shown;
}

function fail(kind: UnitKind, input: unknown, reason: string): UnitResult {
  const accepted = ACCEPTED[kind];
  return {
    ok: false,
    error: { kind, input, reason, accepted, message: `${showValue(input)} ${reason}; accepted: ${accepted}` },
  };
}

/** Names the most likely mistake in a string that matched no form, so the message is actionable. */
function diagnose(text: string, noun: string): string {
  if (text !== text.trim())
    return `has spaces around it; write the ${noun} with no leading or trailing space`;
  if (text === '') return `is empty; write the ${noun}`;
  if (/^[+-]?0[xob]/i.test(text)) return 'is written in hexadecimal, octal or binary; write decimal digits';
  if (/[0-9]e[+-]?[0-9]/i.test(text)) return 'uses exponent notation; write all the digits';
  if (/\s{2,}/.test(text) || /[0-9][A-Za-z]/.test(text))
    return 'needs exactly one space between number and unit';
  if (/[0-9][_,'][0-9]/.test(text)) return 'contains a digit separator; write the digits only';
  if (/(^|[^0-9])\.|\.($|[^0-9])/.test(text)) return 'has a decimal point without digits on both sides';
  if (/^[+-]?0[0-9]/.test(text)) return 'has a leading zero; write 7, not 07';
  return `is not a valid ${noun}`;
}

/** Decimal string with at most `decimals` fraction digits → integer in base units (exact). */
function scale(intPart: string, frac: string | undefined, decimals: number): bigint {
  return parseUnits(frac === undefined ? intPart : `${intPart}.${frac}`, decimals);
}

function parseAmountText(kind: 'amount' | 'signedAmount', input: unknown): UnitResult {
  if (typeof input !== 'string') {
    return fail(kind, input, `is a JSON ${input === null ? 'null' : typeof input}; write amounts as strings`);
  }
  const match = AMOUNT_RE.exec(input);
  if (!match) return fail(kind, input, diagnose(input, 'amount'));
  const [, sign = '', intPart = '', frac, unitRaw] = match;
  if (sign !== '' && kind === 'amount') {
    return fail(kind, input, 'has a sign, but this amount cannot be negative; remove the sign');
  }
  let decimals = 0;
  if (unitRaw === undefined) {
    if (frac !== undefined) {
      return fail(
        kind,
        input,
        'is a bare number with a fraction; a bare number counts wei, so add a unit ("0.5 ETH")',
      );
    }
  } else {
    const known = UNIT_DECIMALS[unitRaw.toLowerCase()];
    if (known === undefined)
      return fail(kind, input, `has the unknown unit "${unitRaw}"; use ETH, gwei or wei`);
    decimals = known;
  }
  if (frac !== undefined && frac.length > decimals) {
    const unit = unitRaw ?? 'wei';
    return fail(kind, input, `has ${frac.length} decimals, more than ${unit} allows (${decimals})`);
  }
  const magnitude = scale(intPart, frac, decimals);
  return { ok: true, value: sign === '-' ? -magnitude : magnitude };
}

/** An unsigned amount: ETH, gwei or wei, or a bare integer of wei (token base units, 18 decimals). */
export function parseAmount(input: unknown): UnitResult {
  return parseAmountText('amount', input);
}

/** An amount with an optional leading `+` or `-` (oracle reports, balance changes). */
export function parseSignedAmount(input: unknown): UnitResult {
  return parseAmountText('signedAmount', input);
}

/** A fraction of WAD: "25%", "0.01%", or a bare integer of WAD units; bounded by `options.max` (default 100%). */
export function parseWad(input: unknown, options: WadOptions = {}): UnitResult {
  const max = options.max === undefined ? WAD : options.max;
  if (typeof input !== 'string') {
    return fail(
      'wad',
      input,
      `is a JSON ${input === null ? 'null' : typeof input}; write fractions as strings`,
    );
  }
  let value: bigint;
  const percent = PERCENT_RE.exec(input);
  const bare = BARE_INT_RE.exec(input);
  if (percent) {
    const [, sign = '', intPart = '', frac] = percent;
    if (frac !== undefined && frac.length > 16) {
      return fail(
        'wad',
        input,
        `has ${frac.length} decimals; a percentage has at most 16 (1% is 1e16 WAD units)`,
      );
    }
    value = sign === '-' ? -scale(intPart, frac, 16) : scale(intPart, frac, 16);
    if (sign !== '' && !options.signed)
      return fail('wad', input, 'has a sign, but this fraction cannot be negative');
  } else if (bare) {
    const [, sign = '', digits = ''] = bare;
    if (sign !== '' && !options.signed)
      return fail('wad', input, 'has a sign, but this fraction cannot be negative');
    value = sign === '-' ? -BigInt(digits) : BigInt(digits);
  } else {
    const hint = /^[0-9.]+$/.test(input)
      ? 'is a decimal without "%"; write "25%" for a quarter'
      : diagnose(input, 'fraction');
    return fail('wad', input, hint);
  }
  if (max !== null && value > max) return fail('wad', input, `is more than ${formatWad(max)}`);
  return { ok: true, value };
}

/** A block count (or any count of whole units): a non-negative JSON integer or integer string. */
export function parseBlocks(input: unknown): UnitResult {
  if (typeof input === 'number') {
    if (Number.isSafeInteger(input) && input >= 0) return { ok: true, value: BigInt(input) };
    return fail('blocks', input, input < 0 ? 'is negative' : 'is not a whole number');
  }
  if (typeof input === 'string') {
    if (/^(0|[1-9][0-9]*)$/.test(input)) return { ok: true, value: BigInt(input) };
    return fail('blocks', input, input.startsWith('-') ? 'is negative' : diagnose(input, 'block count'));
  }
  return fail('blocks', input, `is a JSON ${input === null ? 'null' : typeof input}`);
}

/** Exact human form of a wei amount: "36 ETH", "0.5 ETH", "-1.5 ETH", "0.000000000000000001 ETH". */
export function formatAmount(wei: bigint): string {
  return `${formatUnits(wei, 18)} ETH`;
}

/** Exact human form of a WAD fraction: "25%", "0.01%", "250%". */
export function formatWad(wad: bigint): string {
  return `${formatUnits(wad, 16)}%`;
}

/** Exact human form of a gwei count (beacon-chain balances): "32 ETH". */
export function formatGwei(gwei: bigint): string {
  return formatAmount(gwei * GWEI);
}

export class UnitParseError extends Error {
  constructor(readonly detail: UnitError) {
    super(detail.message);
    this.name = 'UnitParseError';
  }
}

/** For code and tests that hold known-good literals: the value, or a thrown UnitParseError. */
export function unwrap(result: UnitResult): bigint {
  if (!result.ok) throw new UnitParseError(result.error);
  return result.value;
}
