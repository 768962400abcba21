// The display policy for exact numbers, one for the whole app (flow, inspector, charts, compare, transactions,
// analyzer, lesson feedback; src/README.md states it). Every number comes from the chain or the analyzer as an
// exact integer; this module only writes it. It works on bigint digits and never goes through a JS float:
// - a value with at most READABLE_PLACES decimals is printed as it is ("48.6 ETH");
// - a value within DUST base units of such a round value is printed as that value and the dust, still exact
//   ("28 ETH − 28 wei"), with the reason in words: the contracts round every division in the protocol's favour;
// - any other value is rounded to READABLE_PLACES decimals (4 significant digits below 1) and marked "≈";
// and the exact value (every digit) and the raw base-unit integer travel with it, for the one-step-away view.

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** Decimals a person reads at a glance; more than this is rounded for display (the exact value stays one step away). */
export const READABLE_PLACES = 4;
/** Never more decimals than this in a printed value (a smaller one is written in base units instead). */
export const MAX_PLACES = 9;

/** The unit an integer counts: "ETH" with 18 decimals whose base unit is "wei"; "%" for WAD fractions. */
export interface Unit {
  symbol: string;
  decimals: number;
  /** The base unit's name for dust ("wei"); null when dust is not named in base units (WAD fractions). */
  base: string | null;
  /** No space before the symbol ("25%"). */
  tight?: boolean;
  /** What the raw integer counts, for the exact view ("wei"); "base units" unless set. */
  rawName?: string;
  /** Decimals kept when rounding for display (READABLE_PLACES unless set). */
  places?: number;
  /** The symbol for exactly one ("share" for "shares"). */
  one?: string;
}

export const ETH: Unit = { symbol: 'ETH', decimals: 18, base: 'wei', rawName: 'wei' };
/** A WAD fraction (1e18 = 100%) as a percentage: 16 decimals of a percent. */
export const PERCENT: Unit = {
  symbol: '%',
  decimals: 16,
  base: null,
  tight: true,
  places: 2,
  rawName: 'WAD units (10^18 = 100%)',
};
/** An 18-decimal token counted in its own name: "stETH", "wstETH", "shares", "vault1 tokens". */
export const token = (symbol: string): Unit => ({
  symbol,
  decimals: 18,
  base: 'wei',
  rawName: 'base units (18 decimals)',
  ...(/(share|token)s$/.test(symbol) ? { one: symbol.slice(0, -1) } : {}),
});

/**
 * How far from a round value still counts as rounding dust, in base units: a millionth of a gwei for 18
 * decimals. EigenLayer's rounding leaves a few wei per division; a real difference is many orders larger.
 */
export const dustLimit = (unit: Unit): bigint => 10n ** BigInt(Math.max(0, unit.decimals - 12));

export type ShownKind = 'exact' | 'dust' | 'rounded';

/** A number as a view prints it, with what is one hover, click or focus away. */
export interface Shown {
  kind: ShownKind;
  /** What the view prints: "48.6 ETH", "28 ETH − 28 wei", "≈ 0.4444 ETH". */
  text: string;
  /** Every digit, in the unit: "27.999999999999999972 ETH". */
  exact: string;
  /** The raw base-unit integer and what it counts: "27999999999999999972 wei". */
  raw: string;
  /** Dust in domain words ("28 ETH less 28 wei of rounding dust: …"), or why it is rounded; null when exact. */
  words: string | null;
  /** For dust: the round value ("28 ETH"), the dust ("28 wei") and whether the value is below the round one. */
  dust?: { near: string; amount: string; below: boolean };
}

export const ROUNDING_WHY = 'the contracts round every division, always in the protocol’s favour';

/** Parses a decimal base-unit string ("36000000000000000000"); throws on anything else (floats included). */
export function parseBaseUnits(value: string | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (!INTEGER.test(value))
    throw new RangeError(`not a decimal integer of base units: ${JSON.stringify(value)}`);
  return BigInt(value);
}

/** `value / 10^decimals` written out exactly, with no trailing zeros: (1500n, 3) → "1.5". */
export function formatDecimal(value: string | bigint, decimals: number): string {
  const v = parseBaseUnits(value);
  const abs = v < 0n ? -v : v;
  const base = 10n ** BigInt(decimals);
  const fraction = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${v < 0n ? '-' : ''}${abs / base}${fraction === '' ? '' : `.${fraction}`}`;
}

/** A number with its unit's symbol ("1 share", "2 shares", "25%"). */
export const withUnit = (number: string, unit: Unit) => {
  const symbol = unit.one !== undefined && /^[−+]?1$/.test(number) ? unit.one : unit.symbol;
  return unit.tight ? `${number}${symbol}` : `${number} ${symbol}`;
};
const signOf = (v: bigint, signed: boolean) => (v < 0n ? '−' : signed && v > 0n ? '+' : '');

/** How many decimals to keep of a value of this size: READABLE_PLACES, or 4 significant digits below 1. */
export function placesFor(abs: bigint, decimals: number, readable = READABLE_PLACES): number {
  const base = 10n ** BigInt(decimals);
  if (abs >= base || abs === 0n) return Math.min(readable, decimals);
  const leadingZeros = decimals - abs.toString().length;
  return Math.min(decimals, MAX_PLACES, Math.max(readable, leadingZeros + 4));
}

/** `abs` rounded half up to `places` decimals, in base units. */
export function roundTo(abs: bigint, decimals: number, places: number): bigint {
  const step = 10n ** BigInt(decimals - places);
  return ((abs + step / 2n) / step) * step;
}

/**
 * A base-unit integer under the display policy. `signed` writes "+" on gains (a difference); losses always
 * read "−". Throws RangeError on anything but a decimal integer (never guesses).
 */
export function showAmount(value: string | bigint, unit: Unit = ETH, signed = false): Shown {
  const v = parseBaseUnits(value);
  const abs = v < 0n ? -v : v;
  const sign = signOf(v, signed);
  const exact = withUnit(`${sign}${formatDecimal(abs, unit.decimals)}`, unit);
  const raw = `${v} ${unit.rawName ?? 'base units'}`;
  const places = placesFor(abs, unit.decimals, unit.places);
  const round = abs <= dustLimit(unit) ? 0n : roundTo(abs, unit.decimals, places);
  if (round === abs) return { kind: 'exact', text: exact, exact, raw, words: null };
  if (round === 0n && unit.base !== null && abs > dustLimit(unit)) {
    const text = `${sign}${abs} ${unit.base}`;
    return { kind: 'exact', text, exact, raw, words: null };
  }
  const dust = abs - round;
  const dustAbs = dust < 0n ? -dust : dust;
  if (dustAbs <= dustLimit(unit)) {
    const near = withUnit(`${sign}${formatDecimal(round, unit.decimals)}`, unit);
    // Below the round value in magnitude: "28 ETH − 28 wei"; a negative value just below −28 reads "+".
    const below = dust < 0n !== v < 0n;
    if (unit.base === null) {
      const tiny = withUnit(formatDecimal(dustAbs, unit.decimals), unit);
      const words = `${near} ${below ? 'less' : 'plus'} ${tiny}: rounding dust, as ${ROUNDING_WHY}`;
      return { kind: 'dust', text: `≈ ${near}`, exact, raw, words, dust: { near, amount: tiny, below } };
    }
    const amount = `${dustAbs} ${unit.base}`;
    const text = round === 0n ? `${sign}${amount}` : `${near} ${below ? '−' : '+'} ${amount}`;
    const words =
      round === 0n
        ? `${sign}${amount}: rounding dust, as ${ROUNDING_WHY}`
        : `${near} ${below ? 'less' : 'plus'} ${amount} of rounding dust: ${ROUNDING_WHY}`;
    return { kind: 'dust', text, exact, raw, words, dust: { near, amount, below } };
  }
  const text = `≈ ${withUnit(`${sign}${formatDecimal(round, unit.decimals)}`, unit)}`;
  return { kind: 'rounded', text, exact, raw, words: `rounded to ${places} decimals for reading` };
}

/** Wei as exact ETH, every digit: "36 ETH", "27.999999999999999972 ETH" (exports, titles, formulas). */
export function formatEth(wei: string | bigint): string {
  return `${formatDecimal(wei, 18)} ETH`;
}

/** A WAD (1e18 = 1) as an exact plain ratio: a vault rate of 0.9e18 → "0.9". */
export function formatWad(wad: string | bigint): string {
  return formatDecimal(wad, 18);
}

/** A WAD fraction as an exact percentage: 0.25e18 → "25%". */
export function formatWadPercent(wad: string | bigint): string {
  return `${formatDecimal(wad, 16)}%`;
}

/** An operator-set key `<avs>/<set>` for people: "avs1/0" → "avs1 · set 0". */
export function setLabel(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? key : `${key.slice(0, slash)} · set ${key.slice(slash + 1)}`;
}

/** Wei as a float number of ETH: for pixel geometry only, never for text. */
export function ethForPixels(wei: string | bigint): number {
  return Number(parseBaseUnits(wei)) / 1e18;
}
