// Operators and AVSs as inspector cards: magnitudes, allocations per operator set with their pending
// changes, operator sets, and the AVS-level veto window with its slash requests.
import type { AvsState, World } from '../../protocol/world-types.ts';
import { delayCell, effectCell, pathCell, vetoCell } from './values.ts';
import { cell, col, fact, plain, type BuildContext, type Card, type Table } from './model.ts';

const WAD = '1000000000000000000';

/** One card per operator: delegated shares, magnitudes and allocations per `<avs>/<set>` and strategy. */
export function operatorCards(world: World, ctx: BuildContext): Card[] {
  return Object.entries(world.operators).map(([id, op]) => {
    const p = `operators.${id}`;
    const names = [...new Set([...Object.keys(op.shares), ...Object.keys(op.maxMagnitude)])];
    const perStrategy: Table = {
      caption: 'Per strategy',
      term: null,
      columns: [plain('Strategy'), col('operatorShares'), col('maxMagnitude'), col('encumberedMagnitude')],
      rows: names.map((s) => ({
        key: s,
        cells: [
          cell(s),
          pathCell(`${p}.shares.${s}`, op.shares[s] ?? null),
          pathCell(`${p}.maxMagnitude.${s}`, op.maxMagnitude[s] ?? null),
          pathCell(`${p}.encumberedMagnitude.${s}`, op.encumberedMagnitude[s] ?? null),
        ],
      })),
    };
    const allocations: Table = {
      caption: 'Allocations',
      term: 'allocation',
      columns: [
        col('operatorSet'),
        plain('Strategy'),
        col('currentMagnitude'),
        col('pendingDiff'),
        col('effectBlock'),
        col('allocatedStake'),
      ],
      rows: Object.entries(op.allocations).flatMap(([set, byStrategy]) =>
        Object.entries(byStrategy).map(([s, a]) => {
          const q = `${p}.allocations.${set}.${s}`;
          return {
            key: `${set}|${s}`,
            cells: [
              cell(set),
              cell(s),
              pathCell(`${q}.currentMagnitude`, a.currentMagnitude),
              a.pendingDiff === '0' ? cell('none') : pathCell(`${q}.pendingDiff`, a.pendingDiff),
              effectCell(a.effectBlock, a.pendingDiff, ctx.clock),
              pathCell(`${q}.allocatedStake`, a.allocatedStake),
            ],
          };
        }),
      ),
    };
    const delegators = Object.entries(world.stakers)
      .filter(([sid, s]) => s.delegatedTo === id && sid !== id)
      .map(([sid]) => sid);
    const summary = [
      ...names
        .filter((s) => (op.shares[s] ?? '0') !== '0')
        .map((s) => `${s}: ${pathCell(`${p}.shares.${s}`, op.shares[s] ?? '0').text} delegated`),
      ...names
        .filter((s) => (op.maxMagnitude[s] ?? WAD) !== WAD)
        .map(
          (s) => `${s} max magnitude ${pathCell(`${p}.maxMagnitude.${s}`, op.maxMagnitude[s] ?? WAD).text}`,
        ),
      `${allocations.rows.length} allocation${allocations.rows.length === 1 ? '' : 's'}`,
    ];
    return {
      id,
      title: id,
      summary: summary.join(' · '),
      actors: [id, ...delegators, ...Object.keys(op.allocations).map((k) => k.split('/')[0] ?? k)],
      idle: false,
      facts: [
        fact('allocationDelay', delayCell(op.allocationDelay, ctx.clock)),
        fact(null, cell(delegators.length === 0 ? 'none' : delegators.join(', ')), 'Delegated stakers'),
      ],
      tables: allocations.rows.length === 0 ? [perStrategy] : [perStrategy, allocations],
    };
  });
}

function requestTable(id: string, a: AvsState, ctx: BuildContext): Table {
  return {
    caption: 'Slash requests',
    term: 'slashRequests',
    columns: [
      plain('Request'),
      col('slashRequestOperator'),
      col('slashRequestSet'),
      col('requestBlock'),
      col('vetoableUntilBlock'),
      col('slashRequestStatus'),
    ],
    rows: Object.entries(a.slashRequests).map(([as, r]) => ({
      key: as,
      cells: [
        cell(as),
        cell(r.operator),
        cell(`${id}/${r.set}`),
        cell(r.requestBlock),
        vetoCell(r.vetoableUntilBlock, r.status, ctx.clock),
        cell(r.status),
      ],
    })),
  };
}

/** One card per AVS: its operator sets and, when it has one, its veto window and slash requests. */
export function avsCards(world: World, ctx: BuildContext): Card[] {
  return Object.entries(world.avs).map(([id, a]) => {
    const sets: Table = {
      caption: 'Operator sets',
      term: 'operatorSet',
      columns: [col('operatorSet'), col('setStrategies'), col('setOperators'), col('slashCount')],
      rows: Object.entries(a.sets).map(([n, s]) => ({
        key: n,
        cells: [
          cell(`${id}/${n}`),
          cell(s.strategies.length === 0 ? 'none' : s.strategies.join(', ')),
          cell(s.operators.length === 0 ? 'none' : s.operators.join(', ')),
          cell(s.slashCount),
        ],
      })),
    };
    const members = [...new Set(Object.values(a.sets).flatMap((s) => s.operators))];
    const slashes = Object.values(a.sets).reduce((sum, s) => sum + BigInt(s.slashCount), 0n);
    const pending = Object.values(a.slashRequests).filter((r) => r.status === 'pending').length;
    const veto = a.vetoWindowBlocks === '0';
    const contract = ctx.actors.get(id)?.contract ?? null;
    return {
      id,
      title: id,
      summary: [
        `${sets.rows.length} operator set${sets.rows.length === 1 ? '' : 's'}`,
        `${members.length} member${members.length === 1 ? '' : 's'}`,
        `${slashes} slash${slashes === 1n ? '' : 'es'}`,
        ...(veto ? [] : [`veto window ${a.vetoWindowBlocks} blocks`]),
        ...(pending === 0 ? [] : [`${pending} pending slash request${pending === 1 ? '' : 's'}`]),
      ].join(' · '),
      actors: [id, ...members, ...(a.vetoCommittee === null ? [] : [a.vetoCommittee])],
      idle: false,
      facts: [
        ...(contract === null ? [] : [fact(null, cell(contract), 'MiniAVS contract')]),
        fact(
          'vetoWindowBlocks',
          veto ? cell('off: slashes are instant') : delayCell(a.vetoWindowBlocks, ctx.clock),
        ),
        fact('vetoCommittee', cell(a.vetoCommittee ?? 'none')),
      ],
      tables: Object.keys(a.slashRequests).length === 0 ? [sets] : [sets, requestTable(id, a, ctx)],
    };
  });
}
