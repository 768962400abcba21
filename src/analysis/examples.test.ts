// Every worked example of security-theory.md §2, with the outcome the source states (and the exact
// recomputation the notes give), under both the enumeration and the integer program.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Analysis, analyzeNetwork } from './analyze.ts';
import { type Network, validateNetwork } from './network.ts';

function load(name: string): Network {
  const url = new URL(`../../test/fixtures/networks/${name}.json`, import.meta.url);
  const r = validateNetwork(JSON.parse(readFileSync(url, 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.network;
}
const s = (x: { toString(): string } | null | undefined) =>
  x === null || x === undefined ? null : x.toString();

describe.each(['enumeration', 'integer-program'] as const)('worked examples (%s)', (method) => {
  const run = (name: string): Promise<Analysis> => analyzeNetwork(load(name), { method });

  it('WP §3.4.1, one AVS: $8M restaked, $2M locked, 50% quorum: secure, an attack slashes ≥ $4M', async () => {
    const a = await run('wp-3.4.1-single-avs');
    expect(a.secure).toBe(true);
    expect(a.witness).toBeNull();
    expect(s(a.gammaSlack)).toBe('1'); // cheapest corruption: 4 × $1M for $2M, so 4/2 − 1
    expect(s(a.gammaWitness?.stake)).toBe('4');
    expect(s(a.singleServiceAttacks[0]?.cost)).toBe('4');
    expect(a.convention).toMatch(/tie is not an attack/);
  });

  it('WP §3.4.1, the same restakers in 10 more AVSs: insecure, 4 restakers ($4M) corrupt all 11 ($22M)', async () => {
    const a = await run('wp-3.4.1-same-restakers-10-other-avs');
    expect(a.secure).toBe(false);
    expect(a.witness?.services).toHaveLength(11);
    expect(a.witness?.validators).toHaveLength(4);
    expect(s(a.witness?.profit)).toBe('22');
    expect(s(a.witness?.stake)).toBe('4');
    expect(s(a.maxAttackNetProfit)).toBe('18');
    expect(s(a.gammaSlack)).toBe('-9/11'); // 4/22 − 1
    expect(a.singleServiceAttacks.every((x) => !x.profitable)).toBe(true); // each AVS alone still costs $4M > $2M
  });

  it('DR abstract: γ = 1/10 exactly, a 0.1% shock loses 1.09% ≤ 1.1% (Theorem 1)', async () => {
    const a = await run('dr-abstract-10pct-buffer-0.1pct-shock');
    expect(a.secure).toBe(true);
    expect(s(a.gammaSlack)).toBe('1/10'); // {a, b}: 1199 / 1090 = 11/10
    const c = a.cascade;
    expect(c?.shock.validators).toEqual(['a']); // 110 = 0.1% of 110000
    expect(s(c?.loss)).toBe('1089'); // b alone: 1089 ≥ (1/101)·109890 and 1089 < 1090
    expect(s(c?.totalLoss)).toBe('1199');
    expect(s(c?.totalLossFraction)).toBe('109/10000'); // 1.09%
    expect(s(c?.theorem1Bound)).toBe('11/1000'); // (1 + 10)·0.1%
    expect(c?.sequence).toHaveLength(1);
  });

  it('DR Theorem 2 (ε = 1/10): secure only by a tie, meets the EigenLayer condition, R_ψ = 1 at ψ = ε', async () => {
    const a = await run('dr-thm2-tight-eps-1-10');
    expect(a.secure).toBe(true);
    expect(s(a.gammaSlack)).toBe('0');
    expect(a.eigenlayerCondition.holds).toBe(true);
    expect(a.eigenlayerCondition.perValidator.map((v) => s(v.load))).toEqual(['1', '1']);
    expect(s(a.eigenlayerCondition.certifiedGamma)).toBe('0');
    expect(a.cascade?.shock.validators).toEqual(['a']);
    expect(a.cascade?.witness?.validators).toEqual(['b']);
    expect(s(a.cascade?.totalLossFraction)).toBe('1');
    expect(a.cascade?.theorem1Bound).toBeNull(); // γ = 0 gives no bound
  });

  it('DR Theorem 3 (ψ = 1/10, γ = 1/2, ε = 1/100): certified γ = 1/2 and loss (1 + 1/γ)ψ − ε = 29/100', async () => {
    const a = await run('dr-thm3-tight-corollary2');
    expect(a.secure).toBe(true);
    expect(s(a.eigenlayerCondition.certifiedGamma)).toBe('1/2');
    expect(s(a.gammaSlack)).toBe('1/2');
    expect(s(a.cascade?.totalLossFraction)).toBe('29/100');
    expect(s(a.cascade?.theorem1Bound)).toBe('3/10');
  });

  it('DR Theorem 6 triangle: globally secure with certified γ = 3/5, but losing b and c loses everything', async () => {
    const a = await run('dr-thm6-triangle');
    expect(a.secure).toBe(true);
    expect(a.eigenlayerCondition.holds).toBe(true);
    expect(s(a.eigenlayerCondition.certifiedGamma)).toBe('3/5'); // T_a = 2/(1 + 11/5) = 5/8
    expect(s(a.gammaSlack)).toBe('4/5'); // all three: (27/5)/3 − 1
    expect(a.cascade?.witness?.validators).toEqual(['a']);
    expect(a.cascade?.witness?.services).toEqual(['x', 'y', 'z']); // y has no stake left: free
    expect(s(a.cascade?.totalLossFraction)).toBe('1');
  });

  it('DR Theorem 8 (n = 6): EigenLayer condition with equality, secure by a tie (6 = 6), one lost validator → total loss', async () => {
    const a = await run('dr-thm8-n6');
    expect(a.secure).toBe(true);
    expect(s(a.gammaSlack)).toBe('0');
    expect(a.eigenlayerCondition.perValidator.every((v) => s(v.load) === '1')).toBe(true);
    expect(s(a.cascade?.loss)).toBe('5');
    expect(s(a.cascade?.totalLossFraction)).toBe('1');
  });

  it('DR Fig. 4 (left): an overcollateralized service does not make the network secure', async () => {
    const a = await run('dr-fig4-overcollateralized-service');
    expect(a.secure).toBe(false);
    expect(a.witness?.services).toEqual(['blue']);
    expect(a.witness?.validators).toEqual(['b1', 'b2']);
    expect(s(a.maxAttackNetProfit)).toBe('1');
    expect(s(a.gammaSlack)).toBe('-1/101');
  });

  it('unique stake: each operator set is judged alone', async () => {
    const a = await run('unique-stake-operator-sets');
    expect(a.secure).toBe(false);
    const [avs1, avs2] = a.singleServiceAttacks;
    expect([s(avs1?.cost), avs1?.profitable]).toEqual(['20', false]); // two 10-slices reach 15
    expect([s(avs2?.cost), avs2?.profitable]).toEqual(['10', true]); // two 5-slices reach 7.5
    expect(a.witness?.validators).toEqual(['op1@avs2', 'op2@avs2']);
    expect(s(a.maxAttackNetProfit)).toBe('2');
    expect(s(a.gammaSlack)).toBe('-1/6'); // 10/12 − 1
  });
});
