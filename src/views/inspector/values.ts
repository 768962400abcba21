// Text for every kind of world@1 number, under the app's display policy (viz/format.ts): amounts in the token
// they count (ETH, stETH, wstETH, vault tokens, shares), WAD fractions in percent, vault rates per token, gwei
// balances in ETH, and delays in blocks with the real time they stand for. Rounding is formatting only: the
// cell keeps every digit and the raw base-unit integer. A malformed value is shown as it is, never thrown on.
import { classifyPath } from '../../protocol/world-paths.ts';
import { describeDelay, describeUntil } from '../../ui/durations.ts';
import { dustLimit, ETH, PERCENT, showAmount, token, type Unit } from '../../viz/format.ts';
import { cell, shownCell, type Cell, type Clock } from './model.ts';
import { tokenUnit } from '../../viz/path-units.ts';

/** Kept here too: the Inspector's cells and its tests name units by it. */
export { tokenUnit };

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const parse = (v: string): bigint | null => (INTEGER.test(v) ? BigInt(v) : null);
const plus = (x: bigint, text: string): string => (x > 0n ? `+${text}` : text);

/** A vault's NAV per token in ETH at its stETH price: WAD-scaled ETH per vault token. */
const RATE: Unit = {
  symbol: 'ETH per token',
  decimals: 18,
  base: null,
  rawName: 'WAD units (10^18 = 1 ETH per token)',
};
/** A beacon-chain balance: counted in gwei, read in ETH (9 decimals of gwei). */
const GWEI_AS_ETH: Unit = { symbol: 'ETH', decimals: 9, base: 'gwei', rawName: 'gwei' };

/** Any base-unit integer in `unit`; `signed` writes a leading "+" on gains. */
export function unitCell(v: string, unit: Unit, signed = false): Cell {
  const x = parse(v);
  return x === null ? cell(v) : shownCell(showAmount(x, unit, signed));
}

/** Wei as ETH ("48.6 ETH"). */
export const amountCell = (v: string, signed = false): Cell => unitCell(v, ETH, signed);

/** An 18-decimal token balance in its own unit: "40 stETH", "12.5 lrt tokens", "28 shares". */
export const tokenCell = (v: string, unit: string, signed = false): Cell => unitCell(v, token(unit), signed);

/** A WAD fraction as a percentage ("81%", "≈ 111.11%"). */
export const wadCell = (v: string, signed = false): Cell => unitCell(v, PERCENT, signed);

/** A vault's NAV per token in ETH at its stETH price, WAD-scaled: 0.81e18 → "0.81 ETH per token". */
export const rateCell = (v: string, signed = false): Cell => unitCell(v, RATE, signed);

/** A beacon-chain balance counted in gwei, shown in ETH. */
export const gweiCell = (v: string, signed = false): Cell => unitCell(v, GWEI_AS_ETH, signed);

/** A configured delay: "336 blocks", noting the real time it stands for ("14 days real time"). */
export function delayCell(blocks: string, clock: Clock): Cell {
  if (parse(blocks) === null) return cell(blocks);
  const d = describeDelay(blocks, clock.realSecondsPerBlock);
  return cell(d.compressed, null, `${d.real} real time`);
}

/**
 * "after block N" for something that completes in any block after N (a withdrawal, a redemption), noting
 * how far away that is. A transaction mines the block after the head, so it is ready once head ≥ N.
 */
export function afterBlockCell(target: string, clock: Clock, settled: boolean): Cell {
  const n = parse(target);
  if (n === null) return cell(target);
  if (settled) return cell(`after block ${n}`);
  const left = n - clock.block;
  if (left <= 0n) return cell(`after block ${n}`, null, 'ready now');
  return cell(`after block ${n}`, null, `in ${describeDelay(left, clock.realSecondsPerBlock).text}`);
}

/** The effect block of a pending allocation change ("—" when nothing is pending). */
export function effectCell(effectBlock: string, pendingDiff: string, clock: Clock): Cell {
  const n = parse(effectBlock);
  if (n === null) return cell(effectBlock);
  if (pendingDiff === '0') return cell('—', null, 'nothing pending');
  return cell(`block ${n}`, null, describeUntil(n, clock.block, clock.realSecondsPerBlock));
}

/**
 * The last block a veto can land in. A transaction mines the block after the head, so a pending request can
 * be vetoed while head < N and executed once head ≥ N.
 */
export function vetoCell(until: string, status: string, clock: Clock): Cell {
  const n = parse(until);
  if (n === null || status !== 'pending') return cell(n === null ? until : `block ${n}`);
  const left = n - clock.block;
  if (left <= 0n) return cell(`block ${n}`, null, 'window closed: executable now');
  return cell(`block ${n}`, null, `vetoable for ${describeDelay(left, clock.realSecondsPerBlock).text}`);
}

function listText(v: string): string {
  try {
    const list: unknown = JSON.parse(v);
    if (Array.isArray(list)) return list.length === 0 ? 'none' : list.map(String).join(', ');
  } catch {
    // Not JSON: shown as it is below.
  }
  return v;
}

/**
 * Any world@1 leaf in the unit its path says (classifyPath): the Compare table's cells. `null` is a leaf
 * one world does not have (a withdrawal queued on one branch only).
 */
export function pathCell(path: string, value: string | null): Cell {
  if (value === null) return cell(classifyPath(path) === 'nullableString' ? 'none' : 'absent');
  return numberCell(path, value, false) ?? cell(textOf(path, value));
}

/**
 * Whether a difference is rounding dust only: an 18-decimal amount or a WAD fraction that moved by no more
 * than the display policy's dust limit (a few wei), never zero. Gwei balances and counts have no dust.
 */
export function isDust(path: string, delta: string): boolean {
  const x = parse(delta.replace(/^\+/, ''));
  if (x === null || x === 0n) return false;
  const kind = classifyPath(path);
  const unit =
    kind === 'amount'
      ? ETH
      : kind === 'wad' || kind === 'wadUnbounded' || kind === 'signedWad'
        ? PERCENT
        : kind === 'rate'
          ? RATE
          : null;
  return unit !== null && (x < 0n ? -x : x) <= dustLimit(unit);
}

/** A difference (`+4000…`, `-1`) in the unit of its path, with its sign. */
export function deltaCell(path: string, delta: string): Cell {
  return numberCell(path, delta.replace(/^\+/, ''), true) ?? cell(delta);
}

function numberCell(path: string, v: string, signed: boolean): Cell | null {
  switch (classifyPath(path)) {
    case 'amount': {
      const unit = tokenUnit(path);
      return unit === null ? amountCell(v, signed) : tokenCell(v, unit, signed);
    }
    case 'gwei':
      return gweiCell(v, signed);
    case 'wad':
    case 'wadUnbounded':
    case 'signedWad':
      return wadCell(v, signed);
    case 'rate':
      return rateCell(v, signed);
    case 'integer': {
      const x = parse(v);
      return x === null ? null : cell(signed ? plus(x, v) : v);
    }
    default:
      return null;
  }
}

function textOf(path: string, v: string): string {
  const kind = classifyPath(path);
  if (kind === 'boolean') return v === 'true' ? 'yes' : v === 'false' ? 'no' : v;
  if (kind === 'list') return listText(v);
  return v;
}
