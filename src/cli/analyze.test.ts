import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/networks/${name}.json`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
const temp = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await analyzeCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('restaking-sandbox analyze', () => {
  it('--json prints analysis@1 with exact rationals as strings', async () => {
    const r = await run(['--json', fixture('dr-abstract-10pct-buffer-0.1pct-shock')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { cascade: Record<string, unknown> };
    expect(json.format).toBe('restaking-sandbox/analysis@1');
    expect(json.secure).toBe(true);
    expect(json.gammaSlack).toBe('1/10');
    expect(json.cascade.totalLossFraction).toBe('109/10000');
    expect(json.cascade.theorem1Bound).toBe('11/1000');
    expect(String(json.convention)).toMatch(/tie is not an attack/);
  });

  it('prints a readable report that names the attack and the convention', async () => {
    const r = await run([fixture('wp-3.4.1-same-restakers-10-other-avs')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdict: INSECURE');
    expect(r.stdout).toContain('(stake 4) corrupt avs0');
    expect(r.stdout).toContain('net profit 18');
    expect(r.stdout).toContain('a tie is not an attack');
  });

  it('exits 0 for an insecure network: the verdict is an answer, not an error', async () => {
    const r = await run(['--json', fixture('dr-fig4-overcollateralized-service')]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { secure: boolean }).secure).toBe(false);
  });

  it('exits 2 on an invalid file and lists every problem with its JSON path', async () => {
    const bad = temp(
      'bad.json',
      JSON.stringify({
        format: 'restaking-sandbox/network@1',
        validators: [{ id: 'a', stake: 'ten' }],
        services: [{ id: 'x', profit: '1', threshold: '0' }],
        edges: [],
      }),
    );
    const r = await run([bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('validators[0].stake');
    expect(r.stderr).toContain('"ten"');
    expect(r.stderr).toContain('services[0].threshold');
    expect(r.stderr).toContain('2 problem(s)');
  });

  it('exits 2 when the file is not JSON, is missing, or the arguments are wrong', async () => {
    expect((await run([temp('broken.json', '{ "format": ')])).code).toBe(2);
    const missing = await run([join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    const usage = await run([]);
    expect([usage.code, usage.stderr]).toEqual([
      2,
      'usage: restaking-sandbox analyze [--json] [--budget SECONDS] FILE\n',
    ]);
    expect((await run(['--yaml', fixture('dr-thm8-n6')])).code).toBe(2);
  });
});
