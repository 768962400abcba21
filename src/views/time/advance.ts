// What "advance" means in the units a person thinks in: blocks, or real-world hours or days, converted with
// the preset's compression (classroom: one block is one hour; mainnet: one block is 12 s). Only whole blocks
// exist, so a real duration that is not a whole number of blocks is refused with the nearest whole choices.
export type AdvanceUnit = 'blocks' | 'hours' | 'days';

const SECONDS: Record<Exclude<AdvanceUnit, 'blocks'>, bigint> = { hours: 3600n, days: 86_400n };

export function blocksFor(
  text: string,
  unit: AdvanceUnit,
  realSecondsPerBlock: string,
): { ok: true; blocks: bigint } | { ok: false; message: string } {
  const t = text.trim();
  if (!/^[1-9][0-9]{0,7}$/.test(t)) return { ok: false, message: 'Type a whole number, 1 or more.' };
  const n = BigInt(t);
  if (unit === 'blocks') return { ok: true, blocks: n };
  const seconds = n * SECONDS[unit];
  const per = BigInt(realSecondsPerBlock);
  if (seconds % per !== 0n) {
    const below = seconds / per;
    return {
      ok: false,
      message: `${t} ${unit} is not a whole number of blocks (one block stands for ${per} s): try ${below} or ${below + 1n} blocks.`,
    };
  }
  return { ok: true, blocks: seconds / per };
}
