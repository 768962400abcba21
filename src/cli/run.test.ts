import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const EXAMPLE = 'test/fixtures/scenarios/formats-example.json';
const dir = mkdtempSync(join(tmpdir(), 'rs-cli-'));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), lines: out };
}

function withSteps(name: string, steps: unknown[]): string {
  const json = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ ...json, steps }));
  return file;
}

describe('restaking-sandbox run', () => {
  it('reports steps done of the total to a terminal, ending with the total, and keeps stdout clean', async () => {
    const out: string[] = [];
    const seen: [number, number][] = [];
    const json = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { steps: unknown[] };
    const code = await main(['run', '--json', EXAMPLE], {
      stdout: (s) => out.push(s),
      stderr: () => undefined,
      progress: (done, total) => seen.push([done, total]),
    });
    expect(code).toBe(0);
    const n = json.steps.length;
    expect(seen.map(([d]) => d)).toEqual([...Array.from({ length: n }, (_, i) => i + 1), n]);
    expect(seen.every(([, t]) => t === n)).toBe(true);
    expect(() => JSON.parse(out.join('\n')) as unknown).not.toThrow();
  });

  it('prints a readable summary and exits 0', async () => {
    const r = await cli('run', EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('One AVS slashes an operator');
    expect(r.stdout).toContain('staker alice -> op1: stETH deposit 40 ETH, withdrawable 36 ETH');
    expect(r.stdout).toContain('max magnitude 90%');
  });

  it('prints the final world@1 as JSON with --json', async () => {
    const r = await cli('run', '--json', EXAMPLE);
    expect(r.code).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON document, walked by path
    const world = JSON.parse(r.stdout) as Record<string, any>;
    expect(world['format']).toBe('restaking-sandbox/world@1');
    expect(world['stakers']['alice']['strategies']['stETH']['withdrawableShares']).toBe(
      '36000000000000000000',
    );
    expect(world['accounts']['alice']['address']).toMatch(/^0x[0-9a-fA-F]{40}$/);
    for (const key of [
      'block',
      'timestamp',
      'accounts',
      'stakers',
      'operators',
      'avs',
      'strategies',
      'lst',
      'vaults',
      'validators',
      'burned',
    ]) {
      expect(world).toHaveProperty(key);
    }
  });

  it('prints one JSON line per step with --trace', async () => {
    const r = await cli('run', '--trace', EXAMPLE);
    expect(r.code).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON lines, walked by path
    const lines = r.lines.map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines).toHaveLength(10);
    const slash = lines[8]!;
    expect(slash['action']).toBe('avs.slash');
    expect(slash['txs'][0]['hash']).toMatch(/^0x[0-9a-f]{64}$/);
    expect(slash['txs'][0]['call']).toBe('MiniAVS.slash');
    expect(slash['txs'][0]['args'][4]).toBe('');
    expect(Number(slash['txs'][0]['gasUsed'])).toBeGreaterThan(21_000);
    const events = (slash['txs'][0]['events'] as { event: string }[]).map((e) => e.event);
    expect(events).toContain('OperatorSlashed');
    expect(events).toContain('MaxMagnitudeUpdated');
    expect(slash['world']['operators']['op1']['maxMagnitude']['stETH']).toBe('900000000000000000');
  });

  it('replays with impersonated, unsigned transactions under --impersonate, to the same world', async () => {
    const signed = await cli('run', '--json', EXAMPLE);
    const fast = await cli('run', '--json', '--impersonate', EXAMPLE);
    expect(fast.code).toBe(0);
    expect(JSON.parse(fast.stdout)).toEqual(JSON.parse(signed.stdout));
    const traced = await cli('run', '--trace', '--impersonate', EXAMPLE);
    const first = JSON.parse(traced.lines[0]!) as { txs: { unsigned: boolean }[] };
    expect(first.txs[0]?.unsigned).toBe(true);
  });

  it('exits 1 on an unexpected revert, naming the step, the action, the error and its arguments', async () => {
    const file = withSteps('revert.json', [
      { action: 'operator.register', by: 'op1', allocationDelay: 0 },
      { action: 'operator.register', by: 'op1', allocationDelay: 0 },
    ]);
    const r = await cli('run', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('step 1 (operator.register)');
    expect(r.stderr).toContain('ActivelyDelegated()');
  });

  it('exits 1 on a failed expect', async () => {
    const file = withSteps('expect.json', [{ action: 'expect', values: { 'accounts.alice.eth': '1 ETH' } }]);
    const r = await cli('run', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('accounts.alice.eth');
  });

  it('exits 2 on an invalid file and lists every problem with its JSON path, running nothing', async () => {
    const file = withSteps('invalid.json', [
      { action: 'lst.stake', by: 'alice', amount: '1e18' },
      { action: 'staker.delegate', by: 'alice' },
      { action: 'fly', by: 'alice' },
    ]);
    const r = await cli('run', '--json', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('steps[0].amount');
    expect(r.stderr).toContain('steps[1].operator');
    expect(r.stderr).toContain('steps[2]');
  });

  it('exits 2 on a file that is not JSON or does not exist, and on bad usage', async () => {
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{ "format": ');
    expect((await cli('run', bad)).stderr).toContain('not valid JSON');
    expect((await cli('run', bad)).code).toBe(2);
    expect((await cli('run', join(dir, 'missing.json'))).code).toBe(2);
    expect((await cli('run')).code).toBe(2);
    expect((await cli('run', '--yaml', EXAMPLE)).stderr).toContain('unknown option --yaml');
    expect((await cli('launch')).code).toBe(2);
  });
});

describe('the restaking-sandbox binary', () => {
  it('runs from the sources with no build step and returns the exit code', async () => {
    const { spawnSync } = await import('node:child_process');
    const ok = spawnSync(process.execPath, ['src/cli/bin.js', 'run', '--json', EXAMPLE], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { format: string }).format).toBe('restaking-sandbox/world@1');
    const bad = spawnSync(process.execPath, ['src/cli/bin.js', 'run', 'no-such-file.json'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('cannot read no-such-file.json');
  });
});
