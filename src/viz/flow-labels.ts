// The words next to the stake-flow nodes: which lines a label has at a given font size, how wide they are,
// and where a label goes vertically. An exact amount is never shortened: a label too long for its room
// wraps (the amount under the name, a note's amount under its word) or, only when even that does not fit,
// loses whole lines (the node's title, accessible name and the data table keep every amount).
// Widths are estimated from the characters, so the layout is a pure function (the same in tests and in the
// page); the advances are those of a wide sans-serif (DejaVu Sans), so narrower fonts only leave more room.

export interface LabelStyle {
  /** Font size of the name (and of the column titles), px. */
  name: number;
  /** Font size of amounts and notes, px. */
  amount: number;
  /** A short amount shares the name's line ("op1: 63 ETH"). */
  join: boolean;
}

/** From the roomiest to the most compact; the layout takes the first one whose labels all fit. */
export const LABEL_STYLES: readonly LabelStyle[] = [
  { name: 11, amount: 10, join: true },
  { name: 11, amount: 10, join: false },
  { name: 10, amount: 9, join: false },
  { name: 9, amount: 8, join: false },
];

/**
 * Presenter mode, for a projector: every label at least 18 px on screen (the diagram is drawn 1:1). A label
 * that has no room at this size loses lines or is left out (the title and the table keep its amount); it
 * never shrinks below readability from the back of a room.
 */
export const PRESENTER_LABEL_STYLES: readonly LabelStyle[] = [
  { name: 20, amount: 18, join: true },
  { name: 20, amount: 18, join: false },
  { name: 18, amount: 18, join: false },
];

export interface LabelLine {
  text: string;
  kind: 'name' | 'amount' | 'note';
  size: number;
  /** Baseline below the label's top, px. */
  dy: number;
}

interface Labelled {
  name: string;
  /** The exact amount, "36 ETH". */
  label: string;
  note: string | null;
}

const LINE_HEIGHT = 1.2;
const BASELINE = 0.92;
/** Amounts up to this many characters ("1234.5 ETH") may join the name's line. */
const SHORT_AMOUNT = 10;

/** Advance of one character in em. */
function advance(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[\s.,:;'|!il·]/.test(ch)) return 0.33;
  if (/[frtjI()[\]/-]/.test(ch)) return 0.43;
  if (/[mwMW%@]/.test(ch)) return 1;
  if (/[A-Z]/.test(ch)) return 0.76;
  if (/[a-z]/.test(ch)) return 0.64;
  return 0.84;
}

/**
 * `advance` of each character, worked out the first time it is seen. A first layout measures thousands of
 * characters of a few dozen kinds; up to six regular expressions per character, on code the engine has not
 * optimised yet, were most of the first drawing's label work.
 */
const advances = new Map<string, number>();

/** Estimated width of a line of text in px (bold: column titles). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    let a = advances.get(ch);
    if (a === undefined) advances.set(ch, (a = advance(ch)));
    em += a;
  }
  return em * size * (bold ? 1.1 : 1);
}

/** Words that must stay on one line: a number keeps its unit ("17.5 ETH"). */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    const last = out.length - 1;
    if (last >= 0 && /^[A-Z]+$/.test(word) && /[0-9]$/.test(out[last] ?? '')) out[last] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/** Greedy word wrap to `room` px; a single token wider than the room gets a line of its own. */
export function wrapText(text: string, size: number, room: number): string[] {
  const lines: string[] = [];
  for (const token of tokens(text)) {
    const last = lines.length - 1;
    const joined = last >= 0 ? `${lines[last]} ${token}` : token;
    if (last >= 0 && textWidth(joined, size) <= room) lines[last] = joined;
    else lines.push(token);
  }
  return lines;
}

const joins = (n: Labelled, style: LabelStyle) => style.join && n.label.length <= SHORT_AMOUNT;

/** The narrowest room that shows the whole label in this style (the note wraps down to its widest token). */
export function naturalWidth(n: Labelled, style: LabelStyle): number {
  const head = joins(n, style)
    ? [textWidth(`${n.name}: ${n.label}`, style.name)]
    : [textWidth(n.name, style.name), textWidth(n.label, style.amount)];
  const note = n.note === null ? [] : tokens(n.note).map((t) => textWidth(t, style.amount));
  return Math.max(...head, ...note);
}

function stack(lines: Omit<LabelLine, 'dy'>[]): LabelLine[] {
  let y = 0;
  return lines.map((l) => {
    const line = { ...l, dy: y + BASELINE * l.size };
    y += LINE_HEIGHT * l.size;
    return line;
  });
}

export const labelHeight = (lines: readonly LabelLine[]): number =>
  lines.reduce((t, l) => t + LINE_HEIGHT * l.size, 0);

export const labelWidth = (lines: readonly LabelLine[]): number =>
  Math.max(0, ...lines.map((l) => textWidth(l.text, l.size)));

/**
 * The label's lines within `room` px, most complete first, then without the note, then the name alone (for
 * a crowded column). Lines wider than the room are left out (a note only as a whole); none when even the
 * name does not fit.
 */
export function labelVariants(n: Labelled, style: LabelStyle, room: number): LabelLine[][] {
  const fits = (text: string, size: number) => textWidth(text, size) <= room + 1e-9;
  if (!fits(n.name, style.name)) return [];
  const joined = `${n.name}: ${n.label}`;
  const name = { text: n.name, kind: 'name' as const, size: style.name };
  const head =
    joins(n, style) && fits(joined, style.name)
      ? [{ ...name, text: joined }]
      : [
          name,
          ...(fits(n.label, style.amount)
            ? [{ text: n.label, kind: 'amount' as const, size: style.amount }]
            : []),
        ];
  const note = (n.note === null ? [] : wrapText(n.note, style.amount, room)).map((text) => ({
    text,
    kind: 'note' as const,
    size: style.amount,
  }));
  const full = note.every((l) => fits(l.text, l.size)) ? [...head, ...note] : head;
  const variants = [full, head, [name]].filter(
    (v, i, all) => i === 0 || v.length < (all[i - 1]?.length ?? 0),
  );
  return variants.map(stack);
}

/**
 * The first variant that fits between `floor` (the bottom of the label above) and `ceiling`, centred on the
 * node where possible and pushed down no further than to start at the node's centre; null when none fits.
 */
export function placeLabel(
  variants: readonly LabelLine[][],
  centre: number,
  floor: number,
  ceiling: number,
): { lines: LabelLine[]; top: number } | null {
  for (const lines of variants) {
    const height = labelHeight(lines);
    const top = Math.max(centre - height / 2, floor);
    if (top + height <= ceiling && top <= centre) return { lines, top };
  }
  return null;
}

/** The estimated box a placed label covers (for checks: inside the drawing, clear of bars and other labels). */
export function labelBox(n: {
  labelLines: readonly LabelLine[];
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
}): { left: number; right: number; top: number; bottom: number } {
  const w = labelWidth(n.labelLines);
  const left = n.labelAnchor === 'start' ? n.labelX : n.labelX - w;
  return { left, right: left + w, top: n.labelY, bottom: n.labelY + labelHeight(n.labelLines) };
}
