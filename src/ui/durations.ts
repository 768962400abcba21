// Delays as a learner should read them: the block count, and the real-world duration it stands for. The clock
// is stated one way everywhere: "one block stands for 1 h" (the classroom clock) or "12 s" (mainnet). The
// chain's own timestamps (12 s a block under every preset) are an implementation detail and are not shown
// beside it, so "336 blocks" never reads as both one hour and fourteen days. Exact integer arithmetic on
// seconds; a duration is written in every non-zero unit, so nothing shown is rounded ("1 h 7 min 12 s").

/** Integers arrive as bigint or as world@1 decimal strings. */
export type Integer = string | bigint;

const UNITS: [size: bigint, one: string, many: string][] = [
  [86_400n, 'day', 'days'],
  [3_600n, 'h', 'h'],
  [60n, 'min', 'min'],
  [1n, 's', 's'],
];

function integer(x: Integer, what: string): bigint {
  if (typeof x === 'bigint') {
    if (x < 0n) throw new RangeError(`${what} must not be negative, got ${x}`);
    return x;
  }
  if (!/^(0|[1-9][0-9]*)$/.test(x)) throw new RangeError(`${what} must be a whole number, got "${x}"`);
  return BigInt(x);
}

/** An exact duration in days, h, min and s, largest first, zero units left out: 93784n → "1 day 2 h 3 min 4 s". */
export function formatSeconds(seconds: Integer): string {
  let rest = integer(seconds, 'seconds');
  if (rest === 0n) return '0 s';
  const parts: string[] = [];
  for (const [size, one, many] of UNITS) {
    const count = rest / size;
    rest %= size;
    if (count > 0n) parts.push(`${count} ${count === 1n ? one : many}`);
  }
  return parts.join(' ');
}

const blockCount = (n: bigint): string => `${n} ${n === 1n ? 'block' : 'blocks'}`;

/**
 * A delay of `blocks`: `compressed` is its length in blocks ("336 blocks"), `real` the real-world time it
 * stands for ("14 days"), and `text` both, the one way delays are written ("336 blocks (14 days real time)").
 */
export function describeDelay(
  blocks: Integer,
  realSecondsPerBlock: Integer,
): { compressed: string; real: string; text: string } {
  const n = integer(blocks, 'blocks');
  const real = integer(realSecondsPerBlock, 'realSecondsPerBlock');
  const compressed = blockCount(n);
  return {
    compressed,
    real: formatSeconds(n * real),
    text: `${compressed} (${formatSeconds(n * real)} real time)`,
  };
}

/** The clock, stated one way: "classroom clock: one block stands for one hour", "mainnet clock: … for 12 s". */
export function describeClock(preset: string, realSecondsPerBlock: Integer): string {
  const seconds = integer(realSecondsPerBlock, 'realSecondsPerBlock');
  // The lessons' words for the classroom clock: "one block stands for one hour".
  return `${preset} clock: one block stands for ${seconds === 3_600n ? 'one hour' : formatSeconds(seconds)}`;
}

/**
 * When something scheduled for `targetBlock` (an allocation's effect block) takes effect, seen from
 * `currentBlock`: "effective in 12 blocks (12 h real time)", or "effective now" once the target is reached.
 */
export function describeUntil(
  targetBlock: Integer,
  currentBlock: Integer,
  realSecondsPerBlock: Integer,
): string {
  const target = integer(targetBlock, 'targetBlock');
  const current = integer(currentBlock, 'currentBlock');
  const real = integer(realSecondsPerBlock, 'realSecondsPerBlock');
  if (target <= current) return 'effective now';
  const left = target - current;
  return `effective in ${blockCount(left)} (${formatSeconds(left * real)} real time)`;
}
