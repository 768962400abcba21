// Lesson 8: one stake under other slashing rules. avs1's slasher starts instant; the learner gives it a veto
// window with council as the committee (the role Symbiotic's resolvers play), requests a slash, predicts what
// the committee's veto leaves, vetoes, then switches avs1 back to instant slashing at a small fixed rate (a
// fraction set in advance, as in Babylon's pre-signed slashing transaction). Two quizzes ask facts of those
// designs.
import { assign, setup } from 'xstate';
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
  stakerShares,
  type ActedEvent,
  type Otherwise,
  type Feedback,
  type LessonContext,
  type LessonEvent,
  type StepMeta,
  type World,
} from '../../src/engine/lesson-kit.ts';

const AVS = 'avs1';
const OP = 'op1';
const SET = 0;
const COMMITTEE = 'council';
const STRATEGY = 'stETH';
const WAD = 10n ** 18n;
/** The fixed rate of the last rule: 0.1% of the operator's allocation to the set. */
const RATE = 10n ** 15n;

// The exact action of each step: the second hint, "show me" and the tests all take these.
const VETO_RULE = [{ action: 'avs.configureVeto', by: AVS, blocks: 72, committee: COMMITTEE }];
const REQUEST = [
  {
    action: 'avs.requestSlash',
    by: AVS,
    operator: OP,
    set: SET,
    strategies: [STRATEGY],
    wads: ['20%'],
    description: 'missed attestations, blamed on a client bug',
    as: 'r1',
  },
];
const vetoOf = (request: string) => [{ action: 'avs.veto', by: COMMITTEE, avs: AVS, request }];
const VETO = vetoOf('r1');
const INSTANT_RULE = [{ action: 'avs.configureVeto', by: AVS, blocks: 0, committee: COMMITTEE }];
const RATE_SLASH = [
  {
    action: 'avs.slash',
    by: AVS,
    operator: OP,
    set: SET,
    strategies: [STRATEGY],
    wads: ['0.1%'],
    description: 'fixed rate: 0.1% for any proven fault',
  },
];
// Likely wrong moves, each one an explanation below covers.
const SLASH_NOW = [
  {
    action: 'avs.slash',
    by: AVS,
    operator: OP,
    set: SET,
    strategies: [STRATEGY],
    wads: ['20%'],
    description: 'double signing',
  },
];
const EXECUTE_EARLY = [{ action: 'avs.executeSlash', by: AVS, request: 'r1' }];

interface Context extends LessonContext {
  /** The `as` name of the learner's request: the veto's "show me" names it. */
  request: string | null;
  /** op1's stake, max magnitude and allocation to the set when the request was made (decimal strings). */
  stakeAtRequest: string | null;
  maxMagnitudeAtRequest: string | null;
  allocationAtRequest: string | null;
}

const opStake = (w: World) => BigInt(w.operators[OP]?.shares[STRATEGY] ?? '0');
const maxMagnitude = (w: World) => BigInt(w.operators[OP]?.maxMagnitude[STRATEGY] ?? '0');
const allocation = (w: World) =>
  BigInt(w.operators[OP]?.allocations[`${AVS}/${SET}`]?.[STRATEGY]?.currentMagnitude ?? '0');
const allocatedStake = (w: World) =>
  BigInt(w.operators[OP]?.allocations[`${AVS}/${SET}`]?.[STRATEGY]?.allocatedStake ?? '0');
const withdrawable = (w: World, staker: string) => stakerShares(w, staker, STRATEGY).withdrawable;
const vetoWindow = (w: World) => BigInt(w.avs[AVS]?.vetoWindowBlocks ?? '0');
const committee = (w: World) => w.avs[AVS]?.vetoCommittee ?? null;
const requestIn = (w: World, name: unknown) =>
  typeof name === 'string' ? w.avs[AVS]?.slashRequests[name] : undefined;
/** The magnitude a slash of `wad` takes from an allocation: rounded up, as the AllocationManager does. */
const cutOf = (alloc: bigint, wad: bigint) => (alloc * wad + WAD - 1n) / WAD;
/** Who lost what in a step, in the chain's numbers. */
const losses = (e: ActedEvent) =>
  `op1 ${eth(opStake(e.before))} → ${eth(opStake(e.after))} stETH, alice ${eth(withdrawable(e.before, 'alice'))} → ${eth(withdrawable(e.after, 'alice'))}, bob ${eth(withdrawable(e.before, 'bob'))} → ${eth(withdrawable(e.after, 'bob'))} withdrawable`;

/** What the committee's veto did to op1's stake: the truth the prediction is judged against. */
function vetoTruth(e: ActedEvent): string {
  const before = opStake(e.before);
  const lost = before - opStake(e.after);
  if (lost === 0n) return 'intact';
  if (lost * 5n === allocatedStake(e.before)) return 'allocation';
  if (lost * 5n === before) return 'all';
  return 'other';
}

const VETO_CHOICES = [
  { id: 'intact', label: '60 stETH: exactly what it has now' },
  { id: 'allocation', label: '54 stETH: the requested 20% of its 30 stETH allocation goes anyway' },
  { id: 'all', label: '48 stETH: 20% of all its 60 stETH goes anyway' },
];

interface QuizKey {
  id: string;
  right: string;
  /** Feedback for the right answer and for any other: each says the fact of the design. */
  rightText: string;
  wrongText: string;
}

/** A quiz is judged at once: its right answer is a fact of the design, not of this chain. */
function judgeQuiz(context: Context, event: LessonEvent, key: QuizKey): Partial<Context> {
  const choice = event.type === 'ANSWER' ? event.choice : '';
  const correct = choice === key.right;
  const feedback: Feedback = {
    tone: correct ? 'right' : 'wrong',
    text: correct ? key.rightText : key.wrongText,
  };
  return { answers: { ...context.answers, [key.id]: { choice, correct } }, feedback };
}

/**
 * A refused avs.slash whose only reason is avs1's veto window: every reason the chain gave names
 * VetoWindowEnabled (a slash of the wrong set or operator is refused for that too, and says so).
 */
function refusedForWindow(e: ActedEvent): boolean {
  if (e.ok || e.step.action !== 'avs.slash' || vetoWindow(e.before) === 0n) return false;
  const reasons = (e.error ?? '').split('\n').filter((line) => line.trim() !== '');
  return reasons.length > 0 && reasons.every((line) => line.includes('VetoWindowEnabled'));
}

// What each act step says to the usual wrong moves, in the chain's numbers; anything else is worded by
// didNotCount with the step's `wanted`.

/** Pending requests before an action, by name. */
const pendingRequests = (e: ActedEvent) =>
  Object.entries(e.before.avs[AVS]?.slashRequests ?? {}).filter(([, r]) => r.status === 'pending');

const vetoRuleOtherwise: Otherwise<Context>[] = [
  {
    when: (e) => e.ok && e.step.action === 'avs.slash',
    say: (e) =>
      `That slash was instant: ${losses(e)}, in one block, with nobody to stop it. That is the rule this step replaces. Undo it, then give avs1 a veto window.`,
  },
  {
    when: (e) => e.ok && e.step.action === 'avs.configureVeto',
    say: (e) =>
      vetoWindow(e.after) === 0n
        ? 'The window is 0 blocks, so avs1 still slashes at once. Give it a window of some blocks (72 blocks is 3 days here, at one block per hour) and council as the committee.'
        : `The window is on (${vetoWindow(e.after)} blocks), but the committee is ${committee(e.after) ?? 'nobody'}. In this lesson council plays the resolver: set the rule again with council as the committee.`,
  },
  {
    when: (e) => e.ok && e.step.action === 'avs.requestSlash',
    say: (e) =>
      `That request was made with no window: it can be executed from block ${requestIn(e.after, e.step['as'])?.requestBlock ?? '?'} on and nobody can veto it, and while it is open avs1 cannot change its rule (SlashRequestsOpen). Undo it and set the window first.`,
  },
  {
    when: (e) => !e.ok && e.step.action === 'avs.configureVeto' && pendingRequests(e).length > 0,
    say: (e) =>
      `The chain refused to change the rule (SlashRequestsOpen): request ${pendingRequests(e)
        .map(([name]) => name)
        .join(
          ', ',
        )} is still open, and a rule cannot change under an open request. Undo that request, then set the window.`,
  },
];

const requestOtherwise: Otherwise<Context>[] = [
  {
    when: refusedForWindow,
    say: (e) =>
      `The chain refused the instant slash (VetoWindowEnabled): with a ${vetoWindow(e.before)}-block window on, avs1 must first request a slash, so the committee has time to look at it. Nothing changed: op1 still has ${eth(opStake(e.after))} stETH.`,
  },
  {
    when: (e) => e.ok && e.step.action === 'avs.configureVeto',
    say: (e) =>
      vetoWindow(e.after) === 0n
        ? 'That switched the window off again, so avs1 would slash at once: that is a later step. Undo it (or set the window back on, with council as the committee), then request the slash.'
        : `The rule is now a ${vetoWindow(e.after)}-block window with ${committee(e.after) ?? 'nobody'} as the committee. Now request a slash of op1.`,
  },
  {
    when: (e) => e.ok && e.step.action === 'avs.slash',
    say: (e) =>
      `That slash was instant, with the window off: ${losses(e)}, with nobody to stop it. This step is about the vetoable rule: undo back to the window, and request the slash instead.`,
  },
  {
    when: (e) => e.ok && e.step.action === 'avs.requestSlash',
    say: (e) =>
      committee(e.after) === COMMITTEE
        ? `That request landed, but its window (${vetoWindow(e.after)} blocks) closes before the committee's next transaction could land. Undo it, set a longer window, and request again.`
        : `That request landed, but its committee is ${committee(e.after) ?? 'nobody'}, not council. Undo it, set the rule with council as the committee, and request again.`,
  },
];

/** The learner's request by the name she gave it, as the chain has it after the action. */
const requestNamed = (e: ActedEvent, c: Context) => requestIn(e.after, c.request ?? 'r1');

const vetoOtherwise: Otherwise<Context>[] = [
  {
    when: (e) => !e.ok && e.step.action === 'avs.executeSlash',
    say: (e, c) =>
      `The chain refused to execute it (VetoPeriodNotPassed): the committee can veto request ${c.request ?? 'r1'} until block ${requestNamed(e, c)?.vetoableUntilBlock ?? '?'}, and the chain is at block ${e.after.block}. This step is the committee's: act as council and veto it.`,
  },
  {
    when: (e, c) => e.ok && e.step.action === 'chain.advance' && requestNamed(e, c)?.status === 'pending',
    say: (e, c) => {
      const name = c.request ?? 'r1';
      const until = requestNamed(e, c)?.vetoableUntilBlock ?? '0';
      return BigInt(e.after.block) >= BigInt(until)
        ? `Time moved to block ${e.after.block}, past request ${name}'s window (the last block a veto can land in is ${until}): a veto would now revert (VetoPeriodPassed) and avs1 may execute it. Undo the advance, or request a new slash and veto that one.`
        : `Time moved to block ${e.after.block}; request ${name} can still be vetoed until block ${until}. Waiting does not veto it: act as council and veto it.`;
    },
  },
  {
    when: (e) => e.ok && e.step.action === 'avs.executeSlash',
    say: (e) =>
      `Nobody vetoed in time, so avs1 executed the slash: ${losses(e)}. That is the vetoable rule when the committee stays silent. Undo it (or request a new slash) to try the veto.`,
  },
  {
    when: (e) => e.ok && e.step.action === 'avs.requestSlash',
    say: (e) => `Request ${String(e.step['as'])} is now pending too. Act as council and veto one of them.`,
  },
];

const instantRuleOtherwise: Otherwise<Context>[] = [
  {
    when: refusedForWindow,
    say: (e) =>
      `The chain refused the instant slash (VetoWindowEnabled): avs1's ${vetoWindow(e.before)}-block window is still on. Switch the window off first.`,
  },
  {
    when: (e) => e.ok && e.step.action === 'avs.configureVeto',
    say: (e) =>
      `The window is still on (${vetoWindow(e.after)} blocks). Set it to 0 blocks to make avs1's slashes instant again.`,
  },
];

const rateSlashOtherwise: Otherwise<Context>[] = [
  {
    when: (e) => e.ok && e.step.action === 'avs.slash',
    say: (e) =>
      `That slash cut op1's allocation to the set from ${percent(allocation(e.before))} to ${percent(allocation(e.after))} of its stake (${losses(e)}): a rate chosen for this incident. The rule here is fixed in advance: 0.1% of the allocation, whatever the fault. Undo it and slash at 0.1%.`,
  },
  {
    when: refusedForWindow,
    say: (e) =>
      `The chain refused the slash (VetoWindowEnabled): avs1's window is on again (${vetoWindow(e.before)} blocks). Switch it off, then slash at 0.1%.`,
  },
];

/** The world after the rate slash: only that 0.1% is gone since the request (the vetoed one took nothing). */
function rateHolds(w: World, c: Context): string | null {
  if (c.maxMagnitudeAtRequest === null || c.allocationAtRequest === null) return 'no request was recorded';
  const cut = cutOf(BigInt(c.allocationAtRequest), RATE);
  if (maxMagnitude(w) !== BigInt(c.maxMagnitudeAtRequest) - cut)
    return `op1's max magnitude is ${percent(maxMagnitude(w))}, not 0.1% of its allocation below ${percent(c.maxMagnitudeAtRequest)}`;
  if (allocation(w) !== BigInt(c.allocationAtRequest) - cut)
    return `op1's allocation to the set is ${percent(allocation(w))}, not 0.1% below ${percent(c.allocationAtRequest)}`;
  return null;
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
    answerQuiz: assign(({ context, event }, key: QuizKey) => judgeQuiz(context, event, key)),
  },
}).createMachine({
  id: 'lesson',
  context: () => ({
    ...initialLessonContext(),
    request: null,
    stakeAtRequest: null,
    maxMagnitudeAtRequest: null,
    allocationAtRequest: null,
  }),
  initial: 'intro',
  states: {
    intro: readStep<Context>({ next: 'vetoRule' }),
    vetoRule: actStep<Context>({
      show: VETO_RULE,
      tryWrong: SLASH_NOW,
      counts: (e) =>
        landed(e, 'avs.configureVeto', AVS) && vetoWindow(e.after) > 0n && committee(e.after) === COMMITTEE,
      target: 'request',
      says: (e) =>
        `avs1's rule is now a ${vetoWindow(e.after)}-block veto window, with council as the committee. An instant slash would now be refused.`,
      otherwise: vetoRuleOtherwise,
      wanted:
        'Act as avs1 and use "Set a veto window" (avs.configureVeto) with some blocks and council as the committee.',
    }),
    request: actStep<Context>({
      show: REQUEST,
      tryWrong: SLASH_NOW,
      lookAt: [{ label: 'op1', view: 'Inspector', section: 'operators', card: 'op1' }],
      holds: (w) => (vetoWindow(w) > 0n && committee(w) === COMMITTEE ? null : 'avs1 has no veto window'),
      // A request the committee can still reach: its next transaction lands in the block after the head.
      counts: (e) => {
        if (!landed(e, 'avs.requestSlash', AVS)) return false;
        const r = requestIn(e.after, e.step['as']);
        return (
          r !== undefined &&
          r.status === 'pending' &&
          committee(e.after) === COMMITTEE &&
          BigInt(r.vetoableUntilBlock) > BigInt(e.after.block)
        );
      },
      target: 'predictVeto',
      says: (e) => {
        const name = String(e.step['as']);
        return `Request ${name} is pending. The committee can veto it until block ${requestIn(e.after, name)?.vetoableUntilBlock ?? '?'} (the chain is at block ${e.after.block}); op1 still has ${eth(opStake(e.after))} stETH.`;
      },
      then: (e) => ({
        request: String(e.step['as']),
        stakeAtRequest: String(opStake(e.after)),
        maxMagnitudeAtRequest: String(maxMagnitude(e.after)),
        allocationAtRequest: String(allocation(e.after)),
      }),
      otherwise: requestOtherwise,
      wanted:
        'Act as avs1 and use "Request a slash (vetoable)" (avs.requestSlash) against op1 in set 0, 20% of stETH.',
    }),
    predictVeto: predictStep<Context>({ question: 'predictVeto', choices: VETO_CHOICES, next: 'veto' }),
    veto: actStep<Context>({
      show: VETO,
      tryWrong: EXECUTE_EARLY,
      holds: (w, c) => (requestIn(w, c.request)?.status === 'pending' ? null : 'the request is not pending'),
      // The request carries the learner's own name for it.
      perform: (c) => vetoOf(c.request ?? 'r1'),
      counts: (e) => landed(e, 'avs.veto') && requestIn(e.after, e.step['request'])?.status === 'vetoed',
      target: 'vetoed',
      judges: {
        question: 'predictVeto',
        choices: VETO_CHOICES,
        truth: vetoTruth,
        say: (right) => (right === null ? '' : right ? 'You predicted it: ' : 'The chain says otherwise: '),
      },
      says: (e) =>
        `the veto cancelled request ${String(e.step['request'])} and moved nothing. op1 has ${eth(opStake(e.after))} stETH, max magnitude ${percent(maxMagnitude(e.after))}; alice and bob can still withdraw ${eth(withdrawable(e.after, 'alice'))} and ${eth(withdrawable(e.after, 'bob'))}. Why: with a veto window a slash is only a request until the window closes, and a committee veto cancels it before anything reaches EigenLayer.`,
      otherwise: vetoOtherwise,
      wanted: (_, c) =>
        `Act as council and use "Veto a slash request" (avs.veto) on avs1's request ${c.request ?? 'r1'}.`,
    }),
    vetoed: readStep<Context>({
      holds: (w, c) => {
        if (requestIn(w, c.request)?.status !== 'vetoed') return `request ${c.request ?? '?'} is not vetoed`;
        if (c.stakeAtRequest === null || opStake(w) !== BigInt(c.stakeAtRequest))
          return `op1's stake is ${eth(opStake(w))}, not the ${eth(c.stakeAtRequest ?? '0')} it had at the request`;
        if (c.maxMagnitudeAtRequest === null || maxMagnitude(w) !== BigInt(c.maxMagnitudeAtRequest))
          return `op1's max magnitude moved to ${percent(maxMagnitude(w))}`;
        return null;
      },
      next: 'quizVeto',
    }),
    quizVeto: {
      meta: {
        kind: 'quiz',
        choices: [
          {
            id: 'protocol',
            label: "In EigenLayer's core: the AllocationManager lets a committee veto any slash",
          },
          {
            id: 'avs',
            label: "In avs1's own slasher contract: avs1 chose to put a window and a committee there",
          },
        ],
      },
      on: {
        ANSWER: {
          target: 'instantRule',
          actions: {
            type: 'answerQuiz',
            params: {
              id: 'quizVeto',
              right: 'avs',
              rightText:
                "Right: EigenLayer's AllocationManager executes whatever slash an operator set's slasher sends. The window and the committee are avs1's own choice, written into its slasher (the middleware's VetoableSlasher). In Symbiotic the VetoSlasher is one of the protocol's own slasher modules: a vault picks it, and each network names its resolver.",
              wrongText:
                "Not so: EigenLayer's AllocationManager has no veto. It executes whatever an operator set's slasher sends; the window and the committee are avs1's own choice, written into its slasher (the middleware's VetoableSlasher). In Symbiotic the VetoSlasher is one of the protocol's own slasher modules: a vault picks it, and each network names its resolver.",
            },
          },
        },
        SKIP: 'instantRule',
      },
    },
    instantRule: actStep<Context>({
      show: INSTANT_RULE,
      tryWrong: RATE_SLASH,
      counts: (e) => landed(e, 'avs.configureVeto', AVS) && vetoWindow(e.after) === 0n,
      target: 'rateSlash',
      says: () =>
        "avs1's window is 0 blocks again: its next slash lands in the block it is sent, with nobody to stop it.",
      otherwise: instantRuleOtherwise,
      wanted: 'Act as avs1 and use "Set a veto window" (avs.configureVeto) with 0 blocks.',
    }),
    rateSlash: actStep<Context>({
      show: RATE_SLASH,
      tryWrong: SLASH_NOW,
      holds: (w) => (vetoWindow(w) === 0n ? null : 'avs1 still has a veto window'),
      counts: (e) => {
        if (!landed(e, 'avs.slash', AVS)) return false;
        const cut = maxMagnitude(e.before) - maxMagnitude(e.after);
        return cut > 0n && cut === cutOf(allocation(e.before), RATE);
      },
      target: 'quizBabylon',
      says: (e) =>
        `0.1% of the allocation, at once: ${losses(e)}. op1's max magnitude went from ${percent(maxMagnitude(e.before))} to ${percent(maxMagnitude(e.after))}.`,
      otherwise: rateSlashOtherwise,
      wanted: 'Act as avs1 and use "Slash an operator" (avs.slash): op1, set 0, stETH, 0.1%.',
    }),
    quizBabylon: {
      meta: {
        kind: 'quiz',
        holds: rateHolds,
        choices: [
          {
            id: 'contract',
            label: "A contract on Bitcoin checks the finality provider's votes and takes the coins",
          },
          {
            id: 'presigned',
            label:
              "A slashing transaction signed in advance; a double vote leaks the finality provider's key, which completes it",
          },
          { id: 'custody', label: 'Babylon holds the staked bitcoin and burns part of it' },
        ],
      },
      on: {
        ANSWER: {
          target: 'elsewhere',
          actions: {
            type: 'answerQuiz',
            params: {
              id: 'quizBabylon',
              right: 'presigned',
              rightText:
                "Right: the staker and the covenant committee sign the slashing transaction before the stake counts, so only the finality provider's signature is missing. Its votes are extractable one-time signatures: two votes for different blocks at the same height reveal its secret key, and anyone can then complete and broadcast that transaction.",
              wrongText:
                "Not so: Bitcoin's scripts check signatures and timelocks, so no contract there can judge a vote, and the bitcoin never leaves the staker's own output. The staker and the covenant committee sign the slashing transaction before the stake counts; the finality provider's votes are extractable one-time signatures, so two votes at the same height reveal its key, and anyone can then complete and broadcast that transaction.",
            },
          },
        },
        SKIP: 'elsewhere',
      },
    },
    elsewhere: readStep<Context>({ holds: rateHolds, next: 'debrief' }),
    debrief: debriefStep<Context>(),
  },
});
