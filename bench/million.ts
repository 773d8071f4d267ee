// A million reviews over 2,000 locations (issue 24), generated like the 100,000-review chain. Opt-in:
// KALM_BENCH_1M=1 (it writes about 0.8 GB and takes many minutes). Generation, the bare parse and the load
// each run in their own Node, so the load's memory is measured alone.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { REVIEWS_DIR } from '../electron/core/store/workspace-files';

const REVIEWS = 1_000_000;
const LOCATIONS = 2_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const url = (rel: string): string => JSON.stringify(pathToFileURL(join(root, rel)).href);
const round = (n: number): number => Math.round(n * 100) / 100;

async function child<T>(body: string): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--max-old-space-size=6144', '--expose-gc', '--import', 'tsx', '--input-type=module', '-e', body], { cwd: root, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? 'null') as T;
}

const generate = (dir: string): string => `
  const { generateDemoWorkspace } = await import(${url('shared/demo/generate.ts')});
  const { saveShardFile, saveSourcesFile } = await import(${url('electron/core/store/workspace-files.ts')});
  const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00.000Z'), seed: 20261124, locationCount: ${LOCATIONS}, reviewCount: ${REVIEWS} });
  const shards = new Map();
  for (const r of demo.reviews) { const s = shards.get(r.locationId) ?? []; s.push(r); shards.set(r.locationId, s); }
  for (const [locationId, reviews] of shards) await saveShardFile(${JSON.stringify(dir)}, 'google', locationId, reviews);
  await saveSourcesFile(${JSON.stringify(dir)}, demo.sources, demo.locations);
  console.log(JSON.stringify({ count: demo.reviews.length }));`;

const bare = (dir: string): string => `
  const { readdir, readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const dir = ${JSON.stringify(join(dir, REVIEWS_DIR))};
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  // The parsed reviews are kept, as a load keeps them (as in bench/store.ts): dropping them made the baseline far cheaper for the GC.
  const kept = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) for (const r of JSON.parse(await readFile(join(dir, name), 'utf8')).reviews) kept.push(r);
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, count: kept.length }));`;

const load = (dir: string): string => `
  const { loadWorkspaceFiles } = await import(${url('electron/core/store/workspace-files.ts')});
  const { Workspace } = await import(${url('electron/core/workspace.ts')});
  const { shareRemainingNow } = await import(${url('electron/core/store/share-in-background.ts')});
  const { ReviewQuery } = await import(${url('shared/reviews/query-schema.ts')});
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const loaded = await loadWorkspaceFiles(${JSON.stringify(dir)});
  const workspace = new Workspace();
  workspace.replace(loaded.sources, loaded.locations, loaded.reviews);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const q = ReviewQuery.parse({ status: 'unanswered' });
  const times = [];
  for (let i = 0; i < 220; i++) { const t = performance.now(); workspace.query(q); if (i >= 20) times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  // What the store holds once equal values are shared (in the background from 2 s after a load; done here at once),
  // not garbage the load left for a later collection (the child runs with --expose-gc). gc() returns while V8
  // still sweeps the old heap on its helper threads and gives the emptied pages back to the OS: the resident
  // size is read once it has stopped falling (as it has in an app left idle for a second), and right after too.
  const settledRss = async () => {
    let last = process.memoryUsage().rss;
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const now = process.memoryUsage().rss;
      if (now >= last - 1e6) return now;
      last = now;
    }
    return last;
  };
  shareRemainingNow();
  globalThis.gc();
  const rssRightAfterGc = process.memoryUsage().rss;
  const rss = await settledRss();
  // The word index for text search is built in the background 2 s after a load: what the app holds after that.
  workspace.query(ReviewQuery.parse({ status: 'all', text: 'croissant' }));
  globalThis.gc();
  const rssSearch = await settledRss();
  console.log(JSON.stringify({ ms, cpuMs, count: workspace.size, rss, rssRightAfterGc, rssSearch, p95: times[Math.floor(0.95 * times.length)] }));`;

export async function benchMillion(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'kalm-bench-1m-'));
  try {
    await child<{ count: number }>(generate(dir));
    const parsed = await child<{ ms: number; cpuMs: number; count: number }>(bare(dir));
    const opened = await child<{ ms: number; cpuMs: number; count: number; rss: number; rssRightAfterGc: number; rssSearch: number; p95: number }>(load(dir));
    if (parsed.count !== REVIEWS || opened.count !== REVIEWS) throw new Error(`bench: read ${parsed.count} and loaded ${opened.count} of ${REVIEWS} reviews`);
    return {
      load_1m_ms: round(opened.ms),
      json_parse_1m_baseline_ms: round(parsed.ms),
      load_1m_ratio: round(opened.ms / parsed.ms),
      // CPU time (all threads, GC included) of the same two runs: steadier than wall time on a shared machine
      load_1m_cpu_ratio: round(opened.cpuMs / parsed.cpuMs),
      rss_1m_mb: Math.round(opened.rss / 1e6),
      rss_1m_right_after_gc_mb: Math.round(opened.rssRightAfterGc / 1e6),
      rss_1m_with_search_index_mb: Math.round(opened.rssSearch / 1e6),
      unanswered_first_page_1m_p95_ms: round(opened.p95),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
