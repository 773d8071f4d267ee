#!/usr/bin/env node
// The installed `kalm` command. It runs the bundle `npm install` (prepare) and `npm run build` make (dist-cli/kalm.mjs: starts in a
// fraction of a second) while that bundle is newer than every source file it was built from; otherwise
// (no build yet, or a source changed since) the TypeScript sources through tsx, so it never runs stale code.
// KALM_CLI_FROM_SOURCE=1 always runs the sources.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentCliBundle } from './bundle-check.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = process.env.KALM_CLI_FROM_SOURCE === '1' ? null : currentCliBundle(root);

if (bundle !== null) {
  await import(pathToFileURL(bundle).href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('kalm: the command is not built and tsx is not installed; run `npm install` (it builds the command) or `npm run build:cli`.\n');
    process.exit(1);
  }
  register();
  await import('../electron/cli/main.ts');
}
