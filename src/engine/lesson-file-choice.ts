// A value question's choices are amounts written in what the watched value counts: "4 shares", "3.6 stETH",
// "12 lrt tokens", "0.5 ETH", or a bare integer of base units. The number counts whole units of 10^18 base
// units, as every amount in a scenario is written; ETH, gwei and wei keep their own meaning. The learner reads
// each choice in the value's unit under the display policy, never "4 ETH" for a count of shares.
import { parseSignedAmount } from '../protocol/units.ts';
import { tokenUnit } from '../viz/path-units.ts';
import { eth } from './lesson-kit.ts';

const WRITTEN = /^\s*([+-]?\d+(?:\.\d+)?)\s*(.*?)\s*$/;
const OWN_UNITS = new Set(['eth', 'gwei', 'wei']);

/** What a value at `path` counts: "shares", "stETH", "lrt tokens", or "ETH". */
export const unitOfPath = (path: readonly string[]): string => tokenUnit(path.join('.')) ?? 'ETH';

/** The amount a choice names, in base units; null when it is not an amount. */
export function choiceAmount(text: string): bigint | null {
  const m = WRITTEN.exec(text);
  if (m === null) return null;
  const [, number = '', unit = ''] = m;
  const r =
    unit === '' || OWN_UNITS.has(unit.toLowerCase())
      ? parseSignedAmount(text.trim())
      : parseSignedAmount(`${number} ETH`);
  return r.ok ? r.value : null;
}

/** Why a choice's unit does not fit the watched value ("4 stETH" for a count of shares), or null. */
export function choiceUnitProblem(text: string, path: readonly string[]): string | null {
  const unit = WRITTEN.exec(text)?.[2] ?? '';
  if (unit === '' || OWN_UNITS.has(unit.toLowerCase())) return null;
  const counts = unitOfPath(path);
  if (unit.toLowerCase() === counts.toLowerCase()) return null;
  return `names ${unit}, but the watched value counts ${counts}; write "${WRITTEN.exec(text)?.[1] ?? ''} ${counts}"`;
}

/** A choice as the learner reads it: its amount in the watched value's unit ("4 shares"). */
export function choiceText(text: string, path: readonly string[]): string {
  const amount = choiceAmount(text);
  return amount === null ? text : eth(amount, unitOfPath(path));
}

/** A choice as the editor first writes it: exact, in the value's own unit. */
export function writeChoice(raw: bigint, path: readonly string[]): string {
  const negative = raw < 0n;
  const abs = negative ? -raw : raw;
  const whole = abs / 10n ** 18n;
  const frac = (abs % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}`} ${unitOfPath(path)}`;
}
