// Bundles the web host (`npm run web`) with esbuild, so it starts without compiling TypeScript:
//   electron/web-host/main.ts -> dist-web/web-host.mjs (ESM, Node; package.json dependencies stay external)
//   dist-web/chunks/           the core, loaded after the host listens (split at main.ts's dynamic imports)
//   dist-web/inputs.json       the source files it was built from: scripts/web.mjs runs the bundle only while
//                              none of them is newer (otherwise the sources through tsx; never stale code).
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultWebOutdir = path.join(root, 'dist-web');

function dependencyExternals() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const deps = Object.keys(pkg.dependencies ?? {});
  // vite: only `--dev` imports it, and `--dev` always runs from the sources.
  return ['electron', 'vite', ...deps, ...deps.map((d) => `${d}/*`)];
}

/**
 * @param {{ outdir?: string }} [opts]
 * @returns {Promise<{ bundle: string, inputs: number }>}
 */
export async function buildWeb(opts = {}) {
  const outdir = opts.outdir ?? defaultWebOutdir;
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const bundle = path.join(outdir, 'web-host.mjs');
  const result = await build({
    entryPoints: { 'web-host': path.join(root, 'electron', 'web-host', 'main.ts') },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    external: dependencyExternals(),
    // Bundled CommonJS code (if any) may still call require(): give ESM one.
    banner: { js: "import { createRequire as __kalmCreateRequire } from 'node:module'; const require = __kalmCreateRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  inputs.push('package.json', 'scripts/build-web.mjs');
  writeFileSync(path.join(outdir, 'inputs.json'), JSON.stringify(inputs) + '\n');
  return { bundle, inputs: inputs.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb().then(
    ({ bundle, inputs }) => console.log(`built ${path.relative(root, bundle)} from ${inputs} files`),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
