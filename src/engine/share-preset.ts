// A short share link's preset base, apart from share-base.ts: the chain's worker opens links based on a preset
// (share-open.ts) and must not carry the lessons' code, which a link based on a lesson needs.

/** A preset's scenario by id; throws the message a link naming an unknown preset shows. */
export async function presetScenario(id: string): Promise<unknown> {
  const { getPreset, SCENARIO_PRESETS } = await import('../protocol/scenarios/index.ts');
  const preset = getPreset(id);
  if (preset === undefined)
    throw new Error(
      `The link starts from a preset "${id.slice(0, 60)}" that this sandbox does not have (it has ${SCENARIO_PRESETS.map((p) => p.id).join(', ')}).`,
    );
  return preset.json;
}

/** A scenario with a link's steps appended to its own. */
export function withSteps(scenario: unknown, steps: readonly unknown[]): unknown {
  const json = scenario as { steps?: unknown };
  return { ...json, steps: [...(Array.isArray(json.steps) ? json.steps : []), ...steps] };
}
