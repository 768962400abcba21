// Lesson 4: the three-sided market. A restaker delegates to an operator, an AVS opens an operator set, and
// the operator decides how much of its delegated stake each service may slash: an allocation of magnitude,
// slashable only after the operator's allocation delay, and never more than 100% in total. Then the reward
// side: the service pays through the rewards coordinator, the operator takes its split, the restaker claims
// after the activation delay, and the yield is read beside the stake at risk.
import { setup } from 'xstate';
import {
  actStep,
  analyzePlaceholder,
  debriefStep,
  eth,
  initialLessonContext,
  landed,
  lessonEffects,
  percent,
  predictStep,
  readStep,
  realTime,
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

const B_CHOICES = [
  { id: 'none', label: 'Nothing, until op1 allocates to avsB' },
  { id: 'rest', label: 'The other 70%: 42 stETH' },
  { id: 'all', label: 'All 60 stETH: every service can slash everything' },
];
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

/** The words about a judged prediction that open the feedback. */
const judged = (right: boolean | null) =>
  right === null ? '' : right ? 'You predicted it: ' : 'The chain says otherwise: ';

const joined = (e: ActedEvent, avs: string) =>
  landed(e, 'operator.registerForSets', OPERATOR) && !member(e.before, avs) && member(e.after, avs);
const allocated = (e: ActedEvent, avs: string) =>
  landed(e, 'operator.allocate', OPERATOR) && e.step['avs'] === avs;

/** Who the payment credited, as the prediction's choices name it. */
function payTruth(e: ActedEvent): string {
  const toAlice = credited(e, STAKER);
  return toAlice === 0n ? 'none' : credited(e, OPERATOR) === 0n ? 'all' : 'rest';
}

/** When Alice's rewards activate: the block, once the machine saw the payment. */
const activation = (c: Context) =>
  c.paidAt === null
    ? `${ACTIVATION_BLOCKS} blocks after the payment`
    : `block ${BigInt(c.paidAt) + BigInt(ACTIVATION_BLOCKS)}`;

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as LessonEvent,
    meta: {} as StepMeta<Context>,
  },
  actors: { analyze: analyzePlaceholder },
  actions: { ...lessonEffects },
}).createMachine({
  id: 'lesson',
  context: (): Context => ({ ...initialLessonContext(), paidAt: null }),
  initial: 'intro',
  states: {
    intro: readStep<Context>({ next: 'register' }),
    register: actStep<Context>({
      show: REGISTER,
      tryWrong: DELEGATE,
      counts: (e) => landed(e, 'operator.register', OPERATOR) && isOperator(e.after),
      target: 'delegate',
      says: (e) => {
        const delay = BigInt(e.after.operators[OPERATOR]?.allocationDelay ?? '0');
        return `op1 is an operator now, delegated to itself. Its allocation delay is ${delay} blocks: ${realTime(delay)} of real time on the classroom clock. Every allocation it makes will wait that long before a service can slash it.`;
      },
      otherwise: [
        {
          when: (e) => !e.ok && is(e, 'staker.delegate', 'operator', OPERATOR),
          say: () =>
            `The chain refused: a staker can delegate only to a registered operator, and op1 is not one yet (it has no operator record). Register op1 first: act as op1 and use "Register as an operator".`,
        },
      ],
      wanted: 'Act as op1 and use "Register as an operator" (operator.register).',
    }),
    delegate: actStep<Context>({
      show: DELEGATE,
      tryWrong: [{ action: 'staker.delegate', by: OPERATOR, operator: OPERATOR }],
      holds: (w) => (isOperator(w) ? null : 'op1 is not a registered operator'),
      counts: (e) =>
        landed(e, 'staker.delegate', STAKER) && e.after.stakers[STAKER]?.delegatedTo === OPERATOR,
      target: 'createSet',
      says: (e) =>
        `Alice's ${eth(stake(e.after))} stETH strategy shares now count as op1's delegated stake. Her deposit stays hers: op1 cannot withdraw it, only put it at risk.`,
      otherwise: [
        {
          when: (e) => !e.ok && e.step.action === 'staker.delegate' && e.step['by'] === OPERATOR,
          say: () =>
            `The chain refused: op1 is an operator, delegated to itself for ever, so it cannot delegate. Delegating is what a restaker does: act as alice and delegate to op1.`,
        },
      ],
      wanted: 'Act as alice and use "Delegate to an operator" with op1.',
    }),
    createSet: actStep<Context>({
      show: CREATE_SET,
      tryWrong: join(AVS_A),
      holds: (w) => (w.stakers[STAKER]?.delegatedTo === OPERATOR ? null : 'alice is not delegated to op1'),
      counts: (e) =>
        landed(e, 'avs.createOperatorSet', AVS_A) &&
        setOf(e.before, AVS_A) === undefined &&
        (setOf(e.after, AVS_A)?.strategies.includes(STRATEGY) ?? false),
      target: 'joinA',
      says: () => 'avsA has operator set 0, holding the stETH strategy, with no operators in it yet.',
      otherwise: [
        {
          when: (e) => !e.ok && is(e, 'operator.registerForSets', 'avs', AVS_A),
          say: () =>
            'The chain refused: avsA has no operator set yet, so there is nothing to join. An operator set is made by the service itself: act as avsA and create set 0 with the stETH strategy.',
        },
        {
          when: (e) => e.ok && e.step.action === 'avs.createOperatorSet',
          say: () =>
            `That set was created, but this lesson follows avsA's set 0 with the stETH strategy (the stake op1 holds is stETH). Undo it and create set 0 for stETH as avsA.`,
        },
      ],
      wanted: 'Act as avsA and use "Create an operator set": set 0, strategy stETH.',
    }),
    joinA: actStep<Context>({
      show: join(AVS_A),
      tryWrong: join(AVS_B),
      holds: (w) =>
        setOf(w, AVS_A)?.strategies.includes(STRATEGY) ? null : 'avsA has no set 0 holding stETH',
      counts: (e) => joined(e, AVS_A),
      target: 'allocateA',
      says: (e) =>
        `op1 is in avsA's set 0. avsA can slash ${eth(atRisk(e.after, AVS_A))} of op1's stETH strategy shares so far: registering puts nothing at risk by itself.`,
      otherwise: [
        {
          when: (e) => e.ok && is(e, 'operator.registerForSets', 'avs', AVS_B),
          say: () =>
            "op1 joined avsB's set: avsB comes later in this lesson. Undo it and join avsA's set 0 first.",
        },
        {
          when: (e) => e.ok && e.step.action === 'operator.allocate',
          say: (e) =>
            `That allocation landed (heading to ${percent(target(e.after, String(e.step['avs'])))}), but op1 is not in that set, so the service cannot slash it yet. This lesson joins first: undo it and register op1 for avsA's set 0.`,
        },
      ],
      wanted: 'Act as op1 and use "Register for operator sets" with avsA\'s set 0.',
    }),
    allocateA: actStep<Context>({
      show: allocate(AVS_A, '30%'),
      tryWrong: allocate(AVS_A, '50%'),
      holds: (w) => (member(w, AVS_A) ? null : "op1 is not in avsA's set 0"),
      counts: (e) => allocated(e, AVS_A) && target(e.after, AVS_A) === A_SHARE,
      target: 'advance',
      says: ({ after: w }) => {
        const when = effective(w, AVS_A)
          ? 'it took effect at once, because op1 chose an allocation delay of 0'
          : `${whenEffective(w, AVS_A)}. Until then avsA can slash ${eth(atRisk(w, AVS_A))} of op1's shares`;
        return `op1's magnitude in avsA's set is heading to ${percent(target(w, AVS_A))} of its ${percent(maxMagnitude(w))} max magnitude: ${when}.`;
      },
      otherwise: [
        {
          when: (e) => e.ok && is(e, 'operator.allocate', 'avs', AVS_A),
          say: (e) =>
            `op1's allocation to avsA's set is now heading to ${percent(target(e.after, AVS_A))}, but this step asks for 30% (the question that follows is about 30%). An allocation cannot change again while it is pending: undo it and allocate 30%.`,
        },
        {
          when: (e) => e.ok && is(e, 'operator.allocate', 'avs', AVS_B),
          say: (e) =>
            `That allocation went to avsB (heading to ${percent(target(e.after, AVS_B))}). avsB comes later: undo it and allocate 30% to avsA's set 0.`,
        },
      ],
      wanted:
        'Act as op1 and allocate 30% of its stETH magnitude to avsA\'s set 0 ("Allocate magnitude to a set").',
    }),
    advance: actStep<Context>({
      show: ADVANCE,
      tryWrong: [{ action: 'chain.advance', blocks: 1 }],
      holds: (w) => (target(w, AVS_A) === A_SHARE ? null : "op1's allocation to avsA is not 30%"),
      counts: (e) => landed(e, 'chain.advance') && effective(e.after, AVS_A),
      target: 'predictB',
      says: ({ after: w }) =>
        `At block ${w.block} the allocation is in effect: avsA can slash ${eth(atRisk(w, AVS_A))} of op1's ${eth(stake(w))} stETH strategy shares (${percent(current(w, AVS_A))}).`,
      otherwise: [
        {
          when: (e) => e.ok && e.step.action === 'chain.advance',
          say: (e) =>
            `Not yet: at block ${e.after.block} the allocation is still pending, and ${whenEffective(e.after, AVS_A)}. Advance time further.`,
        },
      ],
      wanted: (e) =>
        `This step is about time: use "Advance time" (avsA's allocation: ${whenEffective(e.after, AVS_A)}).`,
    }),
    predictB: predictStep<Context>({
      question: 'predictB',
      choices: B_CHOICES,
      holds: (w) => (effective(w, AVS_A) ? null : "op1's allocation to avsA is not in effect"),
      next: 'joinB',
    }),
    joinB: actStep<Context>({
      show: join(AVS_B),
      tryWrong: join(AVS_A),
      holds: (w) => (effective(w, AVS_A) ? null : "op1's allocation to avsA is not in effect"),
      counts: (e) => joined(e, AVS_B),
      target: 'split',
      judges: { question: 'predictB', choices: B_CHOICES, truth: (e) => slashableByB(e.after), say: judged },
      says: ({ after: w }) => {
        const why =
          slashableByB(w) === 'none'
            ? ', because op1 has allocated nothing to it'
            : `: the ${percent(current(w, AVS_B))} of its magnitude op1 allocated to it`;
        return `op1 is in avsB's set, and avsB can slash ${eth(atRisk(w, AVS_B))} of op1's ${eth(stake(w))} stETH strategy shares${why}. avsA can still slash its ${eth(atRisk(w, AVS_A))} shares, and nobody else can touch those. Why: joining a set only makes op1 a member; a service can slash just the magnitude allocated to its own set, so until op1 allocates to avsB, nothing of its stake answers to avsB.`;
      },
      otherwise: [
        {
          when: (e) => !e.ok && is(e, 'operator.registerForSets', 'avs', AVS_A),
          say: () =>
            "The chain refused: op1 is already in avsA's set 0. The question is about avsB: register op1 for avsB's set 0.",
        },
        {
          when: (e) => e.ok && is(e, 'operator.allocate', 'avs', AVS_B),
          say: () =>
            "That allocation to avsB landed, but the question is what avsB can slash before op1 gives it anything. Undo it and register op1 for avsB's set 0 first.",
        },
      ],
      wanted: 'Act as op1 and use "Register for operator sets" with avsB\'s set 0.',
    }),
    split: actStep<Context>({
      show: allocate(AVS_B, '70%'),
      tryWrong: allocate(AVS_B, '80%'),
      holds: (w) => (member(w, AVS_B) ? null : "op1 is not in avsB's set 0"),
      counts: (e) => allocated(e, AVS_B) && target(e.after, AVS_B) > 0n,
      target: 'settle',
      says: ({ after: w }) => {
        const when = effective(w, AVS_B)
          ? 'it took effect at once (allocation delay 0)'
          : whenEffective(w, AVS_B);
        return `op1's magnitude in avsB's set is heading to ${percent(target(w, AVS_B))}; with avsA's ${percent(target(w, AVS_A))}, ${percent(encumbered(w))} of its ${percent(maxMagnitude(w))} max magnitude is now allocated. For avsB ${when}.`;
      },
      otherwise: [
        {
          when: (e) =>
            !e.ok && is(e, 'operator.allocate', 'avs', AVS_B) && pendingDiff(e.before, AVS_B) !== 0n,
          say: (e) =>
            `The chain refused: avsB's allocation already has a change pending (${whenEffective(e.before, AVS_B)}), and an allocation changes once at a time. Undo the earlier allocation to avsB, or advance time and keep it.`,
        },
        {
          when: (e) => !e.ok && is(e, 'operator.allocate', 'avs', AVS_B),
          say: ({ before: w, error }) =>
            `The chain refused: ${error ?? 'it reverted'} op1's max magnitude is ${percent(maxMagnitude(w))}, and ${percent(encumbered(w))} of it is already allocated to avsA, so at most ${percent(maxMagnitude(w) - encumbered(w))} is free for avsB: one slice of stake answers to one service only.`,
        },
        {
          when: (e) => e.ok && is(e, 'operator.allocate', 'avs', AVS_A),
          say: (e) =>
            `That changed avsA's allocation (now heading to ${percent(target(e.after, AVS_A))}); this step gives avsB its share. Undo it and allocate to avsB's set 0.`,
        },
      ],
      wanted: ({ before: w }) =>
        `Act as op1 and allocate some of the free ${percent(maxMagnitude(w) - encumbered(w))} to avsB's set 0.`,
    }),
    settle: actStep<Context>({
      show: ADVANCE,
      tryWrong: [{ action: 'chain.advance', blocks: 1 }],
      holds: (w) => (target(w, AVS_B) > 0n ? null : 'op1 has allocated nothing to avsB'),
      counts: (e) => landed(e, 'chain.advance') && effective(e.after, AVS_B),
      target: 'predictPay',
      says: ({ after: w }) => {
        const a = atRisk(w, AVS_A);
        const b = atRisk(w, AVS_B);
        return `Stake at risk per service, of op1's ${eth(stake(w))} stETH strategy shares: avsA ${eth(a)} (${percent(current(w, AVS_A))}), avsB ${eth(b)} (${percent(current(w, AVS_B))}), slashable by no one ${eth(stake(w) - a - b)}. Together the allocations use ${percent(encumbered(w))} of the ${percent(maxMagnitude(w))} max magnitude.`;
      },
      otherwise: [
        {
          when: (e) => e.ok && e.step.action === 'chain.advance',
          say: (e) =>
            `Not yet: at block ${e.after.block} avsB's allocation is still pending, and ${whenEffective(e.after, AVS_B)}. Advance time further.`,
        },
      ],
      wanted: (e) =>
        `This step is about time: use "Advance time" (avsB's allocation: ${whenEffective(e.after, AVS_B)}).`,
    }),
    predictPay: predictStep<Context>({
      question: 'predictPay',
      choices: PAY_CHOICES,
      holds: (w) => (effective(w, AVS_B) ? null : "op1's allocation to avsB is not in effect"),
      next: 'pay',
    }),
    pay: actStep<Context>({
      show: PAY,
      tryWrong: CLAIM,
      holds: (w) => (effective(w, AVS_B) ? null : "op1's allocation to avsB is not in effect"),
      counts: (e) => landed(e, 'rewards.submit', AVS_B) && credited(e, STAKER) > 0n,
      target: 'mature',
      judges: { question: 'predictPay', choices: PAY_CHOICES, truth: payTruth, say: judged },
      says: (e) => {
        const toAlice = credited(e, STAKER);
        const toOp = credited(e, OPERATOR);
        return `the rewards coordinator credited ${eth(toAlice + toOp)} ETH: op1 ${eth(toOp)} ETH, its split, and Alice ${eth(toAlice)} ETH. Why: a payment is shared among the set's operators by their allocated stake, each operator keeps its split (10% unless it sets another), and the rest goes to the restakers delegated to it by their own stake in the allocation; Alice is the only restaker behind op1, so the stakers' part is all hers. It can be claimed from block ${BigInt(e.after.block) + BigInt(ACTIVATION_BLOCKS)}, ${ACTIVATION_BLOCKS} blocks (${realTime(BigInt(ACTIVATION_BLOCKS))}) later.`;
      },
      then: (e) => ({ paidAt: e.after.block }),
      otherwise: [
        {
          when: (e) => !e.ok && e.step.action === 'rewards.claim',
          say: () =>
            `The chain refused the claim: nobody has been credited any rewards yet, so there is nothing to claim. A reward starts with the service paying: act as avsB and submit rewards to its set 0.`,
        },
        {
          when: (e) => e.ok && is(e, 'rewards.submit', 'by', AVS_A),
          say: (e) =>
            `avsA paid its set instead (Alice was credited ${eth(credited(e, STAKER))} ETH of it). This step follows avsB, the service that pays more: undo it and submit rewards as avsB to its set 0.`,
        },
      ],
      wanted: 'Act as avsB and use "Submit rewards to a set": set 0, 2 ETH.',
    }),
    mature: actStep<Context>({
      show: MATURE,
      tryWrong: CLAIM,
      holds: (w) => (earned(w, STAKER) > 0n ? null : 'Alice has been credited no rewards'),
      counts: (e) => landed(e, 'chain.advance') && claimable(e.after, STAKER) > 0n,
      target: 'claim',
      says: ({ after: w }) =>
        `At block ${w.block} Alice's rewards are active: ${eth(claimable(w, STAKER))} ETH is claimable. The delay gives the protocol time to catch a wrong payout before anyone can take it.`,
      otherwise: [
        {
          when: (e) => !e.ok && e.step.action === 'rewards.claim',
          say: (e, c) =>
            `The chain refused the claim: Alice's ${eth(earned(e.before, STAKER))} ETH is credited but not active yet, and only active rewards can be claimed. They activate at ${activation(c)}; advance time first.`,
        },
        {
          when: (e) => e.ok && e.step.action === 'chain.advance',
          say: (e, c) =>
            `Not yet: at block ${e.after.block} nothing is claimable; Alice's rewards activate at ${activation(c)}. Advance time further.`,
        },
      ],
      wanted: (_, c) => `Use "Advance time": Alice's rewards activate at ${activation(c)}.`,
    }),
    claim: actStep<Context>({
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
      counts: (e) => landed(e, 'rewards.claim', STAKER) && ethOf(e.after, STAKER) > ethOf(e.before, STAKER),
      target: 'debrief',
      says: (e) => {
        const w = e.after;
        return `Alice's ETH went from ${eth(ethOf(e.before, STAKER))} to ${eth(ethOf(w, STAKER))}: the ${eth(ethOf(w, STAKER) - ethOf(e.before, STAKER))} ETH the coordinator credited her. Beside it, the stake at risk that earned it: avsB can slash ${eth(atRisk(w, AVS_B))} of her ${eth(stake(w))} stETH strategy shares through op1, and avsA ${eth(atRisk(w, AVS_A))}. That is the trade every restaker makes: the reward for standing behind a service, against what its slashing could take.`;
      },
      otherwise: [
        {
          when: (e) => e.ok && is(e, 'rewards.claim', 'by', OPERATOR),
          say: (e) =>
            `op1 claimed its own split: ${eth(ethOf(e.after, OPERATOR) - ethOf(e.before, OPERATOR))} ETH. Each earner claims for itself; Alice's ${eth(claimable(e.after, STAKER))} ETH is still waiting. Act as alice and claim.`,
        },
      ],
      wanted: 'Act as alice and use "Claim rewards".',
    }),
    debrief: debriefStep<Context>({
      holds: (w) =>
        !effective(w, AVS_B)
          ? "op1's allocation to avsB is not in effect"
          : current(w, AVS_A) + current(w, AVS_B) > maxMagnitude(w)
            ? "op1's allocations add up to more than its max magnitude"
            : earned(w, STAKER) === 0n || claimable(w, STAKER) !== 0n
              ? 'Alice has not claimed her credited rewards'
              : null,
    }),
  },
});
