// Starts the web host (`npm run web`). It runs the bundle `npm run build` / `npm run web` makes
// (dist-web/web-host.mjs: no TypeScript to compile at launch) while that bundle is newer than every source file
// it was built from; otherwise (no build yet, or a source changed since) the TypeScript sources through tsx, so it
// never runs stale code. `--dev` (Vite's dev server) and KALM_WEB_FROM_SOURCE=1 always run the sources.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentBundle } from '../bin/bundle-check.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromSource = process.env.KALM_WEB_FROM_SOURCE === '1' || process.argv.includes('--dev');
const bundle = fromSource ? null : currentBundle(root, 'dist-web', 'web-host.mjs');

if (bundle !== null) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/web-host/main.ts');
}
