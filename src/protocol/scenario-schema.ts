// scenario@1 validation (formats.md). A bad file reports every problem at once, each with its JSON path
// (`steps[4].amount`), the bad value and the accepted forms; nothing runs until the list is empty.
// Actors and steps are parsed one by one so that one broken step neither hides the problems of the
// others nor blocks the cross-reference checks of the steps that did parse.
import * as v from 'valibot';
import { stepFields, StepSchema, type Step } from './scenario-actions.ts';
import { ConfigSchema, configProblems, resolveConfig, type ScenarioConfig } from './scenario-config.ts';
import { amount, FIELD_FORMS, issuePath, name, objectMessage, text } from './scenario-fields.ts';
import { checkReferences } from './scenario-refs.ts';
import type { Actor, ScenarioIssue } from './scenario-defs.ts';
import { showValue } from './units.ts';

export type { Action, ExpectEntry, Step, StepOf } from './scenario-actions.ts';
export { ACTIONS } from './scenario-actions.ts';
export type { Preset, ScenarioConfig } from './scenario-config.ts';
export {
  CONFIG_DEFAULTS,
  PRESET_DELAYS,
  REAL_SECONDS_PER_BLOCK,
  realDuration,
  resolveConfig,
} from './scenario-config.ts';
export type { Actor, ScenarioIssue } from './scenario-defs.ts';

export const SCENARIO_FORMAT = 'restaking-sandbox/scenario@1';

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  title: string;
  /** Markdown shown beside the sandbox. */
  description: string;
  config: ScenarioConfig;
  actors: Actor[];
  steps: Step[];
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/**
 * Names that would make `token` and world paths ambiguous if an actor took them, and names that are not
 * plain keys of a JavaScript object (the world is keyed by actor id).
 */
const TOKENS = new Set(['stETH', 'wstETH', 'beaconETH']);
const RESERVED = new Set([...TOKENS, '__proto__', 'constructor', 'prototype']);

const role = v.picklist(
  ['staker', 'operator', 'avs', 'vault'],
  (i) => `${showValue(i.input)} is not a role; accepted: "staker", "operator", "avs" or "vault"`,
);
const ActorSchema = v.object(
  { id: name, role, eth: v.optional(amount), operator: v.optional(name) },
  objectMessage,
);

const TOP = {
  format: v.literal(
    SCENARIO_FORMAT,
    (i) => `${showValue(i.input)} is not supported; accepted: "${SCENARIO_FORMAT}"`,
  ),
  title: v.pipe(text, v.minLength(1, 'is empty; accepted: a short title')),
  description: v.optional(text, ''),
  config: v.optional(ConfigSchema, {}),
  actors: v.array(
    v.unknown(),
    (i) => `${showValue(i.input)} is not a list; accepted: ${FIELD_FORMS['actors']}`,
  ),
  steps: v.array(
    v.unknown(),
    (i) => `${showValue(i.input)} is not a list; accepted: ${FIELD_FORMS['steps']}`,
  ),
};

/** One top-level field on its own, so a missing title does not hide the problems of the steps. */
function topField<K extends keyof typeof TOP>(json: object, key: K, issues: ScenarioIssue[]) {
  const one = v.object({ [key]: TOP[key] } as Pick<typeof TOP, K>, objectMessage);
  return parse(one, json, '', issues)?.[key];
}

/** Fields outside the schema are errors: a misspelt optional field ("expectrevert") would otherwise be ignored. */
function unknownFields(prefix: string, input: unknown, allowed: readonly string[]): ScenarioIssue[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  return Object.keys(input)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      path: prefix ? `${prefix}.${key}` : key,
      message: `is not a field here; accepted: ${allowed.join(', ')}`,
    }));
}

function parse<T extends v.GenericSchema>(
  schema: T,
  input: unknown,
  prefix: string,
  issues: ScenarioIssue[],
) {
  const r = v.safeParse(schema, input);
  if (!r.success)
    for (const i of r.issues) issues.push({ path: issuePath(prefix, i) || '(root)', message: i.message });
  return r.success ? (r.output as v.InferOutput<T>) : undefined;
}

function parseActors(raw: readonly unknown[], issues: ScenarioIssue[]): Map<string, Actor> {
  const actors = new Map<string, Actor>();
  const parsed = raw.map((a, i) => {
    issues.push(...unknownFields(`actors[${i}]`, a, Object.keys(ActorSchema.entries)));
    return parse(ActorSchema, a, `actors[${i}]`, issues);
  });
  parsed.forEach((a, i) => {
    if (!a) return;
    const at = (f: string) => `actors[${i}].${f}`;
    if (actors.has(a.id))
      issues.push({ path: at('id'), message: `"${a.id}" is already an actor; accepted: a new id` });
    else if (RESERVED.has(a.id))
      issues.push({
        path: at('id'),
        message: `"${a.id}" is ${TOKENS.has(a.id) ? 'a token name' : 'a reserved name'}; accepted: another id`,
      });
    const actor: Actor = { id: a.id, role: a.role };
    if (a.eth !== undefined) actor.eth = a.eth;
    if (a.role === 'vault') {
      const op = parsed.find((o) => o?.id === a.operator);
      if (a.operator === undefined)
        issues.push({ path: at('operator'), message: 'is missing; a vault delegates to an operator actor' });
      else if (op?.role !== 'operator') {
        issues.push({
          path: at('operator'),
          message: `"${a.operator}" is not an operator actor; accepted: the id of an actor with role operator`,
        });
      } else actor.operator = a.operator;
    } else if (a.operator !== undefined) {
      issues.push({
        path: at('operator'),
        message: `only a vault has an operator; "${a.id}" is a ${a.role}`,
      });
    }
    if (!actors.has(a.id)) actors.set(a.id, actor);
  });
  return actors;
}

/** Sort key that lists problems in file order: top-level fields, config, actors, then steps by index. */
function order(path: string): number {
  const m = /^(actors|steps)\[(\d+)\]/.exec(path);
  if (m) return (m[1] === 'actors' ? 1e6 : 2e6) + Number(m[2]);
  return path.startsWith('config') ? 1 : 0;
}

/** Parses one step's own fields (step `i` of its line), adding its problems to `issues`. */
export function parseStep(raw: unknown, i: number, issues: ScenarioIssue[]): Step | undefined {
  const action = raw !== null && typeof raw === 'object' && 'action' in raw ? raw.action : undefined;
  const fields = typeof action === 'string' ? stepFields(action) : undefined;
  if (fields) issues.push(...unknownFields(`steps[${i}]`, raw, fields));
  return parse(StepSchema, raw, `steps[${i}]`, issues);
}

/** Validates a parsed JSON value as scenario@1 and returns it with every quantity as a bigint. */
export function validateScenario(json: unknown): ValidationResult {
  const issues: ScenarioIssue[] = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return {
      ok: false,
      issues: [{ path: '(root)', message: `${showValue(json)} is not a scenario object` }],
    };
  }
  issues.push(...unknownFields('', json, Object.keys(TOP)));
  const title = topField(json, 'title', issues);
  const description = topField(json, 'description', issues);
  const formatOk = topField(json, 'format', issues) !== undefined;
  const configInput = topField(json, 'config', issues);
  const config = configInput ? resolveConfig(configInput) : undefined;
  if (config) issues.push(...configProblems(config));
  if ('config' in json)
    issues.push(...unknownFields('config', json.config, Object.keys(ConfigSchema.entries)));
  const actors = parseActors(topField(json, 'actors', issues) ?? [], issues);
  const steps = (topField(json, 'steps', issues) ?? []).map((raw, i) => parseStep(raw, i, issues));
  issues.push(...checkReferences(actors, steps));
  issues.sort((a, b) => order(a.path) - order(b.path));

  if (issues.length > 0 || !formatOk || title === undefined || description === undefined || !config) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    scenario: {
      format: SCENARIO_FORMAT,
      title,
      description,
      config,
      actors: [...actors.values()],
      steps: steps.filter((s): s is Step => s !== undefined),
    },
  };
}

/** How many problems a refusal lists: enough to fix a file in a few rounds, never megabytes of text. */
export const MAX_LISTED_ISSUES = 20;

/**
 * The issues as lines for a terminal: `steps[4].amount: "5 ether" has the unknown unit ...`. The first
 * MAX_LISTED_ISSUES are listed, a message already listed is referred to by its first path rather than
 * repeated (a hundred copies of one typo), and the rest are counted.
 */
export function formatIssues(issues: readonly ScenarioIssue[], max = MAX_LISTED_ISSUES): string {
  const firstAt = new Map<string, string>();
  const lines = issues.slice(0, max).map((i) => {
    const seen = firstAt.get(i.message);
    if (seen !== undefined) return `${i.path}: the same problem as ${seen}`;
    firstAt.set(i.message, i.path);
    return `${i.path}: ${i.message}`;
  });
  return [...lines, ...moreProblems(issues.length, lines.length)].join('\n');
}

/** The closing line of a shortened list, if it was shortened. */
export function moreProblems(total: number, listed: number): string[] {
  const rest = total - listed;
  return rest > 0
    ? [
        `… and ${rest.toLocaleString('en')} more problem${rest === 1 ? '' : 's'} (only the first ${listed} are listed)`,
      ]
    : [];
}
