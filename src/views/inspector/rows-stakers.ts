// Restakers and account balances as inspector cards. Every value goes through pathCell with its world@1
// path, so the inspector and the branch comparison write a number the same way.
import type { StakerState, World } from '../../protocol/world-types.ts';
import { afterBlockCell, pathCell } from './values.ts';
import { cell, col, fact, plain, type BuildContext, type Card, type Fact, type Table } from './model.ts';

const WAD = 10n ** 18n;
const big = (v: string): bigint => (/^-?[0-9]+$/.test(v) ? BigInt(v) : 0n);

function withdrawalTable(id: string, s: StakerState, ctx: BuildContext): Table {
  const base = `stakers.${id}.withdrawals`;
  return {
    caption: 'Queued withdrawals',
    term: 'withdrawal',
    columns: [
      plain('Withdrawal'),
      col('withdrawalStrategy'),
      col('scaledShares'),
      col('startBlock'),
      col('completableAfterBlock'),
      plain('Status'),
    ],
    rows: Object.entries(s.withdrawals).map(([as, w]) => {
      const left = big(w.completableAfterBlock) - ctx.clock.block;
      const status = w.completed ? 'completed' : left > 0n ? 'queued, still slashable' : 'completable';
      return {
        key: as,
        cells: [
          cell(as),
          cell(w.strategy),
          pathCell(`${base}.${as}.scaledShares`, w.scaledShares),
          cell(w.startBlock),
          afterBlockCell(w.completableAfterBlock, ctx.clock, w.completed),
          cell(status),
        ],
      };
    }),
  };
}

function podFacts(id: string, s: StakerState): Fact[] {
  if (s.pod === null) return [fact('pod', cell('none'))];
  const p = `stakers.${id}.pod`;
  return [
    fact('podAddress', cell(s.pod.address)),
    fact('activeValidators', cell(s.pod.activeValidators)),
    fact('restakedGwei', pathCell(`${p}.restakedGwei`, s.pod.restakedGwei)),
    fact('checkpointActive', cell(s.pod.checkpointActive ? 'yes' : 'no')),
  ];
}

/** Holds nothing in EigenLayer: no deposit shares, no pod, no withdrawal. */
const holdsNothing = (s: StakerState): boolean =>
  Object.values(s.strategies).every((x) => x.depositShares === '0') &&
  s.pod === null &&
  Object.keys(s.withdrawals).length === 0;

/**
 * The world's restakers: every staker entry except operators that restake nothing of their own (EigenLayer
 * delegates an operator to itself, so each one is a staker entry too; it belongs under Operators). A vault is
 * a restaker: it restakes for its token holders.
 */
export const restakers = (world: World): [string, StakerState][] =>
  Object.entries(world.stakers).filter(([id, s]) => !(id in world.operators && holdsNothing(s)));

/** One card per restaker (an operator with its own stake and a vault are listed too, with their role). */
export function restakerCards(world: World, ctx: BuildContext): Card[] {
  return restakers(world).map(([id, s]) => {
    const p = `stakers.${id}`;
    const held = Object.entries(s.strategies).filter(([, x]) => x.depositShares !== '0');
    const open = Object.values(s.withdrawals).filter((w) => !w.completed).length;
    const summary = [
      s.delegatedTo === null ? 'not delegated' : `delegated to ${s.delegatedTo}`,
      ...held.map(([name, x]) => {
        const w = pathCell(`${p}.strategies.${name}.withdrawableShares`, x.withdrawableShares).text;
        const d = pathCell(`${p}.strategies.${name}.depositShares`, x.depositShares).text;
        return `${name}: ${w} withdrawable of ${d} deposited`;
      }),
      ...(s.pod === null
        ? []
        : [
            `pod with ${s.pod.activeValidators} active validator${s.pod.activeValidators === '1' ? '' : 's'}`,
          ]),
      ...(open === 0 ? [] : [`${open} queued withdrawal${open === 1 ? '' : 's'}`]),
    ];
    const strategies: Table = {
      caption: 'Shares per strategy',
      term: null,
      columns: [
        plain('Strategy'),
        col('depositShares'),
        col('withdrawableShares'),
        col('depositScalingFactor'),
      ],
      rows: Object.entries(s.strategies).map(([name, x]) => ({
        key: name,
        cells: [
          cell(name),
          pathCell(`${p}.strategies.${name}.depositShares`, x.depositShares),
          pathCell(`${p}.strategies.${name}.withdrawableShares`, x.withdrawableShares),
          pathCell(`${p}.strategies.${name}.depositScalingFactor`, x.depositScalingFactor),
        ],
      })),
    };
    const tables = [strategies];
    if (Object.keys(s.withdrawals).length > 0) tables.push(withdrawalTable(id, s, ctx));
    const role = ctx.actors.get(id)?.role;
    return {
      id,
      title: role === undefined || role === 'staker' ? id : `${id} (${role})`,
      summary: summary.join(' · '),
      actors: s.delegatedTo === null || s.delegatedTo === id ? [id] : [id, s.delegatedTo],
      idle:
        s.delegatedTo === null &&
        held.length === 0 &&
        s.pod === null &&
        Object.keys(s.withdrawals).length === 0 &&
        big(s.beaconChainSlashingFactor) === WAD,
      facts: [
        fact('delegatedTo', cell(s.delegatedTo ?? 'not delegated')),
        fact(
          'beaconChainSlashingFactor',
          pathCell(`${p}.beaconChainSlashingFactor`, s.beaconChainSlashingFactor),
        ),
        ...podFacts(id, s),
      ],
      tables,
    };
  });
}

/** One card per account: its plain ETH and token balances. */
export function balanceCards(world: World): Card[] {
  return Object.entries(world.accounts).map(([id, a]) => {
    const p = `accounts.${id}`;
    const facts = [
      fact('role', cell(a.role)),
      fact('address', cell(a.address)),
      fact('eth', pathCell(`${p}.eth`, a.eth)),
      fact('stETH', pathCell(`${p}.stETH`, a.stETH)),
      fact('stETHShares', pathCell(`${p}.stETHShares`, a.stETHShares)),
      fact('wstETH', pathCell(`${p}.wstETH`, a.wstETH)),
      ...Object.entries(a.vaultTokens).map(([v, amount]) =>
        fact('vaultTokens', pathCell(`${p}.vaultTokens.${v}`, amount), `Vault tokens of ${v}`),
      ),
    ];
    const amounts = facts.slice(2).filter((f) => f.value.exact !== null && !f.value.exact.startsWith('0 '));
    // Rewards only once an AVS has paid this account anything (most sandboxes never pay any), and kept out of
    // the summary: credited rewards are not a balance until claimed.
    if (a.rewardsEarned !== '0')
      facts.push(
        fact('rewardsEarned', pathCell(`${p}.rewardsEarned`, a.rewardsEarned)),
        fact('rewardsClaimable', pathCell(`${p}.rewardsClaimable`, a.rewardsClaimable)),
      );
    return {
      id,
      title: `${id} (${a.role})`,
      summary: amounts.length === 0 ? 'no balance' : amounts.map((f) => f.value.text).join(' · '),
      actors: [id],
      idle: amounts.length === 0,
      facts,
      tables: [],
    };
  });
}
