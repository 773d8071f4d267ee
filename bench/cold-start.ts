// Cold start (issue 24): from launching the web host the way `npm run web` does (scripts/web.mjs, which runs the
// dist-web bundle) on a 100,000-review folder to the first inbox rows painted in Chromium; and when the page first
// painted anything. The same launch from the TypeScript sources through tsx (as before the bundle) is measured in
// the same run, alternating with it, as the baseline.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { currentBundle } from '../bin/bundle-check.js';
import { RECORD_FIRST_ROWS, startHost, writeChain } from './inbox';

const root = fileURLToPath(new URL('..', import.meta.url));
const STARTS = 3;
const round = (n: number): number => Math.round(n);

/** What `npm run web` builds before it launches: the renderer (when missing) and the web host bundle (when stale). */
async function buildLikeNpmRunWeb(): Promise<void> {
  const run = promisify(execFile);
  if (!existsSync(join(root, 'dist/renderer/index.html'))) {
    await run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root });
  }
  if (currentBundle(root, 'dist-web', 'web-host.mjs') === null) await run(process.execPath, [join(root, 'scripts/build-web.mjs')], { cwd: root });
}

/** One launch: milliseconds from spawning the host to the first rows and to the first contentful paint. */
async function launchOnce(browser: Browser, dir: string, fromSource: boolean): Promise<{ rows: number; paint: number }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  await page.addInitScript(RECORD_FIRST_ROWS);
  const launched = Date.now();
  const host = await startHost(dir, { fromSource });
  try {
    await page.goto(host.url, { waitUntil: 'commit' });
    await page.waitForFunction('window.__firstRows !== null', null, { timeout: 120_000 });
    const [origin, firstRows, firstPaint] = (await page.evaluate(
      `[performance.timeOrigin, window.__firstRows, (performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime]`,
    )) as [number, number, number];
    return { rows: origin + firstRows - launched, paint: origin + firstPaint - launched };
  } finally {
    await page.close();
    await host.stop();
  }
}

export async function benchColdStart(): Promise<Record<string, number>> {
  await buildLikeNpmRunWeb();
  const dir = await mkdtemp(join(tmpdir(), 'kalm-bench-cold-'));
  const browser = await chromium.launch({ executablePath: process.env.KALM_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await writeChain(dir, 100_000, 200);
    const bundled: { rows: number; paint: number }[] = [];
    const source: { rows: number; paint: number }[] = [];
    // Alternating, so both see the same machine load.
    for (let i = 0; i < STARTS; i++) {
      bundled.push(await launchOnce(browser, dir, false));
      source.push(await launchOnce(browser, dir, true));
    }
    const best = (xs: number[]): number => Math.min(...xs);
    const rows = best(bundled.map((s) => s.rows));
    const sourceRows = best(source.map((s) => s.rows));
    return {
      cold_start_first_rows_ms: round(rows),
      cold_start_first_paint_ms: round(best(bundled.map((s) => s.paint))),
      cold_start_source_first_rows_ms: round(sourceRows),
      cold_start_source_first_paint_ms: round(best(source.map((s) => s.paint))),
      cold_start_source_ratio: Math.round((sourceRows / rows) * 100) / 100,
    };
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
