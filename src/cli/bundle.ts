// The bundle's entry (`build-cli.mjs`): the command, starting from the templates the bundle wrote beside
// itself when it was built (`templates.ts`). The sources, run through tsx while developing, deploy instead:
// an edited contract must never meet an image of the old one.
import { processIo, type Io } from './io.ts';
import { main as command } from './main.ts';
import { useTemplatesFile, writeTemplates } from './templates.ts';

/** A fresh id per build, set by esbuild's `define`. */
declare const CLI_BUILD: string;

const TEMPLATES = new URL(import.meta.url.replace(/\.m?js$/, '') + '.templates.json');

export function main(args: readonly string[], io: Io = processIo): Promise<number> {
  useTemplatesFile(TEMPLATES, CLI_BUILD);
  return command(args, io);
}

/** Writes the templates file for this very bundle (run once by `build-cli.mjs`). */
export function buildTemplates(): Promise<number> {
  return writeTemplates(TEMPLATES, CLI_BUILD);
}
