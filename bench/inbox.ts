// The inbox in a real browser at 100,000 reviews: page load → first rows, and filter change → repaint,
// each next to the same figure for a 100-review store measured in the same run (the baseline).
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { saveShardFile, saveSourcesFile } from '../electron/core/store/workspace-files';
import { generateDemoWorkspace } from '../shared/demo/generate';
import type { Review } from '../shared/domain/review';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOADS = 5;
const FILTER_CHANGES = 20;

const round = (n: number): number => Math.round(n * 10) / 10;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))] ?? NaN;
};

export async function writeChain(dir: string, reviewCount: number, locationCount: number): Promise<void> {
  const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00Z'), seed: 20261124, locationCount, reviewCount });
  const shards = new Map<string, Review[]>();
  for (const r of demo.reviews) shards.set(r.locationId, [...(shards.get(r.locationId) ?? []), r]);
  for (const [locationId, reviews] of shards) await saveShardFile(dir, 'google', locationId, reviews);
  await saveSourcesFile(dir, demo.sources, demo.locations);
}

/**
 * Starts the web host on a data folder as `npm run web` does (scripts/web.mjs: the dist-web bundle while it is
 * current; `fromSource` runs the TypeScript through tsx instead); resolves with its URL (with the launch token)
 * and a stop function.
 */
export async function startHost(dataDir: string, opts: { fromSource?: boolean } = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const env = { ...process.env, KALM_DATA_DIR: dataDir, KALM_WEB_FROM_SOURCE: opts.fromSource ? '1' : '0' };
  const child = spawn(process.execPath, ['scripts/web.mjs', '--port', '0', '--no-open'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: the web host did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Kalm is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`bench: the web host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

// Code that runs in the page is plain JavaScript in strings: tsx would wrap named functions in a helper the page lacks.

/** Records, in the page, when the first review row exists and a frame has been drawn with it (ms since navigation). */
export const RECORD_FIRST_ROWS = `
  window.__firstRows = null;
  const observer = new MutationObserver(() => {
    if (window.__firstRows !== null || !document.querySelector('[role="listbox"] [role="option"][data-review-id]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstRows = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });`;

/** Clicks a control and resolves, once the list shows another result and a frame is drawn, with the ms it took. */
const CHANGE_FILTER = (selector: string): string => `(async () => {
  const signature = () => {
    const list = document.querySelector('[role="listbox"]');
    const first = list && list.querySelector('[role="option"][data-review-id]');
    return [list ? list.getAttribute('data-total') : '', first ? first.getAttribute('data-review-id') : '', list ? list.getAttribute('aria-busy') : ''].join('|');
  };
  const before = signature();
  const button = document.querySelector(${JSON.stringify(selector)});
  if (!button) throw new Error('no ' + ${JSON.stringify(selector)});
  const start = performance.now();
  button.click();
  await new Promise((resolve, reject) => {
    const check = () => {
      const now = signature();
      if (now !== before && !now.endsWith('|true')) requestAnimationFrame(() => resolve());
      else if (performance.now() - start > 10000) reject(new Error('the list did not change within 10 s after clicking ' + ${JSON.stringify(selector)}));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  return performance.now() - start;
})()`;

async function firstRows(page: Page, url: string): Promise<number[]> {
  const times: number[] = [];
  await page.goto(url);
  for (let i = 0; i < LOADS; i++) {
    await page.reload();
    await page.waitForFunction('window.__firstRows !== null', null, { timeout: 60_000 });
    times.push(Number(await page.evaluate('window.__firstRows')));
  }
  return times;
}

/** Clicks a filter control and waits until the list shows another result and a frame is drawn; ms. */
async function filterChanges(page: Page): Promise<number[]> {
  await page.waitForSelector('[role="listbox"] [role="option"][data-review-id]');
  // Star chips that change the first row whatever the data: only 5★, back, only 4★, back, only 3★, back.
  const chip = (n: number) => `.chips .chip:nth-child(${n})`;
  const controls = [chip(5), chip(5), chip(4), chip(4), chip(3), chip(3)];
  const times: number[] = [];
  for (let i = 0; i < FILTER_CHANGES + 2; i++) {
    const selector = controls[i % controls.length] ?? '';
    const ms = Number(await page.evaluate(CHANGE_FILTER(selector)));
    if (i >= 2) times.push(ms); // the first two warm up
  }
  return times;
}

async function measure(reviewCount: number, locationCount: number): Promise<{ firstRows: number; filterP50: number; filterP95: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'kalm-bench-inbox-'));
  const browser = await chromium.launch({ executablePath: process.env.KALM_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await writeChain(dir, reviewCount, locationCount);
    const host = await startHost(dir);
    try {
      // The page's CSP forbids eval, which string scripts need; it is not what is measured.
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
      await page.addInitScript(RECORD_FIRST_ROWS);
      const loads = await firstRows(page, host.url);
      const changes = await filterChanges(page);
      return { firstRows: round(median(loads)), filterP50: round(median(changes)), filterP95: round(p95(changes)) };
    } finally {
      await host.stop();
    }
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Builds the renderer (so the figures are for the code as it is), then measures 100 and 100,000 reviews. */
export async function benchInbox(): Promise<Record<string, number>> {
  await promisify(execFile)(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root });
  const small = await measure(100, 3);
  const large = await measure(100_000, 200);
  return {
    inbox_first_rows_ms: large.firstRows,
    inbox_first_rows_baseline_ms: small.firstRows,
    inbox_first_rows_ratio: round(large.firstRows / small.firstRows),
    inbox_filter_change_p50_ms: large.filterP50,
    inbox_filter_change_p95_ms: large.filterP95,
    inbox_filter_change_baseline_p95_ms: small.filterP95,
    inbox_filter_change_ratio: round(large.filterP95 / small.filterP95),
  };
}
