// The dry run of a lesson file, headless: the checks that need the chain. The compiled machine is played by
// a learner who does exactly what the teacher recorded, on a real in-process chain: every narration is
// performed on Next, every act step's recorded action is taken and must pass the step's own check (and its
// `tryWrong`, when given, must not, and must be explained), and every prediction must have a defined truth
// when the action that judges it lands (its value exists; for a value question, one choice is the value),
// and every read step's and the debrief's expectations must hold when the step appears.
import { createActor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import {
  worldValue,
  type ActedEvent,
  type LessonContext,
  type LessonEvent,
  type World,
} from './lesson-kit.ts';
import { LessonFileError, compileLessonFile, type LessonScenarios } from './lesson-file-compile.ts';
import type { Expectation, LessonFile, PredictStep } from './lesson-file.ts';
import { expectationWords, shown, unmet, watched, type RecordedValues } from './lesson-file-rules.ts';
import { Session, SessionError } from './session.ts';
import type { StepJson } from './session-types.ts';
import { stepLabel } from './step-label.ts';

export interface DryRun {
  /** Path-named problems; empty when the lesson plays through. */
  problems: string[];
  /** One line per step, what happened: for the report of `lesson check`. */
  lines: string[];
}

/** A compiled lesson's machine on a chain: steps it asks for (narration, "show me") are acted at once. */
class Player {
  actor: AnyActorRef;
  world: World;
  private queued: StepJson[] = [];

  constructor(
    readonly session: Session,
    machine: AnyStateMachine,
  ) {
    this.world = session.full().world;
    const m = machine.provide({
      actions: { perform: (_: unknown, p: { steps: StepJson[] }) => this.queued.push(...p.steps) },
    });
    this.actor = createActor(m);
    this.actor.start();
  }

  get state(): string {
    return String(this.actor.getSnapshot().value);
  }

  get context(): LessonContext & RecordedValues {
    return this.actor.getSnapshot().context as LessonContext & RecordedValues;
  }

  async act(step: StepJson): Promise<ActedEvent> {
    const before = this.world;
    const out = await this.session.act(step);
    if (out.ok) this.world = out.update.world;
    const event: ActedEvent = {
      type: 'ACTED',
      step,
      ok: out.ok,
      error: out.ok ? null : (out.problem.explanation ?? out.problem.message),
      before,
      after: this.world,
    };
    this.actor.send(event);
    await this.drain();
    return event;
  }

  async send(e: LessonEvent): Promise<ActedEvent[]> {
    this.actor.send(e);
    return this.drain();
  }

  private async drain(): Promise<ActedEvent[]> {
    const done: ActedEvent[] = [];
    while (this.queued.length > 0) done.push(await this.act(this.queued.shift() as StepJson));
    return done;
  }
}

/** Each expectation of a step checked against the chain as the step appears: a problem or a line each. */
function checkExpectations(
  expect: readonly Expectation[] | undefined,
  at: string,
  p: Player,
  problems: string[],
  lines: string[],
): void {
  (expect ?? []).forEach((x, j) => {
    const why = unmet(x, p.world, p.context);
    if (why === null) lines.push(`${at}.expect[${j}]: ${x.label} ${expectationWords(x)}, as expected`);
    else problems.push(`${at}.expect[${j}]: ${why}`);
  });
}

const refusal = (e: ActedEvent) => `the chain refused ${e.step.action}: ${e.error ?? 'it reverted'}`;

/** Plays a lesson file through as its recording; the problems say which step failed, and why. */
export async function dryRunLessonFile(file: LessonFile, lessons?: LessonScenarios): Promise<DryRun> {
  const lines: string[] = [];
  let lesson;
  try {
    lesson = await compileLessonFile(file, lessons === undefined ? {} : { lessons });
  } catch (e) {
    if (e instanceof LessonFileError) return { problems: e.problems, lines };
    throw e;
  }
  let session: Session;
  try {
    session = await Session.load(lesson.scenario, 'lesson-check');
  } catch (e) {
    if (e instanceof SessionError) return { problems: [`start: ${e.message}`], lines };
    throw e;
  }
  const p = new Player(session, lesson.machine);
  const problems: string[] = [];
  let pending: { step: PredictStep; at: number }[] = [];
  for (const [i, s] of file.steps.entries()) {
    const at = `steps[${i}]`;
    if (p.state !== s.id) {
      problems.push(
        `${at}: the lesson is in step "${p.state}" instead of "${s.id}" (an earlier step went wrong)`,
      );
      break;
    }
    // Expectations are of the chain as the step appears; their lines follow the step's own.
    const expected: string[] = [];
    if (s.kind === 'read' || s.kind === 'debrief') checkExpectations(s.expect, at, p, problems, expected);
    if (problems.length > 0) break;
    if (s.kind === 'read') {
      const acted = await p.send({ type: 'NEXT' });
      const e = acted[0];
      if (s.narration !== undefined && e !== undefined && !e.ok)
        problems.push(`${at}.narration: ${refusal(e)}`);
      lines.push(
        `${at} ${s.id}: read${s.narration === undefined ? '' : `, performs ${stepLabel(s.narration)}`}`,
      );
    } else if (s.kind === 'predict') {
      pending.push({ step: s, at: i });
      await p.send({ type: 'ANSWER', choice: s.answer.type === 'value' ? 'c0' : 'same' });
      lines.push(`${at} ${s.id}: asks about ${s.watch.label}`);
    } else if (s.kind === 'act') {
      if (s.tryWrong !== undefined) {
        const back = session.full().cursor;
        await p.act(s.tryWrong);
        if (p.state !== s.id)
          problems.push(`${at}.tryWrong: it counts for the step; a wrong action must not`);
        else if (p.context.feedback?.tone !== 'wrong') problems.push(`${at}.tryWrong: it is not explained`);
        p.world = (await session.goto(back)).world;
      }
      const e = await p.act(s.action);
      if (!e.ok) problems.push(`${at}.action: ${refusal(e)}`);
      else if (p.state === s.id)
        problems.push(`${at}.action: the recorded action does not pass the step's own check`);
      lines.push(`${at} ${s.id}: ${stepLabel(s.action)} ${e.ok ? 'landed' : 'was refused'}`);
      for (const q of pending) {
        const where = `steps[${q.at}]`;
        const w = watched(q.step, e);
        if (e.ok && worldValue(e.after, q.step.watch.path) === null)
          problems.push(
            `${where}.watch.path: the world has no value at ${q.step.watch.path.join('.')} after ${at}'s action`,
          );
        else if (w.truth === null)
          problems.push(
            `${where}.answer.choices: none is ${shown(q.step.watch.path, w.after)}, the value after ${at}'s action`,
          );
        else
          lines.push(
            `${where} ${q.step.id}: the truth is "${w.truth}" (${shown(q.step.watch.path, w.before)} → ${shown(q.step.watch.path, w.after)})`,
          );
      }
      pending = [];
    } else if (p.actor.getSnapshot().status !== 'done') problems.push(`${at}: the lesson does not end here`);
    else lines.push(`${at} ${s.id}: the debrief; the lesson ends`);
    lines.push(...expected);
    if (problems.length > 0) break;
  }
  p.actor.stop();
  return { problems, lines };
}
