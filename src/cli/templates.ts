// The protocol's deployment for each preset's default configuration, kept as images beside the bundle, so a
// `run` starts from a clone of it instead of deploying a dozen contracts (most of a small run's time). The
// bundle that reads the file is the bundle that wrote it (`build-cli.mjs` writes both at once, and the file
// names the bundle's build), so a file left by another build is ignored, never trusted.
import { readFileSync, writeFileSync } from 'node:fs';
import { presetTemplateImages, useTemplateImages, type TemplateImage } from '../protocol/boot.ts';

const FORMAT = 'restaking-sandbox/cli-templates@1';

interface TemplatesFile {
  format: string;
  /** The bundle build that wrote the file. */
  build: string;
  templates: TemplateImage[];
}

/** Deploys each preset's default configuration and writes the templates to `file`; returns how many. */
export async function writeTemplates(file: URL, build: string): Promise<number> {
  const templates = await presetTemplateImages();
  const out: TemplatesFile = { format: FORMAT, build, templates };
  writeFileSync(file, JSON.stringify(out));
  return templates.length;
}

/**
 * Boots start from the templates in `file` when it was written by `build` (read on the first boot, once).
 * A missing, unreadable or foreign file only means the boot deploys, as it would without one.
 */
export function useTemplatesFile(file: URL, build: string): void {
  let byKey: Map<string, TemplateImage> | undefined;
  useTemplateImages((key) => {
    if (byKey === undefined) {
      byKey = new Map();
      try {
        const read = JSON.parse(readFileSync(file, 'utf8')) as Partial<TemplatesFile>;
        if (read.format === FORMAT && read.build === build && Array.isArray(read.templates))
          for (const t of read.templates) byKey.set(t.key, t);
      } catch {
        // no usable file: deploy
      }
    }
    return byKey.get(key);
  });
}
