// The commands' time budgets and their input handling: a large network answered within a small budget with
// what was proved, a long scenario stopped with the world so far, progress on stderr, and files read the way
// the page reads them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'rs-budget-'));
const temp = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.map((l) => (l.endsWith('\n') ? l : `${l}\n`)).join('') };
}

/** 3000 validators, each on 3 of 10 services: far past enumeration, a real integer program. */
function largeNetwork() {
  const validators = Array.from({ length: 3000 }, (_, i) => ({
    id: `v${i}`,
    stake: String(10 + ((i * 7919) % 97)),
  }));
  const services = Array.from({ length: 10 }, (_, s) => ({ id: `s${s}`, profit: '4000', threshold: '1/3' }));
  const edges = validators.flatMap((v, i) => [0, 3, 7].map((k) => [v.id, `s${(i + k) % 10}`]));
  return {
    format: 'restaking-sandbox/network@1',
    title: 'large',
    stakeModel: 'shared',
    validators,
    services,
    edges,
  };
}

describe('analyze --budget', () => {
  it('answers a large network within a small budget with what it proved, says it is incomplete, exit 3', async () => {
    const file = temp('large.json', JSON.stringify(largeNetwork()));
    const started = performance.now();
    const r = await cli('analyze', '--json', '--budget', '0.2', file);
    // Building the graph and the first solver call take their time, but nothing like the unbudgeted minutes.
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(r.code).toBe(3);
    const a = JSON.parse(r.stdout) as {
      secure: boolean | null;
      incomplete: { why: string; budgetMs: number } | null;
      maxAttackNetProfitUpperBound: string;
      certificate: { verdict: string; notes: string[] };
    };
    expect(a.incomplete).toMatchObject({ why: 'time', budgetMs: 200 });
    expect(a.certificate.notes[0]).toMatch(/^Incomplete: the time budget of 0\.2 s ran out during /);
    // The exact bound is always there; the verdict is only as strong as what was proved.
    expect(a.maxAttackNetProfitUpperBound).toMatch(/^\d+(\/\d+)?$/);
    expect(a.secure === null ? a.certificate.verdict : 'decided').toMatch(/incomplete|decided/);
    expect(r.stderr).toMatch(/^analyze: bounds \(0\.\d s of 0\.2 s\)\n/);
    expect(r.stderr).toMatch(/analyze: Incomplete: /);
  }, 120_000);

  it('refuses a budget that is not a positive number of seconds', async () => {
    const r = await cli('analyze', '--budget', 'soon', 'x.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--budget takes a number of seconds above 0, not "soon"/);
  });

  it('lists the first 20 problems of a network and counts the rest', async () => {
    const net = largeNetwork();
    net.validators = net.validators.map((v) => ({ ...v, stake: 'lots' }));
    const r = await cli('analyze', temp('bad-net.json', JSON.stringify(net)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(3000 problem\(s\)\)/);
    expect(r.stderr).toMatch(/… and 2,980 more problems \(only the first 20 are listed\)\n$/);
    expect(r.stderr.length).toBeLessThan(5_000);
  });
});

describe('run --budget', () => {
  const example = JSON.parse(readFileSync('test/fixtures/scenarios/formats-example.json', 'utf8')) as {
    steps: unknown[];
  };

  it('stops a long scenario when the budget runs out, with the world so far and the next step, exit 3', async () => {
    const steps = [
      ...example.steps,
      // Real transactions: empty time advances alone now run 20,000 steps inside any small budget.
      ...Array.from({ length: 20_000 }, () => ({ action: 'lst.stake', by: 'alice', amount: '1 gwei' })),
    ];
    const file = temp('long.json', JSON.stringify({ ...example, steps }));
    const r = await cli('run', '--json', '--budget', '3', file);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^run: starting the chain with \d+ actors, then 20010 steps\n/);
    const stopped =
      /the time budget of 3 s ran out before step (\d+) of 20010; the world shown is (the start|after step \d+)/.exec(
        r.stderr,
      );
    expect(stopped).not.toBeNull();
    const world = JSON.parse(r.stdout) as { block: string };
    expect(world.block).toMatch(/^\d+$/);
  }, 120_000);

  it('stops while 20,000 actors are set up, before any step, exit 3', async () => {
    const actors = Array.from({ length: 20_000 }, (_, i) => ({ id: `s${i}`, role: 'staker', eth: '1 ETH' }));
    const file = temp('crowd.json', JSON.stringify({ ...example, actors, steps: [] }));
    const t0 = performance.now();
    const r = await cli('run', '--json', '--budget', '0.5', file);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^run: starting the chain with 20000 actors, then 0 steps\n/);
    expect(r.stderr).toMatch(
      /the time budget of 0\.5 s ran out while starting the chain: stopped while setting up the actors \((\d+) of 20000 funded\); no step was run/,
    );
    expect(r.stdout).toBe('');
    // Unbudgeted, setting up 20,000 actors runs for minutes; the template chain's deployment before them
    // is not interruptible but takes seconds.
    expect(performance.now() - t0).toBeLessThan(60_000);
  }, 120_000);
});

describe('run reads files as the page does', () => {
  it('accepts a UTF-8 byte order mark', async () => {
    const text = readFileSync('test/fixtures/scenarios/formats-example.json', 'utf8');
    const r = await cli('run', temp('bom.json', `\uFEFF${text}`));
    expect(r.code).toBe(0);
  }, 60_000);

  it('says that a session file is a session, not an invalid scenario', async () => {
    const r = await cli(
      'run',
      temp('s.json', JSON.stringify({ format: 'restaking-sandbox/session@1', nodes: [] })),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a saved session \(restaking-sandbox\/session@1\), not a scenario/);
  });

  it('refuses 10,000-level nesting with a message, not a stack overflow', async () => {
    const r = await cli('run', temp('deep.json', '['.repeat(10_000) + ']'.repeat(10_000)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nests lists and objects more than 32 levels deep/);
  });
});
