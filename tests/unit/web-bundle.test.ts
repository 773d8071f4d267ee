import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web.mjs';
import { currentBundle } from '../../bin/bundle-check.js';
import { ROOT, runNode } from './run-kalm';

describe('scripts/web.mjs: the web host bundle (dist-web/) runs only while it is current', () => {
  let root: string;
  const at = (file: string, seconds: number) => utimesSync(path.join(root, file), seconds, seconds);
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kalm-web-bundle-check-'));
    mkdirSync(path.join(root, 'dist-web'));
    writeFileSync(path.join(root, 'main.ts'), 'm');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives the bundle while it is newer than every input, null before a build or once an input is newer', () => {
    expect(currentBundle(root, 'dist-web', 'web-host.mjs')).toBeNull();
    writeFileSync(path.join(root, 'dist-web', 'web-host.mjs'), '');
    writeFileSync(path.join(root, 'dist-web', 'inputs.json'), JSON.stringify(['main.ts']));
    at('main.ts', 1_000);
    at('dist-web/web-host.mjs', 2_000);
    expect(currentBundle(root, 'dist-web', 'web-host.mjs')).toBe(path.join(root, 'dist-web', 'web-host.mjs'));
    at('main.ts', 3_000);
    expect(currentBundle(root, 'dist-web', 'web-host.mjs')).toBeNull();
  });
});

/** Starts a web host script, waits for its URL line; resolves with the URL and a stop function. */
function startHostScript(script: string, dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [script, '--port', '0', '--no-open'], { cwd: ROOT, env: { ...process.env, KALM_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Kalm is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (m?.[1]) {
        const url = m[1];
        resolve({ url, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM')))) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the web host exited with ${code}:\n${output}`)));
  });
}

describe('the web host bundle behaves like the sources', () => {
  // A checkout-like folder: the bundle in dist-web/, a renderer in dist/renderer/, the project's node_modules.
  let checkout: string;
  let outdir: string;
  let dataDir: string;
  beforeAll(async () => {
    checkout = mkdtempSync(path.join(tmpdir(), 'kalm-web-bundle-'));
    outdir = path.join(checkout, 'dist-web');
    mkdirSync(path.join(checkout, 'dist', 'renderer'), { recursive: true });
    writeFileSync(path.join(checkout, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Kalm test page</title>');
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
    writeFileSync(path.join(checkout, 'package.json'), readFileSync(path.join(ROOT, 'package.json')));
    dataDir = mkdtempSync(path.join(tmpdir(), 'kalm-web-bundle-data-'));
    await buildWeb({ outdir });
  });
  afterAll(() => {
    rmSync(checkout, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every source file it was built from and keeps the core out of the first file it loads', () => {
    const inputs = JSON.parse(readFileSync(path.join(outdir, 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('electron/web-host/main.ts');
    expect(inputs).toContain('electron/core/create-kalm.ts');
    expect(inputs).toContain('package.json');
    expect(inputs.some((f) => f.includes('node_modules'))).toBe(false);
    // The core is a chunk loaded after the host listens (so the page is served at once).
    expect(readFileSync(path.join(outdir, 'web-host.mjs'), 'utf8')).not.toContain('function createKalm');
    expect(readdirSync(path.join(outdir, 'chunks')).some((f) => f.startsWith('create-kalm-'))).toBe(true);
  });

  it('prints the same help and the same message for a bad port as the TypeScript sources', async () => {
    for (const args of [['--help'], ['--port', 'x']]) {
      const [a, b] = await Promise.all([
        runNode(['--import', 'tsx', 'electron/web-host/main.ts', ...args], {}),
        runNode([path.join(outdir, 'web-host.mjs'), ...args], {}),
      ]);
      expect(b.code).toBe(a.code);
      expect(b.stdout).toBe(a.stdout);
      expect(b.stderr).toBe(a.stderr);
    }
  });

  it('serves the built renderer next to it and answers calls once the store has loaded', async () => {
    const host = await startHostScript(path.join(outdir, 'web-host.mjs'), dataDir);
    try {
      const base = host.url.split('#')[0] ?? '';
      const page = await fetch(base);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Kalm test page');
      // The first call waits for the store (a fresh folder: the demo is loaded on first run).
      const token = host.url.split('#token=')[1] ?? '';
      const res = await fetch(`${base}api/workspace.get`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
      const body = (await res.json()) as { ok: boolean; value?: { demo: boolean; reviewCount: number } };
      expect(body.ok).toBe(true);
      expect(body.value?.demo).toBe(true);
      expect(body.value?.reviewCount).toBeGreaterThan(0);
    } finally {
      await host.stop();
    }
  });
});
