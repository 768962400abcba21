// The key a world view call's kept result is found by (read-memo.ts): its arguments as JSON text, bigints
// marked (so `1n` and `"1"` differ). Session images carry these keys with the results, so the text must stay
// exactly what `JSON.stringify(args, bigints marked)` gives; this writes the usual arguments (addresses,
// numbers, bigints, booleans, lists and plain records of them) itself, without a replacer called per value,
// and leaves anything else to JSON.stringify.

/** `JSON.stringify(args, replacer)` with bigints written as `"<digits>n"`. */
export function argsKey(args: readonly unknown[]): string {
  return listKey(args) ?? slowKey(args);
}

function slowKey(args: readonly unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

function listKey(list: readonly unknown[]): string | undefined {
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    const part = valueKey(list[i]);
    if (part === undefined) return undefined;
    out += i === 0 ? part : `,${part}`;
  }
  return `${out}]`;
}

function valueKey(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'bigint':
      return `"${v}n"`;
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : undefined;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v)) return listKey(v);
      return Object.getPrototypeOf(v) === Object.prototype
        ? recordKey(v as Record<string, unknown>)
        : undefined;
    default:
      return undefined; // undefined, functions and symbols: JSON.stringify's own rules
  }
}

function recordKey(r: Record<string, unknown>): string | undefined {
  if ('toJSON' in r) return undefined;
  let out = '{';
  let first = true;
  for (const k of Object.keys(r)) {
    const part = valueKey(r[k]);
    if (part === undefined) return undefined;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${part}`;
    first = false;
  }
  return `${out}}`;
}
