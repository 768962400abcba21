// Lesson 5: pooled security. The EigenLayer whitepaper's example on the chain: four operators restake 2 ETH
// each ($8M, 1 ETH standing for $1M) behind eleven services. With one service worth $2M the network is
// secure; once all eleven are worth $2M, two operators can corrupt all of them for one slash. Every verdict
// is the security analyzer's, on the world as it is; the profit from corruption is not an on-chain fact,
// so the lesson enters it, as a learner would in the Analyzer panel.
import { assign, setup, spawnChild, stopChild } from 'xstate';
import {
  actStep,
  analysisOf,
  analyzePlaceholder,
  debriefStep,
  eth,
  initialLessonContext,
  judgeAnswer,
  lessonEffects,
  predictStep,
  readStep,
  readable,
  sameEth,
  type ActedEvent,
  type AnalysisJson,
  type AttackJson,
  type AnalyzeOutput,
  type LessonContext,
  type LessonEvent,
  type NetworkOptions,
  type StepMeta,
  type World,
} from '../../src/engine/lesson-kit.ts';

const LEARNER = 'alice';
const FIRST = 'avs1';
const SERVICES = Array.from({ length: 11 }, (_, i) => `avs${i + 1}`);
const FIX = [{ action: 'staker.delegate', by: LEARNER, operator: 'op1' }];

interface Context extends LessonContext {
  /** The attack the analyzer found once all eleven services were worth 2 ETH (shared stake). */
  attack: AttackJson | null;
  /** The cheapest coalition the analyzer found able to corrupt anything, once the network was secure. */
  cheapest: AttackJson | null;
}

// Profit from corruption 2 ETH and a 50% quorum, as in the whitepaper; `worth` says which services hold
// value yet (the others' profit is 0: nothing to steal).
const options = (worth: (avs: string) => boolean, stakeModel: 'shared' | 'unique'): NetworkOptions => ({
  stakeModel,
  params: Object.fromEntries(
    SERVICES.map((avs) => [avs, { profit: worth(avs) ? '2' : '0', threshold: '1/2' }]),
  ),
});
const ONE = options((avs) => avs === FIRST, 'shared');
const ELEVEN = options(() => true, 'shared');
const ELEVEN_AS_SETS = options(() => true, 'unique');

// The analyzer runs as a child spawned by the wait state (xstate/graph refuses machines that invoke), so
// its verdict arrives as the child's done event, handled like any other event. A verdict that is not
// usable (the network refused) sends the learner back to ask again; there is no error transition, because
// the model-based test would invent error events the chain never sends.
type VerdictEvent = { type: `xstate.done.actor.${string}`; output: AnalyzeOutput };
type Event = LessonEvent | VerdictEvent;
const outputOf = (e: Event) => (e as VerdictEvent).output;

const operatorStake = (w: World, op: string) =>
  Object.values(w.operators[op]?.shares ?? {}).reduce((a, s) => a + BigInt(s), 0n);
const totalStake = (w: World) => Object.keys(w.operators).reduce((a, op) => a + operatorStake(w, op), 0n);
const coalitionStake = (w: World, ops: string[]) => ops.reduce((a, op) => a + operatorStake(w, op), 0n);
/** Operator ids of a coalition: unique-stake slices are "op@avs/set". */
const operatorsOf = (a: AttackJson) => [...new Set(a.validators.map((v) => v.split('@')[0] ?? v))];
/** Services by their AVS's name: each AVS here has the one operator set 0. */
const services = (ids: string[]) => ids.map((s) => s.replace(/\/0$/, '')).join(', ');

/** What the analyzer reads from the chain: every operator's stake, set memberships and allocations. */
function network(w: World): string {
  return JSON.stringify({
    shares: Object.entries(w.operators).map(([id, o]) => [id, o.shares]),
    allocations: Object.entries(w.operators).map(([id, o]) => [
      id,
      Object.entries(o.allocations).map(([set, per]) => [
        set,
        Object.values(per).map((x) => x.allocatedStake),
      ]),
    ]),
    sets: Object.entries(w.avs).map(([id, a]) => [id, Object.values(a.sets).map((s) => s.operators)]),
  });
}

/** Alice's strategy shares that back no operator yet, said when she has some. */
function waiting(e: ActedEvent): string {
  const alice = e.after.stakers[LEARNER];
  const idle = BigInt(alice?.strategies['stETH']?.depositShares ?? '0');
  return alice?.delegatedTo === null && idle > 0n
    ? ` Alice's ${eth(idle)} stETH strategy shares back no operator until she delegates them.`
    : '';
}

/** The attack in words, with the analyzer's numbers. */
const attackText = (a: AttackJson) =>
  `${operatorsOf(a).join(' and ')} together hold ${readable(a.stake)} ETH, enough to corrupt ${a.services.length === 1 ? services(a.services) : `all ${a.services.length} services`}; doing so would gain them ${readable(a.profit)} ETH for ${readable(a.stake)} ETH slashed`;

/** A refused network (a verdict of any kind is handled before this). */
const refused = (out: AnalyzeOutput) =>
  `The analyzer could not read the network: ${out.ok ? 'no verdict' : out.problems.join('; ')}. Ask again.`;

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
    secure: ({ event }) => analysisOf(outputOf(event))?.secure === true,
    insecure: ({ event }) => analysisOf(outputOf(event))?.secure === false,
  },
}).createMachine({
  id: 'lesson',
  context: () => ({ ...initialLessonContext(), attack: null, cheapest: null }),
  initial: 'intro',
  states: {
    intro: readStep<Context>({ next: 'analyzeOne' }),
    analyzeOne: {
      meta: {
        kind: 'analyze',
        holds: (w) => (totalStake(w) > 0n ? null : 'the operators have no stake'),
      },
      on: { ANALYZE: 'waitOne' },
    },
    waitOne: {
      meta: { kind: 'wait' },
      entry: spawnChild('analyze', { id: 'verdictOne', input: { options: ONE } }),
      exit: stopChild('verdictOne'),
      on: {
        'xstate.done.actor.verdictOne': [
          {
            guard: 'secure',
            target: 'predictJoin',
            actions: assign({
              feedback: ({ event }) => {
                const a = analysisOf(outputOf(event)) as AnalysisJson;
                const c = a.gammaWitness;
                return {
                  tone: 'info' as const,
                  text:
                    c === null
                      ? 'Secure: no coalition of operators can corrupt anything worth corrupting.'
                      : `Secure. The cheapest way to corrupt ${FIRST} takes ${operatorsOf(c).join(' and ')}: ${readable(c.stake)} ETH would be slashed to gain ${readable(c.profit)} ETH.`,
                };
              },
            }),
          },
          {
            target: 'analyzeOne',
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const a = analysisOf(outputOf(event));
                return {
                  text:
                    a?.witness != null
                      ? `Not secure: ${attackText(a.witness)}. The chain is not the whitepaper's network any more: step back to the start of the lesson (or undo what you changed) and ask again.`
                      : refused(outputOf(event)),
                };
              },
            },
          },
        ],
      },
    },
    predictJoin: predictStep<Context, Event>({
      question: 'predictJoin',
      choices: [
        { id: 'secure', label: 'Still secure: every service is backed by all 8 ETH' },
        { id: 'insecure', label: 'No longer secure' },
      ],
      next: 'analyzeEleven',
      skipClears: true,
    }),
    analyzeEleven: {
      meta: { kind: 'analyze' },
      on: { ANALYZE: 'waitEleven' },
    },
    waitEleven: {
      meta: { kind: 'wait' },
      entry: spawnChild('analyze', { id: 'verdictEleven', input: { options: ELEVEN } }),
      exit: stopChild('verdictEleven'),
      on: {
        'xstate.done.actor.verdictEleven': [
          {
            guard: ({ event }) => analysisOf(outputOf(event)) !== null,
            target: 'analyzeSets',
            actions: assign(({ context, event }) => {
              const a = analysisOf(outputOf(event)) as AnalysisJson;
              const truth = a.secure ? 'secure' : 'insecure';
              const judged = judgeAnswer(context, 'predictJoin', truth);
              const right = judged.right !== false;
              const said =
                judged.right === null
                  ? ''
                  : right
                    ? 'You predicted it. '
                    : `You predicted ${truth === 'secure' ? 'otherwise' : 'it would stay secure'}; the analyzer disagrees. `;
              const verdict =
                a.witness === null
                  ? 'Secure: no coalition can corrupt services worth more than its own stake.'
                  : `Not secure: ${attackText(a.witness)}, a net gain of ${readable(a.maxAttackNetProfit)} ETH. Why: in shared stake the same operators back all eleven services, so a coalition that can corrupt one can corrupt them all and is slashed once: its stake counts once, the profit eleven times.`;
              return {
                answers: judged.answers,
                attack: a.witness,
                feedback: {
                  tone:
                    judged.right === null
                      ? ('info' as const)
                      : right
                        ? ('right' as const)
                        : ('wrong' as const),
                  text: `${said}${verdict}`,
                },
              };
            }),
          },
          {
            target: 'analyzeEleven',
            actions: {
              type: 'explain',
              params: ({ event }) => ({ text: refused(outputOf(event)) }),
            },
          },
        ],
      },
    },
    analyzeSets: {
      meta: {
        kind: 'analyze',
        // The attack was found on this chain: its coalition still holds the stake the analyzer counted.
        holds: (w, c) =>
          c.attack === null || sameEth(coalitionStake(w, operatorsOf(c.attack)), c.attack.stake)
            ? null
            : `the attacking coalition no longer holds ${c.attack.stake} ETH`,
      },
      on: { ANALYZE: 'waitSets' },
    },
    waitSets: {
      meta: { kind: 'wait' },
      entry: spawnChild('analyze', { id: 'verdictSets', input: { options: ELEVEN_AS_SETS } }),
      exit: stopChild('verdictSets'),
      on: {
        'xstate.done.actor.verdictSets': [
          {
            guard: 'insecure',
            target: 'fix',
            actions: assign({
              feedback: ({ event }) => {
                const a = analysisOf(outputOf(event)) as AnalysisJson;
                const one = a.gammaWitness;
                const all = a.witness as AttackJson;
                return {
                  tone: 'info' as const,
                  text:
                    one === null
                      ? `Still not secure: ${attackText(all)}.`
                      : `Still not secure, but differently. No slash reaches past its own set: the cheapest attack takes the slices of ${operatorsOf(one).join(' and ')} in ${services(one.services)}, ${readable(one.stake)} ETH, to gain ${readable(one.profit)} ETH. Each of the ${all.services.length} services falls on its own in the same way: ${readable(all.stake)} ETH of slices for ${readable(all.profit)} ETH in all.`,
                };
              },
            }),
          },
          {
            guard: 'secure',
            target: 'fix',
            actions: assign({
              feedback: {
                tone: 'info' as const,
                text: 'Read as operator sets, the analyzer finds the network secure already: the allocations on this chain are no longer the 9% slices of the scenario.',
              },
            }),
          },
          {
            target: 'analyzeSets',
            actions: {
              type: 'explain',
              params: ({ event }) => ({ text: refused(outputOf(event)) }),
            },
          },
        ],
      },
    },
    fix: actStep<Context, Event>({
      show: FIX,
      tryWrong: [{ action: 'lst.stake', by: LEARNER, amount: '5 ETH' }],
      counts: (e) => e.ok && network(e.before) !== network(e.after),
      target: 'analyzeFix',
      tone: 'info',
      says: (e) =>
        `The operators now hold ${eth(totalStake(e.after))} ETH between them (${eth(totalStake(e.before))} before). Ask the analyzer whether that is enough.`,
      otherwise: [
        {
          when: (e) => e.ok,
          say: (e, c) => {
            const need =
              c.attack === null ? '' : `, and the attack needs only ${readable(c.attack.stake)} ETH`;
            return `${e.step.action} landed, but nothing the analyzer reads changed: the operators still hold ${eth(totalStake(e.after))} ETH between them${need}.${waiting(e)} ETH or stETH outside the strategy backs nothing at all.`;
          },
        },
      ],
      wanted: (e) => `Put more stake behind the operators.${waiting(e)}`,
    }),
    analyzeFix: {
      meta: { kind: 'analyze' },
      on: { ANALYZE: 'waitFix' },
    },
    waitFix: {
      meta: { kind: 'wait' },
      entry: spawnChild('analyze', { id: 'verdictFix', input: { options: ELEVEN } }),
      exit: stopChild('verdictFix'),
      on: {
        'xstate.done.actor.verdictFix': [
          {
            guard: 'secure',
            target: 'analyzeFixSets',
            actions: assign(({ event }) => {
              const a = analysisOf(outputOf(event)) as AnalysisJson;
              const c = a.gammaWitness;
              return {
                cheapest: c,
                feedback: {
                  tone: 'right' as const,
                  text:
                    c === null
                      ? 'Secure: no coalition can corrupt anything worth corrupting.'
                      : `Secure. The cheapest coalition that can still corrupt services is ${operatorsOf(c).join(' and ')}: it would gain ${readable(c.profit)} ETH and lose ${readable(c.stake)} ETH.`,
                },
              };
            }),
          },
          {
            target: 'fix',
            actions: {
              type: 'explain',
              params: ({ event }) => {
                const a = analysisOf(outputOf(event));
                return {
                  text:
                    a?.witness != null
                      ? `Still not secure: ${attackText(a.witness)}, a net gain of ${readable(a.maxAttackNetProfit)} ETH. Any coalition that can corrupt the services must hold at least as much stake as they are worth together.`
                      : refused(outputOf(event)),
                };
              },
            },
          },
        ],
      },
    },
    analyzeFixSets: {
      meta: { kind: 'analyze' },
      on: { ANALYZE: 'waitFixSets' },
    },
    waitFixSets: {
      meta: { kind: 'wait' },
      entry: spawnChild('analyze', { id: 'verdictFixSets', input: { options: ELEVEN_AS_SETS } }),
      exit: stopChild('verdictFixSets'),
      on: {
        'xstate.done.actor.verdictFixSets': [
          {
            guard: 'secure',
            target: 'debrief',
            actions: assign(({ event }) => {
              const c = (analysisOf(outputOf(event)) as AnalysisJson).gammaWitness;
              return {
                feedback: {
                  tone: 'right' as const,
                  text: `Secure in the unique reading too. ${
                    c === null
                      ? 'No coalition can corrupt any service worth corrupting.'
                      : `The cheapest coalition that can corrupt services, ${operatorsOf(c).join(' and ')}, would lose ${readable(c.stake)} ETH of its own slices to gain ${readable(c.profit)} ETH.`
                  } Alice's stake went behind one operator, and that operator's 9% slices carry part of it into every set: each service can now slash more of its own than it is worth.`,
                },
              };
            }),
          },
          {
            guard: 'insecure',
            target: 'debrief',
            actions: assign(({ event }) => {
              const a = analysisOf(outputOf(event)) as AnalysisJson;
              const one = a.gammaWitness ?? (a.witness as AttackJson);
              return {
                feedback: {
                  tone: 'info' as const,
                  text: `Secure as shared stake, but not in the unique reading: ${operatorsOf(one).join(' and ')} could take their slices in ${services(one.services)}, ${readable(one.stake)} ETH, to gain ${readable(one.profit)} ETH. Unique stake counts only what each set can slash on its own, so the new stake helps a service only through the slices allocated to it.`,
                },
              };
            }),
          },
          {
            target: 'analyzeFixSets',
            actions: {
              type: 'explain',
              params: ({ event }) => ({ text: refused(outputOf(event)) }),
            },
          },
        ],
      },
    },
    debrief: debriefStep<Context>({
      holds: (w, c) =>
        c.cheapest === null || sameEth(coalitionStake(w, operatorsOf(c.cheapest)), c.cheapest.stake)
          ? null
          : `the cheapest coalition no longer holds ${c.cheapest.stake} ETH`,
    }),
  },
});
