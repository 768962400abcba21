// Lesson 7: slashing cascades. First a slash reaches a liquid restaking token: svc1 slashes the vault's
// operator op1 by 10% and every holder's rate falls at once, while Bob's queued redemption is paid the lower
// value. Then the same op1 is a small operator in a shared-stake network that is secure with no margin:
// losing it entirely (the shock) lets the others corrupt service after service (Durvasula and
// Roughgarden). A 10% buffer of stake bounds the loss. The rate is the chain's; the cascades are the
// security analyzer's, on the world as it is.
import { assign, setup, spawnChild, stopChild } from 'xstate';
import {
  actStep,
  analysisOf,
  analyzePlaceholder,
  debriefStep,
  eth,
  initialLessonContext,
  judgeAnswer,
  landed,
  lessonEffects,
  percent,
  predictStep,
  rational,
  readStep,
  readable,
  readablePercent,
  sameEth,
  type ActedEvent,
  type AnalysisJson,
  type CascadeJson,
  type AnalyzeOutput,
  type LessonContext,
  type LessonEvent,
  type NetworkOptions,
  type StepMeta,
  type World,
} from '../../src/engine/lesson-kit.ts';

const LEARNER = 'alice';
const VAULT = 'lrt';
const OPERATOR = 'op1';
const SET = 'svc1/0';
const REQUEST = 'r1';
const SLASH_STEP = {
  action: 'avs.slash',
  by: 'svc1',
  operator: OPERATOR,
  set: 0,
  strategies: ['stETH'],
  wads: ['10%'],
  description: 'op1 misbehaved in svc1',
};
const SLASH = [SLASH_STEP];
const CLAIM_STEP = { action: 'vault.claim', by: 'bob', vault: VAULT, request: REQUEST };
const CLAIM = [CLAIM_STEP];
const BUFFER = [{ action: 'staker.delegate', by: 'carol', operator: 'op2' }];

// The services' profit from corruption (not an on-chain fact: the lesson's input) makes the network secure
// with no margin once op1 holds 6.3 ETH: 3 × 102.1 = 306.3, all of the stake. Threshold 1: a service is
// corrupted only when every operator serving it colludes.
const service = { profit: '102.1', threshold: '1' };
const SHOCK: NetworkOptions = {
  stakeModel: 'shared',
  params: { svc1: service, svc2: service, svc3: service },
  shock: { validators: [OPERATOR] },
};
/** The buffer asked for: every coalition holds 10% more stake than it could gain (γ-slack ≥ 1/10). */
const BUFFER_NEEDED = { num: 1n, den: 10n };
const WAD = 10n ** 18n;

interface Context extends LessonContext {
  /** The vault's rate (WAD) just before and after the 10% slash. */
  rateBefore: string | null;
  rateAfter: string | null;
  /** op1's stake (wei) the shock analysis removed, and the stake the cascade took after it (exact ETH). */
  shockStake: string | null;
  cascadeLoss: string | null;
  /** The cascade loss (exact ETH) after the buffer. */
  bufferedLoss: string | null;
}

// The analyzer runs as a child spawned by the wait state (xstate/graph refuses machines that invoke), so
// its verdict arrives as the child's done event, handled like any other event. A refused network sends the
// learner back to ask again; there is no error transition, because the model-based test would invent error
// events the chain never sends.
type VerdictEvent = { type: `xstate.done.actor.${string}`; output: AnalyzeOutput };
type Event = LessonEvent | VerdictEvent;
const outputOf = (e: Event) => (e as VerdictEvent).output;
const analysisIn = (e: Event) => analysisOf(outputOf(e));
const refused = (e: Event) => {
  const out = outputOf(e);
  return `The analyzer could not read the network: ${out.ok ? 'no cascade' : out.problems.join('; ')}. Ask again.`;
};

const atLeast = (r: string, bound: { num: bigint; den: bigint }) => {
  const { num, den } = rational(r);
  return num * bound.den >= bound.num * den;
};
const rate = (w: World) => BigInt(w.vaults[VAULT]?.rate ?? '0');
const tokens = (w: World, who: string) => BigInt(w.accounts[who]?.vaultTokens[VAULT] ?? '0');
const stETH = (w: World, who: string) => BigInt(w.accounts[who]?.stETH ?? '0');
const magnitude = (w: World) =>
  BigInt(w.operators[OPERATOR]?.allocations[SET]?.['stETH']?.currentMagnitude ?? '0');
const operatorStake = (w: World, op: string) =>
  Object.values(w.operators[op]?.shares ?? {}).reduce((a, s) => a + BigInt(s), 0n);
const totalStake = (w: World) => Object.keys(w.operators).reduce((a, op) => a + operatorStake(w, op), 0n);
/** A list in words: "op1", "op1 and op2", "op1, op2 and op4". */
const words = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? 'nobody') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
const ops = (ids: string[]) => words([...new Set(ids.map((v) => v.split('@')[0] ?? v))]);
/** Services by their AVS's name: each AVS here has the one operator set 0. */
const services = (ids: string[]) => ids.map((s) => s.replace(/\/0$/, '')).join(', ');

/** How the rate moved across the slash, as the prediction's choices name it. */
function rateMove(e: ActedEvent): string {
  const before = rate(e.before);
  const after = rate(e.after);
  if (after === before) return 'same';
  if (after * 10n === before * 9n) return 'tenth';
  return after * 10n < before * 9n ? 'more' : 'less';
}

/** What a cascade's total loss is, as the shock question's choices name it. */
const cascadeKind = (c: CascadeJson) =>
  rational(c.loss).num === 0n ? 'none' : c.totalLossFraction === '1' ? 'all' : 'some';

const roundsText = (c: CascadeJson) =>
  c.sequence
    .map(
      (r) =>
        `round ${r.round}: ${ops(r.validators)} (${readable(r.stake)} ETH) can now corrupt ${services(r.services)} for ${readable(r.profit)} ETH`,
    )
    .join('; ');

const cascadeText = (c: CascadeJson) =>
  `The shock takes ${ops(c.shock.validators)}'s ${readable(c.shock.stake)} ETH (${readablePercent(c.shock.fraction)} of all stake). ` +
  (c.sequence.length === 0
    ? 'No service falls after it: nothing more is lost.'
    : `Then ${roundsText(c)}. ${readable(c.loss)} ETH more is lost: ${readablePercent(c.totalLossFraction)} of all stake in total.`);

/** part ÷ whole as an exact percentage, or as the exact quotient when it has no finite decimal in WAD. */
const share = (part: bigint, whole: bigint) =>
  (part * WAD) % whole === 0n ? percent((part * WAD) / whole) : `${eth(part)} ÷ ${eth(whole)}`;

const judge = (c: Context, id: string, truth: string) => {
  const { answers, right } = judgeAnswer(c, id, truth);
  return {
    answers,
    said: right === null ? '' : right ? 'You predicted it. ' : 'Not what you predicted. ',
    tone: right === null ? ('info' as const) : right ? ('right' as const) : ('wrong' as const),
  };
};

/** Carol's strategy shares that back no operator yet, said when she has some. */
function waiting(e: ActedEvent): string {
  const carol = e.after.stakers['carol'];
  const idle = BigInt(carol?.strategies['stETH']?.depositShares ?? '0');
  return carol?.delegatedTo === null && idle > 0n
    ? ` Carol's ${eth(idle)} stETH in the strategy backs no operator until she delegates it.`
    : '';
}

const SLASH_WANTED = 'Act as svc1 and slash op1 by 10% of its allocation (avs.slash).';
const RATE_CHOICES = [
  { id: 'same', label: 'It stays 1: the slash hits op1, not the vault token' },
  { id: 'tenth', label: 'It falls by 10%, to 0.9' },
  {
    id: 'more',
    label: "It falls by more than 10%: Bob's queued redemption is still owed its full 3 stETH",
  },
];

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as Event,
    meta: {} as StepMeta<Context>,
  },
  actors: { analyze: analyzePlaceholder },
  actions: {
    ...lessonEffects,
    explain: assign({ feedback: (_, p: { text: string }) => ({ tone: 'wrong' as const, text: p.text }) }),
  },
  guards: {
    cascadeFound: ({ event }) => analysisIn(event)?.cascade !== undefined,
    // A 10% buffer, and Theorem 1's bound below all of the stake: growing the shocked operator itself
    // also makes the buffer, but then the shock grows with it and the bound promises nothing.
    buffered: ({ event }) => {
      const a = analysisIn(event);
      return (
        a !== null &&
        a.secure === true &&
        a.gammaSlack !== null &&
        atLeast(a.gammaSlack, BUFFER_NEEDED) &&
        a.cascade?.theorem1Bound != null &&
        !atLeast(a.cascade.theorem1Bound, { num: 1n, den: 1n })
      );
    },
  },
}).createMachine({
  id: 'lesson',
  context: () => ({
    ...initialLessonContext(),
    rateBefore: null,
    rateAfter: null,
    shockStake: null,
    cascadeLoss: null,
    bufferedLoss: null,
  }),
  initial: 'intro',
  states: {
    intro: readStep<Context>({ next: 'predictRate' }),
    predictRate: predictStep<Context, Event>({
      question: 'predictRate',
      choices: RATE_CHOICES,
      next: 'slash',
    }),
    slash: actStep<Context, Event>({
      show: SLASH,
      tryWrong: [{ ...SLASH_STEP, by: 'svc2' }],
      counts: (e) =>
        landed(e, 'avs.slash') &&
        e.step['operator'] === OPERATOR &&
        magnitude(e.after) * 10n === magnitude(e.before) * 9n,
      target: 'claim',
      tone: 'info',
      judges: {
        question: 'predictRate',
        choices: RATE_CHOICES,
        truth: rateMove,
        say: (right) => (right === null ? '' : right ? 'You predicted it. ' : 'Not what you predicted. '),
      },
      says: (e) =>
        `The rate went from ${eth(rate(e.before))} to ${eth(rate(e.after))} ETH per token, for every holder at once: Alice's ${eth(tokens(e.after, 'alice'))} tokens are now worth ${eth((tokens(e.after, 'alice') * rate(e.after)) / WAD)} stETH, and no token moved. Why: to EigenLayer the vault is one staker delegated to op1, so the slash lowered the value of every share it holds, Bob's queued withdrawal included, and a token is a slice of that value: every holder loses the same fraction.`,
      then: (e) => ({ rateBefore: String(rate(e.before)), rateAfter: String(rate(e.after)) }),
      otherwise: [
        {
          when: (e) => e.ok && e.step.action === 'avs.slash' && e.step['operator'] === OPERATOR,
          say: (e) =>
            `That slash took op1's allocation from ${percent(magnitude(e.before))} to ${percent(magnitude(e.after))} and the rate from ${eth(rate(e.before))} to ${eth(rate(e.after))}. The question was about 10%: undo it in the history and slash 10%.`,
        },
        {
          when: (e) => e.ok && e.step.action === 'avs.slash',
          say: (e) =>
            `That slash hit ${String(e.step['operator'])}, not the vault's operator: the vault's rate is still ${eth(rate(e.after))}. ${SLASH_WANTED}`,
        },
      ],
      wanted: SLASH_WANTED,
    }),
    claim: actStep<Context, Event>({
      show: CLAIM,
      tryWrong: [{ ...CLAIM_STEP, by: LEARNER }],
      holds: (w, c) =>
        c.rateAfter !== null && rate(w) === BigInt(c.rateAfter)
          ? null
          : 'the vault rate is not the slashed one',
      counts: (e) =>
        landed(e, 'vault.claim', 'bob') && e.after.vaults[VAULT]?.requests[REQUEST]?.claimed === true,
      target: 'predictShock',
      tone: 'info',
      says: (e) => {
        const paid = stETH(e.after, 'bob') - stETH(e.before, 'bob');
        const asked = BigInt(e.after.vaults[VAULT]?.requests[REQUEST]?.valueAtRequest ?? '0');
        return paid < asked
          ? `Bob's tokens were worth ${eth(asked)} stETH when he asked; he was paid ${eth(paid)}, ${share(asked - paid, asked)} less. His redemption was still waiting in the withdrawal queue when op1 was slashed, so it took the slash's loss with the holders.`
          : `Bob was paid ${eth(paid)} stETH, the full ${eth(asked)} he was owed: his withdrawal had left the slashing window before the slash landed.`;
      },
      otherwise: [
        {
          when: (e) => !e.ok && e.step.action === 'vault.claim' && e.step['by'] !== 'bob',
          say: () =>
            `The chain refused the claim: only Bob, who asked for redemption ${REQUEST}, can claim it. Act as bob and claim his redemption r1 (vault.claim).`,
        },
      ],
      wanted: 'Act as bob and claim his redemption r1 (vault.claim).',
    }),
    predictShock: predictStep<Context, Event>({
      question: 'predictShock',
      choices: [
        { id: 'none', label: 'Nothing more: the network is secure' },
        { id: 'some', label: 'Some more, but not everything' },
        { id: 'all', label: 'All of the stake' },
      ],
      holds: (w) =>
        w.vaults[VAULT]?.requests[REQUEST]?.claimed === true ? null : "Bob's redemption is not claimed",
      next: 'analyzeShock',
      skipClears: true,
    }),
    analyzeShock: {
      meta: { kind: 'analyze' },
      on: { ANALYZE: 'waitShock' },
    },
    waitShock: {
      meta: { kind: 'wait' },
      entry: spawnChild('analyze', { id: 'cascadeShock', input: { options: SHOCK } }),
      exit: stopChild('cascadeShock'),
      on: {
        'xstate.done.actor.cascadeShock': [
          {
            guard: 'cascadeFound',
            target: 'cascade',
            actions: assign(({ context, event }) => {
              const a = analysisIn(event) as AnalysisJson;
              const c = a.cascade as CascadeJson;
              const j = judge(context, 'predictShock', cascadeKind(c));
              const w = a.gammaWitness;
              const tie =
                w === null
                  ? ', with no margin'
                  : `, with no margin: ${ops(w.validators)} (${readable(w.stake)} ETH) could corrupt ${services(w.services)} and gain ${readable(w.profit)} ETH, exactly what they would lose (a tie is not an attack)`;
              const before = a.secure
                ? `Before the shock the network is secure${a.gammaSlack === '0' ? tie : ''}. `
                : `Before the shock the network is already insecure. `;
              return {
                answers: j.answers,
                shockStake: c.shock.stake,
                cascadeLoss: c.loss,
                feedback: {
                  tone: j.tone,
                  text: `${j.said}${before}${cascadeText(c)} Why: with no margin, losing any stake leaves some service worth more than the stake still guarding it, and each attack that pays slashes its attackers, leaving the next service with less.`,
                },
              };
            }),
          },
          {
            target: 'analyzeShock',
            actions: { type: 'explain', params: ({ event }) => ({ text: refused(event) }) },
          },
        ],
      },
    },
    cascade: readStep<Context>({
      // The shock the analyzer removed is op1 as the chain has it now.
      holds: (w, c) =>
        c.shockStake !== null && sameEth(operatorStake(w, OPERATOR), c.shockStake)
          ? null
          : `op1 does not hold the ${c.shockStake} ETH the shock removed`,
      next: 'buffer',
    }),
    buffer: actStep<Context, Event>({
      show: BUFFER,
      tryWrong: [{ action: 'lst.stake', by: 'carol', amount: '5 ETH' }],
      counts: (e) => e.ok && totalStake(e.before) !== totalStake(e.after),
      target: 'analyzeBuffer',
      tone: 'info',
      says: (e) =>
        `The operators now hold ${eth(totalStake(e.after))} ETH between them (${eth(totalStake(e.before))} before). Ask the analyzer whether that is a 10% buffer.`,
      otherwise: [
        {
          when: (e) => e.ok,
          say: (e) =>
            `${e.step.action} landed, but the operators still hold ${eth(totalStake(e.after))} ETH between them: no buffer was added.${waiting(e)}`,
        },
      ],
      wanted: (e) => `Add stake behind the operators.${waiting(e)}`,
    }),
    analyzeBuffer: {
      meta: { kind: 'analyze' },
      on: { ANALYZE: 'waitBuffer' },
    },
    waitBuffer: {
      meta: { kind: 'wait' },
      entry: spawnChild('analyze', { id: 'cascadeBuffer', input: { options: SHOCK } }),
      exit: stopChild('cascadeBuffer'),
      on: {
        'xstate.done.actor.cascadeBuffer': [
          {
            guard: 'buffered',
            target: 'debrief',
            actions: assign(({ context, event }) => {
              const a = analysisIn(event) as AnalysisJson;
              const c = a.cascade;
              const bound =
                c?.theorem1Bound == null
                  ? ''
                  : ` Theorem 1 guarantees the total loss stays below ${readablePercent(c.theorem1Bound)} of all stake; it is ${readablePercent(c.totalLossFraction)}.`;
              const was =
                context.cascadeLoss === null
                  ? ''
                  : ` (${readable(context.cascadeLoss)} ETH before the buffer)`;
              return {
                bufferedLoss: c?.loss ?? null,
                feedback: {
                  tone: 'right' as const,
                  text: `Every coalition now holds at least ${readablePercent(a.gammaSlack ?? '0')} more stake than it could gain. ${c === undefined ? '' : `${cascadeText(c)}`} The cascade now takes ${readable(c?.loss ?? '0')} ETH${was}.${bound}`,
                },
              };
            }),
          },
          {
            target: 'buffer',
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const a = analysisIn(event);
                if (a === null) return { text: refused(event) };
                const after = a.cascade === undefined ? '' : ` ${cascadeText(a.cascade)}`;
                if (!a.secure && a.witness !== null)
                  return {
                    text: `Not secure even before the shock: ${ops(a.witness.validators)} hold ${readable(a.witness.stake)} ETH and could corrupt ${services(a.witness.services)} worth ${readable(a.witness.profit)} ETH. Add stake behind the operators.`,
                  };
                const w = a.gammaWitness;
                if (a.gammaSlack !== null && atLeast(a.gammaSlack, BUFFER_NEEDED)) {
                  const bound = a.cascade?.theorem1Bound;
                  return {
                    text: `That is a ${readablePercent(a.gammaSlack)} buffer, but the shock grew with it: op1 now holds ${a.cascade === undefined ? '?' : readablePercent(a.cascade.shock.fraction)} of all stake, and Theorem 1's bound is ${bound == null ? 'undefined' : readablePercent(bound)}, no guarantee at all.${after} Undo that in the history and put the buffer behind the operators that are left after the shock.`,
                  };
                }
                const thin =
                  w === null || a.gammaSlack === null
                    ? ''
                    : ` ${ops(w.validators)} hold ${readable(w.stake)} ETH and could corrupt ${services(w.services)} worth ${readable(w.profit)} ETH: a buffer of only ${readablePercent(a.gammaSlack)}.`;
                return {
                  text: `Not a 10% buffer yet.${thin}${after} Every coalition that can corrupt services needs 10% more stake than they are worth: undo in the history and try another operator.`,
                };
              },
            },
          },
        ],
      },
    },
    debrief: debriefStep<Context>({
      // The cascade after the buffer was measured on this chain: op1 is still the 6.3 ETH it shocked.
      holds: (w, c) =>
        c.bufferedLoss !== null && c.shockStake !== null && sameEth(operatorStake(w, OPERATOR), c.shockStake)
          ? null
          : 'the buffered cascade was not measured on this chain',
    }),
  },
});
