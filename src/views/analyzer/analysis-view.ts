// The analyzer's answer in words for the panel, from analysis@1 (every number an exact rational string),
// under the app's display policy: ETH amounts with wei dust named, ratios and fractions of stake rounded only
// with "≈", every digit one step away. Validator ids under unique stake are slices "operator@avs/set"; the
// flow view highlights operators and sets.
import type { AnalysisJson, AttackJson } from '../../analysis/analysis-json.ts';
import { ETH, type Shown } from '../../viz/format.ts';
import { FRACTION_PERCENT, showRational } from '../../viz/format-rational.ts';

export type { AnalysisJson, AttackJson } from '../../analysis/analysis-json.ts';

/** An exact rational number of ETH: "40 ETH", "28 ETH − 28 wei", "≈ 13.3333 ETH". */
export const ethOf = (r: string): Shown => showRational(r, ETH);
/** A dimensionless ratio (γ-slack, γ): "0.25", "≈ 1.4". */
export const ratioOf = (r: string): Shown => showRational(r);
/** A fraction of all stake as a percentage: "25%", "≈ 33.33%". */
export const shareOf = (r: string): Shown => showRational(r, FRACTION_PERCENT);

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
      : `Secure: every attack costs more than it gains, with γ-slack ${ratioOf(a.gammaSlack).text}.`;
  const w = a.witness;
  return w === null
    ? 'Not secure.'
    : `Not secure: ${attackHighlight(w).operators.join(', ')} could corrupt ${w.services.join(', ')}, gaining ${ethOf(w.profit).text} for ${ethOf(w.stake).text} of stake slashed (net ${ethOf(a.maxAttackNetProfit).text} at best).${early}`;
}
