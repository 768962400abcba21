// Bundles the command into one file (build/cli/restaking-sandbox.mjs, or the path given) so it starts at once:
// no TypeScript compiled at start-up and one module to load instead of hundreds. Runs on `npm install` /
// `npm ci` (postinstall) and with `npm run cli`; bin.js falls back to the sources through tsx when the bundle
// is missing or older than them. HiGHS stays outside: it finds its WebAssembly file beside its own module.
// Then the new bundle deploys the protocol once per preset and writes it beside itself
// (`<bundle>.templates.json`, `templates.ts`), so a run clones a deployment instead of making one.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const outfile = resolve(process.argv[2] ?? 'build/cli/restaking-sandbox.mjs');
const templates = outfile.replace(/\.m?js$/, '') + '.templates.json';

let esbuild;
try {
  esbuild = await import('esbuild'); // Vite's own bundler; absent only in a production-only install
} catch {
  console.warn(
    'restaking-sandbox: esbuild is not installed, so the command runs from its sources (slower start)',
  );
  process.exit(0);
}

rmSync(templates, { force: true }); // a file from an earlier build is never read, but need not linger either
await esbuild.build({
  entryPoints: ['src/cli/bundle.ts'],
  outfile,
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['highs'],
  define: { CLI_BUILD: JSON.stringify(randomUUID()) },
  // Some dependencies still call require() for Node built-ins; an ES module bundle needs it defined.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});

try {
  const { buildTemplates } = await import(pathToFileURL(outfile).href);
  await buildTemplates();
} catch (e) {
  // Without templates every run deploys first: slower, never wrong.
  console.warn(`restaking-sandbox: could not write the deployment templates (${e}); runs will deploy first`);
}
