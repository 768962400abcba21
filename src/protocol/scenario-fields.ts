// Field schemas shared by the scenario@1 schema. Every message names the bad value and the accepted
// forms, because a teacher fixing a hand-written file reads only the message and the path.
import * as v from 'valibot';
import {
  ACCEPTED,
  parseAmount,
  parseBlocks,
  parseSignedAmount,
  parseWad,
  showValue,
  type UnitResult,
} from './units.ts';

/** Actor ids and `as` names: letters, digits, `-`, `_` (so they never contain a world path's `.` or `/`). */
export const NAME_RE = /^[A-Za-z0-9_-]+$/;
export const NAME_FORMS = 'a name of letters, digits, "-" and "_" such as "alice" or "op-1"';
export const STRATEGIES = ['stETH', 'beaconETH'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** What to write in each field, for the message when it is missing. */
export const FIELD_FORMS: Record<string, string> = {
  by: 'the id of the actor who signs',
  amount: ACCEPTED.amount,
  delta: ACCEPTED.signedAmount,
  shares: ACCEPTED.amount,
  magnitude: ACCEPTED.wad,
  wads: `a list with one fraction per strategy, each ${ACCEPTED.wad}`,
  blocks: ACCEPTED.blocks,
  allocationDelay: ACCEPTED.blocks,
  set: 'an operator-set id, a whole number such as 0',
  sets: 'a list of operator-set ids such as [0, 1]',
  strategy: '"stETH" or "beaconETH"',
  strategies: 'a list of strategies such as ["stETH"]',
  as: NAME_FORMS,
  validator: 'the "as" name of a validator created by pod.stake',
  validators: 'a list of validator names created by pod.stake',
  withdrawal: 'the "as" name of a queued withdrawal',
  slash: 'the "as" name of an avs.slash or avs.executeSlash step',
  request:
    'the "as" name of a vault.requestRedeem step (vault.claim) or of an avs.requestSlash step (avs.veto, avs.executeSlash)',
  committee: 'the id of the actor who may veto slash requests (any actor)',
  avs: 'the id of an actor with role avs',
  receiveAsTokens: 'true or false',
  values: 'an object from world paths to expected values',
  to: 'an actor id or a 0x address of 40 hex digits',
  data: 'call data as 0x-prefixed hex bytes',
  value: ACCEPTED.amount,
  format: '"restaking-sandbox/scenario@1"',
  title: 'a non-empty string',
  id: NAME_FORMS,
  role: '"staker", "operator", "avs" or "vault"',
  actors: 'a list of actors',
  steps: 'a list of steps',
};

type Issue = v.BaseIssue<unknown>;

/** Message for an object schema: a missing required key, or a value that is not an object at all. */
export function objectMessage(issue: Issue): string {
  const key = issue.path?.at(-1)?.key;
  if (typeof key === 'string' && issue.expected === `"${key}"`) {
    return `is missing; accepted: ${FIELD_FORMS[key] ?? 'see formats.md'}`;
  }
  return `${showValue(issue.input)} is not an object`;
}

/** Every quantity ends up in a uint256 (or int256) on chain: a larger one would wrap or revert there. */
const UINT256_LIMIT = 1n << 256n;

/** A field parsed by one of the unit parsers into a bigint, within 256 bits. */
export function unit(parse: (input: unknown) => UnitResult) {
  return v.pipe(
    v.unknown(),
    v.rawTransform<unknown, bigint>(({ dataset, addIssue, NEVER }) => {
      const r = parse(dataset.value);
      if (!r.ok) {
        addIssue({ message: r.error.message });
        return NEVER;
      }
      if (r.value >= UINT256_LIMIT || -r.value >= UINT256_LIMIT) {
        addIssue({
          message: `${showValue(dataset.value)} is ${r.value < 0n ? 'below -' : ''}2^256 wei or more, more than a uint256 holds; accepted: an amount below 2^256 wei`,
        });
        return NEVER;
      }
      return r.value;
    }),
  );
}

export const amount = unit(parseAmount);
export const signedAmount = unit(parseSignedAmount);
/** A WAD fraction of 100% (magnitudes, slash sizes, fees). */
export const wadFraction = unit((x) => parseWad(x));
export const blocks = unit(parseBlocks);

/** A positive count of blocks or seconds (advancing by zero would be a step that does nothing). */
export const positiveBlocks = unit((x) => {
  const r = parseBlocks(x);
  if (!r.ok || r.value > 0n) return r;
  const reason = 'is zero';
  const message = `${showValue(x)} is zero; accepted: a whole number of at least 1`;
  return { ok: false, error: { kind: 'blocks', input: x, reason, accepted: ACCEPTED.blocks, message } };
});

/** Operator-set ids are uint32 in the contracts; small enough to keep as a number. */
export const setId = v.pipe(
  unit(parseBlocks),
  v.check(
    (n) => n <= 0xffff_ffffn,
    (i) => `${showValue(i.input)} is too large for an operator-set id (uint32)`,
  ),
  v.transform((n) => Number(n)),
);

/** A veto window in blocks: uint32 in MiniAVS; 0 turns the window off. */
export const windowBlocks = v.pipe(
  unit(parseBlocks),
  v.check(
    (n) => n <= 0xffff_ffffn,
    (i) => `${showValue(i.input)} is too large for a veto window (uint32 blocks)`,
  ),
);

export const name = v.pipe(
  v.string((i) => `${showValue(i.input)} is not a name; accepted: ${NAME_FORMS}`),
  v.regex(NAME_RE, (i) => `${showValue(i.input)} is not a valid name; accepted: ${NAME_FORMS}`),
);

export function strategy<const T extends readonly StrategyName[]>(allowed: T) {
  const forms = allowed.map((s) => `"${s}"`).join(' or ');
  return v.picklist(allowed, (i) => `${showValue(i.input)} is not a strategy here; accepted: ${forms}`);
}

export function list<T extends v.GenericSchema>(item: T, forms: string) {
  return v.pipe(
    v.array(item, (i) => `${showValue(i.input)} is not a list; accepted: ${forms}`),
    v.minLength(1, () => `is an empty list; accepted: ${forms}`),
  );
}

export const bool = v.boolean((i) => `${showValue(i.input)} is not a boolean; accepted: true or false`);

/** The custom error a step must revert with: a Solidity identifier such as "InsufficientMagnitude". */
export const revertName = v.pipe(
  v.string(
    (i) => `${showValue(i.input)} is not an error name; accepted: a custom error such as "SameMagnitude"`,
  ),
  v.regex(
    /^[A-Za-z_$][A-Za-z0-9_$]*$/,
    (i) =>
      `${showValue(i.input)} is not an error name; accepted: a Solidity identifier such as "SameMagnitude"`,
  ),
);

/**
 * Characters that would act on whatever shows the text instead of being shown: C0 and C1 controls (ANSI
 * escapes, NUL; tab and newline are fine) and the bidirectional overrides that reorder what a reader sees.
 */
export const CONTROL_CHARS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const text = v.pipe(
  v.string((i) => `${showValue(i.input)} is not a string`),
  v.check(
    (s) => !CONTROL_CHARS.test(s),
    (i) =>
      `${showValue(i.input)} contains a control or text-direction character (${codePointOf(String(i.input))}); accepted: plain text`,
  ),
);

function codePointOf(s: string): string {
  const c = CONTROL_CHARS.exec(s)?.[0] ?? '';
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `steps[4].values["stakers.alice.eth"]`: the JSON path of a valibot issue, under a prefix. */
export function issuePath(prefix: string, issue: Issue): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key))
      path += path ? `.${key}` : key;
    else path += `[${JSON.stringify(key)}]`;
  }
  return path;
}

/** A recipient of a raw transaction: an actor id or an address. */
export const target = v.pipe(
  v.string((i) => `${showValue(i.input)} is not a recipient; accepted: ${FIELD_FORMS['to']}`),
  v.regex(
    /^(0x[0-9a-fA-F]{40}|[A-Za-z0-9_-]+)$/,
    (i) => `${showValue(i.input)} is not a recipient; accepted: ${FIELD_FORMS['to']}`,
  ),
);

/** Call data of a raw transaction. */
export const hexData = v.pipe(
  v.string((i) => `${showValue(i.input)} is not call data; accepted: ${FIELD_FORMS['data']}`),
  v.regex(
    /^0x([0-9a-fA-F]{2})*$/,
    (i) => `${showValue(i.input)} is not call data; accepted: ${FIELD_FORMS['data']}`,
  ),
);
