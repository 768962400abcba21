// The path covers exactly the dark modules: read back cell by cell, it is qrcode-generator's own grid.
import fc from 'fast-check';
import qrcode from 'qrcode-generator';
import { expect, test } from 'vitest';
import { qrPath, type QrModules } from './qr-path.ts';

/** The cells a path of `M x y h w v1 h -w z` rectangles covers, as "x,y" strings. */
function cellsOf(path: string): Set<string> {
  const cells = new Set<string>();
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h(-\d+)z/g)) {
    const [x, y, w, back] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    expect(back).toBe(-w);
    for (let i = 0; i < w; i++) cells.add(`${x + i},${y}`);
  }
  // Nothing in the path but those rectangles.
  expect(path.replace(/M\d+ \d+h\d+v1h-\d+z/g, '')).toBe('');
  return cells;
}

function darkCells(code: QrModules): Set<string> {
  const cells = new Set<string>();
  const n = code.getModuleCount();
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (code.isDark(y, x)) cells.add(`${x},${y}`);
  return cells;
}

const made = (text: string) => {
  const code = qrcode(0, 'L');
  code.addData(text);
  code.make();
  return code;
};

test('a lesson link: the path covers exactly the dark modules', () => {
  const code = made('https://example.org/restaking/#lesson=06-slashing&step=5');
  const path = qrPath(code);
  expect(cellsOf(path)).toEqual(darkCells(code));
  // Runs are merged: fewer rectangles than dark modules.
  expect(path.split('M').length - 1).toBeLessThan(darkCells(code).size);
});

test('any grid: rows of runs, edges and a full row included', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 12 })
        .chain((n) => fc.array(fc.boolean(), { minLength: n * n, maxLength: n * n })),
      (bits) => {
        const n = Math.round(Math.sqrt(bits.length));
        const grid: QrModules = { getModuleCount: () => n, isDark: (y, x) => bits[y * n + x] === true };
        expect(cellsOf(qrPath(grid))).toEqual(darkCells(grid));
      },
    ),
  );
});
