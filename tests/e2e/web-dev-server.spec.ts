import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { printedAddress } from './printed-address';
import { stopAndRemove } from './process-group';

/**
 * `npm run dev:web`: the web host with the renderer from Vite's dev server (hot reload). A developer
 * opens the printed address and gets the app, with Vite's client connected for hot reloads.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs an npm script in its own process group, so stopping it stops npm, tsx and the host together. */
const runScript = (script: string, dataDir: string, env: Record<string, string> = {}) =>
  spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', script, '--', '--port', '0', '--no-open'], {
    cwd: root, env: { ...process.env, KALM_DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });

test('npm run dev without the Electron binary says so in one sentence and runs the web host with hot reload', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'kalm-dev-'));
  const child = runScript('dev', dataDir, { ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron') });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm run dev printed no address:\n${output}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const m = /Kalm is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`npm run dev exited with ${code}:\n${output}`)));
    });
    expect(output).toMatch(/^Kalm: npm run dev needs the Electron app, but the Electron binary is not at .*; starting the web host with hot reload instead \(npm run dev:web\)\.$/m);
    await page.goto(url);
    await expect(page.getByRole('heading', { name: /inbox/i }).first()).toBeVisible({ timeout: 45_000 });
  } finally {
    await stopAndRemove(child, dataDir);
  }
});

test('npm run dev:web serves the app with hot reload', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'kalm-dev-web-'));
  const child = runScript('dev:web', dataDir);
  try {
    const { url } = await printedAddress(child, 'npm run dev:web', 60_000);
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    const hmrSocket = page.waitForEvent('websocket', { timeout: 30_000 });
    await page.goto(url);
    // The source modules come from Vite (not the built bundle), and its hot-reload client connects.
    await expect(page.getByRole('heading', { name: /inbox/i }).first()).toBeVisible({ timeout: 45_000 });
    expect((await hmrSocket).url()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    const fromSource = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/main.tsx')));
    expect(fromSource).toBe(true);
    expect(problems).toEqual([]);
  } finally {
    await stopAndRemove(child, dataDir);
  }
});
