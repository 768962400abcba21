// A lesson on the real chain in Node, as the app runs it in the page: the machine as an actor with the
// engine's effects provided (perform acts in a Session, analyze runs the security analyzer), and every step
// sent back as an ACTED event with the worlds around it.
import { createActor, fromPromise, waitFor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { analyzeNetwork, toAnalysisJson } from '../../src/analysis/analyze.ts';
import { formatValidationError, validateNetwork } from '../../src/analysis/network.ts';
import type { AnalyzeInput, AnalyzeOutput, LessonEvent, StepMeta } from '../../src/engine/lesson-kit.ts';
import { Session } from '../../src/engine/session.ts';
import type { Cursor, StepJson } from '../../src/engine/session-types.ts';
import { networkFromWorld } from '../../src/protocol/network-from-world.ts';
import type { World } from '../../src/protocol/world-types.ts';

export async function analyzeInNode(world: World, input: AnalyzeInput): Promise<AnalyzeOutput> {
  const network = networkFromWorld(world, input.options);
  const checked = validateNetwork(network);
  if (!checked.ok) return { ok: false, problems: checked.errors.map(formatValidationError) };
  return { ok: true, network, analysis: toAnalysisJson(await analyzeNetwork(checked.network)) };
}

/** The leaf state's id (lesson machines are flat: one state per step). */
export const stateId = (snap: { value: unknown }): string =>
  typeof snap.value === 'string' ? snap.value : JSON.stringify(snap.value);

export function metaOf(machine: AnyStateMachine, id: string): StepMeta | undefined {
  return machine.getStateNodeById(`${machine.id}.${id}`).meta as StepMeta | undefined;
}

/** A lesson actor driven against a Session: events go in, chain steps come back as ACTED events. */
export class LessonDriver {
  actor: AnyActorRef;
  world: World;
  private queued: StepJson[] = [];
  /** Every event the actor received, in order (the analyzer's done events too), with the state it met. */
  received: { from: string; event: LessonEvent }[] = [];

  constructor(
    readonly session: Session,
    machine: AnyStateMachine,
  ) {
    this.world = session.full().world;
    const provided = machine.provide({
      actions: { perform: (_: unknown, params: { steps: StepJson[] }) => this.queued.push(...params.steps) },
      actors: {
        analyze: fromPromise<AnalyzeOutput, AnalyzeInput>(({ input }) => analyzeInNode(this.world, input)),
      },
    });
    this.actor = createActor(provided, {
      inspect: (e) => {
        if (
          e.type === '@xstate.event' &&
          e.actorRef === this.actor &&
          !e.event.type.startsWith('xstate.init')
        )
          this.received.push({ from: this.state, event: e.event as LessonEvent });
      },
    });
    this.actor.start();
  }

  get state(): string {
    return stateId(this.actor.getSnapshot());
  }

  cursor(): Cursor {
    return this.session.full().cursor;
  }

  /** Performs one step on the chain and tells the machine, as the app does after the learner acts. */
  async act(step: StepJson): Promise<Extract<LessonEvent, { type: 'ACTED' }>> {
    const before = this.world;
    const out = await this.session.act(step);
    if (out.ok) this.world = out.update.world;
    const event: LessonEvent = {
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

  async send(event: LessonEvent): Promise<void> {
    this.actor.send(event);
    await this.drain();
  }

  /** Steps the machine asked for ("show me") run one after another, each reported back. */
  async drain(): Promise<void> {
    while (this.queued.length > 0) await this.act(this.queued.shift() as StepJson);
    // An analysis in flight ends before the next event, as a learner waits for the verdict.
    await waitFor(this.actor, (s) => Object.keys(s.children).length === 0, { timeout: 60_000 });
  }

  /** Moves the chain back to a cursor (a lesson step's snapshot) without telling the machine. */
  async moveTo(cursor: Cursor): Promise<void> {
    this.world = (await this.session.goto(cursor)).world;
  }

  stop(): void {
    this.actor.stop();
  }
}
