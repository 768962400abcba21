import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonFileProblems, parseLessonFile, MAX_LESSON_STEPS } from './lesson-file.ts';
import { fiveStepLesson } from './lesson-file-testing.ts';

/** Lesson 01 as a file: a real lesson, with an inline start scenario. */
const lesson01: unknown = JSON.parse(
  readFileSync(new URL('../../lessons/01-staking-and-lsts/lesson.json', import.meta.url), 'utf8'),
);

type Json = Record<string, unknown>;
const clone = <T>(x: T): T => structuredClone(x);
const problems = (x: unknown) => lessonFileProblems(x).map((p) => `${p.path}: ${p.message}`);
const paths = (x: unknown) => lessonFileProblems(x).map((p) => p.path);
const steps = (f: unknown) => (f as { steps: Json[] }).steps;

describe('parseLessonFile', () => {
  it('accepts the documented example lessons', () => {
    expect(problems(fiveStepLesson())).toEqual([]);
    expect(problems(lesson01)).toEqual([]);
    const r = parseLessonFile(fiveStepLesson());
    expect(r.ok && r.file.title).toBe('Depositing stETH into a strategy');
  });

  it('names the path of a bad action field, in the words of the scenario schema', () => {
    const f = fiveStepLesson() as unknown as Json;
    (steps(f)[1] as { action: Json }).action['amount'] = '4 ether';
    (steps(f)[1] as { action: Json }).action['amont'] = '4 ETH';
    expect(problems(f)).toEqual([
      'steps[1].action.amont: is not a field of lst.stake; accepted: action, expectRevert, by, amount',
      expect.stringMatching(/^steps\[1\]\.action\.amount: "4 ether" has the unknown unit "ether"/),
    ]);
  });

  it('enforces unique ids, a debrief last and only last, and an act step after each prediction', () => {
    const f = fiveStepLesson();
    f.steps[1]!.id = 'intro';
    f.steps.splice(3, 1); // the act step judging the prediction
    f.steps.unshift({ id: 'early', kind: 'debrief', title: 'x', prose: '' });
    expect(problems(f)).toEqual([
      'steps[0].kind: a debrief ends the lesson; only the last step may be one',
      'steps[2].id: "intro" is already the id of steps[1]; ids are unique',
      'steps[3]: no act step follows this prediction to judge it',
    ]);
    const g = fiveStepLesson();
    g.steps.pop();
    expect(problems(g)).toEqual(['steps[3].kind: the last step is a "act"; a lesson ends with a debrief']);
  });

  it('accepts only world values that are numbers for a prediction', () => {
    const f = fiveStepLesson() as unknown as Json;
    const watch = (steps(f)[2] as { watch: { path: string[] } }).watch;
    watch.path = ['stakers', 'alice', 'delegatedTo'];
    expect(paths(f)).toEqual(['steps[2].watch.path']);
    watch.path = ['stakers', 'alice', 'nothing'];
    expect(problems(f)[0]).toMatch(/is not a world@1 value/);
    const g = fiveStepLesson();
    (g.steps[1] as unknown as Json)['quote'] = [
      { path: ['accounts', 'alice', 'stETH'], label: "alice's stETH" },
      { path: ['accounts', 'alice', 'role'], label: 'her role' },
    ];
    expect(problems(g)).toEqual([
      'steps[1].quote[1].path: "accounts.alice.role" is a string value; accepted: a number (an amount, shares, a fraction, gwei or a block)',
    ]);
  });

  it('checks expectations: a number path, and `since` naming an earlier act step only for comparisons', () => {
    const f = fiveStepLesson() as unknown as Json;
    const stETH = ['accounts', 'alice', 'stETH'];
    steps(f)[0]!['expect'] = [{ path: stETH, label: 'x', is: 'more', since: 'stake' }];
    steps(f)[4]!['expect'] = [
      { path: stETH, label: "alice's stETH", is: 'more', since: 'stake' },
      { path: stETH, label: "alice's stETH", is: 'positive', since: 'stake' },
      { path: stETH, label: "alice's stETH", is: 'fewer' },
      { path: ['accounts', 'alice', 'role'], label: 'her role', is: 'zero' },
    ];
    expect(problems(f)).toEqual([
      'steps[0].expect[0].since: "stake" is not an earlier act step; accepted: none (no act step comes before)',
      'steps[4].expect[3].path: "accounts.alice.role" is a string value; accepted: a number (an amount, shares, a fraction, gwei or a block)',
      'steps[4].expect[1].since: is not a field of an expectation that is "positive"',
      'steps[4].expect[2].since: is missing: "fewer" compares with the value before an earlier act step; name its id',
    ]);
    steps(f)[0]!['expect'] = [];
    steps(f)[4]!['expect'] = [{ path: stETH, label: 'x', is: 'more', since: 'guess' }];
    expect(problems(f)).toEqual([
      'steps[4].expect[0].since: "guess" is not an earlier act step; accepted: "stake", "deposit"',
    ]);
    steps(f)[4]!['expect'] = [{ path: stETH, label: 'x', is: 'bigger' }];
    expect(problems(f)).toEqual([
      'steps[4].expect[0].is: "bigger" is not accepted; accepted: "positive", "zero", "same", "more", "fewer"',
    ]);
    // Not on act or predict steps: what they check is their action and their question.
    steps(f)[4]!['expect'] = [];
    steps(f)[1]!['expect'] = [{ path: stETH, label: 'x', is: 'zero' }];
    expect(problems(f)).toEqual(['steps[1].expect: is not a field here']);
  });

  it('refuses two places to look at with the same words on one step (one control each)', () => {
    const f = fiveStepLesson() as unknown as Json;
    const look = { label: "bob's stETH", view: 'Inspector', section: 'balances', card: 'bob' };
    steps(f)[0]!['lookAt'] = [look, { ...look, view: 'Flow' }, { ...look, label: 'the flow' }];
    expect(problems(f)).toEqual([
      'steps[0].lookAt[1].label: "bob\'s stETH" names an earlier place too; give each its own words',
    ]);
  });

  it('refuses raw HTML and links that are not http(s) in any prose', () => {
    const f = fiveStepLesson();
    f.steps[0]!.prose = 'Read <img src=x onerror=alert(1)> this';
    f.steps[1]!.prose = '[click](javascript:alert(1))';
    f.summary = '<script>alert(1)</script>';
    expect(paths(f)).toEqual(['summary', 'steps[0].prose', 'steps[1].prose']);
  });

  it('refuses two choices of the same amount (a value question needs exactly one truth)', () => {
    const f = fiveStepLesson() as unknown as Json;
    (steps(f)[2] as Json)['answer'] = { type: 'value', choices: ['1 ETH', '1000000000000000000', '2 ETH'] };
    expect(problems(f)).toEqual(['steps[2].answer.choices[1]: is the same amount as choices[0]']);
  });

  it('checks an inline start scenario with the scenario validator, under start.scenario', () => {
    const f = clone(lesson01) as Json;
    ((f['start'] as Json)['scenario'] as { actors: Json[] }).actors[0]!['eth'] = 'lots';
    expect(paths(f)).toEqual(['start.scenario.actors[0].eth']);
  });

  it('lists the first 20 problems and counts the rest', () => {
    const f = fiveStepLesson();
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, kind: 'act', title: 't', prose: '' }));
    (f as unknown as Json)['steps'] = [...many, f.steps.at(-1)];
    const r = parseLessonFile(f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(21);
    expect(r.problems[0]).toBe('steps[0].action: is missing');
    expect(r.problems[20]).toBe('… and 40 more problems (only the first 20 are listed)');
  });

  it('refuses more than the step limit and deeply nested input without walking it', () => {
    const f = fiveStepLesson() as unknown as Json;
    f['steps'] = Array.from({ length: MAX_LESSON_STEPS + 1 }, () => steps(fiveStepLesson())[0]);
    expect(problems(f)[0]).toBe(
      `steps: has ${MAX_LESSON_STEPS + 1} steps; accepted: at most ${MAX_LESSON_STEPS}`,
    );
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(paths({ ...fiveStepLesson(), title: deep })).toEqual(['(root)']);
  });
});

// ---- properties -------------------------------------------------------------------------------------

/** Every leaf of a JSON value, by its key path. */
function leaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v, [...at, k]));
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path.at(-1) as string | number] = value;
}

/** How a validator's paths name a key path: `steps[2].action.by`. */
const named = (path: (string | number)[]) =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** A problem line: a JSON path, a colon, words (or the closing count of a long list). */
const KEY = String.raw`\["(?:[^"\\]|\\.)*"\]`;
const LINE = new RegExp(
  String.raw`^(\(root\)|([A-Za-z_$][\w$]*|${KEY})(\[\d+\]|\.[A-Za-z_$][\w$]*|${KEY})*): \S|^… and \d+ more problems?`,
);

describe('the validator under random mutation', () => {
  const valid = [fiveStepLesson(), lesson01];

  it('a leaf replaced by a value of another kind is named by a problem on its path, never a throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.nat(),
        fc.constantFrom<unknown>(0.5, null, [], {}, true),
        (base, pick, wrong) => {
          const f = clone(base);
          const all = leaves(f);
          const path = all[pick % all.length] as (string | number)[];
          setAt(f, path, wrong);
          const found = paths(f);
          const target = named(path);
          // The problem is at the leaf or at the field holding it (a union names the whole start).
          expect(
            found.some((p) => target === p || target.startsWith(`${p}.`) || target.startsWith(`${p}[`)),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any mutation gives either a sound file or path-named lines, at most 21 of them', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('add' as const),
        key: fc.string({ maxLength: 12 }),
        value: fc.jsonValue(),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (base, ms) => {
          const f = clone(base) as unknown;
          for (const m of ms) {
            const all = leaves(f);
            if (m.kind === 'add') (f as Json)[m.key] = clone(m.value);
            else {
              const path = all[m.pick % all.length] as (string | number)[];
              if (path.length === 0) continue;
              if (m.kind === 'set') setAt(f, path, clone(m.value));
              else setAt(f, path, undefined);
            }
          }
          const r = parseLessonFile(f);
          if (r.ok) return;
          expect(r.problems.length).toBeGreaterThan(0);
          expect(r.problems.length).toBeLessThanOrEqual(21);
          for (const line of r.problems) {
            expect(line).toMatch(LINE);
            // Bounded: a value is quoted by its start; the longest fixed text lists the 41 actions.
            expect(line.length).toBeLessThan(1000);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
