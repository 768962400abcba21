// Vaults, validators and the protocol-wide numbers (the LST, the strategies, slashed funds) as inspector cards.
import type { World } from '../../protocol/world-types.ts';
import { afterBlockCell, pathCell } from './values.ts';
import { cell, col, fact, plain, type BuildContext, type Card } from './model.ts';

/** One card per liquid restaking vault: supply, NAV, rate and its redemption requests. */
export function vaultCards(world: World, ctx: BuildContext): Card[] {
  return Object.entries(world.vaults).map(([id, v]) => {
    const p = `vaults.${id}`;
    const supply = pathCell(`${p}.supply`, v.supply);
    const value = pathCell(`${p}.totalValue`, v.totalValue);
    const rate = pathCell(`${p}.rate`, v.rate);
    const open = Object.values(v.requests).filter((r) => !r.claimed).length;
    const contract = ctx.actors.get(id)?.contract ?? null;
    return {
      id,
      title: id,
      summary: [
        `operator ${v.operator}`,
        `${value.text} NAV`,
        rate.text,
        `${supply.text} in circulation`,
        ...(open === 0 ? [] : [`${open} open redemption${open === 1 ? '' : 's'}`]),
      ].join(' · '),
      actors: [id, v.operator, ...Object.values(v.requests).map((r) => r.owner)],
      idle: false,
      facts: [
        ...(contract === null ? [] : [fact(null, cell(contract), 'MiniLRT contract')]),
        fact('vaultOperator', cell(v.operator)),
        fact('supply', supply),
        fact('totalValue', value),
        fact('rate', rate),
        fact('stETHPrice', pathCell(`${p}.stETHPrice`, v.stETHPrice)),
      ],
      tables:
        Object.keys(v.requests).length === 0
          ? []
          : [
              {
                caption: 'Redemption requests',
                term: 'redemption',
                columns: [
                  plain('Request'),
                  col('redemptionOwner'),
                  col('valueAtRequest'),
                  col('redemptionCompletableAfterBlock'),
                  col('claimed'),
                ],
                rows: Object.entries(v.requests).map(([as, r]) => ({
                  key: as,
                  cells: [
                    cell(as),
                    cell(r.owner),
                    pathCell(`${p}.requests.${as}.valueAtRequest`, r.valueAtRequest),
                    afterBlockCell(r.completableAfterBlock, ctx.clock, r.claimed),
                    cell(r.claimed ? 'yes' : 'no'),
                  ],
                })),
              },
            ],
    };
  });
}

/** Validators grouped by owner: one card per pod owner, one row per validator. */
export function validatorCards(world: World): Card[] {
  const byOwner = new Map<string, [string, World['validators'][string]][]>();
  for (const entry of Object.entries(world.validators)) {
    const list = byOwner.get(entry[1].owner) ?? [];
    list.push(entry);
    byOwner.set(entry[1].owner, list);
  }
  return [...byOwner].map(([owner, list]) => {
    const active = list.filter(([, v]) => !v.exited).length;
    const slashed = list.filter(([, v]) => v.slashed).length;
    return {
      id: owner,
      title: owner,
      summary: `${list.length} validator${list.length === 1 ? '' : 's'}, ${active} not exited, ${slashed} slashed`,
      actors: [owner],
      idle: false,
      facts: [],
      tables: [
        {
          caption: 'Validators',
          term: 'validator',
          columns: [
            plain('Validator'),
            col('balanceGwei'),
            col('effectiveBalanceGwei'),
            col('slashed'),
            col('exited'),
          ],
          rows: list.map(([as, v]) => ({
            key: as,
            cells: [
              cell(as),
              pathCell(`validators.${as}.balanceGwei`, v.balanceGwei),
              pathCell(`validators.${as}.effectiveBalanceGwei`, v.effectiveBalanceGwei),
              cell(v.slashed ? 'yes' : 'no'),
              cell(v.exited ? 'yes' : 'no'),
            ],
          })),
        },
      ],
    };
  });
}

export function lstCards(world: World): Card[] {
  const pooled = pathCell('lst.totalPooledEther', world.lst.totalPooledEther);
  const shares = pathCell('lst.totalShares', world.lst.totalShares);
  return [
    {
      id: 'lst',
      title: 'stETH (MiniLST)',
      summary: `${pooled.text} pooled, ${shares.text}`,
      actors: [],
      idle: false,
      facts: [fact('totalPooledEther', pooled), fact('lstTotalShares', shares)],
      tables: [],
    },
  ];
}

export function strategyCards(world: World): Card[] {
  const names = Object.keys(world.strategies);
  return [
    {
      id: 'strategies',
      title: 'Strategies',
      summary: names.join(', '),
      actors: [],
      idle: false,
      facts: [],
      tables: [
        {
          caption: 'Strategies',
          term: null,
          columns: [plain('Strategy'), col('totalShares'), col('underlyingBalance')],
          rows: Object.entries(world.strategies).map(([name, s]) => ({
            key: name,
            cells: [
              cell(name),
              pathCell(`strategies.${name}.totalShares`, s.totalShares),
              pathCell(`strategies.${name}.underlyingBalance`, s.underlyingBalance),
            ],
          })),
        },
      ],
    },
  ];
}

export function slashedCards(world: World): Card[] {
  const locked = pathCell('lockedSlashedNativeShares', world.lockedSlashedNativeShares);
  const burned = Object.entries(world.burned).map(([token, v]) =>
    fact('burned', pathCell(`burned.${token}`, v), `Burned ${token}`),
  );
  return [
    {
      id: 'slashed',
      title: 'Slashed funds',
      summary: [...burned.map((f) => `${f.value.text} burned`), `${locked.text} locked in pods`].join(' · '),
      actors: [],
      idle: false,
      facts: [...burned, fact('lockedSlashedNativeShares', locked)],
      tables: [],
    },
  ];
}
