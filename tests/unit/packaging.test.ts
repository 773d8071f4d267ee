import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { buildElectron, defaultOutdir, MAIN_OUT, PRELOAD_OUT } from '../../scripts/build-electron.mjs';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { tempDataDir } from './helpers';

vi.mock('electron', () => ({ BrowserWindow: vi.fn(), nativeTheme: {}, protocol: {}, shell: {} }));

const { MAIN_FILE, PRELOAD_FILE } = await import('../../electron/window');

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder (no types of its own); only `load` is used.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string };
  files?: string[];
  linux?: { target?: string[]; category?: string; maintainer?: string };
  win?: { target?: string[] };
  mac?: { target?: string[]; category?: string };
}

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

/** The folders `npm run build` writes: vite's outDir and build-electron's outdir. */
const builtFolders = ['dist/renderer', path.relative(root, defaultOutdir).split(path.sep).join('/')];

describe('electron-builder.yml', () => {
  it('names the app and its targets', () => {
    expect(config.appId).toBe('nl.kalm.app');
    expect(config.productName).toBe('Kalm');
    expect(config.directories?.output).toBe('release');
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/\S+ <\S+@\S+>/);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.business');
  });

  it('ships only what `npm run build` produces, plus package.json', () => {
    expect(builtFolders).toEqual(['dist/renderer', 'dist-electron']);
    expect(readFileSync(path.join(root, 'vite.config.ts'), 'utf8')).toContain('./dist/renderer');
    expect(pkg.scripts['build']).toMatch(/build:renderer/);
    expect(pkg.scripts['build']).toMatch(/build:electron/);
    expect(pkg.scripts['build:electron']).toContain('scripts/build-electron.mjs');
    const files = config.files ?? [];
    expect(files).toContain('package.json');
    for (const glob of files.filter((f) => f !== 'package.json')) {
      const base = glob.replace(/\/\*\*(\/\*)?$/, '');
      expect(builtFolders, glob).toContain(base);
    }
    expect(files).toHaveLength(3);
  });

  const configModule = (() => {
    try {
      return require.resolve('app-builder-lib/out/util/config/config.js');
    } catch {
      return null;
    }
  })();

  it.skipIf(configModule === null)("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require(configModule ?? '') as { validateConfiguration(c: unknown, log: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});

describe('built file names', () => {
  it('package.json main, window.ts and the build script agree', () => {
    expect(MAIN_OUT).toBe(MAIN_FILE);
    expect(PRELOAD_OUT).toBe(PRELOAD_FILE);
    expect(pkg.main).toBe(`dist-electron/${MAIN_OUT}`);
  });

  it('build-electron writes an ESM main and a CommonJS preload that needs only electron', async () => {
    const outdir = path.join(await tempDataDir(), 'dist-electron');
    const built = await buildElectron({ outdir });
    expect(built.main).toBe(path.join(outdir, MAIN_FILE));
    expect(built.preload).toBe(path.join(outdir, PRELOAD_FILE));
    const main = readFileSync(built.main, 'utf8');
    const preload = readFileSync(built.preload, 'utf8');
    expect(main).toMatch(/from\s*["']electron["']/);
    expect(main).not.toMatch(/\brequire\(["']electron["']\)/);
    // Dependencies stay external: zod is imported, not bundled.
    expect(main).not.toContain('node_modules/zod');
    const required = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/\bimport\.meta\b/);
    expect(preload).toContain('exposeInMainWorld');
  });
});

describe('findElectronBinary', () => {
  it('gives a readable reason instead of downloading when the binary is missing', async () => {
    const fakeRoot = await tempDataDir();
    const noPackage = findElectronBinary({ root: fakeRoot, env: {} });
    expect(noPackage).toEqual({ reason: expect.stringMatching(/not installed/) });
    const real = findElectronBinary({ root, env: {} });
    if ('path' in real) expect(existsSync(real.path)).toBe(true);
    else expect(real.reason).toMatch(/Electron binary is not installed.*cannot be downloaded/);
    const override = findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(fakeRoot, 'nope') } });
    expect(override).toEqual({ reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH') });
  });
});
