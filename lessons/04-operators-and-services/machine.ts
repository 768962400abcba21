// Lesson 4: the three-sided market. A restaker delegates to an operator, an AVS opens an operator set, and
// the operator decides how much of its delegated stake each service may slash: an allocation of magnitude,
// slashable only after the operator's allocation delay, and never more than 100% in total. Then the reward
// side: the service pays through the rewards coordinator, the operator takes its split, the restaker claims
// after the activation delay, and the yield is read beside the stake at risk.
import { assign, setup } from 'xstate';
import {
  judgeAnswer,
  realTime,
  answerTo,
  analyzePlaceholder,
  didNotCount,
  eth,
  initialLessonContext,
  landed,
  lessonEffects,
  percent,
  showMe,
  type ActedEvent,
  type LessonContext,
  type LessonEvent,
  type StepMeta,
  type World,
} from '../../src/engine/lesson-kit.ts';

const OPERATOR = 'op1';
const STAKER = 'alice';
const AVS_A = 'avsA';
const AVS_B = 'avsB';
/** Both services use their operator set 0, holding the stETH strategy. */
const SET = '0';
const STRATEGY = 'stETH';
const DELAY_BLOCKS = 24;

const REGISTER = [{ action: 'operator.register', by: OPERATOR, allocationDelay: DELAY_BLOCKS }];
const DELEGATE = [{ action: 'staker.delegate', by: STAKER, operator: OPERATOR }];
const CREATE_SET = [{ action: 'avs.createOperatorSet', by: AVS_A, set: 0, strategies: [STRATEGY] }];
const join = (avs: string) => [{ action: 'operator.registerForSets', by: OPERATOR, avs, sets: [0] }];
const allocate = (avs: string, magnitude: string) => [
  { action: 'operator.allocate', by: OPERATOR, avs, set: 0, strategy: STRATEGY, magnitude },
];
const ADVANCE = [{ action: 'chain.advance', blocks: DELAY_BLOCKS }];
/** What avsB pays its set in the lesson's reward step. */
const PAY = [{ action: 'rewards.submit', by: AVS_B, set: 0, amount: '2 ETH' }];
/** The rewards coordinator's activation delay on the classroom clock: 7 days of one-hour blocks. */
const ACTIVATION_BLOCKS = 168;
const MATURE = [{ action: 'chain.advance', blocks: ACTIVATION_BLOCKS }];
const CLAIM = [{ action: 'rewards.claim', by: STAKER }];
const WAD = 10n ** 18n;
const A_SHARE = (WAD * 30n) / 100n;

interface Context extends LessonContext {
  /** The block of avsB's rewards submission (its earnings activate ACTIVATION_BLOCKS later), once paid. */
  paidAt: string | null;
}

const acted = (e: LessonEvent) => e as ActedEvent;
const allocation = (w: World, avs: string) => w.operators[OPERATOR]?.allocations[`${avs}/${SET}`]?.[STRATEGY];
const current = (w: World, avs: string) => BigInt(allocation(w, avs)?.currentMagnitude ?? '0');
const pendingDiff = (w: World, avs: string) => BigInt(allocation(w, avs)?.pendingDiff ?? '0');
/** The magnitude the allocation is heading to: the current one plus what waits for its effect block. */
const target = (w: World, avs: string) => current(w, avs) + pendingDiff(w, avs);
const effective = (w: World, avs: string) => current(w, avs) > 0n && pendingDiff(w, avs) === 0n;
const atRisk = (w: World, avs: string) => BigInt(allocation(w, avs)?.allocatedStake ?? '0');
const effectBlock = (w: World, avs: string) => BigInt(allocation(w, avs)?.effectBlock ?? '0');
const stake = (w: World) => BigInt(w.operators[OPERATOR]?.shares[STRATEGY] ?? '0');
const maxMagnitude = (w: World) => BigInt(w.operators[OPERATOR]?.maxMagnitude[STRATEGY] ?? '0');
const encumbered = (w: World) => BigInt(w.operators[OPERATOR]?.encumberedMagnitude[STRATEGY] ?? '0');
const isOperator = (w: World) => w.operators[OPERATOR] !== undefined;
const setOf = (w: World, avs: string) => w.avs[avs]?.sets[SET];
const member = (w: World, avs: string) => setOf(w, avs)?.operators.includes(OPERATOR) ?? false;
const earned = (w: World, who: string) => BigInt(w.accounts[who]?.rewardsEarned ?? '0');
const claimable = (w: World, who: string) => BigInt(w.accounts[who]?.rewardsClaimable ?? '0');
const ethOf = (w: World, who: string) => BigInt(w.accounts[who]?.eth ?? '0');
/** What a submission credited: each earner's rise in cumulative earnings across the step. */
const credited = (e: ActedEvent, who: string) => earned(e.after, who) - earned(e.before, who);
const is = (e: ActedEvent, action: string, field: string, value: unknown) =>
  e.step.action === action && e.step[field] === value;

const PAY_CHOICES = [
  { id: 'rest', label: "All but op1's split: 90%, 1.8 ETH" },
  { id: 'all', label: 'All 2 ETH: the stake is hers' },
  { id: 'none', label: 'Nothing: op1 runs the software, so op1 keeps the reward' },
];

/** When a pending allocation will be slashable, in blocks from the head and in real time. */
function whenEffective(w: World, avs: string): string {
  if (effective(w, avs)) return 'it is already in effect';
  const left = effectBlock(w, avs) - BigInt(w.block);
  return `it takes effect at block ${effectBlock(w, avs)}, ${left} blocks from block ${w.block} (${realTime(left)} of real time)`;
}

/** Which answer to "how much can avsB slash?" the chain gave, from avsB's allocated stake. */
function slashableByB(w: World): string {
  const b = atRisk(w, AVS_B);
  if (b === 0n) return 'none';
  if (b === stake(w)) return 'all';
  return b === stake(w) - atRisk(w, AVS_A) ? 'rest' : 'other';
}

/** What the step after avsA's allocation has to say when the learner touched avsB or the wrong magnitude. */
function allocationNotForA(e: ActedEvent): string {
  if (e.ok && is(e, 'operator.allocate', 'avs', AVS_A))
    return `op1's allocation to avsA's set is now heading to ${percent(target(e.after, AVS_A))}, but this step asks for 30% (the question that follows is about 30%). An allocation cannot change again while it is pending: undo it and allocate 30%.`;
  if (e.ok && is(e, 'operator.allocate', 'avs', AVS_B))
    return `That allocation went to avsB (heading to ${percent(target(e.after, AVS_B))}). avsB comes later: undo it and allocate 30% to avsA's set 0.`;
  return didNotCount(
    e,
    'Act as op1 and allocate 30% of its stETH magnitude to avsA\'s set 0 ("Allocate magnitude to a set").',
  );
}

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as LessonEvent,
    meta: {} as StepMeta<Context>,
  },
  actors: { analyze: analyzePlaceholder },
  actions: {
    ...lessonEffects,
    explain: assign({ feedback: (_, p: { text: string }) => ({ tone: 'wrong' as const, text: p.text }) }),
  },
  guards: {
    registered: ({ event }) =>
      event.type === 'ACTED' && landed(event, 'operator.register', OPERATOR) && isOperator(event.after),
    delegated: ({ event }) =>
      event.type === 'ACTED' &&
      landed(event, 'staker.delegate', STAKER) &&
      event.after.stakers[STAKER]?.delegatedTo === OPERATOR,
    setCreated: ({ event }) =>
      event.type === 'ACTED' &&
      landed(event, 'avs.createOperatorSet', AVS_A) &&
      setOf(event.before, AVS_A) === undefined &&
      (setOf(event.after, AVS_A)?.strategies.includes(STRATEGY) ?? false),
    joinedA: ({ event }) =>
      event.type === 'ACTED' &&
      landed(event, 'operator.registerForSets', OPERATOR) &&
      !member(event.before, AVS_A) &&
      member(event.after, AVS_A),
    allocatedA: ({ event }) =>
      event.type === 'ACTED' &&
      landed(event, 'operator.allocate', OPERATOR) &&
      event.step['avs'] === AVS_A &&
      target(event.after, AVS_A) === A_SHARE,
    effectiveA: ({ event }) =>
      event.type === 'ACTED' && landed(event, 'chain.advance') && effective(event.after, AVS_A),
    joinedB: ({ event }) =>
      event.type === 'ACTED' &&
      landed(event, 'operator.registerForSets', OPERATOR) &&
      !member(event.before, AVS_B) &&
      member(event.after, AVS_B),
    allocatedB: ({ event }) =>
      event.type === 'ACTED' &&
      landed(event, 'operator.allocate', OPERATOR) &&
      event.step['avs'] === AVS_B &&
      target(event.after, AVS_B) > 0n,
    effectiveB: ({ event }) =>
      event.type === 'ACTED' && landed(event, 'chain.advance') && effective(event.after, AVS_B),
    paid: ({ event }) =>
      event.type === 'ACTED' && landed(event, 'rewards.submit', AVS_B) && credited(event, STAKER) > 0n,
    matured: ({ event }) =>
      event.type === 'ACTED' && landed(event, 'chain.advance') && claimable(event.after, STAKER) > 0n,
    claimed: ({ event }) =>
      event.type === 'ACTED' &&
      landed(event, 'rewards.claim', STAKER) &&
      ethOf(event.after, STAKER) > ethOf(event.before, STAKER),
  },
}).createMachine({
  id: 'lesson',
  context: (): Context => ({ ...initialLessonContext(), paidAt: null }),
  initial: 'intro',
  states: {
    intro: {
      meta: { kind: 'read' },
      on: { NEXT: 'register' },
    },
    register: {
      meta: {
        kind: 'act',
        show: REGISTER,
        tryWrong: DELEGATE,
      },
      on: {
        SHOW: showMe(REGISTER),
        ACTED: [
          {
            guard: 'registered',
            target: 'delegate',
            actions: assign({
              feedback: ({ event }) => {
                const delay = BigInt(acted(event).after.operators[OPERATOR]?.allocationDelay ?? '0');
                return {
                  tone: 'right' as const,
                  text: `op1 is an operator now, delegated to itself. Its allocation delay is ${delay} blocks: ${realTime(delay)} of real time on the classroom clock. Every allocation it makes will wait that long before a service can slash it.`,
                };
              },
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (!e.ok && is(e, 'staker.delegate', 'operator', OPERATOR))
                  return {
                    text: `The chain refused: a staker can delegate only to a registered operator, and op1 is not one yet (it has no operator record). Register op1 first: act as op1 and use "Register as an operator".`,
                  };
                return {
                  text: didNotCount(e, 'Act as op1 and use "Register as an operator" (operator.register).'),
                };
              },
            },
          },
        ],
      },
    },
    delegate: {
      meta: {
        kind: 'act',
        show: DELEGATE,
        tryWrong: [{ action: 'staker.delegate', by: OPERATOR, operator: OPERATOR }],
        holds: (w) => (isOperator(w) ? null : 'op1 is not a registered operator'),
      },
      on: {
        SHOW: showMe(DELEGATE),
        ACTED: [
          {
            guard: 'delegated',
            target: 'createSet',
            actions: assign({
              feedback: ({ event }) => ({
                tone: 'right' as const,
                text: `Alice's ${eth(stake(acted(event).after))} stETH strategy shares now count as op1's delegated stake. Her deposit stays hers: op1 cannot withdraw it, only put it at risk.`,
              }),
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (!e.ok && e.step.action === 'staker.delegate' && e.step['by'] === OPERATOR)
                  return {
                    text: `The chain refused: op1 is an operator, delegated to itself for ever, so it cannot delegate. Delegating is what a restaker does: act as alice and delegate to op1.`,
                  };
                return { text: didNotCount(e, 'Act as alice and use "Delegate to an operator" with op1.') };
              },
            },
          },
        ],
      },
    },
    createSet: {
      meta: {
        kind: 'act',
        show: CREATE_SET,
        tryWrong: join(AVS_A),
        holds: (w) => (w.stakers[STAKER]?.delegatedTo === OPERATOR ? null : 'alice is not delegated to op1'),
      },
      on: {
        SHOW: showMe(CREATE_SET),
        ACTED: [
          {
            guard: 'setCreated',
            target: 'joinA',
            actions: assign({
              feedback: {
                tone: 'right' as const,
                text: 'avsA has operator set 0, holding the stETH strategy, with no operators in it yet.',
              },
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (!e.ok && is(e, 'operator.registerForSets', 'avs', AVS_A))
                  return {
                    text: 'The chain refused: avsA has no operator set yet, so there is nothing to join. An operator set is made by the service itself: act as avsA and create set 0 with the stETH strategy.',
                  };
                if (e.ok && e.step.action === 'avs.createOperatorSet')
                  return {
                    text: `That set was created, but this lesson follows avsA's set 0 with the stETH strategy (the stake op1 holds is stETH). Undo it and create set 0 for stETH as avsA.`,
                  };
                return {
                  text: didNotCount(
                    e,
                    'Act as avsA and use "Create an operator set": set 0, strategy stETH.',
                  ),
                };
              },
            },
          },
        ],
      },
    },
    joinA: {
      meta: {
        kind: 'act',
        show: join(AVS_A),
        tryWrong: join(AVS_B),
        holds: (w) =>
          setOf(w, AVS_A)?.strategies.includes(STRATEGY) ? null : 'avsA has no set 0 holding stETH',
      },
      on: {
        SHOW: showMe(join(AVS_A)),
        ACTED: [
          {
            guard: 'joinedA',
            target: 'allocateA',
            actions: assign({
              feedback: ({ event }) => ({
                tone: 'right' as const,
                text: `op1 is in avsA's set 0. avsA can slash ${eth(atRisk(acted(event).after, AVS_A))} of op1's stETH strategy shares so far: registering puts nothing at risk by itself.`,
              }),
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (e.ok && is(e, 'operator.registerForSets', 'avs', AVS_B))
                  return {
                    text: "op1 joined avsB's set: avsB comes later in this lesson. Undo it and join avsA's set 0 first.",
                  };
                if (e.ok && e.step.action === 'operator.allocate')
                  return {
                    text: `That allocation landed (heading to ${percent(target(e.after, String(e.step['avs'])))}), but op1 is not in that set, so the service cannot slash it yet. This lesson joins first: undo it and register op1 for avsA's set 0.`,
                  };
                return {
                  text: didNotCount(e, 'Act as op1 and use "Register for operator sets" with avsA\'s set 0.'),
                };
              },
            },
          },
        ],
      },
    },
    allocateA: {
      meta: {
        kind: 'act',
        show: allocate(AVS_A, '30%'),
        tryWrong: allocate(AVS_A, '50%'),
        holds: (w) => (member(w, AVS_A) ? null : "op1 is not in avsA's set 0"),
      },
      on: {
        SHOW: showMe(allocate(AVS_A, '30%')),
        ACTED: [
          {
            guard: 'allocatedA',
            target: 'advance',
            actions: assign({
              feedback: ({ event }) => {
                const w = acted(event).after;
                const when = effective(w, AVS_A)
                  ? 'it took effect at once, because op1 chose an allocation delay of 0'
                  : `${whenEffective(w, AVS_A)}. Until then avsA can slash ${eth(atRisk(w, AVS_A))} of op1's shares`;
                return {
                  tone: 'right' as const,
                  text: `op1's magnitude in avsA's set is heading to ${percent(target(w, AVS_A))} of its ${percent(maxMagnitude(w))} max magnitude: ${when}.`,
                };
              },
            }),
          },
          {
            actions: { type: 'explain', params: ({ event }) => ({ text: allocationNotForA(acted(event)) }) },
          },
        ],
      },
    },
    advance: {
      meta: {
        kind: 'act',
        show: ADVANCE,
        tryWrong: [{ action: 'chain.advance', blocks: 1 }],
        holds: (w) => (target(w, AVS_A) === A_SHARE ? null : "op1's allocation to avsA is not 30%"),
      },
      on: {
        SHOW: showMe(ADVANCE),
        ACTED: [
          {
            guard: 'effectiveA',
            target: 'predictB',
            actions: assign({
              feedback: ({ event }) => {
                const w = acted(event).after;
                return {
                  tone: 'right' as const,
                  text: `At block ${w.block} the allocation is in effect: avsA can slash ${eth(atRisk(w, AVS_A))} of op1's ${eth(stake(w))} stETH strategy shares (${percent(current(w, AVS_A))}).`,
                };
              },
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (e.ok && e.step.action === 'chain.advance')
                  return {
                    text: `Not yet: at block ${e.after.block} the allocation is still pending, and ${whenEffective(e.after, AVS_A)}. Advance time further.`,
                  };
                return {
                  text: didNotCount(
                    e,
                    `This step is about time: use "Advance time" (avsA's allocation: ${whenEffective(e.after, AVS_A)}).`,
                  ),
                };
              },
            },
          },
        ],
      },
    },
    predictB: {
      meta: {
        kind: 'predict',
        choices: [
          { id: 'none', label: 'Nothing, until op1 allocates to avsB' },
          { id: 'rest', label: 'The other 70%: 42 stETH' },
          { id: 'all', label: 'All 60 stETH: every service can slash everything' },
        ],
        holds: (w) => (effective(w, AVS_A) ? null : "op1's allocation to avsA is not in effect"),
      },
      on: {
        ANSWER: {
          target: 'joinB',
          actions: assign(answerTo<Context>('predictB')),
        },
        SKIP: 'joinB',
      },
    },
    joinB: {
      meta: {
        kind: 'act',
        show: join(AVS_B),
        tryWrong: join(AVS_A),
        holds: (w) => (effective(w, AVS_A) ? null : "op1's allocation to avsA is not in effect"),
      },
      on: {
        SHOW: showMe(join(AVS_B)),
        ACTED: [
          {
            guard: 'joinedB',
            target: 'split',
            actions: assign(({ context, event }) => {
              const w = acted(event).after;
              const truth = slashableByB(w);
              const why =
                truth === 'none'
                  ? ', because op1 has allocated nothing to it'
                  : `: the ${percent(current(w, AVS_B))} of its magnitude op1 allocated to it`;
              const { answers, right } = judgeAnswer(context, 'predictB', truth);
              const said = right === null ? '' : right ? 'You predicted it: ' : 'The chain says otherwise: ';
              return {
                answers,
                feedback: {
                  tone: right === false ? ('wrong' as const) : ('right' as const),
                  text: `${said}op1 is in avsB's set, and avsB can slash ${eth(atRisk(w, AVS_B))} of op1's ${eth(stake(w))} stETH strategy shares${why}. avsA can still slash its ${eth(atRisk(w, AVS_A))} shares, and nobody else can touch those. Why: joining a set only makes op1 a member; a service can slash just the magnitude allocated to its own set, so until op1 allocates to avsB, nothing of its stake answers to avsB.`,
                },
              };
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (!e.ok && is(e, 'operator.registerForSets', 'avs', AVS_A))
                  return {
                    text: "The chain refused: op1 is already in avsA's set 0. The question is about avsB: register op1 for avsB's set 0.",
                  };
                if (e.ok && is(e, 'operator.allocate', 'avs', AVS_B))
                  return {
                    text: "That allocation to avsB landed, but the question is what avsB can slash before op1 gives it anything. Undo it and register op1 for avsB's set 0 first.",
                  };
                return {
                  text: didNotCount(e, 'Act as op1 and use "Register for operator sets" with avsB\'s set 0.'),
                };
              },
            },
          },
        ],
      },
    },
    split: {
      meta: {
        kind: 'act',
        show: allocate(AVS_B, '70%'),
        tryWrong: allocate(AVS_B, '80%'),
        holds: (w) => (member(w, AVS_B) ? null : "op1 is not in avsB's set 0"),
      },
      on: {
        SHOW: showMe(allocate(AVS_B, '70%')),
        ACTED: [
          {
            guard: 'allocatedB',
            target: 'settle',
            actions: assign({
              feedback: ({ event }) => {
                const w = acted(event).after;
                const when = effective(w, AVS_B)
                  ? 'it took effect at once (allocation delay 0)'
                  : whenEffective(w, AVS_B);
                return {
                  tone: 'right' as const,
                  text: `op1's magnitude in avsB's set is heading to ${percent(target(w, AVS_B))}; with avsA's ${percent(target(w, AVS_A))}, ${percent(encumbered(w))} of its ${percent(maxMagnitude(w))} max magnitude is now allocated. For avsB ${when}.`,
                };
              },
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                const w = e.before;
                if (!e.ok && is(e, 'operator.allocate', 'avs', AVS_B) && pendingDiff(w, AVS_B) !== 0n)
                  return {
                    text: `The chain refused: avsB's allocation already has a change pending (${whenEffective(w, AVS_B)}), and an allocation changes once at a time. Undo the earlier allocation to avsB, or advance time and keep it.`,
                  };
                if (!e.ok && is(e, 'operator.allocate', 'avs', AVS_B))
                  return {
                    text: `The chain refused: ${e.error ?? 'it reverted'} op1's max magnitude is ${percent(maxMagnitude(w))}, and ${percent(encumbered(w))} of it is already allocated to avsA, so at most ${percent(maxMagnitude(w) - encumbered(w))} is free for avsB: one slice of stake answers to one service only.`,
                  };
                if (e.ok && is(e, 'operator.allocate', 'avs', AVS_A))
                  return {
                    text: `That changed avsA's allocation (now heading to ${percent(target(e.after, AVS_A))}); this step gives avsB its share. Undo it and allocate to avsB's set 0.`,
                  };
                return {
                  text: didNotCount(
                    e,
                    `Act as op1 and allocate some of the free ${percent(maxMagnitude(w) - encumbered(w))} to avsB's set 0.`,
                  ),
                };
              },
            },
          },
        ],
      },
    },
    settle: {
      meta: {
        kind: 'act',
        show: ADVANCE,
        tryWrong: [{ action: 'chain.advance', blocks: 1 }],
        holds: (w) => (target(w, AVS_B) > 0n ? null : 'op1 has allocated nothing to avsB'),
      },
      on: {
        SHOW: showMe(ADVANCE),
        ACTED: [
          {
            guard: 'effectiveB',
            target: 'predictPay',
            actions: assign({
              feedback: ({ event }) => {
                const w = acted(event).after;
                const a = atRisk(w, AVS_A);
                const b = atRisk(w, AVS_B);
                return {
                  tone: 'right' as const,
                  text: `Stake at risk per service, of op1's ${eth(stake(w))} stETH strategy shares: avsA ${eth(a)} (${percent(current(w, AVS_A))}), avsB ${eth(b)} (${percent(current(w, AVS_B))}), slashable by no one ${eth(stake(w) - a - b)}. Together the allocations use ${percent(encumbered(w))} of the ${percent(maxMagnitude(w))} max magnitude.`,
                };
              },
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (e.ok && e.step.action === 'chain.advance')
                  return {
                    text: `Not yet: at block ${e.after.block} avsB's allocation is still pending, and ${whenEffective(e.after, AVS_B)}. Advance time further.`,
                  };
                return {
                  text: didNotCount(
                    e,
                    `This step is about time: use "Advance time" (avsB's allocation: ${whenEffective(e.after, AVS_B)}).`,
                  ),
                };
              },
            },
          },
        ],
      },
    },
    predictPay: {
      meta: {
        kind: 'predict',
        choices: PAY_CHOICES,
        holds: (w) => (effective(w, AVS_B) ? null : "op1's allocation to avsB is not in effect"),
      },
      on: {
        ANSWER: { target: 'pay', actions: assign(answerTo<Context>('predictPay')) },
        SKIP: 'pay',
      },
    },
    pay: {
      meta: {
        kind: 'act',
        show: PAY,
        tryWrong: CLAIM,
        holds: (w) => (effective(w, AVS_B) ? null : "op1's allocation to avsB is not in effect"),
      },
      on: {
        SHOW: showMe(PAY),
        ACTED: [
          {
            guard: 'paid',
            target: 'mature',
            actions: assign(({ context, event }) => {
              const e = acted(event);
              const toAlice = credited(e, STAKER);
              const toOp = credited(e, OPERATOR);
              const total = toAlice + toOp;
              const truth = toAlice === 0n ? 'none' : toOp === 0n ? 'all' : 'rest';
              const { answers, right } = judgeAnswer(context, 'predictPay', truth);
              const said = right === null ? '' : right ? 'You predicted it: ' : 'The chain says otherwise: ';
              return {
                answers,
                paidAt: e.after.block,
                feedback: {
                  tone: right === false ? ('wrong' as const) : ('right' as const),
                  text: `${said}the rewards coordinator credited ${eth(total)} ETH: op1 ${eth(toOp)} ETH, its split, and Alice ${eth(toAlice)} ETH. Why: a payment is shared among the set's operators by their allocated stake, each operator keeps its split (10% unless it sets another), and the rest goes to the restakers delegated to it by their own stake in the allocation; Alice is the only restaker behind op1, so the stakers' part is all hers. It can be claimed from block ${BigInt(e.after.block) + BigInt(ACTIVATION_BLOCKS)}, ${ACTIVATION_BLOCKS} blocks (${realTime(BigInt(ACTIVATION_BLOCKS))}) later.`,
                },
              };
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (!e.ok && e.step.action === 'rewards.claim')
                  return {
                    text: `The chain refused the claim: nobody has been credited any rewards yet, so there is nothing to claim. A reward starts with the service paying: act as avsB and submit rewards to its set 0.`,
                  };
                if (e.ok && is(e, 'rewards.submit', 'by', AVS_A))
                  return {
                    text: `avsA paid its set instead (Alice was credited ${eth(credited(e, STAKER))} ETH of it). This step follows avsB, the service that pays more: undo it and submit rewards as avsB to its set 0.`,
                  };
                return {
                  text: didNotCount(e, 'Act as avsB and use "Submit rewards to a set": set 0, 2 ETH.'),
                };
              },
            },
          },
        ],
      },
    },
    mature: {
      meta: {
        kind: 'act',
        show: MATURE,
        tryWrong: CLAIM,
        holds: (w) => (earned(w, STAKER) > 0n ? null : 'Alice has been credited no rewards'),
      },
      on: {
        SHOW: showMe(MATURE),
        ACTED: [
          {
            guard: 'matured',
            target: 'claim',
            actions: assign({
              feedback: ({ event }) => {
                const w = acted(event).after;
                return {
                  tone: 'right' as const,
                  text: `At block ${w.block} Alice's rewards are active: ${eth(claimable(w, STAKER))} ETH is claimable. The delay gives the protocol time to catch a wrong payout before anyone can take it.`,
                };
              },
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ context, event }) => {
                const e = acted(event);
                const from =
                  context.paidAt === null
                    ? `${ACTIVATION_BLOCKS} blocks after the payment`
                    : `block ${BigInt(context.paidAt) + BigInt(ACTIVATION_BLOCKS)}`;
                if (!e.ok && e.step.action === 'rewards.claim')
                  return {
                    text: `The chain refused the claim: Alice's ${eth(earned(e.before, STAKER))} ETH is credited but not active yet, and only active rewards can be claimed. They activate at ${from}; advance time first.`,
                  };
                if (e.ok && e.step.action === 'chain.advance')
                  return {
                    text: `Not yet: at block ${e.after.block} nothing is claimable; Alice's rewards activate at ${from}. Advance time further.`,
                  };
                return { text: didNotCount(e, `Use "Advance time": Alice's rewards activate at ${from}.`) };
              },
            },
          },
        ],
      },
    },
    claim: {
      meta: {
        kind: 'act',
        show: CLAIM,
        tryWrong: [{ action: 'rewards.claim', by: OPERATOR }],
        lookAt: [
          {
            label: "Alice's claimable rewards",
            view: 'Inspector',
            section: 'balances',
            card: STAKER,
            fact: 'rewardsClaimable',
          },
        ],
        holds: (w) => (claimable(w, STAKER) > 0n ? null : 'Alice has nothing claimable'),
      },
      on: {
        SHOW: showMe(CLAIM),
        ACTED: [
          {
            guard: 'claimed',
            target: 'debrief',
            actions: assign({
              feedback: ({ event }) => {
                const e = acted(event);
                const w = e.after;
                return {
                  tone: 'right' as const,
                  text: `Alice's ETH went from ${eth(ethOf(e.before, STAKER))} to ${eth(ethOf(w, STAKER))}: the ${eth(ethOf(w, STAKER) - ethOf(e.before, STAKER))} ETH the coordinator credited her. Beside it, the stake at risk that earned it: avsB can slash ${eth(atRisk(w, AVS_B))} of her ${eth(stake(w))} stETH strategy shares through op1, and avsA ${eth(atRisk(w, AVS_A))}. That is the trade every restaker makes: the reward for standing behind a service, against what its slashing could take.`,
                };
              },
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (e.ok && is(e, 'rewards.claim', 'by', OPERATOR))
                  return {
                    text: `op1 claimed its own split: ${eth(ethOf(e.after, OPERATOR) - ethOf(e.before, OPERATOR))} ETH. Each earner claims for itself; Alice's ${eth(claimable(e.after, STAKER))} ETH is still waiting. Act as alice and claim.`,
                  };
                return { text: didNotCount(e, 'Act as alice and use "Claim rewards".') };
              },
            },
          },
        ],
      },
    },
    debrief: {
      type: 'final',
      meta: {
        kind: 'debrief',
        holds: (w) =>
          !effective(w, AVS_B)
            ? "op1's allocation to avsB is not in effect"
            : current(w, AVS_A) + current(w, AVS_B) > maxMagnitude(w)
              ? "op1's allocations add up to more than its max magnitude"
              : earned(w, STAKER) === 0n || claimable(w, STAKER) !== 0n
                ? 'Alice has not claimed her credited rewards'
                : null,
      },
    },
  },
});
