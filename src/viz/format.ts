// Exact display of on-chain integers. Chart geometry may round (pixels); a number shown as text never does,
// so these work on bigint digits and never go through a JS float.

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

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

/** Wei as exact ETH: "36 ETH", "0.5 ETH", "27.999999999999999972 ETH". */
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
