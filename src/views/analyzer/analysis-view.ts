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
      : `Secure: every attack costs more than it gains, with γ-slack ${readable(a.gammaSlack)}.`;
  const w = a.witness;
  return w === null
    ? 'Not secure.'
    : `Not secure: ${attackHighlight(w).operators.join(', ')} could corrupt ${w.services.join(', ')}, gaining ${readable(w.profit)} ETH for ${readable(w.stake)} ETH of stake slashed (net ${readable(a.maxAttackNetProfit)} ETH at best).`;
}

/**
 * An exact rational ("4499999999999999993/2500000000000000000") as a person reads it: the exact decimal when it
 * terminates ("1.7999999999999999972"), else the fraction with a rounded decimal marked ≈ beside it.
 */
export function readable(r: string): string {
  const m = /^(-?)(\d+)(?:\/(\d+))?$/.exec(r.trim());
  if (m === null) return r;
  const [, sign = '', n = '0', d = '1'] = m;
  const num = BigInt(n);
  const den = BigInt(d);
  let rest = den;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest === 1n) {
    const digits = Math.max(twos, fives);
    const scaled = (num * 10n ** BigInt(digits)) / den;
    const text = scaled.toString().padStart(digits + 1, '0');
    const whole = text.slice(0, text.length - digits);
    const frac = text.slice(text.length - digits).replace(/0+$/, '');
    return `${sign}${whole}${frac === '' ? '' : `.${frac}`}`;
  }
  const approx = (num * 10n ** 6n) / den;
  const t = approx.toString().padStart(7, '0');
  return `${sign}${n}/${d} (≈ ${sign}${t.slice(0, -6)}.${t.slice(-6)})`;
}
