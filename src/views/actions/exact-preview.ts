// The exact value behind what a person types into a quantity field. A form is not a scenario file: a bare
// number means ETH in an amount field and percent in a fraction field (in a file a bare integer is wei or WAD
// units, and 40 wei is never what a person typing 40 means). The preview shows the exact integer the chain
// will receive, so that convenience hides nothing.
import type { FieldKind } from '../../protocol/action-catalog.ts';
import {
  formatAmount,
  formatWad,
  parseAmount,
  parseBlocks,
  parseSignedAmount,
  parseWad,
  showValue,
  type UnitResult,
} from '../../protocol/units.ts';
import { formatDuration } from './duration.ts';

/** The forms each typed kind accepts in a form (not in a file: bare numbers differ). */
export const HINTS: Partial<Record<FieldKind, string>> = {
  amount: 'ETH: 40 (a bare number means ETH here), "0.5 ETH", "1000 gwei" or "123 wei"',
  signedAmount: 'Signed ETH: +2 or -1.5 (a bare number means ETH here), "-1000 gwei", "+123 wei"',
  wad: 'A percentage: 50 or "50%" (a bare number means percent here), "0.01%"; exact: "500000000000000000 WAD"',
  wadList: 'Per strategy, a percentage: 20 or "20%"; exact: "200000000000000000 WAD"',
  blocks: 'A whole number of blocks, such as 336',
  seconds: 'A whole number of seconds, such as 3600',
  newSet: 'A whole number this AVS has not used for a set yet',
};

const BARE_NUMBER = /^[0-9]+(\.[0-9]+)?$/;
const SIGNED_BARE = /^[+-]?[0-9]+(\.[0-9]+)?$/;
const WAD_UNITS = /^([0-9]+) WAD$/i;

/** What the scenario receives for what was typed (see the header). */
export function toScenarioText(kind: FieldKind, typed: string): string {
  const text = typed.trim();
  if (kind === 'amount' && BARE_NUMBER.test(text)) return `${text} ETH`;
  if (kind === 'signedAmount' && SIGNED_BARE.test(text)) return `${text} ETH`;
  if (kind === 'wad' || kind === 'wadList') {
    if (BARE_NUMBER.test(text)) return `${text}%`;
    const units = WAD_UNITS.exec(text);
    if (units) return units[1] ?? text;
  }
  return text;
}

function parse(kind: FieldKind, text: string): UnitResult | null {
  switch (kind) {
    case 'amount':
      return parseAmount(text);
    case 'signedAmount':
      return parseSignedAmount(text);
    case 'wad':
    case 'wadList':
      return parseWad(text);
    case 'blocks':
    case 'seconds':
    case 'newSet':
      return parseBlocks(text);
    default:
      return null;
  }
}

export type Preview = { ok: true; text: string } | { ok: false; error: string };

/**
 * The exact integer the chain receives for a typed value ("= 40000000000000000000 wei (40 ETH)"), or what is
 * wrong with it and the forms accepted; null when the field is empty or not a typed quantity.
 * `realSecondsPerBlock` adds the real-world duration a block count stands for.
 */
export function exactPreview(kind: FieldKind, typed: string, realSecondsPerBlock?: string): Preview | null {
  const text = toScenarioText(kind, typed);
  const r = text === '' ? null : parse(kind, text);
  if (r === null) return null;
  if (!r.ok)
    return { ok: false, error: `${showValue(typed.trim())} ${r.error.reason}; accepted: ${HINTS[kind]}` };
  const n = r.value;
  switch (kind) {
    case 'amount':
    case 'signedAmount':
      return { ok: true, text: `= ${n} wei (${formatAmount(n)})` };
    case 'wad':
    case 'wadList':
      return { ok: true, text: `= ${n} WAD (${formatWad(n)})` };
    case 'blocks': {
      const real =
        realSecondsPerBlock === undefined
          ? ''
          : `, ${formatDuration(n * BigInt(realSecondsPerBlock))} real time`;
      return { ok: true, text: `= ${n} block${n === 1n ? '' : 's'}${real}` };
    }
    case 'seconds':
      return { ok: true, text: `= ${n} s (${formatDuration(n)})` };
    default:
      return { ok: true, text: `= set ${n}` };
  }
}
