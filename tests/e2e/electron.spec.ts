import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

/**
 * The desktop app end to end. Needs the Electron binary, which cannot be
 * downloaded on every machine: without it the test is skipped, and says why.
 * Run after `npm run build` (npm run test:e2e does that).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary();
const reason = 'reason' in binary ? binary.reason : '';
if (reason) console.log(`electron e2e skipped: Electron binary not available: ${reason}`);

test.describe('Electron app', () => {
  test.skip(!('path' in binary), `Electron binary not available: ${reason}`);

  test('opens the Kalm window on the inbox', async () => {
    if (!('path' in binary)) return;
    const dataDir = await mkdtemp(join(tmpdir(), 'kalm-electron-e2e-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    env['KALM_DATA_DIR'] = dataDir;
    const app = await electron.launch({
      executablePath: binary.path,
      // Chromium refuses to start its OS sandbox as root (containers, CI); the page stays sandboxed by webPreferences.
      args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: root,
      env,
    });
    try {
      const window = await app.firstWindow();
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '')).toMatch(/Kalm/);
      await expect(window).toHaveURL(/^app:\/\/kalm\//);
      await expect(window.getByRole('heading', { name: /inbox/i }).first()).toBeVisible();
      // The page sees exactly one bridge object and no Node.
      const shape = await window.evaluate(() => ({
        kalm: Object.keys((window as unknown as { kalm?: object }).kalm ?? {}).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(shape).toEqual({ kalm: ['call', 'on'], require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
