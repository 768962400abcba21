// network@1 (formats.md): the restaking graph as a teacher writes it by hand. Structure and per-field
// rules live in the valibot schema; rules that need the whole file (ids that must exist, duplicates,
// allocations within stake) run after it, so every problem is reported with its JSON path at once.
import * as v from 'valibot';
import { RATIONAL_FORMS, Rational, parseRational } from './rational.ts';
import { crossCheck } from './network-refs.ts';

export const NETWORK_FORMAT = 'restaking-sandbox/network@1';

export interface Validator {
  id: string;
  stake: Rational;
}
export interface Service {
  id: string;
  profit: Rational;
  threshold: Rational;
}
export interface Allocation {
  validator: string;
  service: string;
  stake: Rational;
}
export type Shock = { validators: string[] } | { fraction: Rational };

export interface Network {
  stakeModel: 'shared' | 'unique';
  validators: Validator[];
  services: Service[];
  /** Shared stake: [validator, service] pairs. Empty under unique stake. */
  edges: [string, string][];
  /** Unique stake: each allocation is a slice slashable only by its service. Empty under shared stake. */
  allocations: Allocation[];
  shock?: Shock;
}

export interface ValidationError {
  /** JSON path, e.g. `services[1].threshold`. */
  path: string;
  value: unknown;
  /** What is wrong and which forms are accepted. */
  message: string;
}

const rational = (what: string, inRange: (r: Rational) => boolean, range: string) =>
  v.pipe(
    v.string(`${what} must be a string holding ${RATIONAL_FORMS}`),
    v.check((s) => parseRational(s) !== undefined, `${what} must be ${RATIONAL_FORMS}`),
    v.transform((s) => parseRational(s) ?? Rational.zero),
    v.check(inRange, `${what} must be ${range}, written as ${RATIONAL_FORMS}`),
  );
const nonNegative = (what: string) => rational(what, (r) => r.sign() >= 0, 'zero or more');
const id = (what: string) => v.pipe(v.string(`${what} must be a string`), v.minLength(1, `${what} is empty`));
const list = <T extends v.GenericSchema>(what: string, item: T) => v.array(item, `${what} must be an array`);

const schema = v.object({
  format: v.literal(NETWORK_FORMAT, `format must be "${NETWORK_FORMAT}"`),
  stakeModel: v.optional(
    v.picklist(['shared', 'unique'], 'stakeModel must be "shared" or "unique"'),
    'shared',
  ),
  validators: list('validators', v.object({ id: id('a validator id'), stake: nonNegative('a stake') })),
  services: list(
    'services',
    v.object({
      id: id('a service id'),
      profit: nonNegative('a profit'),
      threshold: rational(
        'a threshold',
        (r) => r.sign() > 0 && r.le(Rational.one),
        'in (0, 1] (above 0, at most 1)',
      ),
    }),
  ),
  edges: v.optional(
    list(
      'edges',
      v.tuple([id('an edge validator'), id('an edge service')], 'an edge must be ["validator", "service"]'),
    ),
  ),
  allocations: v.optional(
    list(
      'allocations',
      v.object({
        validator: id('an allocation validator'),
        service: id('an allocation service'),
        stake: nonNegative('an allocation stake'),
      }),
    ),
  ),
  shock: v.optional(
    v.object({
      validators: v.optional(list('shock.validators', id('a shocked validator'))),
      fraction: v.optional(
        rational('a shock fraction', (r) => r.sign() >= 0 && r.le(Rational.one), 'in [0, 1]'),
      ),
    }),
  ),
});

export type ParsedNetworkFile = v.InferOutput<typeof schema>;

function pathOf(items: readonly { key?: unknown }[] | undefined): string {
  let out = '';
  for (const item of items ?? []) {
    if (typeof item.key === 'number') out += `[${item.key}]`;
    else out += out === '' ? String(item.key) : `.${String(item.key)}`;
  }
  return out === '' ? '(file)' : out;
}

/** Validates a parsed JSON value as network@1; every problem is listed, each with its JSON path. */
export function validateNetwork(
  input: unknown,
): { ok: true; network: Network } | { ok: false; errors: ValidationError[] } {
  const parsed = v.safeParse(schema, input, { abortEarly: false, abortPipeEarly: true });
  if (!parsed.success) {
    const errors = parsed.issues.map((issue) => ({
      path: pathOf(issue.path),
      value: issue.input,
      message: issue.message,
    }));
    return { ok: false, errors };
  }
  return crossCheck(parsed.output);
}

export function formatValidationError(e: ValidationError): string {
  const shown = e.value === undefined ? 'nothing' : JSON.stringify(e.value);
  return `${e.path}: ${e.message} (got ${shown})`;
}
