// Everything around the lesson editor that is not layout: recording a range of the history into a draft,
// keeping the draft in the store after every edit (a reload reopens it where the teacher was), validating
// it, previewing it on a sandbox of its own, and offering lesson files opened from a link or an import.
// App.svelte owns the lesson on screen; it lends this class the way to play one (LessonHost).
import {
  compileLesson,
  lessonFileProblems,
  readLessonFile,
  readLessonFileLink,
  type LessonFileDraft,
} from '../../engine/lesson-file-api.ts';
import { recordLesson } from '../../engine/lesson-record.ts';
import type { Lesson } from '../../engine/lessons.ts';
import type { SandboxApp } from '../../engine/sandbox-app.svelte.ts';
import { shortTarget } from '../../engine/share-base.ts';
import { memoryStore, type KeyValueStore } from '../../engine/store.ts';
import type { World } from '../../protocol/world-types.ts';
import { DRAFT_FORMAT, type EditorDraft } from './draft.ts';
import { recordingProblems } from './expectations.ts';
import { wrongTryProblems } from './wrong-tries.ts';

import { CUSTOM_LESSON_KEY, DRAFT_KEY } from './keys.ts';

export { CUSTOM_LESSON_KEY, DRAFT_KEY };

export interface LessonHost {
  /** Opens a lesson on screen (replacing the one there); `custom` marks it as not built in. */
  play(lesson: Lesson, store: KeyValueStore, custom: boolean): Promise<boolean>;
  /** Closes the lesson on screen. */
  stop(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** A compiler's path-named problems (LessonFileError), else the error's message. */
function problemsOf(e: unknown): string[] {
  const problems: unknown = e instanceof Error ? (e as unknown as { problems?: unknown }).problems : null;
  return Array.isArray(problems) ? problems.map(String) : [`the lesson could not be compiled: ${message(e)}`];
}

function readDraft(text: unknown): { draft: EditorDraft; editing: boolean } | null {
  try {
    const saved = JSON.parse(String(text)) as { draft?: Partial<EditorDraft>; editing?: unknown };
    const d = saved.draft;
    if (
      d?.format !== DRAFT_FORMAT ||
      typeof d.file !== 'object' ||
      d.file === null ||
      !Array.isArray(d.file.steps) ||
      !Array.isArray(d.worlds) ||
      typeof d.recorded !== 'object' ||
      d.recorded === null
    )
      return null;
    return { draft: d as EditorDraft, editing: saved.editing === true };
  } catch {
    return null;
  }
}

export class LessonStudio {
  draft = $state.raw<EditorDraft | null>(null);
  /** The editor is on screen (instead of the sandbox). */
  editing = $state(false);
  /** The validator's messages about the draft's file, path-named. */
  problems = $state.raw<string[]>([]);
  /** A preview of the draft is playing; the editor comes back when it ends. */
  previewing = $state(false);
  /** A lesson file opened from a link or an import, waiting for "Play this lesson". */
  offer = $state.raw<{ file: LessonFileDraft; from: string } | null>(null);
  private checking = 0;

  constructor(
    private readonly app: SandboxApp,
    private readonly store: KeyValueStore,
    private readonly host: LessonHost,
  ) {}

  /** A reload: the saved draft comes back, and the editor with it if it was open. */
  async restore(): Promise<void> {
    const saved = await this.store.get(DRAFT_KEY);
    if (saved === undefined) return;
    const read = readDraft(saved);
    if (read === null) {
      this.app.notice = 'The saved lesson draft was damaged and could not be reopened.';
      return;
    }
    this.draft = read.draft;
    this.editing = read.editing;
    await this.check();
  }

  /** Makes a draft of steps `first`..`last` of the current branch and opens the editor on it. */
  async record(first: number, last: number): Promise<boolean> {
    const s = this.app.session;
    if (s === null || this.app.busy) return false;
    const scenario = (await this.app.worker.exportScenario(true)) as { steps?: unknown[] };
    const all = Array.isArray(scenario.steps) ? scenario.steps.length : 0;
    const target = await shortTarget(scenario, s.source, 0);
    const base = target.kind === 'steps' ? { ...target.base, steps: all - target.steps.length } : null;
    const labels = this.app.path.map((id) => s.nodes[id]?.label ?? '');
    const recorded = recordLesson({ scenario, labels, base, first, last, title: s.title });
    if (!recorded.ok) {
      this.app.problem = { kind: 'invalid', message: `No lesson was made: ${recorded.message}.` };
      this.app.problemFrom = 'other';
      return false;
    }
    const worlds = await this.worldsAlong(first, last);
    if (worlds === null) {
      this.app.problem = {
        kind: 'error',
        message: 'No lesson was made: the history could not be read step by step.',
      };
      this.app.problemFrom = 'other';
      return false;
    }
    await this.change({ format: DRAFT_FORMAT, file: recorded.file, worlds, recorded: recorded.offsets });
    this.editing = true;
    await this.save();
    return true;
  }

  /**
   * The world before every recorded step and after the last, read by walking the history there and back
   * (moves are snapshot restores; the sandbox ends where it was).
   */
  private async worldsAlong(first: number, last: number): Promise<World[] | null> {
    const back = this.app.session?.cursor;
    if (back === undefined) return null;
    const worlds: World[] = [];
    try {
      for (let p = first - 1; p <= last; p++) {
        if (!(await this.app.gotoPosition(p))) return null;
        const w = this.app.session?.world;
        if (w === undefined) return null;
        worlds.push(w);
      }
      return worlds;
    } finally {
      await this.app.goto(back);
    }
  }

  /** An edit: kept at once (memory and store), then checked. */
  async change(d: EditorDraft): Promise<void> {
    this.draft = d;
    void this.save();
    await this.check();
  }

  private async check(): Promise<void> {
    const d = this.draft;
    if (d === null) return;
    const run = ++this.checking;
    let problems: string[];
    try {
      problems = await lessonFileProblems(d.file);
      // A valid file is then held to its own recording: each expectation must hold where its step appears.
      // And a wrong try must stay wrong under its step's rule.
      if (problems.length === 0) problems = [...recordingProblems(d), ...wrongTryProblems(d)];
    } catch (e) {
      problems = [`the lesson could not be checked: ${message(e)}`];
    }
    if (run === this.checking) this.problems = problems;
  }

  private async save(): Promise<void> {
    if (this.draft === null) return;
    await this.store.set(DRAFT_KEY, JSON.stringify({ draft: this.draft, editing: this.editing }));
  }

  open(): void {
    if (this.draft === null) return;
    this.editing = true;
    void this.save();
  }

  close(): void {
    this.editing = false;
    void this.save();
  }

  async discard(): Promise<void> {
    this.draft = null;
    this.editing = false;
    this.problems = [];
    await this.store.del(DRAFT_KEY);
  }

  /** Plays the draft as a learner would, on a sandbox of its own; its progress is not saved. */
  async preview(): Promise<boolean> {
    const d = this.draft;
    if (d === null || this.problems.length > 0) return false;
    let lesson: Lesson;
    try {
      lesson = await compileLesson(d.file);
    } catch (e) {
      // The compiler's problems are path-named like the validator's: shown next to their steps.
      this.problems = problemsOf(e);
      return false;
    }
    this.editing = false;
    this.previewing = true;
    // A store that forgets: a preview's progress must not replace a learner's saved lesson.
    if (await this.host.play(lesson, memoryStore(), true)) return true;
    this.previewing = false;
    this.editing = true;
    return false;
  }

  /** Ends the preview: the lesson closes, the teacher's sandbox comes back, and so does the editor. */
  async endPreview(): Promise<void> {
    if (!this.previewing) return;
    await this.host.stop();
    if (this.app.previousAvailable) await this.app.restorePrevious();
    this.previewing = false;
    this.editing = true;
    void this.save();
  }

  /** A `#lf=` link: offered to the learner, or refused with its messages (nothing changes). */
  async offerLink(fragment: string): Promise<boolean> {
    const read = await readLessonFileLink(fragment);
    if (read === null) return false;
    if (!read.ok) this.refuse('The lesson link', read.problems);
    else this.offer = { file: read.file, from: 'a link' };
    return true;
  }

  /** An imported file that says it is a lesson@1 file. */
  async offerFile(json: unknown, name: string): Promise<void> {
    const read = await readLessonFile(json);
    if (!read.ok) this.refuse(`The lesson file ${name}`, read.problems);
    else this.offer = { file: read.file, from: `the file ${name}` };
  }

  private refuse(what: string, problems: readonly string[]): void {
    const listed = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    this.app.problem = {
      kind: 'invalid',
      message: `${what} cannot be opened: ${listed}${more}. Nothing was changed.`,
    };
    this.app.problemFrom = 'other';
  }

  /** "Play this lesson": compiled, kept in the store (so a reload resumes it), then played. */
  async playOffer(): Promise<boolean> {
    const o = this.offer;
    if (o === null) return false;
    this.offer = null;
    let lesson: Lesson;
    try {
      lesson = await compileLesson(o.file);
    } catch (e) {
      this.refuse(`The lesson from ${o.from}`, problemsOf(e));
      return false;
    }
    await this.store.set(CUSTOM_LESSON_KEY, JSON.stringify(o.file));
    return this.host.play(lesson, this.store, true);
  }

  /** The custom lesson saved progress names, compiled again from its kept file; null when it is not kept. */
  async keptLesson(id: string): Promise<Lesson | null> {
    const text = await this.store.get(CUSTOM_LESSON_KEY);
    if (text === undefined) return null;
    try {
      const read = await readLessonFile(JSON.parse(String(text)));
      if (!read.ok) return null;
      const lesson = await compileLesson(read.file);
      return lesson.doc.id === id ? lesson : null;
    } catch {
      return null;
    }
  }
}
