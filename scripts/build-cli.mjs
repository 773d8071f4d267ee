// Bundles the `kalm` command line with esbuild, so it starts without compiling TypeScript:
//   electron/cli/main.ts -> dist-cli/kalm.mjs (ESM, Node; package.json dependencies stay external)
//   dist-cli/chunks/       split at dynamic imports: a command loads only what it needs (read commands never load the core)
//   dist-cli/inputs.json   the source files it was built from: bin/kalm.js runs the bundle only while
//                          none of them is newer (otherwise it runs the sources through tsx; never stale code).
import path from 'node:path';
import { bundleNodeEntry, root, runWhenMain } from './node-bundle.mjs';

export const defaultCliOutdir = path.join(root, 'dist-cli');

/**
 * @param {{ outdir?: string }} [opts]
 * @returns {Promise<{ bundle: string, inputs: number }>}
 */
export function buildCli(opts = {}) {
  return bundleNodeEntry({ name: 'kalm', entry: 'electron/cli/main.ts', outdir: opts.outdir ?? defaultCliOutdir, script: 'scripts/build-cli.mjs' });
}

runWhenMain(import.meta.url, buildCli);
