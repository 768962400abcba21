// Limits applied to every file, link and saved record before it reaches the chain worker. A valid scenario
// or session is a few levels deep and at most a few hundred thousand values; anything deeper or larger is
// refused here with a message naming the limit, because past these sizes the browser fails in ways nobody
// can read ("Maximum call stack size exceeded" while the page hands a 10,000-level object to the worker).
// Every check is a loop with its own stack, never recursion, so the checks themselves cannot overflow.

/** The most history steps a sandbox holds: loading, importing, acting, saving and reloading all use it. */
export const MAX_STEPS = 5_000;

export const INPUT_LIMITS = {
  /** Characters of JSON text: a 5000-step session is about 400 KB. */
  chars: 16_000_000,
  /** Nesting of arrays and objects: a session is 6 levels deep (nodes[3].step.expect[0].…). */
  depth: 32,
  /** Values of any kind (objects, arrays, strings, numbers…). */
  values: 1_000_000,
} as const;

export type Checked = { ok: true; json: unknown } | { ok: false; message: string };

/** The deepest nesting of `[` and `{` in JSON text, stopping as soon as it passes `limit` (strings skipped). */
function textDepth(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return depth;
}

/** Depth and count of a parsed value, walked with an explicit stack; stops at the first limit passed. */
export function checkValue(json: unknown, what: string): Checked {
  const stack: [unknown, number][] = [[json, 1]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (++values > INPUT_LIMITS.values)
      return {
        ok: false,
        message: `${what} holds more than ${INPUT_LIMITS.values.toLocaleString('en')} values, more than any sandbox needs; nothing was loaded.`,
      };
    if (value === null || typeof value !== 'object') continue;
    if (depth > INPUT_LIMITS.depth) return { ok: false, message: tooDeep(what) };
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return { ok: true, json };
}

const tooDeep = (what: string) =>
  `${what} nests lists and objects more than ${INPUT_LIMITS.depth} levels deep; a scenario or session is a few levels deep, so this is not one. Nothing was loaded.`;

/**
 * Parses JSON text within the limits: a byte order mark is allowed (editors on Windows write one), then
 * size and depth are checked on the text before JSON.parse runs, and the count on the value after.
 */
export function parseInput(text: string, what: string): Checked {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > INPUT_LIMITS.chars)
    return {
      ok: false,
      message: `${what} is ${body.length.toLocaleString('en')} characters long, more than the ${INPUT_LIMITS.chars.toLocaleString('en')} a sandbox reads; nothing was loaded.`,
    };
  if (textDepth(body, INPUT_LIMITS.depth) > INPUT_LIMITS.depth) return { ok: false, message: tooDeep(what) };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, message: `${what} is not valid JSON: ${(e as Error).message}` };
  }
  return checkValue(json, what);
}

/** The refusal for a history longer than MAX_STEPS, worded the same wherever it is met. */
export function tooManySteps(what: string, steps: number): string {
  return `${what} has ${steps.toLocaleString('en')} steps; a sandbox holds at most ${MAX_STEPS.toLocaleString('en')} (export the session and start a new one from a scenario to go on).`;
}
