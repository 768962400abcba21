// Node-side file access for the Solidity build: reads the miniatures and resolves OpenZeppelin imports.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTRACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'chain', 'contracts');
export const ARTIFACTS_FILE = join(CONTRACTS_DIR, 'artifacts.json');
export const ABIS_FILE = join(CONTRACTS_DIR, 'abis.json');

const require = createRequire(import.meta.url);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.sol') ? [join(dir, e.name)] : [],
  );
}

/** Every .sol file under src/chain/contracts, keyed by its path relative to that folder. */
export function readSources(): Record<string, string> {
  const files = walk(CONTRACTS_DIR).sort();
  return Object.fromEntries(
    files.map((f) => [relative(CONTRACTS_DIR, f).split(sep).join('/'), readFileSync(f, 'utf8')]),
  );
}

/** Resolves `@openzeppelin/...` from node_modules and relative paths inside the contracts folder. */
export function resolveImport(path: string): string | undefined {
  if (path.startsWith('@')) return readFileSync(require.resolve(path), 'utf8');
  const local = join(CONTRACTS_DIR, path);
  return existsSync(local) ? readFileSync(local, 'utf8') : undefined;
}

export async function loadSolc(): Promise<{
  compile: (input: string, cb?: object) => string;
  version: () => string;
}> {
  const mod = (await import('solc')) as {
    default: { compile: (i: string, c?: object) => string; version: () => string };
  };
  return mod.default;
}
