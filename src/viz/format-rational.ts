// The analyzer's exact rationals ("4499999999999999993/2500000000000000000") under the same display policy as
// on-chain integers (format.ts): a terminating decimal is an exact integer at some scale and is shown as one
// (with rounding dust named); a fraction that never terminates is rounded and marked "≈", the fraction itself
// one step away. BigInt only.
import {
  ETH,
  formatDecimal,
  placesFor,
  roundTo,
  showAmount,
  withUnit,
  type Shown,
  type Unit,
} from './format.ts';

/** A dimensionless ratio (γ-slack): no symbol. */
export const RATIO: Unit = { symbol: '', decimals: 0, base: null, tight: true };
/** A fraction of all stake shown as a percentage. */
export const FRACTION_PERCENT: Unit = { symbol: '%', decimals: 0, base: null, tight: true, places: 2 };

const RATIONAL = /^(-?)(\d+)(?:\/(\d+))?$/;
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** Decimals of the exact decimal expansion of n/den (reduced), or null when it never terminates. */
function terminating(den: bigint): number | null {
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  return rest === 1n ? Math.max(twos, fives) : null;
}

/**
 * An exact rational string in a unit: ETH amounts name dust in wei ("28 ETH − 28 wei"), ratios and percents
 * are rounded and marked "≈" with the exact value one step away. `FRACTION_PERCENT` multiplies by 100 first.
 * A string that is no rational is returned as its own text, never guessed at.
 */
export function showRational(r: string, unit: Unit = RATIO): Shown {
  const m = RATIONAL.exec(r.trim());
  if (m === null) return { kind: 'exact', text: r, exact: r, raw: r, words: null };
  const [, minus = '', n = '0', d = '1'] = m;
  const scale = unit === FRACTION_PERCENT ? 100n : 1n;
  let num = BigInt(n) * scale;
  let den = BigInt(d);
  if (den === 0n) return { kind: 'exact', text: r, exact: r, raw: r, words: null };
  const g = gcd(num, den) || 1n;
  [num, den] = [num / g, den / g];
  const signed = minus === '-' ? -1n : 1n;
  const places = terminating(den);
  if (places !== null) {
    if (unit.symbol === ETH.symbol && places <= 18) {
      const shown = showAmount((signed * num * 10n ** 18n) / den, ETH);
      return { ...shown, raw: r };
    }
    const scaled = (signed * num * 10n ** BigInt(places)) / den;
    return { ...showAmount(scaled, { ...unit, decimals: places }), raw: r };
  }
  const decimals = 24;
  const abs = (num * 10n ** BigInt(decimals)) / den;
  const keep = placesFor(abs, decimals, unit.places);
  const round = roundTo(abs, decimals, keep);
  const sign = minus === '-' ? '−' : '';
  return {
    kind: 'rounded',
    text: `≈ ${withUnit(`${sign}${formatDecimal(round, decimals)}`, unit)}`,
    exact: withUnit(`${sign}${num}/${den}`, unit),
    raw: r,
    words: `a fraction that never ends in decimals, rounded to ${keep} places for reading`,
  };
}

/** The text only, for sentences: "≈ 1.4", "6.3", "≈ 33.33%". */
export const readableRational = (r: string, unit: Unit = RATIO): string => showRational(r, unit).text;
