// Model-based testing of a lesson against the real chain (the pattern of xstate's dieHard test: the machine
// is the model, the chain is the system under test).
//
// 1. A walk-through plays the lesson as a learner who takes each step's wrong action first, then "show me":
//    every event the machine received is recorded with the state it met, worlds and all.
// 2. xstate/graph traverses the machine with those recorded events (its shortest paths to every state, and
//    its simple paths to the end), so every path is made of moves a learner can make.
// 3. Each path is replayed from the lesson's start on the chain: an ACTED event performs its step for real
//    and the real machine must reach the state the model reached, with the chain agreeing with its context
//    (the state's `holds`).
import { describe, expect, it } from 'vitest';
import { getStateNodes, serializeSnapshot, TestModel } from 'xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { ActedEvent, LessonEvent } from '../../src/engine/lesson-kit.ts';
import { loadLesson, lessonSource, type Lesson } from '../../src/engine/lessons.ts';
import { Session } from '../../src/engine/session.ts';
import type { Cursor } from '../../src/engine/session-types.ts';
import { LessonDriver, metaOf, stateId } from './driver.ts';

export interface LessonModel {
  lesson: Lesson;
  session: Session;
  /** Events seen in each state during the walk-through. */
  recorded: Map<string, LessonEvent[]>;
  /** States the walk-through passed, in order. */
  walk: string[];
  /** Where the lesson starts: after its scenario's steps. */
  start: Cursor;
  /** The recorded ACTED events of wrong actions (kept out of the simple paths, which would multiply). */
  wrong: Set<LessonEvent>;
}

const TRAVERSED = new Set(['NEXT', 'ANSWER', 'SKIP', 'ACTED', 'ANALYZE']);
const keep = (e: LessonEvent) => TRAVERSED.has(e.type) || e.type.startsWith('xstate.done.actor.');

/** Plays the lesson through once: wrong action, then "show me", at every action step. */
export async function walkLesson(id: string): Promise<LessonModel> {
  const lesson = await loadLesson(id);
  const session = await Session.load(lesson.scenario, lessonSource(id));
  const start = session.full().cursor;
  const d = new LessonDriver(session, lesson.machine);
  const walk: string[] = [];
  const recorded = new Map<string, LessonEvent[]>();
  const wrong = new Set<LessonEvent>();
  for (let i = 0; d.actor.getSnapshot().status !== 'done'; i++) {
    if (i > 200) throw new Error(`${id}: the walk-through did not end`);
    const at = d.state;
    walk.push(at);
    const meta = metaOf(lesson.machine, at);
    if (meta === undefined) throw new Error(`${id}: state ${at} has no meta (kind, show, choices)`);
    switch (meta.kind) {
      case 'read':
      case 'debrief':
        await d.send({ type: 'NEXT' });
        break;
      case 'predict':
      case 'quiz': {
        const first = meta.choices[0];
        if (first === undefined) throw new Error(`${id}: ${at} has no choices`);
        // Every answer is a move the traversal may take; the walk-through goes on with the first.
        for (const c of meta.choices.slice(1)) add(recorded, at, { type: 'ANSWER', choice: c.id });
        add(recorded, at, { type: 'SKIP' });
        await d.send({ type: 'ANSWER', choice: first.id });
        break;
      }
      case 'act': {
        if (meta.tryWrong !== undefined) {
          const back = d.cursor();
          for (const step of meta.tryWrong) wrong.add(await d.act(step));
          expect(d.state, `${id}: the wrong action of ${at} must not count`).toBe(at);
          const fb = (d.actor.getSnapshot().context as { feedback: { tone: string } | null }).feedback;
          expect(fb?.tone, `${id}: the wrong action of ${at} must be explained`).toBe('wrong');
          await d.moveTo(back);
        }
        await d.send({ type: 'SHOW' });
        expect(d.state, `${id}: "show me" in ${at} must complete the step`).not.toBe(at);
        break;
      }
      case 'analyze':
        await d.send({ type: 'ANALYZE' });
        break;
      case 'wait':
        throw new Error(
          `${id}: the walk-through stopped in ${at}, a waiting state that should pass by itself`,
        );
    }
  }
  for (const r of d.received) if (keep(r.event)) add(recorded, r.from, r.event);
  d.stop();
  return { lesson, session, recorded, walk, start, wrong };
}

function add(map: Map<string, LessonEvent[]>, state: string, e: LessonEvent) {
  const list = map.get(state) ?? [];
  if (!list.some((x) => x === e || JSON.stringify(x) === JSON.stringify(e))) list.push(e);
  map.set(state, list);
}

/**
 * The test model over the machine. TestModel itself rather than createTestModel: the latter refuses machines
 * that invoke (the analyzer's wait states do) and adds an empty event for every type a state handles, which
 * would send paths through events no learner can cause. Here the only moves are the recorded ones, and a
 * state is its snapshot (value and context), so a wrong action's explanation is a state of its own.
 */
export function testModel(m: LessonModel) {
  return new TestModel(m.lesson.machine, {
    serializeState: (snap) => serializeSnapshot(snap),
    serializeEvent: (e) => JSON.stringify(e),
    // Every state runs the '*' check (the fallback when no key matches).
    stateMatcher: () => false,
    events: (snap) => m.recorded.get(stateId(snap as AnyMachineSnapshot)) ?? [],
  });
}

/** The ids of every state of the machine (atomic and final), as lesson.md names them. */
export function allStates(machine: AnyStateMachine): string[] {
  return getStateNodes(machine.root)
    .filter((n) => n.type === 'atomic' || n.type === 'final')
    .map((n) => n.key);
}

type TestPath = ReturnType<ReturnType<typeof testModel>['getShortestPaths']>[number];

/** Replays a model path on the real chain from the lesson's start. */
export async function replayPath(m: LessonModel, path: TestPath): Promise<void> {
  const d = new LessonDriver(m.session, m.lesson.machine);
  await d.moveTo(m.start);
  const check = (snap: { value: unknown; context: unknown }) => {
    const at = stateId(snap);
    expect(d.state).toBe(at);
    const model = snap.context as { answers: unknown };
    const real = d.actor.getSnapshot().context as { answers: unknown };
    expect(real.answers).toEqual(model.answers);
    const holds = metaOf(m.lesson.machine, at)?.holds;
    if (holds !== undefined) expect(holds(d.world, real as never), `${at} holds`).toBeNull();
  };
  const params: Parameters<TestPath['test']>[0] = {
    events: {
      NEXT: ({ event }) => d.send(event),
      ANSWER: ({ event }) => d.send(event),
      SKIP: ({ event }) => d.send(event),
      // The analysis runs while the model sits in its waiting state; its done event waits for the verdict.
      ANALYZE: ({ event }) => void d.actor.send(event),
      ACTED: ({ event }) => d.act((event as ActedEvent).step).then(() => undefined),
    },
    states: { '*': check },
  };
  const doneEvents = new Set(
    path.steps.map((s) => s.event.type).filter((t) => t.startsWith('xstate.done.actor.')),
  );
  for (const t of doneEvents) (params.events as Record<string, unknown>)[t] = () => d.drain();
  await path.test(params);
  d.stop();
}

/** A path in a learner's words: NEXT → lst.stake → ANSWER same → … */
export function describePath(path: TestPath): string {
  return path.steps
    .slice(1)
    .map(({ event: e }) =>
      e.type === 'ACTED'
        ? `${(e as ActedEvent).step.action}${(e as ActedEvent).ok ? '' : ' (refused)'}`
        : e.type === 'ANSWER'
          ? `ANSWER ${(e as { choice: string }).choice}`
          : e.type.startsWith('xstate.done.actor.')
            ? 'verdict'
            : e.type,
    )
    .join(' → ');
}

/**
 * The model-based suite of one lesson: the walk-through, every state reachable, and every shortest path
 * (one per distinct state and context, wrong actions included) and simple path to the end (every way of
 * answering the questions) replayed on the chain.
 */
export function describeLessonModel(id: string, expectedWalk: string[]): void {
  describe(`lesson ${id} against the chain`, async () => {
    const m = await walkLesson(id);
    const model = testModel(m);
    const shortest = model.getShortestPaths();
    const simple = model.getSimplePaths({
      toState: (s) => s.status === 'done',
      filterEvents: (_, e) => !m.wrong.has(e),
    });

    it('the walk-through passes every step in order', () => {
      expect(m.walk).toEqual(expectedWalk);
    });

    it('every state is reachable and the lesson can be completed', () => {
      const reached = new Set(
        shortest.flatMap((p) => [...p.steps.map((s) => stateId(s.state)), stateId(p.state)]),
      );
      expect([...reached].sort()).toEqual(allStates(m.lesson.machine).sort());
      expect(simple.length).toBeGreaterThan(0);
    });

    for (const path of shortest) it(`shortest: ${describePath(path)}`, () => replayPath(m, path));
    for (const path of simple) it(`simple: ${describePath(path)}`, () => replayPath(m, path));
  });
}
