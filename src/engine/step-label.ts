// One line per history step, in the words of the action table: who did what, with the amounts as written.
import type { StepJson } from './session-types.ts';

const show = (v: unknown): string =>
  Array.isArray(v)
    ? v.map(show).join(', ')
    : typeof v === 'object' && v !== null
      ? JSON.stringify(v)
      : String(v);

/** Fields worth reading in a label, in this order; everything else is in the step's details. */
const KEY_FIELDS = [
  'amount',
  'delta',
  'shares',
  'strategy',
  'strategies',
  'operator',
  'avs',
  'set',
  'sets',
  'magnitude',
  'wads',
  'vault',
  'validator',
  'validators',
  'withdrawal',
  'request',
  'slash',
  'to',
  'token',
  'blocks',
  'seconds',
  'as',
];

export function stepLabel(step: StepJson): string {
  const who = typeof step['by'] === 'string' ? `${step['by']}: ` : '';
  const parts = KEY_FIELDS.filter((k) => step[k] !== undefined).map((k) => `${k} ${show(step[k])}`);
  if (step.action === 'expect')
    return `check ${Object.keys((step['values'] as object | undefined) ?? {}).length} values`;
  return `${who}${step.action}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
