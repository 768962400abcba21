// A template image (a deployment kept as trie data, which the command ships beside its bundle) must start
// the very sandbox a deployment starts: the same state root at boot and after a whole scenario, the same
// transaction hashes, the same world. Each side runs in a fresh copy of the modules, so the deployment one
// side kept in memory cannot stand in for the image.
import { bytesToHex } from '@ethereumjs/util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TemplateImage } from './boot.ts';
import { SCENARIO_PRESETS } from './scenarios/index.ts';
import type { Scenario } from './scenario-schema.ts';

type Modules = {
  boot: typeof import('./boot.ts');
  runner: typeof import('./runner.ts');
  schema: typeof import('./scenario-schema.ts');
  runtime: typeof import('../chain/runtime.ts');
};

async function freshModules(): Promise<Modules> {
  vi.resetModules();
  return {
    boot: await import('./boot.ts'),
    runner: await import('./runner.ts'),
    schema: await import('./scenario-schema.ts'),
    runtime: await import('../chain/runtime.ts'),
  };
}

function scenario(m: Modules, id: string): Scenario {
  const preset = SCENARIO_PRESETS.find((p) => p.id === id);
  if (preset === undefined) throw new Error(`no preset ${id}`);
  const v = m.schema.validateScenario(preset.json);
  if (!v.ok) throw new Error(`preset ${id} is invalid`);
  return v.scenario;
}

async function run(m: Modules, s: Scenario) {
  const r = await m.runner.runScenario(s);
  expect(r.failure?.message).toBeUndefined();
  return {
    root: bytesToHex(await m.runtime.stateRoot(r.sandbox.chain)),
    hashes: r.steps.flatMap((st) => st.txs.map((t) => t.hash)),
    world: JSON.stringify(r.world, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)),
  };
}

describe('template images', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('start the same sandbox a deployment starts, through a whole scenario with a vault and an AVS', async () => {
    const deployed = await freshModules();
    const s = scenario(deployed, 'lrt-rate-after-slash');
    expect(s.actors.some((a) => a.role === 'vault')).toBe(true);
    expect(s.actors.some((a) => a.role === 'avs')).toBe(true);
    // The image goes through JSON, as the file beside the bundle does.
    const image = JSON.parse(JSON.stringify(await deployed.boot.templateImage(s.config))) as TemplateImage;
    const expected = await run(deployed, s);

    const restored = await freshModules();
    const asked: string[] = [];
    restored.boot.useTemplateImages((key) => {
      asked.push(key);
      return key === image.key ? image : undefined;
    });
    const got = await run(restored, scenario(restored, 'lrt-rate-after-slash'));
    expect(asked).toEqual([image.key]);
    expect(got.root).toBe(expected.root);
    expect(got.hashes).toEqual(expected.hashes);
    expect(got.hashes.length).toBeGreaterThan(5);
    expect(got.world).toBe(expected.world);
  });

  it('are asked once per configuration, and a configuration without one deploys', async () => {
    const m = await freshModules();
    const s = scenario(m, 'single-avs-slash');
    const other = {
      ...s,
      config: { ...s.config, withdrawalDelayBlocks: s.config.withdrawalDelayBlocks + 1n },
    };
    const asked: string[] = [];
    m.boot.useTemplateImages((key) => {
      asked.push(key);
      return undefined;
    });
    const a = await m.boot.bootSandbox(s);
    await m.boot.bootSandbox(s);
    const b = await m.boot.bootSandbox(other);
    expect(asked).toEqual([m.boot.templateKey(s.config), m.boot.templateKey(other.config)]);
    // Deployed without an image: the protocol is there, with the configuration's own delay.
    expect(a.addresses.delegationManager).toBe(b.addresses.delegationManager);
    expect(await m.runtime.getCode(a.chain, a.addresses.delegationManager)).not.toBe('0x');
  });

  it('leave the boot to deploy when the source fails to give one', async () => {
    const m = await freshModules();
    const s = scenario(m, 'single-avs-slash');
    m.boot.useTemplateImages(() => Promise.reject(new Error('offline')));
    const sb = await m.boot.bootSandbox(s);
    expect(await m.runtime.getCode(sb.chain, sb.addresses.allocationManager)).not.toBe('0x');
    expect(Object.keys(sb.actors)).toEqual(s.actors.map((a) => a.id));
  });
});
