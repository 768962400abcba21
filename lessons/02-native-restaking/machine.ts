// Lesson 2: native restaking. Alice's own validator names her pod as its withdrawal address; the pod credits
// deposit shares only when shown (credentials, then checkpoints), and a beacon-chain slash, once a checkpoint
// proves it, lowers her beacon-chain slashing factor while her deposit shares stay put.
import { setup } from 'xstate';
import {
  actStep,
  analyzePlaceholder,
  choiceLabel,
  debriefStep,
  didNotCount,
  eth,
  initialLessonContext,
  landed,
  lessonEffects,
  percent,
  predictStep,
  readStep,
  stakerShares,
  type ActedEvent,
  type LessonContext,
  type LessonEvent,
  type StepJson,
  type StepMeta,
  type World,
} from '../../src/engine/lesson-kit.ts';

const LEARNER = 'alice';
const OPERATOR = 'op1';
/** The name the Act panel suggests for Alice's first validator; the machine follows whatever name she picks. */
const VALIDATOR = 'v1';
/**
 * The words for a wei-sized gap between Alice's withdrawable shares and op1's operator shares: each is
 * rounded down on its own, so after a loss they may differ by a wei or two that no one can withdraw.
 */
function dust(withdrawable: bigint, operator: bigint): string {
  const gap = operator - withdrawable;
  if (gap <= 0n || gap > 10n) return '';
  return ` (op1's figure is ${gap} wei more than Alice's: a wei is 10⁻¹⁸ ETH, and each figure is rounded down on its own, against the staker.)`;
}

const WAD = 10n ** 18n;
const GWEI = 10n ** 9n;

// The exact action of each step. Steps that name the validator are built from the name the chain knows it
// by, so "show me" still works when the learner named it differently; `meta.show` spells out the default.
const CREATE = [{ action: 'pod.create', by: LEARNER }];
const STAKE = [{ action: 'pod.stake', by: LEARNER, as: VALIDATOR }];
const verifySteps = (v: string): StepJson[] => [
  { action: 'pod.verifyCredentials', by: LEARNER, validators: [v] },
];
const DELEGATE = [{ action: 'staker.delegate', by: LEARNER, operator: OPERATOR }];
const rewardSteps = (v: string): StepJson[] => [{ action: 'beacon.reward', validator: v, amount: '0.1 ETH' }];
const CHECKPOINT = [
  { action: 'pod.startCheckpoint', by: LEARNER },
  { action: 'pod.verifyCheckpoint', by: LEARNER },
];
const slashSteps = (v: string): StepJson[] => [{ action: 'beacon.slash', validator: v }];

interface Context extends LessonContext {
  /** Alice's validator, by the name its pod.stake step gave it. */
  validator: string;
  /**
   * Whether Alice's pod had a checkpoint open after the last action the machine saw (from the chain): a
   * proof counts only after a start the machine itself saw.
   */
  checkpointOpen: boolean;
  /** Alice's beaconETH deposit shares just before the beacon-chain slash. */
  depositBeforeSlash: string | null;
}

const SLASH_CHOICES = [
  { id: 'fewer', label: 'Yes: they drop by the penalty' },
  { id: 'same', label: 'No: they stay the same, and another number records the loss' },
  { id: 'zero', label: 'Yes: they drop to zero, since the validator is thrown out' },
];
/** How to reach a system action in the Act panel. */
const AS_SYSTEM = 'Act as "System" and use';
const CHECKPOINT_NEXT =
  'Act as alice: "Start a checkpoint" (pod.startCheckpoint), then "Prove checkpoint balances" (pod.verifyCheckpoint).';
const DELEGATE_NEXT = 'Act as alice and use "Delegate to an operator" (staker.delegate) with op1.';
const verifyNext = (c: Context) =>
  `Act as alice and use "Verify withdrawal credentials" (pod.verifyCredentials) with ${c.validator}.`;
const rewardNext = (c: Context) => `${AS_SYSTEM} "Reward a validator" (beacon.reward) on ${c.validator}.`;
const slashNext = (c: Context) => `${AS_SYSTEM} "Slash a validator" (beacon.slash) on ${c.validator}.`;

/** A specific explanation; when the chain refused the action, its own words come first. */
const explained = (e: ActedEvent, text: string) => (e.ok ? text : didNotCount(e, text));
const pod = (w: World) => w.stakers[LEARNER]?.pod ?? null;
const native = (w: World) => stakerShares(w, LEARNER, 'beaconETH');
const factor = (w: World) => BigInt(w.stakers[LEARNER]?.beaconChainSlashingFactor ?? String(WAD));
const delegatedTo = (w: World) => w.stakers[LEARNER]?.delegatedTo ?? null;
const operatorShares = (w: World) => BigInt(w.operators[OPERATOR]?.shares['beaconETH'] ?? '0');
const balance = (w: World, v: string) => BigInt(w.validators[v]?.balanceGwei ?? '0') * GWEI;
const effective = (w: World, v: string) => BigInt(w.validators[v]?.effectiveBalanceGwei ?? '0') * GWEI;
const activeInPod = (w: World) => BigInt(pod(w)?.activeValidators ?? '0');
const restaked = (w: World) => BigInt(pod(w)?.restakedGwei ?? '0') * GWEI;
const validators = (n: bigint) => `${n} active validator${n === 1n ? '' : 's'}`;
const open = (w: World) => pod(w)?.checkpointActive ?? false;
/** The validator the step acted on, when it is Alice's. */
const targetOf = (e: ActedEvent): string | null => {
  const v = e.step['validator'];
  return typeof v === 'string' && e.after.validators[v]?.owner === LEARNER ? v : null;
};
/** The validator a landed pod.stake created (the world names it by the step's `as`). */
const createdValidator = (e: ActedEvent): string | null =>
  Object.keys(e.after.validators).find(
    (id) => e.before.validators[id] === undefined && e.after.validators[id]?.owner === LEARNER,
  ) ?? null;

const staked = (e: ActedEvent) => landed(e, 'pod.stake', LEARNER) && createdValidator(e) !== null;
const verified = (e: ActedEvent) =>
  landed(e, 'pod.verifyCredentials', LEARNER) && native(e.after).deposit > native(e.before).deposit;
/** The last proof of an open checkpoint landed and closed it. */
const finalized = (e: ActedEvent, c: Context) =>
  c.checkpointOpen && landed(e, 'pod.verifyCheckpoint', LEARNER) && !open(e.after);
const checkpointStarted = (e: ActedEvent) =>
  (landed(e, 'pod.startCheckpoint', LEARNER) || landed(e, 'pod.verifyStaleBalance')) && open(e.after);

/** What a stake into the liquid staking pool did, for the steps where a learner may reach for lesson 1's path. */
const lstStakeInstead = (e: ActedEvent) =>
  `That staked ETH into the liquid staking pool: Alice now holds ${eth(e.after.accounts[LEARNER]?.stETH ?? '0')} stETH (lesson 1's path). Native restaking needs a validator of her own, with its withdrawal credentials pointing at her pod.`;

/**
 * The usual wrong turns around a checkpoint, in the chain's numbers. Read from the event's own worlds (the
 * guards keep to the context), so the same action is always explained the same way.
 */
function checkpointAdvice(e: ActedEvent): string | null {
  if (e.step.action === 'pod.verifyCheckpoint' && !open(e.before))
    return explained(
      e,
      `No checkpoint was open on Alice's pod: a proof needs a checkpoint to belong to. Start one first, then prove it. ${CHECKPOINT_NEXT}`,
    );
  if (e.step.action === 'pod.startCheckpoint' && !e.ok && open(e.before))
    return didNotCount(
      e,
      `A checkpoint is already open on Alice's pod, and a pod has one at a time: prove it with "Prove checkpoint balances" (pod.verifyCheckpoint).`,
    );
  return null;
}

/** Checkpoint opened (by Alice, or by anyone's staleness proof): what it waits for. */
const checkpointOpened = (e: ActedEvent) =>
  `Checkpoint open: the pod now expects a proof of the balance each of its ${validators(activeInPod(e.after))} had in this block. Prove the balances to finish it.`;

const podCreated = (e: ActedEvent) => landed(e, 'pod.create', LEARNER) && pod(e.after) !== null;
const delegated = (e: ActedEvent) =>
  landed(e, 'staker.delegate', LEARNER) && delegatedTo(e.after) === OPERATOR;
const rewarded = (e: ActedEvent) => {
  if (!landed(e, 'beacon.reward')) return false;
  const v = targetOf(e);
  return v !== null && balance(e.after, v) > balance(e.before, v);
};
const rewardCredited = (e: ActedEvent, c: Context) =>
  finalized(e, c) && native(e.after).deposit > native(e.before).deposit;
const slashed = (e: ActedEvent) => {
  if (!landed(e, 'beacon.slash')) return false;
  const v = targetOf(e);
  return v !== null && e.before.validators[v]?.slashed === false && e.after.validators[v]?.slashed === true;
};
const slashProven = (e: ActedEvent, c: Context) => finalized(e, c) && factor(e.after) < factor(e.before);

/** How Alice's deposit shares moved across the slash's checkpoint, as the prediction's choices name it. */
function slashTruth(e: ActedEvent, c: Context): string {
  const before = BigInt(c.depositBeforeSlash ?? '0');
  const after = native(e.after).deposit;
  return after === before ? 'same' : after === 0n ? 'zero' : 'fewer';
}

// Every action the machine sees refreshes this from the chain, so the checkpoint steps know whether a proof
// has a checkpoint to finish, whichever step opened it.
const track = (e: ActedEvent) => ({ checkpointOpen: open(e.after) });

/** A checkpoint opened while a checkpoint step waits: part of the step, and it stays. */
const opening = { counts: checkpointStarted, says: checkpointOpened, tone: 'info' as const };

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
    validator: VALIDATOR,
    checkpointOpen: false,
    depositBeforeSlash: null,
  }),
  initial: 'intro',
  states: {
    intro: readStep<Context>({ next: 'createPod' }),
    createPod: actStep<Context>({
      show: CREATE,
      tryWrong: [{ action: 'pod.startCheckpoint', by: LEARNER }],
      track,
      counts: podCreated,
      target: 'stake',
      says: (e) =>
        `Alice's pod is at ${pod(e.after)?.address ?? '?'}. It holds nothing yet: no validator names it as its withdrawal address.`,
      also: [
        {
          // EigenPodManager.stake deploys the pod when there is none, so staking first did both steps.
          counts: staked,
          target: 'verify',
          says: (e) => {
            const v = createdValidator(e) ?? VALIDATOR;
            return `Staking created the pod on the way (the real EigenPodManager.stake does the same when you have none): it is at ${pod(e.after)?.address ?? '?'}, and ${v} holds ${eth(balance(e.after, v))} ETH on the beacon chain. That was the next step too.`;
          },
          then: (e) => ({ validator: createdValidator(e) ?? VALIDATOR }),
        },
      ],
      otherwise: [{ when: (e) => landed(e, 'lst.stake'), say: lstStakeInstead }],
      wanted:
        'Alice has no pod yet, and every native-restaking step needs one: act as alice and use "Create an EigenPod" (pod.create).',
    }),
    stake: actStep<Context>({
      show: STAKE,
      tryWrong: [{ action: 'pod.create', by: LEARNER }],
      holds: (w) => (pod(w) !== null ? null : 'alice has no pod'),
      track,
      counts: staked,
      target: 'verify',
      says: (e) => {
        const v = createdValidator(e) ?? VALIDATOR;
        return `${v} is a validator on the beacon chain with ${eth(balance(e.after, v))} ETH, and its withdrawal credentials name Alice's pod. Her beaconETH deposit shares are still ${eth(native(e.after).deposit)}: nobody has shown EigenLayer the validator yet.`;
      },
      then: (e) => ({ validator: createdValidator(e) ?? VALIDATOR }),
      otherwise: [
        {
          when: (e) => e.step.action === 'pod.create' && !e.ok,
          say: (e) =>
            didNotCount(
              e,
              `Alice already has her pod at ${pod(e.after)?.address ?? '?'}, and an owner gets one pod. Now put a validator behind it: act as alice and use "Stake a 32 ETH validator" (pod.stake).`,
            ),
        },
        { when: (e) => landed(e, 'lst.stake'), say: lstStakeInstead },
      ],
      wanted:
        'Act as alice and use "Stake a 32 ETH validator" (pod.stake): it sends 32 ETH to the beacon chain with her pod as the withdrawal address.',
    }),
    verify: actStep<Context>({
      show: verifySteps(VALIDATOR),
      perform: (c) => verifySteps(c.validator),
      tryWrong: [{ action: 'pod.verifyCheckpoint', by: LEARNER }],
      holds: (w, c) =>
        w.validators[c.validator]?.owner === LEARNER ? null : `alice has no validator ${c.validator}`,
      track,
      also: [
        {
          // Delegating first is allowed: the operator then receives the shares the moment they appear.
          counts: (e) => verified(e) && delegatedTo(e.after) === OPERATOR,
          target: 'reward',
          says: (e) =>
            `The pod credited ${eth(native(e.after).deposit - native(e.before).deposit)} beaconETH deposit shares, and since Alice had already delegated, op1's operator shares in beaconETH went from ${eth(operatorShares(e.before))} to ${eth(operatorShares(e.after))} in the same transaction. That covers the delegation step too.`,
        },
      ],
      counts: verified,
      target: 'delegate',
      says: (e, c) =>
        `The pod checked ${c.validator}'s withdrawal credentials and credited ${eth(native(e.after).deposit - native(e.before).deposit)} beaconETH deposit shares: its effective balance, ${eth(effective(e.after, c.validator))} ETH, at 1 share per wei.`,
      otherwise: [
        {
          when: (e) => e.step.action === 'pod.verifyCheckpoint' || e.step.action === 'pod.startCheckpoint',
          say: (e, c) =>
            explained(
              e,
              `A checkpoint re-proves the validators the pod already counts, and it counts ${validators(activeInPod(e.after))} so far: ${c.validator} has not been verified. ${verifyNext(c)}`,
            ),
        },
        {
          when: (e) => landed(e, 'staker.delegate', LEARNER),
          say: (e, c) =>
            `Alice is now delegated to ${delegatedTo(e.after) ?? '?'}, which is allowed at any time, but op1's operator shares in beaconETH are ${eth(operatorShares(e.after))}: the pod has credited none yet. ${verifyNext(c)}`,
        },
      ],
      wanted: (_, c) => verifyNext(c),
    }),
    delegate: actStep<Context>({
      show: DELEGATE,
      tryWrong: rewardSteps(VALIDATOR),
      holds: (w) =>
        activeInPod(w) >= 1n && native(w).deposit > 0n ? null : "alice's credentials are not verified",
      track,
      counts: delegated,
      target: 'reward',
      says: (e) =>
        `op1's operator shares in beaconETH went from ${eth(operatorShares(e.before))} to ${eth(operatorShares(e.after))}: Alice's ${eth(native(e.after).withdrawable)} withdrawable shares now count toward its stake. Her ETH did not move; only the accounting did.`,
      otherwise: [
        {
          when: (e) => landed(e, 'beacon.reward') && targetOf(e) !== null,
          say: (e) => {
            const v = targetOf(e) ?? VALIDATOR;
            return `${v} earned on the beacon chain (balance ${eth(balance(e.before, v))} → ${eth(balance(e.after, v))} ETH), but Alice's deposit shares are still ${eth(native(e.after).deposit)}: the pod only learns of it at a checkpoint. Rewards come next; first, delegate. ${DELEGATE_NEXT}`;
          },
        },
      ],
      wanted: DELEGATE_NEXT,
    }),
    reward: actStep<Context>({
      show: rewardSteps(VALIDATOR),
      perform: (c) => rewardSteps(c.validator),
      tryWrong: [{ action: 'pod.verifyCheckpoint', by: LEARNER }],
      lookAt: [{ label: "Alice's restaked shares", view: 'Inspector', section: 'restakers', card: 'alice' }],
      holds: (w) => (delegatedTo(w) === OPERATOR ? null : 'alice is not delegated to op1'),
      track,
      counts: rewarded,
      target: 'checkpoint',
      says: (e) => {
        const v = targetOf(e) ?? VALIDATOR;
        return `${v}'s balance went from ${eth(balance(e.before, v))} to ${eth(balance(e.after, v))} ETH on the beacon chain. Alice's deposit shares are still ${eth(native(e.after).deposit)}: the pod has not looked.`;
      },
      otherwise: [
        {
          when: (e, c) =>
            e.step.action === 'pod.verifyCheckpoint' &&
            balance(e.after, c.validator) === native(e.after).deposit,
          say: (e, c) =>
            explained(
              e,
              `There is nothing new to prove: ${c.validator}'s balance is ${eth(balance(e.after, c.validator))} ETH and Alice has ${eth(native(e.after).deposit)} deposit shares for it. Let the validator earn first. ${rewardNext(c)}`,
            ),
        },
        {
          when: (e) => landed(e, 'beacon.penalty'),
          say: (e, c) =>
            `That was a penalty: ${c.validator}'s balance fell from ${eth(balance(e.before, c.validator))} to ${eth(balance(e.after, c.validator))} ETH. This step is about a reward. ${rewardNext(c)}`,
        },
        {
          when: (e) => landed(e, 'pod.startCheckpoint', LEARNER),
          say: (e, c) =>
            `A checkpoint is now open on Alice's pod, and it will prove the balances as they were when it started, before any reward: ${c.validator} has ${eth(balance(e.after, c.validator))} ETH and Alice ${eth(native(e.after).deposit)} deposit shares for it. Give ${c.validator} something to prove, then checkpoint again. ${rewardNext(c)}`,
        },
      ],
      wanted: (_, c) => rewardNext(c),
    }),
    checkpoint: actStep<Context>({
      show: CHECKPOINT,
      tryWrong: [{ action: 'pod.verifyCheckpoint', by: LEARNER }],
      holds: (w, c) =>
        balance(w, c.validator) > native(w).deposit
          ? null
          : "the reward is not waiting outside alice's shares",
      track,
      counts: rewardCredited,
      target: 'predictSlash',
      says: (e) => {
        const before = native(e.before).deposit;
        const after = native(e.after).deposit;
        return `Checkpoint finalized. Alice's deposit shares went from ${eth(before)} to ${eth(after)} (+${eth(after - before)}, the gain the checkpoint proved), and op1's operator shares in beaconETH from ${eth(operatorShares(e.before))} to ${eth(operatorShares(e.after))}.`;
      },
      also: [opening],
      otherwise: [
        { when: (e) => checkpointAdvice(e) !== null, say: (e) => checkpointAdvice(e) ?? '' },
        {
          when: (e) => landed(e, 'pod.verifyCheckpoint', LEARNER) && factor(e.after) < factor(e.before),
          say: (e, c) =>
            `The checkpoint found less ETH than the pod had counted (${eth(restaked(e.before))} → ${eth(restaked(e.after))} ETH), so Alice's deposit shares stayed at ${eth(native(e.after).deposit)} and her beacon-chain slashing factor fell from ${percent(factor(e.before))} to ${percent(factor(e.after))}. This step wants a gain. ${AS_SYSTEM} "Reward a validator" on ${c.validator}, then checkpoint again.`,
        },
        {
          when: (e, c) =>
            landed(e, 'pod.verifyCheckpoint', LEARNER) &&
            balance(e.after, c.validator) > native(e.after).deposit,
          say: (e, c) =>
            `The checkpoint finished, but Alice's deposit shares stayed at ${eth(native(e.after).deposit)}: it proved the balances as they were when it started, before the reward. ${c.validator} now has ${eth(balance(e.after, c.validator))} ETH, so a new checkpoint will credit the gain. ${CHECKPOINT_NEXT}`,
        },
        {
          when: (e) => landed(e, 'pod.verifyCheckpoint', LEARNER),
          say: (e, c) =>
            `The checkpoint finished, but Alice's deposit shares stayed at ${eth(native(e.after).deposit)}: ${c.validator} has ${eth(balance(e.after, c.validator))} ETH, no gain to credit. ${AS_SYSTEM} "Reward a validator" on ${c.validator}, then checkpoint again.`,
        },
      ],
      wanted: CHECKPOINT_NEXT,
    }),
    predictSlash: predictStep<Context>({
      question: 'predictSlash',
      choices: SLASH_CHOICES,
      holds: (w) =>
        !open(w) && native(w).deposit > 32n * WAD ? null : 'the reward checkpoint is not finalized',
      next: 'slash',
    }),
    slash: actStep<Context>({
      show: slashSteps(VALIDATOR),
      perform: (c) => slashSteps(c.validator),
      tryWrong: [{ action: 'pod.verifyStaleBalance', by: LEARNER, validator: VALIDATOR }],
      lookAt: [{ label: "Alice's restaked shares", view: 'Inspector', section: 'restakers', card: 'alice' }],
      holds: (w, c) =>
        w.validators[c.validator]?.slashed === false ? null : `${c.validator} is already slashed`,
      track,
      counts: slashed,
      target: 'slashCheckpoint',
      tone: 'info',
      says: (e) => {
        const v = targetOf(e) ?? VALIDATOR;
        return `${v} is slashed: its balance fell from ${eth(balance(e.before, v))} to ${eth(balance(e.after, v))} ETH. On EigenLayer nothing has changed yet: deposit shares ${eth(native(e.after).deposit)}, beacon-chain slashing factor ${percent(factor(e.after))}. The pod has not been told.`;
      },
      then: (e) => ({ depositBeforeSlash: String(native(e.before).deposit) }),
      otherwise: [
        {
          when: (e) => e.step.action === 'pod.verifyStaleBalance' && !e.ok,
          say: (e, c) =>
            didNotCount(
              e,
              `A staleness proof shows the pod a slash that already happened, and ${c.validator} is not slashed yet. ${slashNext(c)}`,
            ),
        },
        {
          when: (e) => landed(e, 'beacon.penalty'),
          say: (e, c) =>
            `A penalty lowered ${c.validator}'s balance from ${eth(balance(e.before, c.validator))} to ${eth(balance(e.after, c.validator))} ETH, but it is not a slash: the validator is not marked slashed. ${slashNext(c)}`,
        },
      ],
      wanted: (_, c) => slashNext(c),
    }),
    slashCheckpoint: actStep<Context>({
      show: CHECKPOINT,
      tryWrong: [{ action: 'pod.verifyCheckpoint', by: LEARNER }],
      holds: (w, c) =>
        w.validators[c.validator]?.slashed === true && String(native(w).deposit) === c.depositBeforeSlash
          ? null
          : 'the slash or the deposit shares are not what the machine saw',
      track,
      counts: slashProven,
      target: 'debrief',
      judges: {
        question: 'predictSlash',
        choices: SLASH_CHOICES,
        truth: slashTruth,
        say: (right, _, c) =>
          right === null
            ? ''
            : right
              ? 'You predicted it. '
              : `You predicted "${choiceLabel(SLASH_CHOICES, c.answers['predictSlash']?.choice ?? '')}", but the chain says otherwise. `,
      },
      says: (e, c) => {
        const before = BigInt(c.depositBeforeSlash ?? '0');
        const after = native(e.after).deposit;
        // The factor's rule, written with the pod's restaked ETH around the proof; quoted only when the
        // chain's factor is exactly what it gives.
        const [l, r0, r1] = [factor(e.before), restaked(e.before), restaked(e.after)];
        const rule =
          r0 > 0n && (l * r1) / r0 === factor(e.after)
            ? ` (${percent(l)} × ${eth(r1)} ÷ ${eth(r0)} ETH restaked, rounded down)`
            : '';
        return `The checkpoint proved the loss. Deposit shares: ${eth(before)} → ${eth(after)}. Beacon-chain slashing factor: ${percent(l)} → ${percent(factor(e.after))}${rule}. Withdrawable shares: ${eth(native(e.before).withdrawable)} → ${eth(native(e.after).withdrawable)}. op1's operator shares in beaconETH: ${eth(operatorShares(e.before))} → ${eth(operatorShares(e.after))}.${dust(native(e.after).withdrawable, operatorShares(e.after))} Why: EigenLayer never rewrites what a staker deposited; a proven beacon-chain loss lowers the pod owner's slashing factor instead, and what can be withdrawn is the deposit shares scaled by that factor.`;
      },
      also: [opening],
      otherwise: [{ when: (e) => checkpointAdvice(e) !== null, say: (e) => checkpointAdvice(e) ?? '' }],
      wanted: CHECKPOINT_NEXT,
    }),
    debrief: debriefStep<Context>({
      holds: (w, c) =>
        factor(w) < WAD && String(native(w).deposit) === c.depositBeforeSlash
          ? null
          : 'the slashing factor is not below 100% with the deposit shares unchanged',
    }),
  },
});
