// The inspector's plain display model: the world turned into cards of facts and tables whose every cell is
// final text. Building it is pure (and tested); the components only lay it out, so they stay generic.
import type { ActorView } from '../../engine/session-types.ts';
import { glossaryFor } from '../../ui/glossary.ts';
import type { Shown } from '../../viz/format.ts';

/**
 * One shown value: `text` is what the cell prints (a number under the display policy: rounded only with "≈",
 * dust named); `exact` is the raw base-unit integer; `shown` carries every digit for the one-step-away view.
 */
export interface Cell {
  text: string;
  exact: string | null;
  /** A second line: when a delay ends, in blocks and in real time. */
  note: string | null;
  /** The number under the display policy, for the Amount component; null for words and plain integers. */
  shown?: Shown;
}

export interface Column {
  label: string;
  /** Glossary term whose explanation the header offers; null for plain columns (a name, a status). */
  term: string | null;
}

export interface Table {
  caption: string;
  term: string | null;
  columns: Column[];
  rows: { key: string; cells: Cell[] }[];
}

export interface Fact {
  label: string;
  term: string | null;
  value: Cell;
}

/** One collapsible entry of a section: an actor, or a protocol-wide item (the LST, a strategy). */
export interface Card {
  id: string;
  title: string;
  /** One line shown while the card is closed. */
  summary: string;
  /** Actor ids the card concerns: what the filter box matches. */
  actors: string[];
  /** Nothing to see (no stake, no delegation, no pod, no withdrawal): folded away behind a button. */
  idle: boolean;
  facts: Fact[];
  tables: Table[];
}

export type SectionId =
  'restakers' | 'operators' | 'avs' | 'vaults' | 'balances' | 'lst' | 'strategies' | 'validators' | 'slashed';

export interface Section {
  id: SectionId;
  title: string;
  /** Protocol-wide sections (LST, strategies, slashed funds) ignore the actor filter. */
  global: boolean;
  cards: Card[];
}

/** What turning blocks into durations needs, read from the world and the session's configuration. */
export interface Clock {
  block: bigint;
  secondsPerBlock: string;
  realSecondsPerBlock: string;
}

export interface BuildContext {
  clock: Clock;
  /** The session's actors by id: roles and contract addresses the world does not repeat. */
  actors: ReadonlyMap<string, ActorView>;
}

export const cell = (text: string, exact: string | null = null, note: string | null = null): Cell => ({
  text,
  exact,
  note,
});

/** A number's cell: its policy text, the raw integer as `exact`. */
export const shownCell = (shown: Shown): Cell => ({ text: shown.text, exact: shown.raw, note: null, shown });

/** A column or fact named by its glossary term, with the glossary's label (the term itself when unknown). */
export const labelOf = (term: string): string => glossaryFor(term)?.label ?? term;
export const col = (term: string, label = labelOf(term)): Column => ({ label, term });
export const plain = (label: string): Column => ({ label, term: null });
export const fact = (term: string | null, value: Cell, label = term === null ? '' : labelOf(term)): Fact => ({
  label,
  term,
  value,
});
