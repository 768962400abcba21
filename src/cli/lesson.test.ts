import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fiveStepLesson } from '../engine/lesson-file-testing.ts';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'lesson-cli-'));
const temp = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const lesson01 = fileURLToPath(new URL('../../lessons/01-staking-and-lsts/lesson.json', import.meta.url));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += `${s}\n`), stderr: (s) => (stderr += `${s}\n`) });
  return { code, stdout, stderr };
}

describe('restaking-sandbox lesson check', () => {
  it('plays a sound lesson through and reports each step, exit 0', async () => {
    const r = await run(['lesson', 'check', temp('five.json', fiveStepLesson())]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"Depositing stETH into a strategy", 5 steps from the preset playground');
    expect(r.stdout).toContain(
      'steps[3] deposit: alice: strategy.deposit (amount 1 ETH, strategy stETH) landed',
    );
    // The playground's alice holds 40 strategy shares; depositing 1 ETH of stETH at one share each adds one.
    expect(r.stdout).toContain('steps[2] guess: the truth is "more" (40 → 41)');
    expect(r.stdout).toMatch(
      /ok: every recorded action counts for its step and every prediction has a truth\n$/,
    );
  });

  it('checks the built-in lesson 01 file, and a lesson that starts from it by name', async () => {
    expect((await run(['lesson', 'check', lesson01])).code).toBe(0);
    const f = fiveStepLesson();
    const from01 = {
      ...f,
      start: { lesson: '01-staking-and-lsts' },
      steps: [{ ...f.steps[1], action: { action: 'lst.stake', by: 'alice', amount: '4 ETH' } }, f.steps[4]],
    };
    const r = await run(['lesson', 'check', temp('from01.json', from01)]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('2 steps from lesson 01-staking-and-lsts');
  });

  it('exits 1 with path-named problems for an invalid file, before running anything', async () => {
    const f = fiveStepLesson() as unknown as { steps: { id: string }[]; title: string };
    f.steps[1]!.id = 'intro';
    f.title = '';
    const r = await run(['lesson', 'check', temp('bad.json', f)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('not a valid restaking-sandbox/lesson@1 file:');
    expect(r.stderr).toContain('  title: is empty; accepted: a title');
    expect(r.stderr).toContain('  steps[1].id: "intro" is already the id of steps[0]; ids are unique');
  });

  it('exits 1 naming the step whose recorded action the chain refuses', async () => {
    const f = fiveStepLesson() as unknown as { steps: { action?: { by: string } }[] };
    f.steps[3]!.action!.by = 'bob'; // bob holds no stETH in the playground: his went into the vault
    const r = await run(['lesson', 'check', temp('refused.json', f)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /the dry run failed:\n {2}steps\[3\]\.action: the chain refused strategy\.deposit: /,
    );
  });

  it("holds the debrief to its expectations, in the chain's numbers, and names one that fails", async () => {
    const f = fiveStepLesson();
    const shares = ['stakers', 'alice', 'strategies', 'stETH', 'depositShares'];
    const stETH = ['accounts', 'alice', 'stETH'];
    f.steps[4] = {
      ...f.steps[4]!,
      kind: 'debrief',
      expect: [
        { path: shares, label: "alice's deposit shares", is: 'more', since: 'deposit' },
        { path: stETH, label: "alice's stETH", is: 'fewer', since: 'deposit' },
        { path: stETH, label: "alice's stETH", is: 'more', since: 'stake' },
      ],
    } as (typeof f.steps)[number];
    const ok = await run(['lesson', 'check', temp('expects.json', f)]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      'steps[4].expect[0]: alice\'s deposit shares grew since step "deposit", as expected',
    );
    expect(ok.stdout).toContain('every expectation holds');
    // The deposit took 1 ETH of her stETH: it cannot have stayed the same.
    (f.steps[4] as { expect: { is: string }[] }).expect[1]!.is = 'same';
    const bad = await run(['lesson', 'check', temp('unmet.json', f)]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /steps\[4\]\.expect\[1\]: expected alice's stETH to stay the same since step "deposit", but alice's stETH went from [\d.,]+ to [\d.,]+\n/,
    );
  });

  it('exits 1 on a file that is not JSON, and 2 on a usage error', async () => {
    const r = await run(['lesson', 'check', temp('text.json', 'not json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not valid JSON');
    expect((await run(['lesson', 'lint', 'x.json'])).code).toBe(2);
    expect((await run(['lesson', 'check'])).stderr).toBe('usage: restaking-sandbox lesson check FILE\n');
  });
});
