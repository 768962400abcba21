// The analyzer's answer in words for the panel, from analysis@1 (every number an exact rational string).
// Validator ids under unique stake are slices "operator@avs/set"; the flow view highlights operators and sets.

export type { AnalysisJson, AttackJson } from '../../analysis/analysis-json.ts';
export { readable } from '../../analysis/analysis-json.ts';
import { readable, type AnalysisJson, type AttackJson } from '../../analysis/analysis-json.ts';

/** Operators and operator sets of an attack, for the stake-flow highlight. */
export function attackHighlight(a: AttackJson): { operators: string[]; sets: string[] } {
  const operators = [...new Set(a.validators.map((v) => v.split('@')[0] ?? v))];
  return { operators, sets: [...new Set(a.services)] };
}

export function verdictText(a: AnalysisJson): string {
  if (a.secure === null)
    return a.incomplete?.why === 'cancelled'
      ? 'Undecided: the analysis was cancelled before it found an attack or proved there is none.'
      : `Undecided: the analysis ran out of its ${(a.incomplete?.budgetMs ?? 0) / 1000} s budget before it found an attack or proved there is none.`;
  const early =
    a.incomplete === null ? '' : ' The analysis stopped early, so a more profitable attack may exist.';
  if (a.secure)
    return a.gammaSlack === null
      ? 'Secure: no coalition of operators can profitably corrupt any service.'
      : `Secure: every attack costs more than it gains, with γ-slack ${readable(a.gammaSlack)}.`;
  const w = a.witness;
  return w === null
    ? 'Not secure.'
    : `Not secure: ${attackHighlight(w).operators.join(', ')} could corrupt ${w.services.join(', ')}, gaining ${readable(w.profit)} ETH for ${readable(w.stake)} ETH of stake slashed (net ${readable(a.maxAttackNetProfit)} ETH at best).${early}`;
}
