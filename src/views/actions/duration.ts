// A count of seconds as days, hours, minutes and seconds, exactly: every non-zero part is shown, nothing
// is rounded ("14 d", "1 h 30 min", "12 s").
const PARTS: readonly [bigint, string][] = [
  [86_400n, 'd'],
  [3_600n, 'h'],
  [60n, 'min'],
  [1n, 's'],
];

export function formatDuration(seconds: bigint): string {
  if (seconds <= 0n) return '0 s';
  let rest = seconds;
  const out: string[] = [];
  for (const [size, unit] of PARTS) {
    const n = rest / size;
    rest -= n * size;
    if (n > 0n) out.push(`${n} ${unit}`);
  }
  return out.join(' ');
}
