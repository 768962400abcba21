// A lesson played through headless on a Session, as a lesson link's walk-through plays it in the page
// (LessonRun.forward): Next on a read, skip a question, "show me" on an action, ask the analyzer; every step
// "show me" performs is acted in the session and told to the machine as ACTED with the worlds around it. The
// images build (default-image.ts) keeps what it performed, so a link's walk-through does not run it again.
import { createActor, fromPromise, waitFor, type AnyStateMachine } from 'xstate';
import type { World } from '../protocol/world-types.ts';
import type { AnalyzeInput, AnalyzeOutput, LessonEvent, StepMeta } from './lesson-kit.ts';
import type { StepJson } from './session-types.ts';
import type { Session } from './session.ts';

export type Analyzer = (world: World, input: AnalyzeInput) => Promise<AnalyzeOutput>;

/** The event a lesson link's walk-through sends in a step of this kind (LessonRun.forward). */
const FORWARD: Partial<Record<StepMeta['kind'], LessonEvent>> = {
  read: { type: 'NEXT' },
  debrief: { type: 'NEXT' },
  predict: { type: 'SKIP' },
  quiz: { type: 'SKIP' },
  act: { type: 'SHOW' },
  analyze: { type: 'ANALYZE' },
};

/**
 * Plays `machine` from its start to its end (or to a step it cannot pass) on `session`, at its cursor. The
 * states it passed, in order, the last one included.
 */
export async function walkThrough(
  session: Session,
  machine: AnyStateMachine,
  analyze: Analyzer,
): Promise<string[]> {
  let world = session.full().world;
  const queued: StepJson[] = [];
  const actor = createActor(
    machine.provide({
      actions: { perform: (_: unknown, params: { steps: StepJson[] }) => void queued.push(...params.steps) },
      actors: { analyze: fromPromise<AnalyzeOutput, AnalyzeInput>(({ input }) => analyze(world, input)) },
    }),
  );
  actor.start();
  const passed: string[] = [];
  try {
    for (let i = 0; i < 1000; i++) {
      const state = String(actor.getSnapshot().value);
      passed.push(state);
      if (actor.getSnapshot().status === 'done') return passed;
      const meta = machine.getStateNodeById(`${machine.id}.${state}`).meta as StepMeta | undefined;
      const event = meta === undefined ? undefined : FORWARD[meta.kind];
      if (event === undefined) return passed;
      actor.send(event);
      while (queued.length > 0) {
        const step = queued.shift() as StepJson;
        const before = world;
        const out = await session.act(step);
        if (out.ok) world = out.update.world;
        const error = out.ok ? null : (out.problem.explanation ?? out.problem.message);
        actor.send({ type: 'ACTED', step, ok: out.ok, error, before, after: world });
      }
      // An analysis in flight ends before the next event, as a learner waits for the verdict.
      await waitFor(actor, (s) => Object.keys(s.children).length === 0, { timeout: 120_000 });
      if (String(actor.getSnapshot().value) === state && actor.getSnapshot().status !== 'done') return passed;
    }
    return passed;
  } finally {
    actor.stop();
  }
}
