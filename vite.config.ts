import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const root = here('.');

/** Every file under a folder of the project, relative to the project ('/'-separated). */
const filesUnder = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));

/**
 * dist/renderer/inputs.json: the files the build was made from (the modules it bundled, everything under
 * renderer/ — CSS @imports and public files included — and the build's own configuration), so `npm run web`
 * rebuilds only when one of them is newer than the build (scripts/build-if-stale.mjs; the CLI bundle's rule).
 */
const buildInputs: Plugin = {
  name: 'kalm-build-inputs',
  apply: 'build',
  writeBundle(output) {
    const modules = [...this.getModuleIds()]
      .map((id) => id.split('?')[0] ?? '')
      .filter((id) => path.isAbsolute(id) && !id.includes('node_modules') && id.startsWith(root))
      .map((id) => path.relative(root, id).split(path.sep).join('/'));
    const inputs = [...new Set([...modules, ...filesUnder('renderer'), 'vite.config.ts', 'package.json', 'tsconfig.json'])].sort();
    writeFileSync(path.join(output.dir ?? here('./dist/renderer'), 'inputs.json'), JSON.stringify(inputs) + '\n');
  },
};

/**
 * Development only (npm run dev, npm run dev:web): Vite's hot reload injects an inline script (React Refresh) and
 * inline <style> tags, which the page's strict CSP refuses. The built app keeps the strict CSP.
 */
const devCsp: Plugin = {
  name: 'kalm-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      // npm run dev (Electron): the page is app://kalm, its hot-reload socket is Vite's on 127.0.0.1.
      .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:*"),
};

/** Builds the renderer once; the same files are loaded by Electron and served by the web host. */
export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react(), devCsp, buildInputs],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
