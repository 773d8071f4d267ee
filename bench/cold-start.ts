// Cold start (issue 24): from launching the web host as `npm run web` does (tsx, no build of the host) on a
// 100,000-review folder to the first inbox rows painted in Chromium; and when the page first painted anything.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { RECORD_FIRST_ROWS, startHost, writeChain } from './inbox';

const root = fileURLToPath(new URL('..', import.meta.url));
const STARTS = 3;
const round = (n: number): number => Math.round(n);

export async function benchColdStart(): Promise<Record<string, number>> {
  if (!existsSync(join(root, 'dist/renderer/index.html'))) {
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root });
  }
  const dir = await mkdtemp(join(tmpdir(), 'kalm-bench-cold-'));
  const browser = await chromium.launch({ executablePath: process.env.KALM_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await writeChain(dir, 100_000, 200);
    const rows: number[] = [];
    const paints: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
      await page.addInitScript(RECORD_FIRST_ROWS);
      const launched = Date.now();
      const host = await startHost(dir);
      try {
        await page.goto(host.url, { waitUntil: 'commit' });
        await page.waitForFunction('window.__firstRows !== null', null, { timeout: 120_000 });
        const [origin, firstRows, firstPaint] = (await page.evaluate(
          `[performance.timeOrigin, window.__firstRows, (performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime]`,
        )) as [number, number, number];
        rows.push(origin + firstRows - launched);
        paints.push(origin + firstPaint - launched);
      } finally {
        await page.close();
        await host.stop();
      }
    }
    const best = (xs: number[]): number => Math.min(...xs);
    return { cold_start_first_rows_ms: round(best(rows)), cold_start_first_paint_ms: round(best(paints)) };
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
