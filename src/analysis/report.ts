// A readable text report of an analysis, for the command line. Numbers stay exact ("1/3"); a
// percentage beside a fraction is rounded with integer arithmetic, only as a reading aid.
import type { Analysis } from './analyze.ts';
import type { Attack } from './cascade.ts';
import type { Rational } from './rational.ts';

/** "≈12.34%", rounded half up with BigInt. */
export function approxPercent(r: Rational): string {
  const hundredths = (r.num * 10000n * 2n + r.den) / (2n * r.den);
  const sign = hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `≈${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}%`;
}

const list = (xs: string[]) => (xs.length === 0 ? '(none)' : xs.join(', '));
const attack = (a: Attack) =>
  `${list(a.validators)} (stake ${a.stake}) corrupt ${list(a.services)} (profit ${a.profit})`;

export function formatReport(a: Analysis, title: string): string {
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  line(`${title} (${a.stakeModel} stake)`);
  line(`Verdict: ${a.secure === null ? 'UNDECIDED' : a.secure ? 'SECURE' : 'INSECURE'}`);
  if (a.incomplete !== null) line(`  ${a.certificate.notes[0] ?? 'Incomplete.'}`);
  line(`  Convention: ${a.convention}`);
  if (a.witness) line(`  Attack: ${attack(a.witness)}; net profit ${a.maxAttackNetProfit}`);
  else line(`  No coalition gains more than it would lose (best net profit ${a.maxAttackNetProfit}).`);
  line(`  Exact upper bound on any attack's net profit: ${a.maxAttackNetProfitUpperBound}`);
  if (a.gammaSlack === null) line('  γ-slack: none (no coalition can corrupt anything profitable)');
  else {
    line(`  γ-slack: ${a.gammaSlack} (${approxPercent(a.gammaSlack)})`);
    if (a.gammaWitness) line(`    tightest coalition: ${attack(a.gammaWitness)}`);
  }

  const e = a.eigenlayerCondition;
  const failing = e.perValidator.filter((v) => !v.holds);
  line();
  line(
    `EigenLayer per-validator condition: ${e.holds ? 'holds' : `fails for ${list(failing.map((v) => v.validator))}`}`,
  );
  if (!e.coversAllProfitableServices) line('  (blind here: some profitable service has no stake at all)');
  line(`  certified γ (Corollary 2): ${e.certifiedGamma === null ? 'none' : e.certifiedGamma.toString()}`);
  for (const v of e.perValidator)
    line(`  ${v.validator}: load ${v.load}, overcollateralization ${v.overcollateralization}`);

  line();
  line('Single-service attacks (cheapest coalition that corrupts one service alone):');
  for (const s of a.singleServiceAttacks) {
    const verdict = s.profitable ? `PROFITABLE by ${s.netProfit}` : 'not profitable';
    line(
      `  ${s.service}: profit ${s.profit}, threshold ${s.threshold}, cost ${s.cost} by ${list(s.coalition)}: ${verdict}`,
    );
  }

  const c = a.cascade;
  if (c) {
    line();
    const kind =
      c.shock.budget === null ? 'given shock' : `worst shock of at most ${c.shock.budget} of all stake`;
    line(`Cascade after the ${kind}:`);
    line(
      `  lost to the shock: ${list(c.shock.validators)} (stake ${c.shock.stake}, ${c.shock.fraction} of all stake)`,
    );
    line(
      `  lost to the cascade: ${c.loss} (${c.lossFraction} of all stake, ${approxPercent(c.lossFraction)})`,
    );
    line(`  total lost: ${c.totalLoss} (${c.totalLossFraction}, ${approxPercent(c.totalLossFraction)})`);
    if (c.theorem1Bound)
      line(`  Theorem 1 bound (1 + 1/γ)ψ: ${c.theorem1Bound} (${approxPercent(c.theorem1Bound)})`);
    for (const r of c.sequence) {
      line(
        `  round ${r.round}: ${list(r.validators)} (stake ${r.stake}) corrupt ${list(r.services)} (profit ${r.profit})`,
      );
    }
    if (c.sequence.length === 0) line('  no valid attack follows the shock');
  }
  line();
  line(`Method: ${a.method}; ${a.certificate.verdict}`);
  for (const n of a.certificate.notes) line(`  ${n}`);
  return out.join('\n') + '\n';
}
