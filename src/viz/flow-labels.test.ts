import { describe, expect, test } from 'vitest';
import { crowdedWorld, manySetsWorld, sampleWorld, slashedWorld } from './flow-fixture.ts';
import {
  LABEL_STYLES,
  PRESENTER_LABEL_STYLES,
  labelBox,
  labelVariants,
  placeLabel,
  textWidth,
  wrapText,
} from './flow-labels.ts';
import { flowLayout, type FlowGraph, type FlowWorld } from './flow-layout.ts';

const [roomy, , , compact] = LABEL_STYLES as [
  (typeof LABEL_STYLES)[0],
  unknown,
  unknown,
  (typeof LABEL_STYLES)[0],
];
const texts = (lines: { text: string }[] | undefined) => (lines ?? []).map((l) => l.text);

describe('text widths', () => {
  test('never narrower than DejaVu Sans, the widest common default font', () => {
    // DejaVu Sans advances (units of 1/2048 em): digits 1303, "." and " " 651, E 1294, T 1251, H 1540;
    // u n 1298, a 1255, l 569, o 1253, c 1126, t 803, e 1260, d 1300, v 1212, s 1067, "·" 651.
    const amount = (20 * 1303 + 2 * 651 + 1294 + 1251 + 1540) / 2048;
    expect(textWidth('27.999999999999999972 ETH', 8)).toBeGreaterThanOrEqual(amount * 8);
    const word = (2 * 1298 + 2 * 1255 + 2 * 569 + 1253 + 1126 + 803 + 1260 + 1300) / 2048;
    expect(textWidth('unallocated', 10)).toBeGreaterThanOrEqual(word * 10);
    const set = (1255 + 1212 + 2 * 1067 + 2 * 1303 + 4 * 651 + 1260 + 803) / 2048;
    expect(textWidth('avs1 · set 0', 11)).toBeGreaterThanOrEqual(set * 11);
    // …and not far off it (within 10%), so the margins are not wasteful.
    expect(textWidth('27.999999999999999972 ETH', 8)).toBeLessThan(1.1 * amount * 8);
  });

  test('wrapping keeps an amount and its unit together and never splits a number', () => {
    const note = 'unallocated 17.500000000000000077 ETH';
    expect(wrapText(note, 8, 1000)).toEqual([note]);
    expect(wrapText(note, 8, 130)).toEqual(['unallocated', '17.500000000000000077 ETH']);
    expect(wrapText(note, 8, 10)).toEqual(['unallocated', '17.500000000000000077 ETH']);
    expect(wrapText('109 restakers', 8, 1000)).toEqual(['109 restakers']);
  });
});

describe('label lines', () => {
  const op = { name: 'op1', label: '63 ETH', note: 'unallocated 17.500000000000000077 ETH' };
  const set = { name: 'avs1 · set 0', label: '27.999999999999999972 ETH', note: null };

  test('a short amount joins the name; a long one goes on a smaller second line, exactly', () => {
    expect(texts(labelVariants(op, roomy, 1000)[0])).toEqual(['op1: 63 ETH', op.note]);
    const lines = labelVariants(set, roomy, 1000)[0] ?? [];
    expect(texts(lines)).toEqual(['avs1 · set 0', '27.999999999999999972 ETH']);
    expect(lines.map((l) => [l.kind, l.size])).toEqual([
      ['name', 11],
      ['amount', 10],
    ]);
    expect(texts(labelVariants(op, compact, 1000)[0])).toEqual(['op1', '63 ETH', op.note]);
  });

  test('lines stack downwards by their own sizes', () => {
    const [a, b] = labelVariants(set, roomy, 1000)[0] ?? [];
    // Line boxes of 1.2 em: the second starts 13.2 px below the first.
    expect((b?.dy ?? 0) - (a?.dy ?? 0)).toBeCloseTo(13.2 + 0.92 * (10 - 11), 9);
  });

  test('too little room: the note wraps, then lines that still do not fit are left out', () => {
    const wrapped = labelVariants(op, compact, textWidth('17.500000000000000077 ETH', 8));
    expect(texts(wrapped[0])).toEqual(['op1', '63 ETH', 'unallocated', '17.500000000000000077 ETH']);
    expect(texts(labelVariants(op, compact, 40)[0])).toEqual(['op1', '63 ETH']);
    expect(texts(labelVariants(set, compact, 60)[0])).toEqual(['avs1 · set 0']);
    expect(labelVariants(set, compact, 20)).toEqual([]);
  });

  test('shorter variants for crowded columns: without the note, then the name alone', () => {
    expect(labelVariants(op, compact, 1000).map(texts)).toEqual([
      ['op1', '63 ETH', op.note],
      ['op1', '63 ETH'],
      ['op1'],
    ]);
  });

  test('placed centred on the node, pushed below the label above, or not at all', () => {
    const variants = labelVariants(set, roomy, 1000); // 13.2 + 12 = 25.2 px, then 13.2 px
    expect(placeLabel(variants, 100, 0, 400)?.top).toBeCloseTo(100 - 12.6, 9);
    expect(placeLabel(variants, 100, 95, 400)?.top).toBe(95);
    expect(placeLabel(variants, 100, 101, 400)).toBeNull();
    expect(texts(placeLabel(variants, 100, 0, 110)?.lines)).toEqual(['avs1 · set 0']);
  });
});

const worlds: Record<string, FlowWorld> = {
  sampleWorld,
  slashedWorld,
  manySets: manySetsWorld(),
  crowded: crowdedWorld(60),
};
const overlap = (a: ReturnType<typeof labelBox>, b: ReturnType<typeof labelBox>) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function checkLabels(g: FlowGraph) {
  const labelled = g.nodes.filter((n) => n.labelLines.length > 0);
  const boxes = labelled.map(labelBox);
  for (const [i, b] of boxes.entries()) {
    const n = labelled[i];
    expect(b.left, n?.id).toBeGreaterThanOrEqual(0);
    expect(b.right, n?.id).toBeLessThanOrEqual(g.width);
    expect(b.top, n?.id).toBeGreaterThanOrEqual(16);
    expect(b.bottom, n?.id).toBeLessThanOrEqual(g.height);
    for (const other of boxes.slice(i + 1)) expect(overlap(b, other), n?.id).toBe(false);
    // Clear of every bar, and of the links leaving the column to the right.
    for (const m of g.nodes) {
      const bar = { left: m.x, right: m.x + m.width, top: m.y, bottom: m.y + m.height };
      expect(overlap(b, bar), `${n?.id} over ${m.id}`).toBe(false);
    }
    const column = n?.column ?? 0;
    if (column > 0 && column < 3) expect(b.right).toBeLessThanOrEqual(g.columns[column]?.x ?? NaN);
    if (column > 0) expect(b.left).toBeGreaterThanOrEqual((g.columns[column - 1]?.x ?? NaN) + 8);
  }
  for (const l of g.links.filter((k) => k.target === null)) {
    const stub = { left: l.x0, right: l.x1, top: l.y0 - l.width / 2, bottom: l.y0 + l.width / 2 };
    for (const b of boxes) expect(overlap(b, stub), l.id).toBe(false);
  }
  const titles = g.columns.map((c) => [c.titleX, c.titleX + textWidth(c.title, g.titleSize, true)]);
  for (const [i, [left = NaN, right = NaN]] of titles.entries()) {
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(g.width);
    if (i > 0) expect(left).toBeGreaterThan(titles[i - 1]?.[1] ?? NaN);
  }
}

describe.each([406, 430, 600, 670, 900])('labels at %i px', (width) => {
  test.each(Object.entries(worlds))('%s: inside the drawing, clear of bars and of each other', (_, world) => {
    checkLabels(flowLayout(world, { width, height: 420 }));
  });

  test('amounts with rounding dust are shown exactly, as the round value and the dust', () => {
    const g = flowLayout(slashedWorld, { width, height: 420 });
    const lines = (id: string) => texts(g.nodes.find((n) => n.id === id)?.labelLines);
    expect(lines('set:avs1/0')).toEqual(['avs1 · set 0', '28 shares − 28 wei']);
    expect(lines('set:avs2/0')).toEqual(['avs2 · set 0', '47.5 shares − 49 wei']);
    expect(lines('operator:op1').join(' ')).toMatch(
      /^op1:? 63 shares unallocated 17\.5\u00a0shares\u00a0\+\u00a077\u00a0wei$/,
    );
    expect(lines('operator:op2').join(' ')).toMatch(/^op2:? 50 shares unallocated 20\u00a0shares$/);
  });
});

describe.each([640, 820, 1240])('presenter labels at %i px', (width) => {
  test.each(Object.entries(worlds))('%s: 18 px or larger, laid out without overlaps', (_, world) => {
    const g = flowLayout(world, { width, height: 520 }, { labelStyles: PRESENTER_LABEL_STYLES });
    checkLabels(g);
    expect(g.titleSize).toBeGreaterThanOrEqual(18);
    for (const n of g.nodes) for (const l of n.labelLines) expect(l.size, n.id).toBeGreaterThanOrEqual(18);
  });
});

test('a projector-wide drawing names every node of the slashed playground', () => {
  const g = flowLayout(slashedWorld, { width: 1240, height: 520 }, { labelStyles: PRESENTER_LABEL_STYLES });
  for (const n of g.nodes) expect(texts(n.labelLines).join(' '), n.id).toContain(n.name);
});
