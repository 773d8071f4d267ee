// Bundles the web host (`npm run web`) with esbuild, so it starts without compiling TypeScript:
//   electron/web-host/main.ts -> dist-web/web-host.mjs (ESM, Node; package.json dependencies stay external)
//   dist-web/chunks/           the core, loaded after the host listens (split at main.ts's dynamic imports)
//   dist-web/inputs.json       the source files it was built from: scripts/web.mjs runs the bundle only while
//                              none of them is newer (otherwise the sources through tsx; never stale code).
import path from 'node:path';
import { bundleNodeEntry, root, runWhenMain } from './node-bundle.mjs';

export const defaultWebOutdir = path.join(root, 'dist-web');

/**
 * @param {{ outdir?: string }} [opts]
 * @returns {Promise<{ bundle: string, inputs: number }>}
 */
export function buildWeb(opts = {}) {
  // vite: only `--dev` imports it, and `--dev` always runs from the sources.
  return bundleNodeEntry({ name: 'web-host', entry: 'electron/web-host/main.ts', outdir: opts.outdir ?? defaultWebOutdir, script: 'scripts/build-web.mjs', external: ['vite'] });
}

runWhenMain(import.meta.url, buildWeb);
