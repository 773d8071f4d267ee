import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

/**
 * What app.asar would contain besides the built files: electron-builder copies every production
 * dependency (and their dependencies) of package.json. Vite already bundled the renderer, so its
 * libraries and every build tool must stay in devDependencies.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Renderer-only libraries (bundled by Vite) and build tools: none of them may ship in app.asar. */
const NOT_IN_APP = [
  'react', 'react-dom', 'react-is', 'i18next', 'react-i18next', 'recharts', '@tanstack/react-virtual', '@reduxjs/toolkit', 'redux', 'immer',
  'tsx', 'esbuild', 'vite', 'rolldown', 'typescript', 'electron', 'electron-builder', 'app-builder-lib', 'electron-vite', 'eslint', 'vitest',
  '@vitejs/plugin-react', '@playwright/test', 'playwright', 'jsdom', 'googleapis', '@resvg/resvg-js', 'png2icons',
];

/** The production package tree as npm resolves it (what electron-builder's collector walks). */
function productionPackages(): string[] {
  const out = execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
  const names = new Set<string>();
  for (const line of out.split('\n')) {
    const at = line.lastIndexOf(`node_modules${path.sep}`);
    if (at >= 0) names.add(line.slice(at + 'node_modules/'.length).split(path.sep).join('/'));
  }
  return [...names].sort();
}

/** Bare module names imported by the Node side (main process, core, CLI, web host). */
function importedByNodeSide(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|mts)$/.test(entry.name)) {
        for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'([^'.][^']*)'/g)) {
          const spec = m[1] ?? '';
          if (spec.startsWith('node:')) continue;
          found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
        }
      }
    }
  };
  walk(path.join(root, 'electron'));
  walk(path.join(root, 'shared'));
  return found;
}

describe('what app.asar would contain', () => {
  const shipped = productionPackages();

  it('has no renderer-only library and no build tool', () => {
    expect(shipped.length).toBeGreaterThan(5);
    const offenders = shipped.filter((name) => NOT_IN_APP.includes(name));
    expect(offenders, `move these to devDependencies: ${offenders.join(', ')}`).toEqual([]);
  });

  it('ships the main process its own few libraries, each of which it imports', () => {
    const imported = importedByNodeSide();
    for (const dep of Object.keys(pkg.dependencies)) expect(imported.has(dep), `${dep} is a dependency but nothing in electron/ or shared/ imports it`).toBe(true);
    for (const needed of ['zod', 'google-auth-library', 'papaparse', 'fflate', 'tinyld', 'electron-updater', 'electron-log']) expect(shipped).toContain(needed);
  });

  it('keeps every renderer library in devDependencies (Vite bundles them)', () => {
    for (const lib of ['react', 'react-dom', 'i18next', 'react-i18next', 'recharts', '@tanstack/react-virtual', 'tsx']) {
      expect(pkg.devDependencies[lib], lib).toBeDefined();
      expect(pkg.dependencies[lib], lib).toBeUndefined();
    }
  });
});

describe('installer size', () => {
  const binary = findElectronBinary();
  const reason = 'reason' in binary ? binary.reason : '';
  if (reason) console.log(`installer size skipped: npm run dist -- --dir needs the Electron binary: ${reason}`);

  it.skipIf(reason !== '')('npm run dist -- --dir builds an unpacked app and reports its size', () => {
    const run = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'dist', '--', '--dir'], { cwd: root, encoding: 'utf8', timeout: 15 * 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const release = path.join(root, 'release');
    const unpacked = readdirSync(release).find((d) => d.endsWith('-unpacked'));
    expect(unpacked).toBeDefined();
    const asar = path.join(release, unpacked ?? '', 'resources', 'app.asar');
    const sizeOf = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((sum, e) => sum + sizeOf(path.join(p, e)), 0) : statSync(p).size);
    const total = sizeOf(path.join(release, unpacked ?? ''));
    console.log(`installer size: app.asar ${(statSync(asar).size / 1e6).toFixed(1)} MB, unpacked app ${(total / 1e6).toFixed(1)} MB`);
    expect(statSync(asar).size).toBeLessThan(40e6);
  }, 16 * 60_000);
});
