// A QR code's dark modules as one SVG path: each row's runs of dark modules as rectangles. One element
// instead of one <rect> per module (several hundred for a lesson link), which cost the page 80–200 ms to
// create when a lesson panel opened.

/** The modules of a made QR code, as qrcode-generator exposes them. */
export interface QrModules {
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
}

/** The path of every dark module, row by row, adjacent dark modules of a row merged into one rectangle. */
export function qrPath(code: QrModules): string {
  const n = code.getModuleCount();
  const parts: string[] = [];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!code.isDark(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && code.isDark(y, x)) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}
