// analysis@1 as JSON, the way the page and the lessons read it: every number an exact rational string
// ("189/50", "22"), and how a person reads one (an exact decimal when it terminates).

export interface AttackJson {
  services: string[];
  validators: string[];
  profit: string;
  stake: string;
}

export interface CascadeJson {
  shock: { validators: string[]; stake: string; fraction: string };
  loss: string;
  lossFraction: string;
  totalLossFraction: string;
  theorem1Bound: string | null;
  sequence: { round: number; validators: string[]; services: string[]; stake: string; profit: string }[];
}

export interface AnalysisJson {
  format: 'restaking-sandbox/analysis@1';
  /** null when the analysis stopped before it could decide (`incomplete` says why). */
  secure: boolean | null;
  incomplete: { stage: string; why: 'time' | 'cancelled'; elapsedMs: number; budgetMs: number } | null;
  stakeModel: 'shared' | 'unique';
  method: string;
  witness: AttackJson | null;
  maxAttackNetProfit: string;
  gammaSlack: string | null;
  /** The coalition that sets γ-slack: the cheapest one able to corrupt anything, relative to its gain. */
  gammaWitness: AttackJson | null;
  eigenlayerCondition: { holds: boolean; certifiedGamma: string | null };
  cascade?: CascadeJson;
  certificate: { verdict: string; notes: string[] };
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

/** A fraction as a percentage with two decimals: exact when it is, else rounded half up and marked ≈. */
export function readablePercent(r: string): string {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(r.trim());
  if (m === null) return r;
  const num = BigInt(m[1] ?? '0');
  const den = BigInt(m[2] ?? '1');
  const hundredths = (num * 20000n + den) / (2n * den);
  const exact = hundredths * den === num * 10000n;
  return `${exact ? '' : '≈ '}${readable(`${hundredths}/100`)}%`;
}
