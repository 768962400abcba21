// The protocol deployed for each preset's default configuration, prebuilt as trie data (`npm run images`,
// images/templates/): a load that needs a fresh deployment (a preset other than the playground, a scenario
// file, a link built on one) clones it instead of deploying about fifteen contracts in the page. Each is
// fetched when a load first needs it; a failed fetch leaves the load to deploy (protocol/boot.ts).
import { TEMPLATE_PRESETS, templateKey, useTemplateImages, type TemplateImage } from '../protocol/boot.ts';
import { resolveConfig } from '../protocol/scenario-config.ts';

const files = import.meta.glob<TemplateImage>('./images/templates/*.json', { import: 'default' });

const presets = new Map(TEMPLATE_PRESETS.map((p) => [templateKey(resolveConfig({ preset: p })), p]));

/** The prebuilt template of a configuration's key, fetched; none for a configuration no preset has. */
export function templateSource(key: string): Promise<TemplateImage> | undefined {
  const preset = presets.get(key);
  return preset === undefined ? undefined : files[`./images/templates/${preset}.json`]?.();
}

/** Boots in this context start from the prebuilt templates where one fits their configuration. */
export function installTemplateImages(): void {
  useTemplateImages(templateSource);
}
