// From what a person typed into an action form to a scenario@1 step. Amounts stay the strings the person
// typed, so the history shows "40 ETH" and not 40000000000000000000; only a bare number changes (40 becomes
// "40 ETH", 50 in a fraction field "50%"; see exact-preview.ts). Choices are filled from the world where the
// person chose nothing, and every problem is reported by field, so the form can mark each one.
import type { StepJson } from '../../engine/session-types.ts';
import {
  choicesFor,
  nextSetId,
  suggestName,
  type CatalogEntry,
  type ChoiceContext,
  type FieldKind,
  type FieldSpec,
} from '../../protocol/action-catalog.ts';
import { NAME_FORMS, NAME_RE } from '../../protocol/scenario-fields.ts';
import { showValue } from '../../protocol/units.ts';
import { exactPreview, toScenarioText } from './exact-preview.ts';

export { exactPreview, HINTS, toScenarioText, type Preview } from './exact-preview.ts';

export type DraftValue = string | boolean | readonly string[];
/** Field name → what the form holds; a wad list keeps one entry per item under `itemKey`. */
export type Draft = Record<string, DraftValue>;

/** Where a wad list keeps the fraction of one item. */
export const itemKey = (field: FieldSpec, item: string) => `${field.name}.${item}`;

const LIST_KINDS: readonly FieldKind[] = ['setList', 'strategyList', 'validatorList'];
const CHOICE_KINDS: readonly FieldKind[] = [
  'actor',
  'token',
  'set',
  'strategy',
  'withdrawal',
  'validator',
  'slash',
  'request',
];

/**
 * The form as it stands: what the person entered, with defaults where they entered nothing (a suggested
 * name, the next free set id, the first choice) and choices that no longer exist replaced. Field by field,
 * because a field's choices depend on the fields before it (an AVS's sets, a set's strategies).
 */
export function resolveDraft(entry: CatalogEntry, draft: Draft, ctx: Omit<ChoiceContext, 'draft'>): Draft {
  const out: Draft = {};
  for (const [key, value] of Object.entries(draft)) if (key.includes('.')) out[key] = value;
  for (const field of entry.fields) {
    if (field.name === 'by') continue;
    const given = draft[field.name];
    const choices = () => choicesFor(field, { ...ctx, draft: out }).map((c) => c.value);
    if (CHOICE_KINDS.includes(field.kind)) {
      const offered = choices();
      const first = field.optional ? '' : (offered[0] ?? '');
      out[field.name] = typeof given === 'string' && offered.includes(given) ? given : first;
    } else if (LIST_KINDS.includes(field.kind)) {
      const offered = choices();
      if (Array.isArray(given)) out[field.name] = given.filter((g) => offered.includes(g));
      else out[field.name] = offered.length === 1 && !field.optional ? offered : [];
    } else if (field.kind === 'bool') {
      out[field.name] = given === true;
    } else if (field.kind === 'asName') {
      out[field.name] =
        typeof given === 'string'
          ? given
          : suggestName(field.names ?? 'withdrawal', ctx.world, ctx.historyNames);
    } else if (field.kind === 'newSet') {
      out[field.name] = typeof given === 'string' ? given : String(nextSetId(ctx.world, ctx.by));
    } else if (field.kind !== 'wadList') {
      out[field.name] = typeof given === 'string' ? given : '';
    }
  }
  return out;
}

export type BuildResult = { ok: true; step: StepJson } | { ok: false; errors: Record<string, string> };

const asText = (v: DraftValue | undefined) => (typeof v === 'string' ? v.trim() : '');
const asList = (v: DraftValue | undefined): readonly string[] => (Array.isArray(v) ? v : []);
/** Whole counts go to the scenario as JSON numbers while exact; beyond 2^53 as the integer string. */
const count = (text: string) => (Number.isSafeInteger(Number(text)) ? Number(text) : text);

/** The scenario step for a resolved draft, or what to fix, by field name (`wads.stETH` for a wad list item). */
export function buildStep(
  entry: CatalogEntry,
  draft: Draft,
  by: string | null,
  used: ReadonlySet<string> = new Set(),
): BuildResult {
  const step: StepJson = { action: entry.action };
  const errors: Record<string, string> = {};
  if (entry.signer !== null) {
    if (by === null) errors['by'] = 'choose who signs';
    else step['by'] = by;
  }
  const unit = (key: string, kind: FieldKind, typed: string): string | undefined => {
    const preview = exactPreview(kind, typed);
    if (preview && !preview.ok) errors[key] = preview.error;
    return preview?.ok ? toScenarioText(kind, typed) : undefined;
  };
  for (const field of entry.fields) {
    const { name, kind } = field;
    if (name === 'by') continue;
    const value = draft[name];
    if (kind === 'bool') {
      step[name] = value === true;
    } else if (kind === 'wadList') {
      const items = asList(draft[field.perItemOf ?? '']);
      if (items.length === 0) errors[name] = 'choose the strategies first, then a fraction for each';
      const wads = items.map((item) => {
        const typed = asText(draft[itemKey(field, item)]);
        if (typed === '') errors[itemKey(field, item)] = `give a fraction for ${item}`;
        return typed === '' ? undefined : unit(itemKey(field, item), kind, typed);
      });
      step[name] = wads;
    } else if (LIST_KINDS.includes(kind)) {
      const list = asList(value);
      if (list.length > 0) step[name] = kind === 'setList' ? list.map(Number) : [...list];
      else if (!field.optional) errors[name] = 'choose at least one';
    } else {
      const text = asText(value);
      if (text === '') {
        if (!field.optional)
          errors[name] = CHOICE_KINDS.includes(kind) ? 'nothing to choose yet' : 'is required';
        continue;
      }
      if (kind === 'set') {
        step[name] = Number(text);
      } else if (kind === 'newSet' || kind === 'blocks' || kind === 'seconds') {
        if (unit(name, kind, text) !== undefined) step[name] = count(text);
      } else if (kind === 'amount' || kind === 'signedAmount' || kind === 'wad') {
        step[name] = unit(name, kind, text);
      } else if (kind === 'asName' && !NAME_RE.test(text)) {
        errors[name] = `${showValue(text)} is not a valid name; accepted: ${NAME_FORMS}`;
      } else if (kind === 'asName' && used.has(text)) {
        errors[name] = `"${text}" is already used; accepted: a name not used before`;
      } else {
        step[name] = text;
      }
    }
  }
  const given = (entry.exactlyOne ?? []).filter((n) => step[n] !== undefined);
  const [firstOfOne] = entry.exactlyOne ?? [];
  if (firstOfOne !== undefined && given.length !== 1 && errors[firstOfOne] === undefined)
    errors[firstOfOne] = `give exactly one of ${entry.exactlyOne?.join(' and ')}`;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, step };
}
