#!/usr/bin/env node
// The published command. It runs the bundle `npm install` built (src/cli/build-cli.mjs), which starts in a
// fraction of a second; while developing, when the bundle is missing or older than any source file, it runs
// the TypeScript sources through tsx instead, so an edit is never run stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = `${root}build/cli/restaking-sandbox.mjs`;

/** The newest modification time under a folder (the sources the bundle was built from). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const fresh =
  process.env.RESTAKING_SANDBOX_TSX === undefined &&
  existsSync(bundle) &&
  statSync(bundle).mtimeMs >= newest(`${root}src`);
let main;
if (fresh) ({ main } = await import(bundle));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
