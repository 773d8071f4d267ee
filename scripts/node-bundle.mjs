// One esbuild set-up for Kalm's Node bundles (the `kalm` command, the web host): ESM for Node 20, split at
// dynamic imports, package.json dependencies left external, and an inputs.json that lists the source files
// each bundle was built from, so its launcher runs the bundle only while none of them is newer.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** electron, every production dependency (and its subpaths), and any `extra` module name. */
export function dependencyExternals(extra = []) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const deps = Object.keys(pkg.dependencies ?? {});
  return ['electron', ...extra, ...deps, ...deps.map((d) => `${d}/*`)];
}

/**
 * Bundles `entry` (relative to the project) into `outdir/<name>.mjs` with its chunks in `outdir/chunks/`.
 * @param {{ name: string, entry: string, outdir: string, script: string, external?: string[] }} opts
 * @returns {Promise<{ bundle: string, inputs: number }>}
 */
export async function bundleNodeEntry({ name, entry, outdir, script, external = [] }) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: { [name]: path.join(root, entry) },
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
    external: dependencyExternals(external),
    // Bundled CommonJS code (if any) may still call require(): give ESM one.
    banner: { js: "import { createRequire as __kalmCreateRequire } from 'node:module'; const require = __kalmCreateRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  inputs.push('package.json', 'scripts/node-bundle.mjs', script);
  writeFileSync(path.join(outdir, 'inputs.json'), JSON.stringify(inputs) + '\n');
  return { bundle: path.join(outdir, `${name}.mjs`), inputs: inputs.length };
}

/** Runs `builder` when `moduleUrl` is the script node was started with, printing one line. */
export function runWhenMain(moduleUrl, builder) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  builder().then(
    ({ bundle, inputs }) => console.log(`built ${path.relative(root, bundle)} from ${inputs} files`),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
