// One limit for history steps everywhere: loading, acting, saving, reloading and importing.
import { describe, expect, it } from 'vitest';
import { getPreset } from '../protocol/scenarios/index.ts';
import { Host } from './host.ts';
import { MAX_STEPS } from './input-limits.ts';
import { KEYS, memoryStore } from './store.ts';

const playground = getPreset('playground')?.json as { steps: unknown[] };
const withSteps = (n: number) => ({
  ...playground,
  steps: [
    ...playground.steps,
    ...Array.from({ length: n - playground.steps.length }, () => ({ action: 'chain.advance', blocks: 1 })),
  ],
});

describe('Host: the step limit', () => {
  it(`a ${MAX_STEPS}-step sandbox refuses step ${MAX_STEPS + 1}, and reloads with every step`, async () => {
    const store = memoryStore();
    const host = new Host(store);
    await host.start();
    const loaded = await host.loadScenario(withSteps(MAX_STEPS), 'file long.json');
    expect(loaded.ok).toBe(true);
    const more = await host.act({ action: 'chain.advance', blocks: 1 });
    expect(more.ok === false && more.problem.message).toMatch(
      /already holds 5,000 steps, the most a sandbox holds/,
    );
    // Acting after an undo would fork a branch: also one step too many.
    await host.undo();
    const fork = await host.act({ action: 'chain.advance', blocks: 2 });
    expect(fork.ok).toBe(false);
    // A reload (no image: the slow path) brings back every step. A move's save follows its answer in a task
    // of its own; a page reloads after that task has run.
    await host.flush();
    store.data.delete(KEYS.image);
    const again = new Host(store);
    const r = await again.start();
    expect(r.notice).toBeNull();
    expect(again.startedFrom).toBe('replay');
    expect(r.update.nodes).toHaveLength(MAX_STEPS);
    // playground ends at block 1000040; 4980 more one-block advances, then the undo.
    expect(r.update.world.block).toBe(String(1_000_040 + MAX_STEPS - 20 - 1));
    // A session file one step longer is refused before any replay, naming the limit.
    const doc = again.exportSession() as { nodes: { id: number; parent: number | null; step: unknown }[] };
    const last = doc.nodes.at(-1);
    const longer = {
      ...doc,
      nodes: [...doc.nodes, { id: MAX_STEPS + 1, parent: last?.id ?? null, step: last?.step }],
    };
    const refused = await again.importSession(longer);
    expect(refused.ok === false && refused.problem.message).toMatch(
      /the saved session has 5,001 steps; a sandbox holds at most 5,000/,
    );
  }, 240_000);

  it('refuses a scenario with more steps at once, whatever its steps say', async () => {
    const host = new Host(memoryStore());
    await host.start();
    const typos = { ...playground, steps: Array.from({ length: 100_000 }, () => ({ action: 'lst.stakee' })) };
    const r = await host.loadScenario(typos, 'file typos.json');
    expect(r.ok === false && r.problem.message).toBe(
      'the scenario has 100,000 steps; a sandbox holds at most 5,000 (export the session and start a new one from a scenario to go on).',
    );
  });
});
