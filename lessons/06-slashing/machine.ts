// Lesson 6: what a slash does, to whom, and when. The AVS slashes a fraction of one allocation; the
// operator's max magnitude falls, and with it every delegator's withdrawable shares, while no staker's
// deposit shares change. Withdrawals queued inside the window pay the slashed rate, older ones do not, and
// the slashed shares wait in the strategy until someone sends them to the burn address.
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
  stakerShares,
  type ActedEvent,
  type LessonContext,
  type LessonEvent,
  type StepMeta,
  type World,
} from '../../src/engine/lesson-kit.ts';

const AVS = 'avs1';
const OPERATOR = 'op1';
const STRATEGY = 'stETH';
const SET_KEY = `${AVS}/0`;
/** Still delegated when the slash lands: their withdrawable shares all read op1's max magnitude. */
const DELEGATORS = ['alice', 'bob', 'carol'] as const;
/** Erin's withdrawal left the slashing window before the slash; Dave's was queued inside it. */
const LEFT = { staker: 'erin', withdrawal: 'erinExit' };
const INSIDE = { staker: 'dave', withdrawal: 'daveExit' };

const slashOf = (wad: string, as = 's1') => [
  {
    action: 'avs.slash',
    by: AVS,
    operator: OPERATOR,
    set: 0,
    strategies: [STRATEGY],
    wads: [wad],
    description: 'signed two conflicting results',
    as,
  },
];
const SLASH = slashOf('20%');
const complete = (who: { staker: string; withdrawal: string }) => [
  { action: 'withdrawal.complete', by: who.staker, withdrawal: who.withdrawal, receiveAsTokens: true },
];
const WAIT = [{ action: 'chain.advance', blocks: 336 }];
const clearOf = (slash: string) => [{ action: 'slashing.clear', by: AVS, avs: AVS, set: 0, slash }];
const CLEAR = clearOf('s1');

const WAD = 10n ** 18n;
const HALF = WAD / 2n;

interface Context extends LessonContext {
  /** The head once the slash landed. */
  slashBlock: string | null;
  /** The name the learner's slash got: sending its shares on names it. */
  slashName: string | null;
  /** op1's max magnitude right after the slash. */
  maxMagnitudeAfter: string | null;
  /** Shares the slash took from op1's delegated stake (the rest of what is burned came from the queue). */
  slashedFromOperator: string | null;
  /** The delegators' deposit shares when the slash landed: the slash must leave them as they were. */
  deposits: Record<string, string>;
  /** stETH at the burn address once the slash was cleared. */
  burned: string | null;
}

const op = (w: World) => w.operators[OPERATOR];
const maxMagnitude = (w: World) => BigInt(op(w)?.maxMagnitude[STRATEGY] ?? '0');
const opShares = (w: World) => BigInt(op(w)?.shares[STRATEGY] ?? '0');
const allocation = (w: World) => op(w)?.allocations[SET_KEY]?.[STRATEGY];
const magnitude = (w: World) => BigInt(allocation(w)?.currentMagnitude ?? '0');
const burned = (w: World) => BigInt(w.burned[STRATEGY] ?? '0');
const withdrawal = (w: World, who: { staker: string; withdrawal: string }) =>
  w.stakers[who.staker]?.withdrawals[who.withdrawal];
const completableAfter = (w: World, who: { staker: string; withdrawal: string }) =>
  BigInt(withdrawal(w, who)?.completableAfterBlock ?? '0');
const done = (w: World, who: { staker: string; withdrawal: string }) =>
  withdrawal(w, who)?.completed === true;
const withdrawable = (w: World, staker: string) => stakerShares(w, staker, STRATEGY).withdrawable;

/** The fraction of the allocation a slash took, from the set's magnitude before and after (WAD). */
const slashedFraction = (e: ActedEvent) =>
  magnitude(e.before) === 0n ? 0n : ((magnitude(e.before) - magnitude(e.after)) * WAD) / magnitude(e.before);

/** Before the slash: op1 has allocated half of its untouched stake to avs1. */
const halfAllocated = (w: World) =>
  magnitude(w) === HALF && maxMagnitude(w) === WAD ? null : 'op1 has not allocated 50% of 100% to avs1';

/** What a completed withdrawal paid: tokens received, or shares credited back as deposit shares. */
function paid(e: ActedEvent, staker: string): bigint {
  const tokens =
    BigInt(e.after.accounts[staker]?.stETH ?? '0') - BigInt(e.before.accounts[staker]?.stETH ?? '0');
  return tokens + withdrawable(e.after, staker) - withdrawable(e.before, staker);
}

/** The fraction of Alice's stake the slash took, as the prediction's choices name it. */
function lossChoice(e: ActedEvent): string {
  const before = withdrawable(e.before, 'alice');
  const lost = before === 0n ? 0n : ((before - withdrawable(e.after, 'alice')) * WAD) / before;
  if (lost === 0n) return 'none';
  if (lost === WAD / 10n) return 'ten';
  return lost === WAD / 5n ? 'twenty' : 'other';
}

/** The name a slash step gave its slash, if any. */
const nameOf = (e: ActedEvent) => {
  const as = e.step['as'];
  return typeof as === 'string' && as !== '' ? as : null;
};

/** paid ÷ queued as an exact percentage, or as the exact quotient when it has no finite decimal in WAD. */
function rate(paid: bigint, queued: bigint): string {
  if (queued === 0n) return 'none';
  return (paid * WAD) % queued === 0n ? percent((paid * WAD) / queued) : `${eth(paid)} ÷ ${eth(queued)}`;
}

/** What Dave's payout says about the window, as the second prediction's choices name it. */
function daveChoice(e: ActedEvent): string {
  const queued = BigInt(withdrawal(e.before, INSIDE)?.scaledShares ?? '0');
  const got = paid(e, INSIDE.staker);
  if (got === queued) return 'full';
  if (got * 10n === queued * 9n) return 'ten';
  return got * 10n === queued * 8n ? 'twenty' : 'other';
}

/** The words about a judged prediction that open the feedback. */
const judged = (right: boolean | null) =>
  right === null ? '' : right ? 'You predicted it: ' : 'The chain says otherwise: ';

const LOSS_CHOICES = [
  { id: 'twenty', label: '20%: the fraction avs1 slashes' },
  { id: 'ten', label: '10%: 20% of the 50% op1 allocated' },
  { id: 'none', label: 'Nothing: the operator is punished, not its restakers' },
];
const DAVE_CHOICES = [
  { id: 'full', label: '30 stETH: he was already on his way out' },
  { id: 'ten', label: '27 stETH: the slash reaches his queued withdrawal' },
  { id: 'twenty', label: '24 stETH: he pays the whole 20%' },
];

/** Why Dave cannot be paid yet, in blocks and in real time. */
function daveWaits(w: World): string {
  const after = completableAfter(w, INSIDE);
  const left = after - BigInt(w.block);
  if (left <= 0n)
    return `Dave's withdrawal left the slashing window at block ${after}, so it can be completed now`;
  return `Dave's withdrawal was queued at block ${withdrawal(w, INSIDE)?.startBlock ?? '?'} and stays in the slashing window through block ${after}; the chain is at block ${w.block}, so ${left} more blocks (${realTime(left)} of real time) must pass before it can be completed`;
}

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
  context: () => ({
    ...initialLessonContext(),
    slashBlock: null,
    slashName: null,
    maxMagnitudeAfter: null,
    slashedFromOperator: null,
    deposits: {},
    burned: null,
  }),
  initial: 'intro',
  states: {
    intro: readStep<Context>({ next: 'magnitudes' }),
    magnitudes: readStep<Context>({
      lookAt: [{ label: 'op1', view: 'Inspector', section: 'operators', card: 'op1' }],
      holds: halfAllocated,
      next: 'predictLoss',
    }),
    predictLoss: predictStep<Context>({
      question: 'predictLoss',
      holds: halfAllocated,
      choices: LOSS_CHOICES,
      next: 'slash',
    }),
    slash: actStep<Context>({
      show: SLASH,
      tryWrong: slashOf('10%'),
      counts: (e) =>
        landed(e, 'avs.slash', AVS) &&
        e.step['operator'] === OPERATOR &&
        slashedFraction(e) === WAD / 5n &&
        nameOf(e) !== null,
      target: 'everyone',
      judges: { question: 'predictLoss', choices: LOSS_CHOICES, truth: lossChoice, say: judged },
      says: (e) => {
        const drops = DELEGATORS.map(
          (s) => `${s} ${eth(withdrawable(e.before, s))} → ${eth(withdrawable(e.after, s))}`,
        ).join(', ');
        const deposits = DELEGATORS.map((s) => eth(stakerShares(e.after, s, STRATEGY).deposit)).join(', ');
        return `op1's max magnitude fell from ${percent(maxMagnitude(e.before))} to ${percent(maxMagnitude(e.after))}, so every delegator lost the same share: withdrawable stETH ${drops}. Their deposit shares are still ${deposits}. Why: delegated stake is the operator's stake; a slash lowers op1's max magnitude, and every share delegated to op1 is worth that magnitude, so its restakers share the loss in proportion, only on the part op1 allocated to avs1.`;
      },
      then: (e) => ({
        slashBlock: e.after.block,
        slashName: nameOf(e),
        maxMagnitudeAfter: String(maxMagnitude(e.after)),
        slashedFromOperator: String(opShares(e.before) - opShares(e.after)),
        deposits: Object.fromEntries(
          DELEGATORS.map((s) => [s, String(stakerShares(e.after, s, STRATEGY).deposit)]),
        ),
      }),
      otherwise: [
        {
          when: (e) =>
            e.ok && e.step.action === 'avs.slash' && slashedFraction(e) === WAD / 5n && nameOf(e) === null,
          say: (e) =>
            `That slash took ${percent(slashedFraction(e))} of op1's allocation, as asked, but it has no name, and the last step of this lesson sends its shares on by name. Undo it and slash again, giving it a name (the Act panel suggests s1).`,
        },
        {
          when: (e) => e.ok && e.step.action === 'avs.slash',
          say: (e) =>
            `That slash took ${percent(slashedFraction(e))} of op1's allocation: its magnitude in avs1's set fell from ${percent(magnitude(e.before))} to ${percent(magnitude(e.after))}, and Alice's withdrawable stETH from ${eth(withdrawable(e.before, 'alice'))} to ${eth(withdrawable(e.after, 'alice'))}. The fraction is of the allocation, not of op1's whole stake, and the question was about 20%: undo it and slash 20%.`,
        },
      ],
      wanted: 'Act as avs1 and use "Slash an operator": op1, set 0, stETH, 20% of the allocation.',
    }),
    everyone: readStep<Context>({
      // The flow draws what the prose says: op1's node and every delegator's band shrank together.
      lookAt: [{ label: 'op1 in the stake flow', view: 'Flow', card: 'op1' }],
      holds: (w, c) => {
        if (c.maxMagnitudeAfter === null || maxMagnitude(w) !== BigInt(c.maxMagnitudeAfter))
          return "op1's max magnitude is not what the slash left";
        for (const s of DELEGATORS) {
          const { deposit, withdrawable: a } = stakerShares(w, s, STRATEGY);
          if (String(deposit) !== c.deposits[s]) return `${s}'s deposit shares changed`;
          if (a !== (deposit * maxMagnitude(w)) / WAD)
            return `${s}'s withdrawable shares do not read op1's max magnitude`;
        }
        return null;
      },
      next: 'erinExit',
    }),
    erinExit: actStep<Context>({
      show: complete(LEFT),
      tryWrong: complete(INSIDE),
      holds: (w) => (done(w, LEFT) ? "Erin's withdrawal is already completed" : null),
      counts: (e) => landed(e, 'withdrawal.complete', LEFT.staker) && done(e.after, LEFT),
      target: 'predictDave',
      says: (e, c) =>
        `Erin received ${eth(paid(e, LEFT.staker))} stETH, all she queued: her withdrawal left the slashing window at block ${completableAfter(e.after, LEFT)}, before the slash landed at block ${c.slashBlock ?? '?'}.`,
      otherwise: [
        {
          when: (e) => !e.ok && e.step.action === 'withdrawal.complete' && e.step['by'] === INSIDE.staker,
          say: (e) =>
            `The chain refused (WithdrawalDelayNotElapsed): ${daveWaits(e.before)}. This step is Erin's: act as erin and complete ${LEFT.withdrawal}.`,
        },
      ],
      wanted: `Act as erin and use "Complete a withdrawal" with ${LEFT.withdrawal}.`,
    }),
    predictDave: predictStep<Context>({
      question: 'predictDave',
      choices: DAVE_CHOICES,
      holds: (w) => (done(w, LEFT) ? null : "Erin's withdrawal is not completed"),
      next: 'waitWindow',
    }),
    waitWindow: actStep<Context>({
      show: WAIT,
      tryWrong: complete(INSIDE),
      lookAt: [
        { label: "Dave's queued withdrawal", view: 'Inspector', section: 'restakers', card: INSIDE.staker },
      ],
      holds: (w) => (done(w, INSIDE) ? "Dave's withdrawal is already completed" : null),
      counts: (e) => landed(e, 'chain.advance') && BigInt(e.after.block) >= completableAfter(e.after, INSIDE),
      target: 'daveExit',
      says: (e) =>
        `Block ${e.after.block}: Dave's withdrawal left the window at block ${completableAfter(e.after, INSIDE)}, and it can be completed now.`,
      otherwise: [
        {
          when: (e) => !e.ok && e.step.action === 'withdrawal.complete' && e.step['by'] === INSIDE.staker,
          say: (e) =>
            `The chain refused (WithdrawalDelayNotElapsed): ${daveWaits(e.before)}. Advance time first.`,
        },
        {
          when: (e) => e.ok && e.step.action === 'chain.advance',
          say: (e) => `Not yet: ${daveWaits(e.after)}. Advance time further.`,
        },
      ],
      wanted: (e) => `${daveWaits(e.after)}: use "Advance time".`,
    }),
    daveExit: actStep<Context>({
      show: complete(INSIDE),
      tryWrong: complete(LEFT),
      holds: (w) =>
        BigInt(w.block) >= completableAfter(w, INSIDE) ? null : "Dave's withdrawal is still in its window",
      counts: (e) => landed(e, 'withdrawal.complete', INSIDE.staker) && done(e.after, INSIDE),
      target: 'burn',
      judges: { question: 'predictDave', choices: DAVE_CHOICES, truth: daveChoice, say: judged },
      says: (e) => {
        const queued = BigInt(withdrawal(e.before, INSIDE)?.scaledShares ?? '0');
        const got = paid(e, INSIDE.staker);
        return `Dave queued ${eth(queued)} stETH and received ${eth(got)} stETH: ${rate(got, queued)} of it. The slash landed inside his 14-day window, so his withdrawal paid at the max magnitude op1 had when his window closed, like the stake that stayed. Why: a queued withdrawal stays slashable for the whole withdrawal delay, so a restaker cannot escape a slash it sees coming by queuing just before it lands.`;
      },
      otherwise: [
        {
          when: (e) =>
            !e.ok &&
            e.step.action === 'withdrawal.complete' &&
            e.step['by'] === LEFT.staker &&
            done(e.before, LEFT),
          say: (e) =>
            `The chain refused: Erin's withdrawal was paid already (${eth(BigInt(e.before.accounts[LEFT.staker]?.stETH ?? '0'))} stETH in her account), and a withdrawal completes once. This step is Dave's: act as dave and complete ${INSIDE.withdrawal}.`,
        },
      ],
      wanted: `Act as dave and use "Complete a withdrawal" with ${INSIDE.withdrawal}.`,
    }),
    burn: actStep<Context>({
      show: CLEAR,
      tryWrong: slashOf('20%', 's2'),
      holds: (w) => (done(w, INSIDE) ? null : "Dave's withdrawal is not completed"),
      // The learner's slash may have another name than the hint's s1: "show me" sends on the one it made.
      perform: (c) => clearOf(c.slashName ?? 's1'),
      counts: (e) => landed(e, 'slashing.clear') && burned(e.after) > burned(e.before),
      target: 'debrief',
      says: (e, c) => {
        const sent = burned(e.after) - burned(e.before);
        const fromOperator = BigInt(c.slashedFromOperator ?? '0');
        const owed = DELEGATORS.reduce((sum, st) => sum + withdrawable(e.after, st), 0n);
        return `${eth(sent)} stETH went to the burn address: ${eth(fromOperator)} from op1's delegated stake and ${eth(sent - fromOperator)} from Dave's queued withdrawal. The stETH strategy now holds ${eth(e.after.strategies[STRATEGY]?.underlyingBalance ?? '0')} stETH, and Alice, Bob and Carol can withdraw ${eth(owed)} of it.`;
      },
      then: (e) => ({ burned: String(burned(e.after)) }),
      otherwise: [
        {
          when: (e) => e.ok && e.step.action === 'avs.slash',
          say: (e) =>
            `That was a second slash: op1's max magnitude fell again, from ${percent(maxMagnitude(e.before))} to ${percent(maxMagnitude(e.after))}, and nothing was burned yet (${eth(burned(e.after))} stETH at the burn address). Undo it: this step sends the first slash's shares on, with "Burn or redistribute slashed shares".`,
        },
      ],
      wanted: (_, c) =>
        `Use "Burn or redistribute slashed shares" for avs1's set 0 and the slash ${c.slashName ?? 's1'} (anyone may send it).`,
    }),
    debrief: debriefStep<Context>({
      holds: (w, c) =>
        c.burned !== null && burned(w) === BigInt(c.burned) && burned(w) > 0n
          ? null
          : 'the burned stETH is not what the clearing sent',
    }),
  },
});
