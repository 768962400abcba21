#!/usr/bin/env node
// The published command. It runs the TypeScript sources through tsx so `npx restaking-sandbox` works right
// after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
