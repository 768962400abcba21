// The time series of a history path as chart series: operator stake per operator, vault rate per vault,
// slashable stake per operator set. A key missing at a position (the operator was not registered yet, the
// set did not exist) has no point there, rather than a made-up zero.
import type { ChartSeries } from './chart-geometry.ts';
import { byId } from './flow-data.ts';
import { setLabel } from './format.ts';

/** The fields of the engine's SeriesPoint that the charts read (a SeriesPoint is assignable to it). */
export interface SeriesPointLike {
  position: number;
  block: string;
  operatorStake: Record<string, string>;
  vaultRate: Record<string, string>;
  slashableStake: Record<string, string>;
}

export interface SeriesGroups {
  /** Wei per operator. */
  operatorStake: ChartSeries[];
  /** WAD per vault. */
  vaultRate: ChartSeries[];
  /** Wei per `<avs>/<set>`. */
  slashableStake: ChartSeries[];
}

type Field = 'operatorStake' | 'vaultRate' | 'slashableStake';

function group(
  points: readonly SeriesPointLike[],
  field: Field,
  xOf: (p: SeriesPointLike) => number,
  label: (key: string) => string,
): ChartSeries[] {
  const keys = [...new Set(points.flatMap((p) => Object.keys(p[field])))].sort(byId);
  return keys.map((key) => ({
    id: key,
    label: label(key),
    points: points.flatMap((p) => {
      const value = Object.hasOwn(p[field], key) ? p[field][key] : undefined;
      return value === undefined ? [] : [{ x: xOf(p), value }];
    }),
  }));
}

/** x is the position on the path (0 = genesis) or the block number (for pixels; blocks fit a float exactly). */
export function buildSeries(
  points: readonly SeriesPointLike[],
  x: 'position' | 'block' = 'position',
): SeriesGroups {
  const xOf = x === 'position' ? (p: SeriesPointLike) => p.position : (p: SeriesPointLike) => Number(p.block);
  const sorted = [...points].sort((a, b) => xOf(a) - xOf(b));
  return {
    operatorStake: group(sorted, 'operatorStake', xOf, (k) => k),
    vaultRate: group(sorted, 'vaultRate', xOf, (k) => k),
    slashableStake: group(sorted, 'slashableStake', xOf, setLabel),
  };
}
