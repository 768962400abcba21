// The world inspector's sections in display order, each built only when asked for (a closed section costs
// nothing), and the actor filter. See model.ts for the shapes.
import type { ActorView, ConfigView } from '../../engine/session-types.ts';
import type { World } from '../../protocol/world-types.ts';
import type { BuildContext, Card, SectionId } from './model.ts';
import { avsCards, operatorCards } from './rows-operators.ts';
import { lstCards, slashedCards, strategyCards, validatorCards, vaultCards } from './rows-assets.ts';
import { balanceCards, restakerCards, restakers } from './rows-stakers.ts';

export interface SectionInfo {
  id: SectionId;
  title: string;
  /** Protocol-wide: not about one actor, so the actor filter leaves it alone and it shows flat. */
  global: boolean;
  /** Number of entries, without building them (for the closed section's heading). */
  size: (world: World) => number;
  build: (world: World, ctx: BuildContext) => Card[];
}

const count = (o: object): number => Object.keys(o).length;

export const SECTIONS: readonly SectionInfo[] = [
  {
    id: 'restakers',
    title: 'Restakers',
    global: false,
    size: (w) => restakers(w).length,
    build: restakerCards,
  },
  {
    id: 'operators',
    title: 'Operators',
    global: false,
    size: (w) => count(w.operators),
    build: operatorCards,
  },
  { id: 'avs', title: 'AVSs', global: false, size: (w) => count(w.avs), build: avsCards },
  { id: 'vaults', title: 'Vaults', global: false, size: (w) => count(w.vaults), build: vaultCards },
  {
    id: 'validators',
    title: 'Validators',
    global: false,
    size: (w) => new Set(Object.values(w.validators).map((v) => v.owner)).size,
    build: validatorCards,
  },
  { id: 'balances', title: 'Balances', global: false, size: (w) => count(w.accounts), build: balanceCards },
  { id: 'lst', title: 'Liquid staking token (stETH)', global: true, size: () => 1, build: lstCards },
  { id: 'strategies', title: 'Strategies', global: true, size: () => 1, build: strategyCards },
  { id: 'slashed', title: 'Burned and locked', global: true, size: () => 1, build: slashedCards },
];

/** What the cards need besides the world: the clock for durations and the actors' roles and contracts. */
export function buildContext(world: World, config: ConfigView, actors: readonly ActorView[]): BuildContext {
  return {
    clock: {
      block: BigInt(world.block),
      secondsPerBlock: config.secondsPerBlock,
      realSecondsPerBlock: config.realSecondsPerBlock,
    },
    actors: new Map(actors.map((a) => [a.id, a])),
  };
}

/**
 * Cards whose actors include one whose id contains `query` (case-insensitive); all cards for an empty query.
 * Matching related actors too means "op1" finds op1 and everyone delegated to it.
 */
export function filterCards(cards: readonly Card[], query: string): Card[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...cards];
  return cards.filter((c) => c.actors.some((a) => a.toLowerCase().includes(q)));
}
