// Bundles the Electron shell with esbuild:
//   electron/main.ts    -> dist-electron/main.mjs    (ESM, Node; electron and package.json dependencies stay external)
//   electron/preload.ts -> dist-electron/preload.cjs (CommonJS: sandboxed preloads cannot use ESM; only electron external)
// window.ts finds preload.cjs next to main.mjs and the renderer in ../dist/renderer.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dependencyExternals } from './node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MAIN_OUT = 'main.mjs';
export const PRELOAD_OUT = 'preload.cjs';
export const defaultOutdir = path.join(root, 'dist-electron');

/** @returns {string[]} */

/**
 * The publisher's Google OAuth client as esbuild constants (electron/core/sources/google/built-in-client.ts reads them).
 * `npm run dist` passes the client from KALM_GOOGLE_CLIENT_ID / KALM_GOOGLE_CLIENT_SECRET; every other build bakes in none.
 * @param {{ clientId: string, clientSecret: string } | null | undefined} client
 * @returns {Record<string, string>}
 */
export function publisherClientDefine(client) {
  return { __KALM_PUBLISHER_GOOGLE_CLIENT__: JSON.stringify(client?.clientId ? { clientId: client.clientId, clientSecret: client.clientSecret ?? '' } : null) };
}

/**
 * @param {{ outdir?: string, minify?: boolean, publisherClient?: { clientId: string, clientSecret: string } | null }} [opts]
 * @returns {Promise<{ main: string, preload: string }>}
 */
export async function buildElectron(opts = {}) {
  const outdir = opts.outdir ?? defaultOutdir;
  await rm(outdir, { recursive: true, force: true });
  const [mainOptions, preloadOptions] = electronBuildOptions(opts);
  await Promise.all([build(mainOptions), build(preloadOptions)]);
  return { main: mainOptions.outfile, preload: preloadOptions.outfile };
}

/**
 * esbuild's options for the main process and the preload (npm run dev watches the same ones).
 * @param {{ outdir?: string, minify?: boolean, publisherClient?: { clientId: string, clientSecret: string } | null }} [opts]
 * @returns {[import('esbuild').BuildOptions & { outfile: string }, import('esbuild').BuildOptions & { outfile: string }]}
 */
export function electronBuildOptions(opts = {}) {
  const outdir = opts.outdir ?? defaultOutdir;
  const minify = opts.minify ?? false;
  const common = { bundle: true, sourcemap: false, legalComments: 'none', logLevel: 'warning', minify, absWorkingDir: root };
  return [
    {
      ...common,
      entryPoints: [path.join(root, 'electron', 'main.ts')],
      outfile: path.join(outdir, MAIN_OUT),
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: dependencyExternals(),
      define: publisherClientDefine(opts.publisherClient),
      // Bundled CommonJS code (if any) may still call require(): give ESM one.
      banner: { js: "import { createRequire as __kalmCreateRequire } from 'node:module'; const require = __kalmCreateRequire(import.meta.url);" },
    },
    {
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      outfile: path.join(outdir, PRELOAD_OUT),
      // A sandboxed preload has no Node: build for the browser so any node:* import fails here, not at run time.
      platform: 'browser',
      format: 'cjs',
      target: 'chrome140',
      external: ['electron'],
      // The contract's zod schemas (and zod's locales) come along; minified it loads faster on every page load.
      minify: true,
    },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdirArg = process.argv.indexOf('--outdir');
  const outdir = outdirArg > 0 && process.argv[outdirArg + 1] ? path.resolve(process.argv[outdirArg + 1]) : undefined;
  buildElectron({ outdir }).then(
    ({ main, preload }) => console.log(`built ${path.relative(root, main)} and ${path.relative(root, preload)}`),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
