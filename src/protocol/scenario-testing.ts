// Test helpers for the scenario schema: the parsed scenario of a file that must be valid, or the problems of
// one that must be rejected. Used only by tests.
import { validateScenario, type Scenario, type ScenarioIssue } from './scenario-schema.ts';

export function valid(json: unknown): Scenario {
  const r = validateScenario(json);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

export function problems(json: unknown): ScenarioIssue[] {
  const r = validateScenario(json);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.issues;
}

export const paths = (json: unknown) => problems(json).map((i) => i.path);
