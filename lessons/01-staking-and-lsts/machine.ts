// Lesson 1: staking and liquid staking tokens. Alice joins the stETH-like pool, a reward report rebases
// every balance without touching anyone's shares (the fee is minted as new shares), and wrapping turns the
// rebasing balance into a fixed count of shares.
import { assign, setup } from 'xstate';
import {
  choiceLabel,
  judgeAnswer,
  answerTo,
  analyzePlaceholder,
  didNotCount,
  eth,
  initialLessonContext,
  landed,
  lessonEffects,
  showMe,
  type ActedEvent,
  type LessonContext,
  type LessonEvent,
  type StepMeta,
  type World,
} from '../../src/engine/lesson-kit.ts';

const LEARNER = 'alice';
// The exact action of each step: the second hint, "show me" and the tests all take these.
const STAKE = [{ action: 'lst.stake', by: LEARNER, amount: '4 ETH' }];
const REPORT = [{ action: 'lst.report', delta: '0.14 ETH' }];
const WRAP = [{ action: 'lst.wrap', by: LEARNER, amount: '1 ETH' }];

const REBASE_CHOICES = [
  { id: 'more', label: 'It grows by about 1%' },
  { id: 'same', label: 'It stays exactly the same' },
  { id: 'fewer', label: 'It shrinks: the fee is taken from it' },
];
interface Context extends LessonContext {
  /** Alice's shares and the pool's total shares just before the reward report. */
  sharesBefore: string | null;
  totalSharesBefore: string | null;
  /** Shares that left Alice's stETH balance when she wrapped (the chain's sharesOf before minus after). */
  sharesWrapped: string | null;
}

const shares = (w: World) => BigInt(w.accounts[LEARNER]?.stETHShares ?? '0');
const balance = (w: World) => BigInt(w.accounts[LEARNER]?.stETH ?? '0');
const pooled = (w: World) => BigInt(w.lst.totalPooledEther);
const totalShares = (w: World) => BigInt(w.lst.totalShares);
const acted = (e: LessonEvent) => e as ActedEvent;

/** How the share count moved across the report: the truth the prediction is judged against. */
const shareMove = (e: ActedEvent) => {
  const d = shares(e.after) - shares(e.before);
  return d === 0n ? 'same' : d > 0n ? 'more' : 'fewer';
};

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
    staked: ({ event }) => event.type === 'ACTED' && landed(event, 'lst.stake', LEARNER),
    rewardReported: ({ event }) =>
      event.type === 'ACTED' && landed(event, 'lst.report') && pooled(event.after) > pooled(event.before),
    wrapped: ({ event }) => event.type === 'ACTED' && landed(event, 'lst.wrap', LEARNER),
  },
}).createMachine({
  id: 'lesson',
  context: () => ({
    ...initialLessonContext(),
    sharesBefore: null,
    totalSharesBefore: null,
    sharesWrapped: null,
  }),
  initial: 'intro',
  states: {
    intro: {
      meta: { kind: 'read' },
      on: { NEXT: 'stake' },
    },
    stake: {
      meta: {
        kind: 'act',
        show: STAKE,
        tryWrong: [{ action: 'strategy.deposit', by: LEARNER, strategy: 'stETH', amount: '1 ETH' }],
      },
      on: {
        SHOW: showMe(STAKE),
        ACTED: [
          {
            guard: 'staked',
            target: 'shares',
            actions: assign({
              feedback: ({ event }) => {
                const e = acted(event);
                return {
                  tone: 'right' as const,
                  text: `You now hold ${eth(balance(e.after))} stETH, backed by ${eth(shares(e.after))} shares of a pool of ${eth(pooled(e.after))} ETH.`,
                };
              },
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => ({
                text: didNotCount(
                  acted(event),
                  'This step turns ETH into the liquid staking token: act as alice and use "Stake ETH for stETH" (lst.stake).',
                ),
              }),
            },
          },
        ],
      },
    },
    shares: {
      meta: {
        kind: 'read',
        lookAt: [
          { label: "Alice's stETH", view: 'Inspector', section: 'balances', card: LEARNER, fact: 'stETH' },
        ],
        holds: (w) => (balance(w) > 0n ? null : 'alice holds no stETH'),
      },
      on: { NEXT: 'predictRebase' },
    },
    predictRebase: {
      meta: { kind: 'predict', choices: REBASE_CHOICES },
      on: {
        ANSWER: {
          target: 'report',
          actions: assign(answerTo<Context>('predictRebase')),
        },
        SKIP: 'report',
      },
    },
    report: {
      meta: {
        kind: 'act',
        show: REPORT,
        tryWrong: [{ action: 'lst.report', delta: '-0.14 ETH' }],
      },
      on: {
        SHOW: showMe(REPORT),
        ACTED: [
          {
            guard: 'rewardReported',
            target: 'fee',
            actions: assign(({ context, event }) => {
              const e = acted(event);
              const truth = shareMove(e);
              const { answers, right } = judgeAnswer(context, 'predictRebase', truth);
              const said =
                right === null
                  ? ''
                  : right
                    ? 'You predicted it: '
                    : `You predicted "${choiceLabel(REBASE_CHOICES, answers['predictRebase']?.choice ?? '')}", but the chain says otherwise: `;
              return {
                answers,
                sharesBefore: String(shares(e.before)),
                totalSharesBefore: e.before.lst.totalShares,
                feedback: {
                  tone: right === false ? ('wrong' as const) : ('right' as const),
                  text: `${said}your shares went from ${eth(shares(e.before))} to ${eth(shares(e.after))}, while your balance went from ${eth(balance(e.before))} to ${eth(balance(e.after))} stETH. The pool's LST shares grew by ${eth(totalShares(e.after) - totalShares(e.before))}: the fee, minted as new shares for the treasury. Why: the token records shares, not balances; a report changes the pooled ETH behind every share, so each balance (shares × pooled ETH ÷ total shares) grows while its share count stays put.`,
                },
              };
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const e = acted(event);
                if (e.ok && e.step.action === 'lst.report' && pooled(e.after) === pooled(e.before))
                  return {
                    text: `That report changed nothing: pooled ETH stayed at ${eth(pooled(e.after))}, so every balance stayed put. The question is about a reward: report a positive change (try 1% of the pool).`,
                  };
                if (e.ok && e.step.action === 'lst.report')
                  return {
                    text: `That report was a loss: pooled ETH fell from ${eth(pooled(e.before))} to ${eth(pooled(e.after))}, so every balance fell with it. The question is about a reward: report a positive change (try 1% of the pool).`,
                  };
                return {
                  text: didNotCount(
                    e,
                    'Act as the system and use "Report rewards or losses" (lst.report) with a positive change.',
                  ),
                };
              },
            },
          },
        ],
      },
    },
    fee: {
      meta: {
        kind: 'read',
        lookAt: [{ label: 'the LST shares', view: 'Inspector', section: 'lst', fact: 'lstTotalShares' }],
        holds: (w, c) =>
          c.totalSharesBefore !== null && BigInt(w.lst.totalShares) > BigInt(c.totalSharesBefore)
            ? null
            : 'no fee shares were minted by the report',
      },
      on: { NEXT: 'wrap' },
    },
    wrap: {
      meta: {
        kind: 'act',
        show: WRAP,
        tryWrong: [{ action: 'lst.unwrap', by: LEARNER, amount: '1 ETH' }],
      },
      on: {
        SHOW: showMe(WRAP),
        ACTED: [
          {
            guard: 'wrapped',
            target: 'wrapped',
            actions: assign(({ event }) => {
              const e = acted(event);
              const moved = shares(e.before) - shares(e.after);
              const minted =
                BigInt(e.after.accounts[LEARNER]?.wstETH ?? '0') -
                BigInt(e.before.accounts[LEARNER]?.wstETH ?? '0');
              return {
                sharesWrapped: String(moved),
                feedback: {
                  tone: 'right' as const,
                  text: `${eth(moved)} shares left your stETH balance and you received ${eth(minted)} wstETH: one wstETH per share.`,
                },
              };
            }),
          },
          {
            actions: {
              type: 'explain',
              params: ({ event }) => ({
                text: didNotCount(
                  acted(event),
                  'Act as alice and use "Wrap stETH into wstETH" (lst.wrap) with some of your stETH.',
                ),
              }),
            },
          },
        ],
      },
    },
    wrapped: {
      meta: {
        kind: 'read',
        holds: (w, c) =>
          c.sharesWrapped !== null && BigInt(w.accounts[LEARNER]?.wstETH ?? '0') === BigInt(c.sharesWrapped)
            ? null
            : "alice's wstETH is not the shares she wrapped",
      },
      on: { NEXT: 'debrief' },
    },
    debrief: {
      type: 'final',
      meta: { kind: 'debrief' },
    },
  },
});
