// The analyzer's answer in words for the panel, from analysis@1 (every number an exact rational string).
// Validator ids under unique stake are slices "operator@avs/set"; the flow view highlights operators and sets.

export interface AttackJson {
  services: string[];
  validators: string[];
  profit: string;
  stake: string;
}

export interface AnalysisJson {
  secure: boolean;
  stakeModel: 'shared' | 'unique';
  method: string;
  witness: AttackJson | null;
  maxAttackNetProfit: string;
  gammaSlack: string | null;
  eigenlayerCondition: { holds: boolean; certifiedGamma: string | null };
  cascade?: {
    shock: { validators: string[]; stake: string; fraction: string };
    loss: string;
    lossFraction: string;
    totalLossFraction: string;
    theorem1Bound: string | null;
    sequence: { round: number; validators: string[]; services: string[]; stake: string; profit: string }[];
  };
  certificate: { verdict: string; notes: string[] };
}

/** Operators and operator sets of an attack, for the stake-flow highlight. */
export function attackHighlight(a: AttackJson): { operators: string[]; sets: string[] } {
  const operators = [...new Set(a.validators.map((v) => v.split('@')[0] ?? v))];
  return { operators, sets: [...new Set(a.services)] };
}

export function verdictText(a: AnalysisJson): string {
  if (a.secure)
    return a.gammaSlack === null
      ? 'Secure: no coalition of operators can profitably corrupt any service.'
      : `Secure: every attack costs more than it gains, with γ-slack ${a.gammaSlack} (stake could shrink by that fraction of the profit and stay secure).`;
  const w = a.witness;
  return w === null
    ? 'Not secure.'
    : `Not secure: ${attackHighlight(w).operators.join(', ')} could corrupt ${w.services.join(', ')}, gaining ${w.profit} ETH for ${w.stake} ETH of stake slashed (net ${a.maxAttackNetProfit} ETH at best).`;
}
