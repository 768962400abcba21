// The bundled command (src/cli/build-cli.mjs, built on install) must behave exactly as the sources do: the
// same final world and transactions for a scenario, the same exit code and message for a broken file. It
// starts from the deployment templates its build wrote beside it (src/cli/templates.ts): those must be read,
// and one written by another build, or broken, must not be.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

const EXAMPLE = 'test/fixtures/scenarios/formats-example.json';
const bundle = join(mkdtempSync(join(tmpdir(), 'rs-bundle-')), 'cli.mjs');
const templates = bundle.replace(/\.mjs$/, '.templates.json');
const PRESET = 'src/protocol/scenarios/single-avs-slash.json';
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

  it('runs from the templates its build wrote, with the same transactions as the sources', async () => {
    expect(existsSync(templates)).toBe(true);
    const file = JSON.parse(readFileSync(templates, 'utf8')) as {
      build: string;
      templates: { key: string }[];
    };
    expect(file.templates.map((t) => JSON.parse(t.key).preset)).toEqual(['classroom', 'mainnet']);
    const a = bundled('run', '--trace', PRESET);
    const b = await sources('run', '--trace', PRESET);
    expect(a.code).toBe(0);
    expect(a.stdout.trimEnd()).toBe(b.stdout);
    expect(a.stdout).toContain('"hash":"0x');
  });

  it('reads the templates file, and ignores one from another build or a broken one', async () => {
    const original = readFileSync(templates, 'utf8');
    const expected = (await sources('run', '--json', PRESET)).stdout;
    try {
      // A template with this build's id is trusted as it is: an altered deployment address shows in the world.
      const file = JSON.parse(original) as { build: string; templates: { addresses: { lst: string } }[] };
      for (const t of file.templates) t.addresses.lst = '0x000000000000000000000000000000000000dEaD';
      writeFileSync(templates, JSON.stringify(file));
      const altered = bundled('run', '--json', PRESET);
      expect(altered.stdout.trimEnd()).not.toBe(expected);

      writeFileSync(templates, JSON.stringify({ ...file, build: 'another build' }));
      const foreign = bundled('run', '--json', PRESET);
      expect(foreign.code).toBe(0);
      expect(foreign.stdout.trimEnd()).toBe(expected);

      writeFileSync(templates, original.slice(0, 1000));
      const broken = bundled('run', '--json', PRESET);
      expect(broken.code).toBe(0);
      expect(broken.stdout.trimEnd()).toBe(expected);
    } finally {
      writeFileSync(templates, original);
    }
  });

  it('refuses a missing file with the same message and exit code', async () => {
    const a = bundled('run', 'no/such/file.json');
    const b = await sources('run', 'no/such/file.json');
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toBe(b.stderr.trim());
  });
});
