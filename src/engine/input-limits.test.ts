import { describe, expect, it } from 'vitest';
import { checkValue, INPUT_LIMITS, parseInput } from './input-limits.ts';

/** A value nested `levels` deep, built with a loop (as JSON.parse would build it from a hostile file). */
function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

describe('input limits', () => {
  it('refuses 10,000-level nesting from text before JSON.parse, and as a value, without overflowing', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000);
    const r = parseInput(text, 'deep.json');
    expect(r.ok === false && r.message).toMatch(
      /^deep\.json nests lists and objects more than 32 levels deep/,
    );
    const v = checkValue(nested(10_000), 'The shared link');
    expect(v.ok === false && v.message).toMatch(/^The shared link nests .* more than 32 levels/);
    // The same shape one level inside the limit passes, so the limit is the depth and not the shape.
    expect(checkValue(nested(INPUT_LIMITS.depth - 1), 'x').ok).toBe(true);
    expect(parseInput(JSON.stringify(nested(INPUT_LIMITS.depth - 1)), 'x').ok).toBe(true);
  });

  it('counts brackets inside strings as text, not nesting', () => {
    const r = parseInput(JSON.stringify({ title: '['.repeat(1000) + '"\\{' }), 'x');
    expect(r.ok).toBe(true);
  });

  it('refuses too many values and too much text, naming the limit', () => {
    const many = checkValue(new Array(INPUT_LIMITS.values).fill(0), 'big.json');
    expect(many.ok === false && many.message).toMatch(/^big\.json holds more than 1,000,000 values/);
    const long = parseInput(' '.repeat(INPUT_LIMITS.chars + 1), 'long.json');
    expect(long.ok === false && long.message).toMatch(/^long\.json is 16,000,001 characters long/);
  });

  it('accepts a UTF-8 byte order mark and names a JSON syntax error', () => {
    expect(parseInput('\uFEFF{"a": [1]}', 'x')).toEqual({ ok: true, json: { a: [1] } });
    const bad = parseInput('{"a": ', 'bad.json');
    expect(bad.ok === false && bad.message).toMatch(/^bad\.json is not valid JSON: /);
  });
});
