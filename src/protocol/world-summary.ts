// A readable summary of a world: what the command line prints without --json. Every number is the chain's,
// formatted exactly (no floats): amounts in ETH, WAD fractions as percentages.
import { formatUnits } from 'viem';
import type { StepRecord } from './runner.ts';
import { formatAmount, formatWad } from './units.ts';
import type { World } from './world-types.ts';

const eth = (s: string) => formatAmount(BigInt(s));
const pct = (s: string) => formatWad(BigInt(s));

export function summarizeWorld(title: string, w: World, steps: readonly StepRecord[]): string {
  const lines: string[] = [`${title}`, `block ${w.block}, ${steps.length} steps`];
  const gas = steps.reduce((sum, s) => sum + s.txs.reduce((g, t) => g + t.gasUsed, 0n), 0n);
  lines.push(`transactions: ${steps.reduce((n, s) => n + s.txs.length, 0)}, gas used: ${gas}`);
  for (const [id, s] of Object.entries(w.stakers)) {
    const held = Object.entries(s.strategies)
      .filter(([, x]) => x.depositShares !== '0' || x.withdrawableShares !== '0')
      .map(
        ([name, x]) => `${name} deposit ${eth(x.depositShares)}, withdrawable ${eth(x.withdrawableShares)}`,
      );
    if (held.length === 0) continue;
    lines.push(`staker ${id} -> ${s.delegatedTo ?? 'undelegated'}: ${held.join('; ') || 'no shares'}`);
  }
  for (const [id, o] of Object.entries(w.operators)) {
    const mags = Object.entries(o.maxMagnitude)
      .filter(([name]) => o.shares[name] !== '0' || o.maxMagnitude[name] !== '1000000000000000000')
      .map(([name, m]) => `${name} shares ${eth(o.shares[name] ?? '0')}, max magnitude ${pct(m)}`);
    lines.push(`operator ${id}: ${mags.join('; ') || 'no delegated shares'}`);
    for (const [set, per] of Object.entries(o.allocations)) {
      for (const [name, a] of Object.entries(per)) {
        lines.push(
          `  allocated to ${set} ${name}: ${pct(a.currentMagnitude)} = ${eth(a.allocatedStake)} slashable`,
        );
      }
    }
  }
  for (const [id, v] of Object.entries(w.vaults)) {
    lines.push(
      `vault ${id}: supply ${eth(v.supply)}, value ${eth(v.totalValue)}, rate ${formatUnits(BigInt(v.rate), 18)} ETH per token`,
    );
  }
  for (const [token, amount] of Object.entries(w.burned))
    if (amount !== '0') lines.push(`burned ${token}: ${eth(amount)}`);
  return lines.join('\n');
}
