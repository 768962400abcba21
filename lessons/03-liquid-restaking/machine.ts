// Lesson 3: liquid restaking. Alice deposits stETH into the strategy (shares at the strategy's rate, with
// StrategyBase's virtual offset), then through a vault that mints a liquid restaking token at NAV; after a
// reward report a later depositor gets fewer vault tokens per stETH. Every mint is checked against the
// formula, computed here from the world before it. Last, stETH trades below its backing: the vault's price
// oracle reports it, and the rate falls for every holder at once, by exactly price × holdings ÷ supply.
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
  predictStep,
  readStep,
  stakerShares,
  stepAmount,
  type ActedEvent,
  type LessonContext,
  type LessonEvent,
  type StepMeta,
  type World,
} from '../../src/engine/lesson-kit.ts';

const LEARNER = 'alice';
const LATECOMER = 'carol';
const VAULT = 'lrt';
const WAD = 10n ** 18n;
/** StrategyBase's virtual shares and virtual balance (SHARES_OFFSET = BALANCE_OFFSET = 1e3). */
const OFFSET = 1000n;

const DEPOSIT = [{ action: 'strategy.deposit', by: LEARNER, strategy: 'stETH', amount: '10 ETH' }];
const VAULT_DEPOSIT = [{ action: 'vault.deposit', by: LEARNER, vault: VAULT, amount: '10 ETH' }];
// 1% of the pool's 70.7 ETH, as lesson 1's report.
const REPORT = [{ action: 'lst.report', delta: '0.707 ETH' }];
const LATER_DEPOSIT = [{ action: 'vault.deposit', by: LATECOMER, vault: VAULT, amount: '10 ETH' }];
/** The market pays 0.97 ETH for one stETH: the vault's price oracle reports it. */
const DEPEG = [{ action: 'vault.setPrice', vault: VAULT, price: '0.97 ETH' }];
const DEPEG_CHOICES = [
  { id: 'all', label: "Every holder's vault tokens are worth less, at once" },
  { id: 'none', label: 'Nothing: the vault still holds the same stETH' },
  { id: 'new', label: 'Only later depositors are affected' },
];

interface Context extends LessonContext {
  /** Alice's direct deposit: the stETH amount the strategy priced and the shares it minted. */
  strategyAmount: string | null;
  strategyShares: string | null;
  /** Alice's vault deposit: the stETH that left her balance and the vault tokens she received. */
  alicePaid: string | null;
  aliceMinted: string | null;
  /** The three layers a naive TVL adds up, after the later deposit. */
  tvl: { pooled: string; strategy: string; vault: string } | null;
}

const LATER_CHOICES = [
  { id: 'more', label: 'More: the vault has earned, so it pays newcomers more' },
  { id: 'same', label: 'The same: one stETH always buys one vault token' },
  { id: 'fewer', label: 'Fewer: each vault token is now worth more stETH' },
];
const stETH = (w: World, who: string) => BigInt(w.accounts[who]?.stETH ?? '0');
const vaultTokens = (w: World, who: string) => BigInt(w.accounts[who]?.vaultTokens[VAULT] ?? '0');
const pooled = (w: World) => BigInt(w.lst.totalPooledEther);
const strategy = (w: World) => ({
  shares: BigInt(w.strategies['stETH']?.totalShares ?? '0'),
  balance: BigInt(w.strategies['stETH']?.underlyingBalance ?? '0'),
});
const vault = (w: World) => ({
  supply: BigInt(w.vaults[VAULT]?.supply ?? '0'),
  value: BigInt(w.vaults[VAULT]?.totalValue ?? '0'),
  rate: BigInt(w.vaults[VAULT]?.rate ?? '0'),
  price: BigInt(w.vaults[VAULT]?.stETHPrice ?? '0'),
});
const direct = (w: World) => stakerShares(w, LEARNER, 'stETH').deposit;
const signer = (e: ActedEvent) => String(e.step['by']);
/** An actor id at the start of a sentence. */
const titled = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/**
 * StrategyBase's price for a deposit: amount × (total shares + offset) ÷ (balance before + offset). Like the
 * real strategy, it takes the amount the manager passed and the balance before as (balance now − amount),
 * so a stETH transfer that arrives a wei short is priced as if it had not.
 */
function strategyPrice(e: ActedEvent) {
  const amount = stepAmount(e.step) ?? 0n;
  const shares = strategy(e.before).shares;
  const balance = strategy(e.after).balance - amount;
  return { amount, shares, balance, minted: (amount * (shares + OFFSET)) / (balance + OFFSET) };
}
/** What the offset changed: the price without it (none when the strategy was empty), and the difference. */
function offsetEffect(p: ReturnType<typeof strategyPrice>): string {
  if (p.shares === 0n || p.balance === 0n) return '';
  const without = (p.amount * p.shares) / p.balance;
  const diff = p.minted - without;
  const wei = (n: bigint) => `${n} wei`;
  return diff === 0n
    ? ` Without the offset, ⌊amount × shares ÷ balance⌋ gives the same number.`
    : ` Without the offset, ⌊amount × shares ÷ balance⌋ would give ${eth(without)}: the offset changed Alice's shares by ${diff > 0n ? '+' : '−'}${wei(diff > 0n ? diff : -diff)}.`;
}
const received = (e: ActedEvent) => strategy(e.after).balance - strategy(e.before).balance;

/** The vault's rule: value added × supply ÷ total value, rounded down (1:1 into an empty vault). */
function vaultMint(e: ActedEvent): bigint {
  const before = vault(e.before);
  const added = vault(e.after).value - before.value;
  if (before.supply === 0n) return added;
  return before.value === 0n ? 0n : (added * before.supply) / before.value;
}
const minted = (e: ActedEvent) => vaultTokens(e.after, signer(e)) - vaultTokens(e.before, signer(e));
const paid = (e: ActedEvent) => stETH(e.before, signer(e)) - stETH(e.after, signer(e));
const mintAgrees = (e: ActedEvent) => minted(e) > 0n && minted(e) === vaultMint(e);
const intoVault = (e: ActedEvent) => landed(e, 'vault.deposit') && e.step['vault'] === VAULT;

/** The mint written out with the chain's numbers. */
const mintSum = (e: ActedEvent) => {
  const b = vault(e.before);
  return `⌊${eth(vault(e.after).value - b.value)} × ${eth(b.supply)} ÷ ${eth(b.value)}⌋ = ${eth(vaultMint(e))}`;
};
/** Vault tokens (or shares) one stETH bought, for prose (exact to 18 decimals, rounded down). */
const perStETH = (tokens: bigint, stETHIn: bigint) => (stETHIn === 0n ? '?' : eth((tokens * WAD) / stETHIn));
/** How to reach a system action in the Act panel. */
const AS_SYSTEM = 'Act as "System" and use';

/** A vault deposit whose mint disagrees with the formula: said plainly, never passed over. */
const disagreement = (e: ActedEvent) =>
  `The vault minted ${eth(minted(e))} tokens, but value added × supply ÷ total value gives ${mintSum(e)}. They should agree; this is worth reporting.`;

const depositNext =
  'Act as alice and use "Deposit into a strategy" (strategy.deposit) with part of her stETH, say 10.';
const vaultNext = 'Act as alice and use "Deposit stETH into a vault" (vault.deposit) into lrt, say 10.';
const reportNext = `${AS_SYSTEM} "Report rewards or losses" (lst.report) with a positive change, about 1% of pooled ETH.`;
const laterNext = 'Act as carol and use "Deposit stETH into a vault" (vault.deposit) into lrt, say 10.';

/** Whether the later deposit bought more, the same or fewer tokens per stETH than Alice's (no division). */
function laterTruth(e: ActedEvent, c: Context): string {
  const now = minted(e) * BigInt(c.alicePaid ?? '0');
  const then = BigInt(c.aliceMinted ?? '0') * paid(e);
  return now < then ? 'fewer' : now > then ? 'more' : 'same';
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
    strategyAmount: null,
    strategyShares: null,
    alicePaid: null,
    aliceMinted: null,
    tvl: null,
  }),
  initial: 'intro',
  states: {
    intro: readStep<Context>({ next: 'strategyDeposit' }),
    strategyDeposit: actStep<Context>({
      show: DEPOSIT,
      tryWrong: [{ action: 'strategy.deposit', by: LEARNER, strategy: 'stETH', amount: '40 ETH' }],
      counts: (e) => {
        if (!landed(e, 'strategy.deposit', LEARNER)) return false;
        const made = direct(e.after) - direct(e.before);
        return made > 0n && made === strategyPrice(e).minted;
      },
      target: 'shares',
      says: (e) => {
        const p = strategyPrice(e);
        const made = direct(e.after) - direct(e.before);
        const short = p.amount - received(e);
        const note =
          short > 0n
            ? ` stETH delivered ${short} wei less than the amount (a wei is 10⁻¹⁸ stETH: its transfers move whole pool shares, rounded down against the sender), and the strategy, like the real one, prices the full amount.`
            : '';
        return `Alice deposited ${eth(p.amount)} stETH and received ${eth(made)} deposit shares: ⌊${eth(p.amount)} × (${eth(p.shares)} + 1000 wei) ÷ (${eth(p.balance)} + 1000 wei)⌋ = ${eth(p.minted)}, rounded down to the wei.${offsetEffect(p)}${note}`;
      },
      then: (e) => ({
        strategyAmount: String(strategyPrice(e).amount),
        strategyShares: String(direct(e.after) - direct(e.before)),
      }),
      otherwise: [
        {
          when: (e) =>
            e.step.action === 'strategy.deposit' &&
            !e.ok &&
            (stepAmount(e.step) ?? 0n) > stETH(e.after, LEARNER),
          say: (e) =>
            didNotCount(
              e,
              `Alice holds ${eth(stETH(e.after, LEARNER))} stETH, and a strategy takes only tokens she has. ${depositNext}`,
            ),
        },
        {
          when: (e) => intoVault(e) && signer(e) === LEARNER,
          say: (e) =>
            `That went through the vault: Alice received ${eth(minted(e))} vault tokens, and her own deposit shares are still ${eth(direct(e.after))}. The vault comes next; first restake directly. ${depositNext}`,
        },
        {
          when: (e) => landed(e, 'lst.stake'),
          say: (e) =>
            `Alice now holds ${eth(stETH(e.after, LEARNER))} stETH: more to restake, but nothing restaked yet. ${depositNext}`,
        },
      ],
      wanted: depositNext,
    }),
    shares: readStep<Context>({
      holds: (w, c) =>
        c.strategyShares !== null && direct(w) === BigInt(c.strategyShares)
          ? null
          : "alice's deposit shares are not the shares her deposit minted",
      next: 'vaultDeposit',
    }),
    vaultDeposit: actStep<Context>({
      show: VAULT_DEPOSIT,
      tryWrong: DEPOSIT,
      counts: (e) => intoVault(e) && signer(e) === LEARNER && mintAgrees(e),
      target: 'compare',
      says: (e, c) => {
        const direct =
          c.strategyAmount === null || c.strategyShares === null
            ? ''
            : ` Per stETH that is ${perStETH(minted(e), paid(e))} vault tokens, against ${perStETH(BigInt(c.strategyShares), BigInt(c.strategyAmount))} deposit shares from her direct deposit.`;
        return `Alice paid ${eth(paid(e))} stETH and received ${eth(minted(e))} vault tokens. The vault's total value grew by ${eth(vault(e.after).value - vault(e.before).value)}, and value added × supply ÷ total value = ${mintSum(e)}: the chain minted exactly that.${direct}`;
      },
      then: (e) => ({ alicePaid: String(paid(e)), aliceMinted: String(minted(e)) }),
      otherwise: [
        { when: (e) => intoVault(e) && !mintAgrees(e), say: disagreement },
        {
          when: (e) => landed(e, 'strategy.deposit', LEARNER),
          say: (e) =>
            `That was the direct path again: Alice's deposit shares went from ${eth(direct(e.before))} to ${eth(direct(e.after))}, and she holds ${eth(vaultTokens(e.after, LEARNER))} vault tokens. This step goes through the vault. ${vaultNext}`,
        },
        {
          when: (e) => e.step.action === 'vault.deposit' && !e.ok,
          say: (e) =>
            didNotCount(
              e,
              `Alice holds ${eth(stETH(e.after, LEARNER))} stETH. Act as alice and use "Deposit stETH into a vault" (vault.deposit) into lrt with at most that.`,
            ),
        },
      ],
      wanted: vaultNext,
    }),
    compare: readStep<Context>({
      holds: (w, c) => {
        const v = vault(w);
        if (c.aliceMinted === null || vaultTokens(w, LEARNER) !== BigInt(c.aliceMinted))
          return "alice's vault tokens are not what she was minted";
        return v.supply > 0n && v.rate === (v.value * WAD) / v.supply
          ? null
          : 'the vault rate is not total value ÷ supply';
      },
      next: 'predictLater',
    }),
    predictLater: predictStep<Context>({ question: 'predictLater', choices: LATER_CHOICES, next: 'report' }),
    report: actStep<Context>({
      show: REPORT,
      tryWrong: [{ action: 'lst.report', delta: '-0.707 ETH' }],
      lookAt: [{ label: 'lrt', view: 'Inspector', section: 'vaults', card: VAULT, fact: 'rate' }],
      counts: (e) =>
        landed(e, 'lst.report') &&
        pooled(e.after) > pooled(e.before) &&
        vault(e.after).rate > vault(e.before).rate,
      target: 'laterDeposit',
      tone: 'info',
      says: (e) =>
        `Pooled ETH went from ${eth(pooled(e.before))} to ${eth(pooled(e.after))}. The strategy's stETH rebased from ${eth(strategy(e.before).balance)} to ${eth(strategy(e.after).balance)}, so the vault's total value went from ${eth(vault(e.before).value)} to ${eth(vault(e.after).value)} with its supply unchanged at ${eth(vault(e.after).supply)}: one vault token is now worth ${eth(vault(e.after).rate)} stETH (it was ${eth(vault(e.before).rate)}).`,
      otherwise: [
        {
          when: (e) => landed(e, 'lst.report') && pooled(e.after) < pooled(e.before),
          say: (e) =>
            `That report was a loss: pooled ETH went from ${eth(pooled(e.before))} to ${eth(pooled(e.after))}, and the vault's rate from ${eth(vault(e.before).rate)} to ${eth(vault(e.after).rate)}. The question is about rewards. ${reportNext}`,
        },
        {
          when: (e, c) => intoVault(e) && c.alicePaid !== null && c.aliceMinted !== null,
          say: (e, c) =>
            `That deposit came before the rewards: ${eth(paid(e))} stETH bought ${eth(minted(e))} vault tokens, ${perStETH(minted(e), paid(e))} per stETH (Alice got ${perStETH(BigInt(c.aliceMinted ?? '0'), BigInt(c.alicePaid ?? '0'))}). Report the rewards first; the later deposit is the next step. ${reportNext}`,
        },
      ],
      wanted: reportNext,
    }),
    laterDeposit: actStep<Context>({
      show: LATER_DEPOSIT,
      tryWrong: [{ action: 'vault.deposit', by: LATECOMER, vault: VAULT, amount: '20 ETH' }],
      counts: (e) => intoVault(e) && mintAgrees(e),
      target: 'tvl',
      judges: {
        question: 'predictLater',
        choices: LATER_CHOICES,
        truth: laterTruth,
        say: (right, _, c) =>
          right === null
            ? ''
            : right
              ? 'You predicted it. '
              : `You predicted "${choiceLabel(LATER_CHOICES, c.answers['predictLater']?.choice ?? '')}", but the chain says otherwise. `,
      },
      says: (e, c) => {
        const alicePaid = BigInt(c.alicePaid ?? '0');
        const aliceMinted = BigInt(c.aliceMinted ?? '0');
        const [p, st, v] = [pooled(e.after), strategy(e.after).balance, vault(e.after).value];
        return `${titled(signer(e))} paid ${eth(paid(e))} stETH for ${eth(minted(e))} vault tokens (${mintSum(e)}): ${perStETH(minted(e), paid(e))} tokens per stETH, against ${perStETH(aliceMinted, alicePaid)} for Alice before the rewards. Counted naively, value locked is now ${eth(p)} (staked in the pool) + ${eth(st)} (in the strategy) + ${eth(v)} (in the vault) = ${eth(p + st + v)} ETH, for ${eth(p)} ETH actually in the pool. Why: the vault mints at its value per token, and the reward raised its value but not its supply, so each token now costs more stETH; the rewards earned before stay with the holders who earned them.`;
      },
      then: (e) => ({
        tvl: {
          pooled: String(pooled(e.after)),
          strategy: String(strategy(e.after).balance),
          vault: String(vault(e.after).value),
        },
      }),
      otherwise: [
        { when: intoVault, say: disagreement },
        {
          when: (e) => e.step.action === 'vault.deposit' && !e.ok,
          say: (e) =>
            didNotCount(
              e,
              `${titled(signer(e))} holds ${eth(stETH(e.after, signer(e)))} stETH. Act as ${signer(e)} and use "Deposit stETH into a vault" (vault.deposit) into lrt with at most that.`,
            ),
        },
        {
          when: (e) => landed(e, 'strategy.deposit'),
          say: (e) =>
            `That was the direct path: ${eth(received(e))} stETH into the strategy for shares, no vault tokens. The question is what the vault pays now. ${laterNext}`,
        },
        {
          when: (e) => landed(e, 'lst.report'),
          say: (e) =>
            `Another report: the vault's rate went from ${eth(vault(e.before).rate)} to ${eth(vault(e.after).rate)} ETH per token. Now someone deposits. ${laterNext}`,
        },
      ],
      wanted: laterNext,
    }),
    tvl: readStep<Context>({
      holds: (w, c) =>
        c.tvl !== null &&
        String(pooled(w)) === c.tvl.pooled &&
        String(strategy(w).balance) === c.tvl.strategy &&
        String(vault(w).value) === c.tvl.vault
          ? null
          : 'the three layers are not the ones the feedback counted',
      next: 'predictDepeg',
    }),
    predictDepeg: predictStep<Context>({
      question: 'predictDepeg',
      choices: DEPEG_CHOICES,
      holds: (w) => (vault(w).price === WAD ? null : 'the vault does not price stETH at face value'),
      next: 'depeg',
    }),
    depeg: actStep<Context>({
      show: DEPEG,
      tryWrong: [{ action: 'lst.report', delta: '-2 ETH' }],
      lookAt: [{ label: "lrt's rate", view: 'Inspector', section: 'vaults', card: VAULT, fact: 'rate' }],
      holds: (w) => (vault(w).price === WAD ? null : 'the vault does not price stETH at face value'),
      counts: (e) =>
        landed(e, 'vault.setPrice') &&
        vault(e.after).price < WAD &&
        vault(e.after).rate < vault(e.before).rate,
      target: 'debrief',
      judges: {
        question: 'predictDepeg',
        choices: DEPEG_CHOICES,
        truth: (e) => {
          const [b, a] = [vault(e.before).rate, vault(e.after).rate];
          return a < b ? 'all' : a === b ? 'none' : 'new';
        },
        say: (right) => (right === null ? '' : right ? 'You predicted it: ' : 'The chain says otherwise: '),
      },
      says: (e) => {
        const b = vault(e.before);
        const a = vault(e.after);
        const holders = [LEARNER, 'bob', LATECOMER]
          .map((h) => `${titled(h)}'s ${eth(vaultTokens(e.after, h))}`)
          .join(', ');
        return `the vault still holds ${eth(a.value)} stETH (its total value did not move), but at ${eth(a.price)} ETH per stETH its rate went from ${eth(b.rate)} to ${eth(a.rate)} ETH per token: total value × price ÷ supply, ${eth(a.value)} × ${eth(a.price)} ÷ ${eth(a.supply)}, rounded down. A vault token is a slice of the vault's stETH, so whatever the market pays for stETH, every token is priced by it: ${holders} tokens all lost the same fraction, and no token moved.`;
      },
      otherwise: [
        {
          when: (e) => e.step.action === 'lst.report',
          say: (e) =>
            `${e.ok ? 'That report landed' : 'The chain refused that report'}, but a report changes what the pool holds: a loss of validators' ETH, shared by every stETH. A depeg is different: the pool still holds all its ETH, and only the market pays less for stETH. ${e.ok ? 'Undo it, then act' : 'Act'} as System and report the market price of stETH to lrt (0.97 ETH).`,
        },
      ],
      wanted: 'Act as System and use "Report the market price of stETH": vault lrt, 0.97 ETH.',
    }),
    debrief: debriefStep<Context>(),
  },
});
