import { describe, expect, it } from 'vitest';
import { NETWORK_FORMAT, type ValidationError, formatValidationError, validateNetwork } from './network.ts';

const base = () => ({
  format: NETWORK_FORMAT,
  validators: [
    { id: 'a', stake: '10' },
    { id: 'b', stake: '2.5' },
  ],
  services: [{ id: 'x', profit: '12', threshold: '1/2' }],
  edges: [
    ['a', 'x'],
    ['b', 'x'],
  ],
});

const errorsOf = (input: unknown): ValidationError[] => {
  const r = validateNetwork(input);
  if (r.ok) throw new Error('expected the network to be invalid');
  return r.errors;
};
const paths = (input: unknown) => errorsOf(input).map((e) => e.path);

describe('validateNetwork', () => {
  it('accepts the formats.md example with exact numbers and shared stake by default', () => {
    const r = validateNetwork(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.network.stakeModel).toBe('shared');
    expect(r.network.validators[1]?.stake.toString()).toBe('5/2');
    expect(r.network.services[0]?.threshold.toString()).toBe('1/2');
  });

  it('names the path, the bad value and the accepted forms for an unparseable number', () => {
    const [e] = errorsOf({ ...base(), validators: [{ id: 'a', stake: '1e3' }] });
    expect(e?.path).toBe('validators[0].stake');
    expect(e?.value).toBe('1e3');
    expect(e?.message).toContain('"1/3"');
    expect(formatValidationError(e ?? { path: '', value: '', message: '' })).toContain('validators[0].stake');
  });

  it('rejects a number given as a JSON number (a float) rather than a string', () => {
    expect(paths({ ...base(), validators: [{ id: 'a', stake: 0.1 }] })).toEqual(['validators[0].stake']);
  });

  it('rejects thresholds outside (0, 1]', () => {
    for (const t of ['0', '-1/2', '3/2', '1.0001']) {
      const net = { ...base(), services: [{ id: 'x', profit: '1', threshold: t }] };
      expect(paths(net), t).toEqual(['services[0].threshold']);
    }
    expect(validateNetwork({ ...base(), services: [{ id: 'x', profit: '1', threshold: '1' }] }).ok).toBe(
      true,
    );
  });

  it('rejects negative stake and profit, and lists every problem at once', () => {
    const net = {
      ...base(),
      validators: [{ id: 'a', stake: '-1' }],
      services: [{ id: 'x', profit: '-0.5', threshold: '2' }],
    };
    expect(paths(net)).toEqual(['validators[0].stake', 'services[0].profit', 'services[0].threshold']);
  });

  it('rejects a wrong format string', () => {
    expect(paths({ ...base(), format: 'restaking-sandbox/network@2' })).toEqual(['format']);
  });

  it('rejects unknown ids in edges and duplicate ids', () => {
    const net = {
      ...base(),
      validators: [...base().validators, { id: 'a', stake: '1' }],
      edges: [
        ['a', 'nope'],
        ['ghost', 'x'],
      ],
    };
    expect(paths(net)).toEqual(['validators[2].id', 'edges[0][1]', 'edges[1][0]']);
  });

  it('checks unique-stake allocations: known ids, and at most the validator stake in total', () => {
    const net = {
      ...base(),
      stakeModel: 'unique',
      edges: [],
      allocations: [
        { validator: 'b', service: 'x', stake: '2' },
        { validator: 'b', service: 'y', stake: '1' },
        { validator: 'zed', service: 'x', stake: '1' },
      ],
    };
    expect(paths(net)).toEqual(['allocations[1].service', 'allocations[2].validator', 'validators[1].stake']);
  });

  it('checks the shock: exactly one form, known validators, a fraction in [0, 1]', () => {
    expect(paths({ ...base(), shock: {} })).toEqual(['shock']);
    expect(paths({ ...base(), shock: { validators: ['a', 'q'] } })).toEqual(['shock.validators[1]']);
    expect(paths({ ...base(), shock: { fraction: '11/10' } })).toEqual(['shock.fraction']);
    expect(validateNetwork({ ...base(), shock: { fraction: '1/10' } }).ok).toBe(true);
  });

  it('rejects edges under unique stake and allocations under shared stake', () => {
    expect(paths({ ...base(), stakeModel: 'unique' })).toEqual(['edges']);
    expect(paths({ ...base(), allocations: [{ validator: 'a', service: 'x', stake: '1' }] })).toEqual([
      'allocations',
    ]);
  });
});
