// Whole-file rules of network@1 that a per-field schema cannot express: ids must be unique and must
// exist where they are referenced, and unique-stake allocations cannot exceed a validator's stake.
import type { Network, ParsedNetworkFile, ValidationError } from './network.ts';
import { Rational } from './rational.ts';

export function crossCheck(
  file: ParsedNetworkFile,
): { ok: true; network: Network } | { ok: false; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const fail = (path: string, value: unknown, message: string) => errors.push({ path, value, message });

  const uniqueIds = (list: { id: string }[], where: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) fail(`${where}[${i}].id`, x.id, `duplicate ${where} id; each id must be unique`);
      seen.add(x.id);
    });
    return seen;
  };
  const validatorIds = uniqueIds(file.validators, 'validators');
  const serviceIds = uniqueIds(file.services, 'services');
  const knownValidator = (path: string, id: string) => {
    if (!validatorIds.has(id)) fail(path, id, `unknown validator; expected one of the ids in validators`);
  };
  const knownService = (path: string, id: string) => {
    if (!serviceIds.has(id)) fail(path, id, `unknown service; expected one of the ids in services`);
  };

  const unique = file.stakeModel === 'unique';
  if (unique && file.edges !== undefined && file.edges.length > 0) {
    fail('edges', file.edges, 'edges are for stakeModel "shared"; with "unique" stake use allocations');
  }
  if (!unique && file.allocations !== undefined && file.allocations.length > 0) {
    fail('allocations', file.allocations, 'allocations are for stakeModel "unique"; with "shared" use edges');
  }

  const pairSeen = (pairs: Set<string>, path: string, validator: string, service: string, value: unknown) => {
    const key = JSON.stringify([validator, service]);
    if (pairs.has(key)) fail(path, value, `duplicate link between ${validator} and ${service}`);
    pairs.add(key);
  };
  const edgePairs = new Set<string>();
  (file.edges ?? []).forEach(([val, svc], i) => {
    knownValidator(`edges[${i}][0]`, val);
    knownService(`edges[${i}][1]`, svc);
    pairSeen(edgePairs, `edges[${i}]`, val, svc, [val, svc]);
  });

  const allocationPairs = new Set<string>();
  const allocated = new Map<string, Rational>();
  (file.allocations ?? []).forEach((a, i) => {
    knownValidator(`allocations[${i}].validator`, a.validator);
    knownService(`allocations[${i}].service`, a.service);
    pairSeen(allocationPairs, `allocations[${i}]`, a.validator, a.service, a);
    allocated.set(a.validator, (allocated.get(a.validator) ?? Rational.zero).add(a.stake));
  });
  file.validators.forEach((val, i) => {
    const total = allocated.get(val.id);
    if (total !== undefined && total.gt(val.stake)) {
      fail(
        `validators[${i}].stake`,
        val.stake.toString(),
        `allocations of ${val.id} add up to ${total.toString()}, more than its stake; allocations may total at most the stake`,
      );
    }
  });

  let shock: Network['shock'];
  if (file.shock !== undefined) {
    const { validators, fraction } = file.shock;
    if ((validators === undefined) === (fraction === undefined)) {
      fail(
        'shock',
        file.shock,
        'shock must have exactly one of "validators" (a list of ids) or "fraction" ("p/q")',
      );
    } else if (validators !== undefined) {
      const seen = new Set<string>();
      validators.forEach((id, i) => {
        knownValidator(`shock.validators[${i}]`, id);
        if (seen.has(id)) fail(`shock.validators[${i}]`, id, 'validator listed twice in the shock');
        seen.add(id);
      });
      shock = { validators };
    } else if (fraction !== undefined) {
      shock = { fraction };
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const network: Network = {
    stakeModel: file.stakeModel,
    validators: file.validators,
    services: file.services,
    edges: unique ? [] : (file.edges ?? []),
    allocations: unique ? (file.allocations ?? []) : [],
  };
  if (shock !== undefined) network.shock = shock;
  return { ok: true, network };
}
