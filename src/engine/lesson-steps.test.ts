import { describe, expect, it } from 'vitest';
import { assign, createActor, setup } from 'xstate';
import {
  actStep,
  analyzePlaceholder,
  debriefStep,
  direction,
  initialLessonContext,
  landed,
  lessonEffects,
  predictStep,
  readStep,
  worldDirection,
  worldValue,
  type ActedEvent,
  type LessonContext,
  type LessonEvent,
  type StepJson,
  type StepMeta,
  type World,
} from './lesson-kit.ts';

// A toy chain: the only fact is alice's stETH deposit shares, as a world@1 decimal string.
const worldWith = (shares: string | null, block = '1') =>
  ({
    block,
    stakers: shares === null ? {} : { alice: { strategies: { stETH: { depositShares: shares } } } },
  }) as unknown as World;
const PATH = ['stakers', 'alice', 'strategies', 'stETH', 'depositShares'];
const shares = (w: World) => worldValue(w, PATH) ?? 0n;

const DEPOSIT: StepJson[] = [{ action: 'strategy.deposit', by: 'alice', strategy: 'stETH', amount: '1 ETH' }];
const CHOICES = [
  { id: 'more', label: 'They grow' },
  { id: 'same', label: 'They stay' },
  { id: 'fewer', label: 'They shrink' },
];

interface Context extends LessonContext {
  deposited: string | null;
  /** Refreshed by every action the act step sees. */
  lastBlock: string | null;
}

const machine = setup({
  types: { context: {} as Context, events: {} as LessonEvent, meta: {} as StepMeta<Context> },
  actors: { analyze: analyzePlaceholder },
  actions: { ...lessonEffects },
}).createMachine({
  id: 'lesson',
  context: () => ({ ...initialLessonContext(), deposited: null, lastBlock: null }),
  initial: 'intro',
  states: {
    intro: readStep<Context>({ next: 'guess' }),
    guess: predictStep<Context>({ question: 'guess', choices: CHOICES, next: 'deposit' }),
    deposit: actStep<Context>({
      show: DEPOSIT,
      tryWrong: [{ action: 'lst.stake', by: 'alice', amount: '1 ETH' }],
      holds: (w) => (shares(w) === 0n ? null : 'alice has deposited already'),
      counts: (e) => landed(e, 'strategy.deposit', 'alice') && shares(e.after) > shares(e.before),
      target: 'end',
      judges: { question: 'guess', choices: CHOICES, truth: (e) => worldDirection(e, PATH) ?? 'same' },
      says: (e) => `Alice holds ${shares(e.after)} shares.`,
      then: (e) => ({ deposited: String(shares(e.after)) }),
      also: [
        {
          counts: (e) => landed(e, 'strategy.depositAll', 'alice'),
          target: 'end',
          says: () => 'All in at once.',
        },
        // Part of the step: approving stays, with a note.
        { counts: (e) => landed(e, 'token.approve', 'alice'), says: () => 'Approved.', tone: 'info' },
      ],
      wanted: 'Deposit stETH as alice.',
      otherwise: [
        { when: (e) => landed(e, 'lst.stake'), say: () => 'That staked ETH; this step deposits stETH.' },
      ],
      track: (e) => ({ lastBlock: e.after.block }),
    }),
    end: debriefStep<Context>({ holds: (w, c) => (String(shares(w)) === c.deposited ? null : 'moved') }),
  },
});

// A machine whose SHOW depends on the context, and whose question clears feedback when skipped.
const named = setup({
  types: { context: {} as Context, events: {} as LessonEvent, meta: {} as StepMeta<Context> },
  actions: {
    ...lessonEffects,
    note: assign({ feedback: { tone: 'info' as const, text: 'a note' } }),
  },
}).createMachine({
  id: 'lesson',
  context: () => ({ ...initialLessonContext(), deposited: '7', lastBlock: null }),
  initial: 'ask',
  states: {
    ask: {
      ...predictStep<Context>({ question: 'ask', choices: CHOICES, next: 'act', skipClears: true }),
      entry: 'note',
    },
    act: actStep<Context>({
      show: DEPOSIT,
      perform: (c) => [{ ...DEPOSIT[0]!, amount: `${c.deposited ?? '0'} ETH` }],
      counts: () => false,
      target: 'act',
      wanted: (e) => `Not ${e.step.action}.`,
    }),
  },
});

const acted = (step: StepJson, before: World, after: World, ok = true, error: string | null = null) =>
  ({ type: 'ACTED', step, ok, error, before, after }) satisfies ActedEvent;

/** The machine with "show me" recording what it performs instead of acting. */
function start(m: typeof machine | typeof named) {
  const performed: StepJson[] = [];
  const actor = createActor(
    m.provide({ actions: { perform: (_: unknown, p: { steps: StepJson[] }) => performed.push(...p.steps) } }),
  );
  actor.start();
  return { actor, performed };
}

const meta = (m: typeof machine, id: string) => m.getStateNodeById(`lesson.${id}`).meta as StepMeta<Context>;

describe('step builders', () => {
  it('give each step the meta its kind needs, without keys left undefined', () => {
    expect(meta(machine, 'intro')).toEqual({ kind: 'read' });
    expect(Object.keys(meta(machine, 'intro'))).toEqual(['kind']);
    expect(meta(machine, 'guess')).toEqual({ kind: 'predict', choices: CHOICES });
    const act = meta(machine, 'deposit');
    expect(act.kind).toBe('act');
    if (act.kind !== 'act') return;
    expect(act.show).toBe(DEPOSIT);
    expect(act.tryWrong).toEqual([{ action: 'lst.stake', by: 'alice', amount: '1 ETH' }]);
    expect(act.holds?.(worldWith('5'), {} as Context)).toBe('alice has deposited already');
    expect(machine.getStateNodeById('lesson.end').type).toBe('final');
  });

  it('move a read step on NEXT and record an answer unjudged', () => {
    const { actor } = start(machine);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'ANSWER', choice: 'same' });
    expect(actor.getSnapshot().value).toBe('deposit');
    expect(actor.getSnapshot().context.answers).toEqual({ guess: { choice: 'same', correct: null } });
  });

  it('explain a wrong action by the first matching reason, then by didNotCount, and stay', () => {
    const { actor } = start(machine);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SKIP' });
    actor.send(acted({ action: 'lst.stake', by: 'alice' }, worldWith('0'), worldWith('0', '2')));
    let snap = actor.getSnapshot();
    expect(snap.value).toBe('deposit');
    expect(snap.context.feedback).toEqual({
      tone: 'wrong',
      text: 'That staked ETH; this step deposits stETH.',
    });
    // Tracked even though it did not count.
    expect(snap.context.lastBlock).toBe('2');
    actor.send(acted(DEPOSIT[0]!, worldWith('0'), worldWith('0'), false, 'Paused.'));
    snap = actor.getSnapshot();
    expect(snap.value).toBe('deposit');
    expect(snap.context.feedback).toEqual({
      tone: 'wrong',
      text: 'The chain refused strategy.deposit: Paused. Nothing changed. Deposit stETH as alice.',
    });
    expect(snap.context.deposited).toBeNull();
  });

  it('move on when the action counts, judging the prediction from the worlds', () => {
    const { actor } = start(machine);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'ANSWER', choice: 'same' });
    actor.send(acted(DEPOSIT[0]!, worldWith('0'), worldWith('3', '4')));
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.context.answers).toEqual({ guess: { choice: 'same', correct: false } });
    expect(snap.context.feedback).toEqual({
      tone: 'wrong',
      text: 'You predicted "They stay", but the chain says otherwise: Alice holds 3 shares.',
    });
    expect(snap.context.deposited).toBe('3');
    expect(snap.context.lastBlock).toBe('4');
  });

  it('say nothing about a skipped question, and praise a right one', () => {
    const skipped = start(machine).actor;
    skipped.send({ type: 'NEXT' });
    skipped.send({ type: 'SKIP' });
    skipped.send(acted(DEPOSIT[0]!, worldWith('1'), worldWith('2')));
    expect(skipped.getSnapshot().context.feedback).toEqual({ tone: 'right', text: 'Alice holds 2 shares.' });
    const right = start(machine).actor;
    right.send({ type: 'NEXT' });
    right.send({ type: 'ANSWER', choice: 'more' });
    right.send(acted(DEPOSIT[0]!, worldWith('1'), worldWith('2')));
    expect(right.getSnapshot().context.feedback?.text).toBe('You predicted it: Alice holds 2 shares.');
    expect(right.getSnapshot().context.answers['guess']?.correct).toBe(true);
  });

  it('let a judged answer set the tone, and the step its own when the question was skipped', () => {
    const infoStep = setup({
      types: { context: {} as Context, events: {} as LessonEvent, meta: {} as StepMeta<Context> },
      actions: { ...lessonEffects },
    }).createMachine({
      id: 'lesson',
      context: () => ({ ...initialLessonContext(), deposited: null, lastBlock: null }),
      initial: 'guess',
      states: {
        guess: predictStep<Context>({ question: 'guess', choices: CHOICES, next: 'deposit' }),
        deposit: actStep<Context>({
          show: DEPOSIT,
          counts: () => true,
          target: 'deposit',
          tone: 'info',
          judges: { question: 'guess', choices: CHOICES, truth: () => 'more' },
          says: () => 'Done.',
          wanted: 'Deposit.',
        }),
      },
    });
    const tones = ['more', 'same', null].map((choice) => {
      const actor = createActor(infoStep).start();
      actor.send(choice === null ? { type: 'SKIP' } : { type: 'ANSWER', choice });
      actor.send(acted(DEPOSIT[0]!, worldWith('0'), worldWith('1')));
      return actor.getSnapshot().context.feedback?.tone;
    });
    expect(tones).toEqual(['right', 'wrong', 'info']);
  });

  it('accept part of the step without moving on', () => {
    const { actor } = start(machine);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'ANSWER', choice: 'more' });
    actor.send(acted({ action: 'token.approve', by: 'alice' }, worldWith('0'), worldWith('0')));
    expect(actor.getSnapshot().value).toBe('deposit');
    expect(actor.getSnapshot().context.feedback).toEqual({ tone: 'info', text: 'Approved.' });
    // Its question is still open for the action that counts.
    expect(actor.getSnapshot().context.answers['guess']?.correct).toBeNull();
  });

  it('take a shortcut, checked before the main action', () => {
    const { actor } = start(machine);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SKIP' });
    actor.send(acted({ action: 'strategy.depositAll', by: 'alice' }, worldWith('0'), worldWith('9')));
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.feedback).toEqual({ tone: 'right', text: 'All in at once.' });
    // The shortcut records nothing the main action would.
    expect(actor.getSnapshot().context.deposited).toBeNull();
  });

  it('perform the exact action on SHOW, or the one built from the context', () => {
    const a = start(machine);
    a.actor.send({ type: 'NEXT' });
    a.actor.send({ type: 'SKIP' });
    a.actor.send({ type: 'SHOW' });
    expect(a.performed).toEqual(DEPOSIT);
    const b = start(named);
    b.actor.send({ type: 'SKIP' });
    b.actor.send({ type: 'SHOW' });
    expect(b.performed).toEqual([{ ...DEPOSIT[0], amount: '7 ETH' }]);
  });

  it('clear the feedback on SKIP only when asked, and word `wanted` from the event', () => {
    const { actor } = start(named);
    expect(actor.getSnapshot().context.feedback?.text).toBe('a note');
    actor.send({ type: 'SKIP' });
    expect(actor.getSnapshot().context.feedback).toBeNull();
    actor.send(acted({ action: 'chain.advance' }, worldWith('0'), worldWith('0')));
    expect(actor.getSnapshot().context.feedback?.text).toBe(
      'chain.advance landed, but it is not this step. Not chain.advance.',
    );
  });
});

describe('world comparisons', () => {
  it('read a decimal integer at a world path, and nothing else', () => {
    expect(worldValue(worldWith('12'), PATH)).toBe(12n);
    expect(worldValue(worldWith('-3'), PATH)).toBe(-3n);
    expect(worldValue(worldWith(null), PATH)).toBeNull();
    expect(worldValue(worldWith('1.5'), PATH)).toBeNull();
    expect(worldValue(worldWith('12'), ['stakers', 'alice'])).toBeNull();
    expect(worldValue(worldWith('12'), ['block', 'length'])).toBeNull();
    expect(worldValue(worldWith('12'), ['stakers', 'constructor'])).toBeNull();
  });

  it('name the direction a value moved', () => {
    expect(direction(5n, 5n)).toBe('same');
    expect(direction(5n, 6n)).toBe('more');
    expect(direction(5n, -1n)).toBe('fewer');
    const e = acted(DEPOSIT[0]!, worldWith('4'), worldWith('3'));
    expect(worldDirection(e, PATH)).toBe('fewer');
    expect(worldDirection(acted(DEPOSIT[0]!, worldWith(null), worldWith('3')), PATH)).toBeNull();
  });
});
