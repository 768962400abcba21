// Exact rationals over BigInt. Security verdicts hinge on ties (σ_B = π_A, σ = α·σ_N), which binary
// floats get wrong ((0.1 + 0.2) / 3 > 0.1 in IEEE arithmetic), so the analyzer never uses a JS float.

/** An exact rational number, always normalized: gcd(num, den) = 1, den > 0, the sign lives in num. */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('Rational with a zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    return new Rational(n / g, d / g);
  }

  static readonly zero = Rational.of(0n);
  static readonly one = Rational.of(1n);

  add(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Rational division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  inv(): Rational {
    return Rational.one.div(this);
  }
  /** -1, 0 or 1 as this is below, equal to or above o. */
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  /** Smallest integer ≥ this. */
  ceil(): bigint {
    const q = this.num / this.den;
    return this.num > 0n && q * this.den !== this.num ? q + 1n : q;
  }
  /** "p/q", or just "p" for an integer: the analysis@1 form. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
  toJSON(): string {
    return this.toString();
  }
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

export function sum(xs: Iterable<Rational>): Rational {
  let s = Rational.zero;
  for (const x of xs) s = s.add(x);
  return s;
}

export const RATIONAL_FORMS = 'an integer ("3"), a decimal ("2.5", "0.1") or a fraction ("1/3")';

const INTEGER_OR_DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const FRACTION = /^([+-]?\d+)\/(\d+)$/;

/** Parses "3", "-2.5", "0.1" (exactly 1/10) or "1/3"; undefined for anything else. */
export function parseRational(text: string): Rational | undefined {
  const dec = INTEGER_OR_DECIMAL.exec(text);
  if (dec) {
    const [, sign = '', whole = '0', frac = ''] = dec;
    const n = BigInt(whole + frac) * (sign === '-' ? -1n : 1n);
    return Rational.of(n, 10n ** BigInt(frac.length));
  }
  const fr = FRACTION.exec(text);
  if (fr) {
    const [, n = '0', d = '0'] = fr;
    if (BigInt(d) === 0n) return undefined;
    return Rational.of(BigInt(n), BigInt(d));
  }
  return undefined;
}
