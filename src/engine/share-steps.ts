// The steps of a share link in a compact text form, so a link carries "the playground, then these three
// steps" in a couple of hundred characters (small enough for a QR code a room can scan) instead of a whole
// deflated scenario. A step is its action's short code, then its field values in a fixed order:
//
//   dep,alice,stETH,40_ETH~del,alice,op1~adv,!1
//
// The codes and field orders below are frozen: links already in the wild decode with this table forever.
// New actions or fields never change it; they travel as `key:value` (an action without a code by its full
// name), so any step of any scenario round-trips, only less compactly. Only characters a URL fragment keeps
// as they are appear outside `%XX` escapes (no `&`, `=`, `+` or `#`).

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type CompactStep = { action: string } & Record<string, unknown>;

/** code, action, fields in order. Append only: never reorder, rename or remove an entry. */
const TABLE_V1: readonly (readonly [string, string, readonly string[]])[] = [
  ['stk', 'lst.stake', ['by', 'amount']],
  ['rep', 'lst.report', ['delta']],
  ['wrp', 'lst.wrap', ['by', 'amount']],
  ['unw', 'lst.unwrap', ['by', 'amount']],
  ['tfr', 'token.transfer', ['by', 'token', 'to', 'amount']],
  ['dep', 'strategy.deposit', ['by', 'strategy', 'amount']],
  ['reg', 'operator.register', ['by', 'allocationDelay']],
  ['ad', 'operator.setAllocationDelay', ['by', 'blocks']],
  ['del', 'staker.delegate', ['by', 'operator']],
  ['und', 'staker.undelegate', ['by', 'as']],
  ['wq', 'withdrawal.queue', ['by', 'strategy', 'shares', 'as']],
  ['wc', 'withdrawal.complete', ['by', 'withdrawal', 'receiveAsTokens']],
  ['set', 'avs.createOperatorSet', ['by', 'set', 'strategies', 'redistributionRecipient']],
  ['rs', 'operator.registerForSets', ['by', 'avs', 'sets']],
  ['drs', 'operator.deregisterFromSets', ['by', 'avs', 'sets']],
  ['al', 'operator.allocate', ['by', 'avs', 'set', 'strategy', 'magnitude']],
  ['sl', 'avs.slash', ['by', 'operator', 'set', 'strategies', 'wads', 'as', 'description']],
  ['clr', 'slashing.clear', ['by', 'avs', 'set', 'slash']],
  ['veto', 'avs.configureVeto', ['by', 'blocks', 'committee']],
  ['rq', 'avs.requestSlash', ['by', 'operator', 'set', 'strategies', 'wads', 'as', 'description']],
  ['vt', 'avs.veto', ['by', 'avs', 'request']],
  ['ex', 'avs.executeSlash', ['by', 'request', 'as']],
  ['pod', 'pod.create', ['by']],
  ['ps', 'pod.stake', ['by', 'as']],
  ['vc', 'pod.verifyCredentials', ['by', 'validators']],
  ['cp', 'pod.startCheckpoint', ['by']],
  ['vcp', 'pod.verifyCheckpoint', ['by', 'validators']],
  ['vsb', 'pod.verifyStaleBalance', ['by', 'validator']],
  ['br', 'beacon.reward', ['validator', 'amount']],
  ['bp', 'beacon.penalty', ['validator', 'amount']],
  ['bs', 'beacon.slash', ['validator']],
  ['bx', 'beacon.exit', ['validator']],
  ['vd', 'vault.deposit', ['by', 'vault', 'amount']],
  ['vr', 'vault.requestRedeem', ['by', 'vault', 'amount', 'as']],
  ['vcl', 'vault.claim', ['by', 'vault', 'request']],
  ['rw', 'rewards.submit', ['by', 'set', 'amount']],
  ['rc', 'rewards.claim', ['by']],
  ['tx', 'tx.send', ['by', 'to', 'data', 'value']],
  ['adv', 'chain.advance', ['blocks', 'seconds']],
  ['vp', 'vault.setPrice', ['vault', 'price']],
];
const BY_CODE = new Map(TABLE_V1.map(([code, action, fields]) => [code, { action, fields }]));
const BY_ACTION = new Map(TABLE_V1.map(([code, action, fields]) => [action, { code, fields }]));

/** A field left out in the middle of the fixed order. */
const ABSENT = '!u';

/** Percent-escapes all but letters, digits, `-` and `.`; a space becomes `_` (amounts read "40_ETH"). */
function escapeText(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*~_]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '_');
}

function encodeValue(v: Json): string {
  if (typeof v === 'string') {
    // Every other kind starts with `!` or `(`, which escapeText never leaves bare; only "" needs a mark.
    return v === '' ? "'" : escapeText(v);
  }
  if (typeof v === 'number' && Number.isFinite(v)) return `!${v}`;
  if (typeof v === 'boolean') return v ? '!t' : '!f';
  if (v === null) return '!n';
  if (Array.isArray(v)) return `(${v.map(encodeValue).join('*')})`;
  return `!j${escapeText(JSON.stringify(v))}`;
}

/** Splits on `sep` outside parentheses. */
function split(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const unescapeText = (s: string) => decodeURIComponent(s.replace(/_/g, '%20'));

function decodeValue(text: string): Json {
  if (text.startsWith('(') && text.endsWith(')'))
    return text === '()' ? [] : split(text.slice(1, -1), '*').map(decodeValue);
  if (text.startsWith("'")) return unescapeText(text.slice(1));
  if (text === '!t' || text === '!f') return text === '!t';
  if (text === '!n') return null;
  if (text.startsWith('!j')) return JSON.parse(unescapeText(text.slice(2))) as Json;
  if (text.startsWith('!')) {
    const n = Number(text.slice(1));
    if (text.length === 1 || !Number.isFinite(n)) throw new Error(`"${text}" is not a number`);
    return n;
  }
  if (/[()*~,!']/.test(text)) throw new Error(`"${text}" is not a value`);
  return unescapeText(text);
}

function encodeStep(step: CompactStep): string {
  const known = BY_ACTION.get(step.action);
  const parts = [known?.code ?? escapeText(step.action)];
  const fixed = known?.fields ?? [];
  const positional = fixed.map((f) => (step[f] === undefined ? ABSENT : encodeValue(step[f] as Json)));
  while (positional.at(-1) === ABSENT) positional.pop();
  parts.push(...positional);
  for (const [key, value] of Object.entries(step)) {
    if (key === 'action' || fixed.includes(key) || value === undefined) continue;
    parts.push(`${escapeText(key)}:${encodeValue(value as Json)}`);
  }
  return parts.join(',');
}

/** The compact text of a list of scenario@1 steps. */
export function encodeSteps(steps: readonly CompactStep[]): string {
  return steps.map(encodeStep).join('~');
}

function decodeStep(text: string, index: number): CompactStep {
  const [head = '', ...fields] = split(text, ',');
  const known = BY_CODE.get(head);
  const action = known?.action ?? unescapeText(head);
  if (known === undefined && !action.includes('.'))
    throw new Error(`step ${index + 1} names no action ("${head.slice(0, 20)}")`);
  const step: CompactStep = { action };
  let position = 0;
  for (const field of fields) {
    const colon = field.indexOf(':');
    const keyed = colon > 0 && !field.startsWith('(') && !field.startsWith('!') && !field.startsWith("'");
    if (keyed) {
      step[unescapeText(field.slice(0, colon))] = decodeValue(field.slice(colon + 1));
      continue;
    }
    const name = known?.fields[position++];
    if (name === undefined) throw new Error(`step ${index + 1} (${action}) has more values than fields`);
    if (field !== ABSENT) step[name] = decodeValue(field);
  }
  return step;
}

/** The steps of a compact text, or an error naming the first step that cannot be read. */
export function decodeSteps(text: string): CompactStep[] {
  if (text === '') return [];
  return split(text, '~').map((s, i) => {
    try {
      return decodeStep(s, i);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('step ')) throw e;
      throw new Error(`step ${i + 1} cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
  });
}
