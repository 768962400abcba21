import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameColumns } from './flow-frame.ts';
import {
  LABEL_STYLES,
  PRESENTER_LABEL_STYLES,
  naturalWidth,
  textWidth,
  type LabelStyle,
} from './flow-labels.ts';

// The label measures as first written (a regular expression per character, every label style planned
// before one is chosen): the faster forms must give exactly the same numbers, so the layout is unchanged.
function referenceAdvance(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[\s.,:;'|!il·]/.test(ch)) return 0.33;
  if (/[frtjI()[\]/-]/.test(ch)) return 0.43;
  if (/[mwMW%@]/.test(ch)) return 1;
  if (/[A-Z]/.test(ch)) return 0.76;
  if (/[a-z]/.test(ch)) return 0.64;
  return 0.84;
}
function referenceWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += referenceAdvance(ch);
  return em * size * (bold ? 1.1 : 1);
}

/** Texts as labels have them, and any text at all (astral characters and lone surrogates included). */
const text = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9 .,:·−≈%@()/\-\u00a0]{0,40}$/),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('label widths', () => {
  it('equal the width measured a character at a time with the regular expressions', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(8, 9, 10, 11, 18, 20), fc.boolean(), (t, size, bold) => {
        expect(textWidth(t, size, bold)).toBe(referenceWidth(t, size, bold));
      }),
      { numRuns: 3000 },
    );
  });
});

const label = fc.record({
  column: fc.integer({ min: 0, max: 3 }),
  name: fc.stringMatching(/^[a-z][a-z0-9 ·/]{0,14}$/),
  label: fc.stringMatching(/^[0-9]{1,6}(\.[0-9]{1,4})? shares$/),
  note: fc.option(fc.stringMatching(/^(unallocated|undelegated) [0-9]{1,6} shares$/), { nil: null }),
});

describe('column frames', () => {
  it('are exactly those of planning every style before choosing one', () => {
    const styles = fc.constantFrom(LABEL_STYLES, PRESENTER_LABEL_STYLES);
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 2000 }),
        fc.array(label, { maxLength: 16 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        styles,
        (width, nodes, stubs, list) => {
          expect(frameColumns(width, nodes, stubs, list)).toStrictEqual(
            referenceFrame(width, nodes, stubs, list),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });
});

// frameColumns as first written, every style planned before the first that fits is taken.
function referenceFrame(
  width: number,
  nodes: readonly { column: number; name: string; label: string; note: string | null }[],
  stubs: readonly boolean[],
  styles: readonly LabelStyle[],
) {
  const [PAD, STUB] = [6, 22];
  const sum = (list: number[]) => list.reduce((t, g) => t + g, 0);
  const fill = (gaps: number[], room: number): number[] => {
    const sorted = [...gaps].sort((a, b) => a - b);
    let above = 0;
    for (let k = sorted.length; k >= 1; k--) {
      const level = (room - above) / k;
      if (level >= (sorted[k - 1] ?? 0)) return gaps.map((g) => Math.max(g, level));
      above += sorted[k - 1] ?? 0;
    }
    return gaps;
  };
  const squeeze = (gaps: number[], room: number, floor: number): number[] => {
    const base = Math.min(floor, room / gaps.length);
    const want = gaps.map((g) => Math.max(0, g - base));
    const total = want.reduce((t, w) => t + w, 0);
    const spare = room - base * gaps.length;
    return want.map((w) => base + (total > 0 ? (spare * w) / total : spare / gaps.length));
  };
  const nodeWidth = width < 520 ? 8 : 10;
  const [bend, hard] = [Math.min(64, Math.max(40, 0.12 * width)), Math.max(20, 0.05 * width)];
  const plan = (style: LabelStyle) => {
    const need = [0, 1, 2, 3].map((c) =>
      Math.max(0, ...nodes.filter((n) => n.column === c).map((n) => naturalWidth(n, style))),
    );
    const margin = (c: number) => Math.min((need[c] ?? 0) + PAD, 0.35 * width);
    const [left, right] = [margin(0), margin(3)];
    const labels = [1, 2, 3].map((c) => (c < 3 ? (need[c] ?? 0) + PAD + (stubs[c - 1] ? STUB : 0) : 0));
    const must = labels.map((l) => Math.max(hard, l));
    const want = must.map((m) => Math.max(bend, m));
    return { left, right, must, want, room: width - left - right - 4 * nodeWidth };
  };
  const plans = styles.map((style) => ({ style, ...plan(style) }));
  const p = plans.find((q) => sum(q.want) <= q.room) ?? (plans[plans.length - 1] as (typeof plans)[number]);
  let gaps: number[];
  if (sum(p.want) <= p.room) gaps = fill(p.want, p.room);
  else if (sum(p.must) <= p.room) {
    const share = (p.room - sum(p.must)) / (sum(p.want) - sum(p.must));
    gaps = p.must.map((m, i) => m + ((p.want[i] ?? m) - m) * share);
  } else gaps = squeeze(p.must, p.room, hard);
  const x = [p.left];
  for (const g of gaps) x.push((x[x.length - 1] ?? 0) + nodeWidth + g);
  const stub = [0, 1, 2, 3].map((c) => Math.min(STUB, 0.4 * (gaps[c] ?? 0)));
  const room = [
    p.left - PAD,
    ...[1, 2].map((c) => (gaps[c - 1] ?? 0) - PAD - (stubs[c - 1] ? (stub[c - 1] ?? 0) : 0)),
    p.right - PAD,
  ];
  return { style: p.style, nodeWidth, x, room, stub };
}
