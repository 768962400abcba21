// A compiled lesson file in the lesson runtime, on an in-process chain: its narration is performed on Next
// through the runtime's own `perform` and recorded as a step, so Back puts the chain before it.
import { describe, expect, it } from 'vitest';
import type { ChainClient } from './chain-client.ts';
import { Host } from './host.ts';
import { compileLessonFile } from './lesson-file-compile.ts';
import { fiveStepLesson } from './lesson-file-testing.ts';
import { LessonRun } from './lesson-run.svelte.ts';
import { SandboxApp } from './sandbox-app.svelte.ts';
import { memoryStore } from './store.ts';

/** The worker's API, in process: only what a lesson without the analyzer uses. */
function inProcess(host: Host): ChainClient {
  const api = {
    start: () => host.start(),
    // A page opened without a link: the worker opens the saved or default sandbox itself.
    linkFirst: async () => null,
    presets: async () => host.presets(),
    loadPreset: (id: string) => host.loadPreset(id),
    loadScenario: (json: unknown, source: string) => host.loadScenario(json, source),
    act: host.act.bind(host),
    goto: host.goto.bind(host),
    series: async () => [],
    restorePrevious: () => host.restorePrevious(),
    undo: () => host.undo(),
    redo: () => host.redo(),
  };
  return api as unknown as ChainClient;
}

describe('a lesson file in the lesson runtime', () => {
  it('performs a narration on Next, records it as a step, and Back puts the chain before it', async () => {
    const file = fiveStepLesson();
    file.steps[0] = { ...file.steps[0]!, kind: 'read', narration: { action: 'chain.advance', blocks: 10 } };
    const app = new SandboxApp(inProcess(new Host(memoryStore())));
    await app.start('');
    const run = new LessonRun(app, await compileLessonFile(file), memoryStore());
    expect(await run.restart()).toBe(true);
    expect(run.state).toBe('intro');
    expect(run.lesson.doc.custom).toEqual({ author: 'Ms Rivera' });
    const block = BigInt(app.session?.world.block ?? '0');
    run.next();
    await run.idle();
    expect(run.state).toBe('stake');
    expect(BigInt(app.session?.world.block ?? '0') - block).toBe(10n);
    expect(run.context.feedback).toBeNull();
    expect(await run.back()).toBe(true);
    expect(run.state).toBe('intro');
    expect(BigInt(app.session?.world.block ?? '0')).toBe(block);
    // "Show me" and the checks run as in a built-in lesson.
    run.next();
    await run.idle();
    run.show();
    await run.idle();
    expect(run.state).toBe('guess');
  });
});
