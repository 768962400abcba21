// Every preset runs end to end on the real chain, and every `expect` it carries holds to the wei. The
// expected values in the files were derived by hand from mechanics.md (see index.ts), not from a run.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../runner.ts';
import { validateScenario } from '../scenario-schema.ts';
import { SCENARIO_PRESETS } from './index.ts';

describe('scenario presets on the chain', () => {
  it.each(SCENARIO_PRESETS.map((p) => [p.id, p] as const))(
    '%s runs and meets its expectations',
    async (_id, preset) => {
      const v = validateScenario(preset.json);
      expect(v.ok).toBe(true);
      if (!v.ok) return;
      const r = await runScenario(v.scenario);
      expect(r.failure?.message).toBeUndefined();
      expect(r.ok).toBe(true);
      expect(v.scenario.steps.some((s) => s.action === 'expect')).toBe(true);
    },
  );
});
