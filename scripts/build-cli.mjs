// Bundles the `kalm` command line with esbuild, so it starts without compiling TypeScript:
//   electron/cli/main.ts -> dist-cli/kalm.mjs (ESM, Node; package.json dependencies stay external)
//   dist-cli/inputs.json   the source files it was built from: bin/kalm.js runs the bundle only while
//                          none of them is newer (otherwise it runs the sources through tsx; never stale code).
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultCliOutdir = path.join(root, 'dist-cli');

function dependencyExternals() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const deps = Object.keys(pkg.dependencies ?? {});
  return ['electron', ...deps, ...deps.map((d) => `${d}/*`)];
}

/**
 * @param {{ outdir?: string }} [opts]
 * @returns {Promise<{ bundle: string, inputs: number }>}
 */
export async function buildCli(opts = {}) {
  const outdir = opts.outdir ?? defaultCliOutdir;
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const bundle = path.join(outdir, 'kalm.mjs');
  const result = await build({
    // Split: a command loads only the chunks it needs (the read commands never load the core).
    entryPoints: { kalm: path.join(root, 'electron', 'cli', 'main.ts') },
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
  inputs.push('package.json', 'scripts/build-cli.mjs');
  writeFileSync(path.join(outdir, 'inputs.json'), JSON.stringify(inputs) + '\n');
  return { bundle, inputs: inputs.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().then(
    ({ bundle, inputs }) => console.log(`built ${path.relative(root, bundle)} from ${inputs} files`),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
