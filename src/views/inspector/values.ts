// Exact text for every kind of world@1 number: amounts in ETH (or the token they count), WAD fractions in
// percent, vault rates per token, gwei balances, and delays in blocks with the real time they stand for. The
// raw base-unit integer goes into `exact`, for a title. A malformed value is shown as it is, never thrown on.
import { formatUnits } from 'viem';
import { formatAmount, formatGwei, formatWad } from '../../protocol/units.ts';
import { classifyPath } from '../../protocol/world-paths.ts';
import { describeDelay, describeUntil } from '../../ui/durations.ts';
import { cell, type Cell, type Clock } from './model.ts';

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const parse = (v: string): bigint | null => (INTEGER.test(v) ? BigInt(v) : null);
const plus = (x: bigint, text: string): string => (x > 0n ? `+${text}` : text);

/** Wei as exact ETH ("48.6 ETH"); `signed` writes a leading "+" on gains. */
export function amountCell(v: string, signed = false): Cell {
  const x = parse(v);
  return x === null ? cell(v) : cell(signed ? plus(x, formatAmount(x)) : formatAmount(x), `${v} wei`);
}

/** An 18-decimal token balance in its own unit: "40 stETH", "12.5 lrt tokens". */
export function tokenCell(v: string, unit: string, signed = false): Cell {
  const x = parse(v);
  if (x === null) return cell(v);
  const text = `${formatUnits(x, 18)} ${unit}`;
  return cell(signed ? plus(x, text) : text, `${v} base units (18 decimals)`);
}

/** A WAD fraction as an exact percentage ("81%", "111.111111111111111111%"). */
export function wadCell(v: string, signed = false): Cell {
  const x = parse(v);
  if (x === null) return cell(v);
  return cell(signed ? plus(x, formatWad(x)) : formatWad(x), `${v} WAD units (10^18 = 100%)`);
}

/** A vault's NAV per token in ETH at its stETH price, WAD-scaled: 0.81e18 → "0.81 ETH per token". */
export function rateCell(v: string, signed = false): Cell {
  const x = parse(v);
  if (x === null) return cell(v);
  const text = `${formatUnits(x, 18)} ETH per token`;
  return cell(signed ? plus(x, text) : text, `${v} WAD units (10^18 = 1 ETH per token)`);
}

/** A beacon-chain balance counted in gwei, shown in ETH. */
export function gweiCell(v: string, signed = false): Cell {
  const x = parse(v);
  return x === null ? cell(v) : cell(signed ? plus(x, formatGwei(x)) : formatGwei(x), `${v} gwei`);
}

/** A configured delay: "336 blocks (5 min 36 s on this chain)", noting the real duration it stands for. */
export function delayCell(blocks: string, clock: Clock): Cell {
  if (parse(blocks) === null) return cell(blocks);
  const d = describeDelay(blocks, clock.secondsPerBlock, clock.realSecondsPerBlock);
  return cell(d.compressed, null, `real: ${d.real}`);
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
  const d = describeDelay(left, clock.secondsPerBlock, clock.realSecondsPerBlock);
  return cell(`after block ${n}`, null, `in ${d.compressed}; real: ${d.real}`);
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
  const d = describeDelay(left, clock.secondsPerBlock, clock.realSecondsPerBlock);
  return cell(`block ${n}`, null, `vetoable for ${d.compressed}; real: ${d.real}`);
}

/** The unit of an amount path that counts a token rather than ETH; null for ETH-valued amounts. */
export function tokenUnit(path: string): string | null {
  const s = path.split('.');
  if (s[0] === 'accounts' && (s[2] === 'stETH' || s[2] === 'wstETH') && s.length === 3) return s[2];
  if (s[0] === 'accounts' && s[2] === 'stETHShares' && s.length === 3) return 'stETH shares';
  if (s[0] === 'accounts' && s[2] === 'vaultTokens' && s[3] !== undefined) return `${s[3]} tokens`;
  if (s[0] === 'vaults' && s[2] === 'supply') return `${s[1]} tokens`;
  if (s[0] === 'burned' && s[1] !== undefined) return s[1];
  if (path === 'lst.totalShares') return 'stETH shares';
  return null;
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
