// Bounds on what a scenario may hold and on what a refusal may say: uint256 quantities, plain-text titles,
// and messages of a bounded size whatever the file.
import { describe, expect, it } from 'vitest';
import { formatIssues, MAX_LISTED_ISSUES, validateScenario } from './scenario-schema.ts';
import { CONTROL_CHARS } from './scenario-fields.ts';
import { problems } from './scenario-testing.ts';
import { showValue } from './units.ts';

const base = () => ({
  format: 'restaking-sandbox/scenario@1',
  title: 'Bounds',
  actors: [{ id: 'alice', role: 'staker', eth: '100 ETH' }] as Record<string, unknown>[],
  steps: [{ action: 'lst.stake', by: 'alice', amount: '1 ETH' }] as Record<string, unknown>[],
});

describe('quantities fit a uint256', () => {
  const max = (1n << 256n) - 1n;
  it('accepts 2^256 - 1 wei and refuses 2^256 wei, in a balance and in an amount', () => {
    expect(
      validateScenario({ ...base(), actors: [{ id: 'alice', role: 'staker', eth: `${max} wei` }] }).ok,
    ).toBe(true);
    const json = base();
    json.actors[0]!['eth'] = `${max + 1n} wei`;
    json.steps[0]!['amount'] = `${max + 1n} wei`;
    const found = problems(json);
    expect(found.map((p) => p.path)).toEqual(['actors[0].eth', 'steps[0].amount']);
    expect(found[0]?.message).toMatch(/is 2\^256 wei or more, more than a uint256 holds/);
  });
});

describe('titles are plain text', () => {
  it.each([
    ['an ANSI escape', 'Red \u001b[31mtitle'],
    ['a right-to-left override', 'evil\u202Etxt.exe'],
    ['NUL', 'a\u0000b'],
  ])('refuses %s, naming the character, and the message itself shows it escaped', (_what, title) => {
    const [p] = problems({ ...base(), title });
    expect(p?.path).toBe('title');
    expect(p?.message).toMatch(/contains a control or text-direction character \(U\+[0-9A-F]{4}\)/);
    expect(p?.message).not.toMatch(CONTROL_CHARS);
  });

  it('keeps newlines and tabs in a description', () => {
    expect(validateScenario({ ...base(), description: 'line one\n\tline two' }).ok).toBe(true);
  });
});

describe('refusals are bounded', () => {
  it('100,000 copies of one typo make a message of a few kilobytes: the first problems and a count', () => {
    const steps = Array.from({ length: 100_000 }, () => ({ action: 'lst.stakee', by: 'alice' }));
    const r = validateScenario({ ...base(), steps });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const message = formatIssues(r.issues);
    const lines = message.split('\n');
    expect(lines).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(lines[0]).toMatch(/^steps\[0\]\.action: "lst\.stakee" is not an action; accepted: lst\.stake, /);
    expect(lines[1]).toBe('steps[1].action: the same problem as steps[0].action');
    expect(lines.at(-1)).toBe('… and 99,980 more problems (only the first 20 are listed)');
    expect(message.length).toBeLessThan(5_000);
  });

  it('a huge bad value is named by its start', () => {
    const shown = showValue('x'.repeat(1_000_000));
    expect(shown).toBe(`"${'x'.repeat(79)}… (1000002 characters)`);
  });
});
