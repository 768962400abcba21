// The bundled command (src/cli/build-cli.mjs, built on install) must behave exactly as the sources do: the
// same final world for a scenario, the same exit code and message for a broken file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

const EXAMPLE = 'test/fixtures/scenarios/formats-example.json';
const bundle = join(mkdtempSync(join(tmpdir(), 'rs-bundle-')), 'cli.mjs');
const RUN =
  'const { main } = await import(process.argv[1]); process.exitCode = await main(process.argv.slice(2));';

function bundled(...args: string[]) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', RUN, bundle, ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function sources(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(() => {
  execFileSync(process.execPath, ['src/cli/build-cli.mjs', bundle]);
}, 120_000);

describe('the bundled command', () => {
  it('prints the same final world as the sources', async () => {
    const a = bundled('run', '--json', EXAMPLE);
    const b = await sources('run', '--json', EXAMPLE);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });

  it('refuses a missing file with the same message and exit code', async () => {
    const a = bundled('run', 'no/such/file.json');
    const b = await sources('run', 'no/such/file.json');
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toBe(b.stderr.trim());
  });
});
