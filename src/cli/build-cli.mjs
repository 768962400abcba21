// Bundles the command into one file (build/cli/restaking-sandbox.mjs, or the path given) so it starts at once:
// no TypeScript compiled at start-up and one module to load instead of hundreds. Runs on `npm install` /
// `npm ci` (postinstall) and with `npm run cli`; bin.js falls back to the sources through tsx when the bundle
// is missing or older than them. HiGHS stays outside: it finds its WebAssembly file beside its own module.
const outfile = process.argv[2] ?? 'build/cli/restaking-sandbox.mjs';

let esbuild;
try {
  esbuild = await import('esbuild'); // Vite's own bundler; absent only in a production-only install
} catch {
  console.warn(
    'restaking-sandbox: esbuild is not installed, so the command runs from its sources (slower start)',
  );
  process.exit(0);
}

await esbuild.build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['highs'],
  // Some dependencies still call require() for Node built-ins; an ES module bundle needs it defined.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
