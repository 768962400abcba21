// The prebuilt deployments (images/templates/, `npm run images`) must be what a fresh build makes, and a load
// that clones one must be the load that deploys: the same history, worlds and state root. Each side runs in a
// fresh copy of the modules, so a deployment kept in memory by one cannot stand in for the other's image.
import { readFileSync } from 'node:fs';
import { bytesToHex } from '@ethereumjs/util';
import { describe, expect, it, vi } from 'vitest';
import type { TemplateImage } from '../protocol/boot.ts';

async function fresh() {
  vi.resetModules();
  return {
    boot: await import('../protocol/boot.ts'),
    templates: await import('./template-images.ts'),
    session: await import('./session.ts'),
    presets: await import('../protocol/scenarios/index.ts'),
    runtime: await import('../chain/runtime.ts'),
  };
}

const committed = (preset: string) =>
  JSON.parse(
    readFileSync(new URL(`./images/templates/${preset}.json`, import.meta.url), 'utf8'),
  ) as TemplateImage;

describe('prebuilt templates', () => {
  it('are what a fresh build makes, one per preset (npm run images)', async () => {
    const m = await fresh();
    const built = await m.boot.presetTemplateImages();
    expect(m.boot.TEMPLATE_PRESETS).toEqual(['classroom', 'mainnet']);
    built.forEach((t, i) => {
      expect(JSON.parse(JSON.stringify(t))).toEqual(committed(m.boot.TEMPLATE_PRESETS[i]!));
    });
  }, 120_000);

  it('start a preset load that equals one deploying, and only where a preset configuration fits', async () => {
    const load = async (m: Awaited<ReturnType<typeof fresh>>) => {
      const s = await m.session.Session.load(m.presets.getPreset('single-avs-slash')?.json, 'preset:x');
      return {
        full: s.full(),
        world: await s.worldAt(s.cursor.node),
        root: bytesToHex(await m.runtime.stateRoot(s.sb.chain)),
      };
    };
    const deployed = await load(await fresh());

    const m = await fresh();
    const used: string[] = [];
    m.boot.useTemplateImages(async (key) => {
      const image = await m.templates.templateSource(key);
      if (image !== undefined) used.push(JSON.parse(image.key).preset);
      return image;
    });
    const cloned = await load(m);
    expect(used).toEqual(['classroom']);
    expect(cloned.root).toBe(deployed.root);
    expect(cloned.full).toEqual(deployed.full);
    expect(cloned.world).toEqual(deployed.world);
    // A configuration of its own has no prebuilt template.
    const { resolveConfig } = await import('../protocol/scenario-config.ts');
    const own = resolveConfig({ preset: 'classroom', withdrawalDelayBlocks: 7n });
    expect(m.templates.templateSource(m.boot.templateKey(own))).toBeUndefined();
  }, 120_000);
});
