import { describe, expect, it } from 'vitest';
import type { LessonFileDraft } from '../../engine/lesson-file-api.ts';
import type { SandboxApp } from '../../engine/sandbox-app.svelte.ts';
import { memoryStore } from '../../engine/store.ts';
import { DRAFT_FORMAT, type EditorDraft } from './draft.ts';
import { DRAFT_KEY, LessonStudio } from './studio.svelte.ts';

const file: LessonFileDraft = {
  format: 'restaking-sandbox/lesson@1',
  title: 'Bob restakes',
  start: { preset: 'playground' },
  steps: [
    { id: 'intro', kind: 'read', title: 'Intro', prose: 'Hello.' },
    {
      id: 'step1',
      kind: 'act',
      title: 'Stake',
      prose: 'Stake.',
      action: { action: 'lst.stake', by: 'bob', amount: '4 ETH' },
    },
    { id: 'end', kind: 'debrief', title: 'End', prose: 'Done.' },
  ],
};
const draft: EditorDraft = { format: DRAFT_FORMAT, file, worlds: [], recorded: {} };
const host = { play: async () => true, stop: async () => {} };

function studio() {
  const app = { notice: null, problem: null, problemFrom: 'other' } as unknown as SandboxApp;
  const store = memoryStore();
  return { app, store, studio: new LessonStudio(app, store, host) };
}

describe('the lesson draft in the store', () => {
  it('is saved on every edit and comes back after a reload, editor open as it was', async () => {
    const a = studio();
    await a.studio.change(draft);
    a.studio.open();
    await a.studio.change({ ...draft, file: { ...file, title: 'Renamed' } });
    const b = new LessonStudio(a.app, a.store, host);
    await b.restore();
    expect(b.draft?.file.title).toBe('Renamed');
    expect(b.editing).toBe(true);
    expect(b.problems).toEqual([]);
  });

  it('checks the draft with the validator, naming the path of what is wrong', async () => {
    const a = studio();
    await a.studio.change({ ...draft, file: { ...file, title: '' } });
    expect(a.studio.problems).toEqual([expect.stringMatching(/^title: /)]);
  });

  it('reports a damaged saved draft instead of opening half of it', async () => {
    const a = studio();
    await a.store.set(DRAFT_KEY, JSON.stringify({ draft: { format: DRAFT_FORMAT, file: null } }));
    await a.studio.restore();
    expect(a.studio.draft).toBeNull();
    expect(a.app.notice).toMatch(/damaged/);
  });

  it('is gone once discarded', async () => {
    const a = studio();
    await a.studio.change(draft);
    await a.studio.discard();
    expect(await a.store.get(DRAFT_KEY)).toBeUndefined();
    expect(a.studio.draft).toBeNull();
  });

  it('refuses a broken lesson link with its problems and offers nothing', async () => {
    const a = studio();
    expect(await a.studio.offerLink('#lf=%%%')).toBe(true);
    expect(a.studio.offer).toBeNull();
    expect((a.app.problem as { message: string } | null)?.message).toMatch(/\(link\).*Nothing was changed/s);
    expect(await a.studio.offerLink('#preset=playground')).toBe(false);
  });
});
