// Dashboard figures at 100,000 reviews over 200 locations: reviews.stats against a bare pass over the same reviews, and an export.
import { generateDemoWorkspace } from '../shared/demo/generate';
import { buildExport } from '../shared/export/export-reviews';
import { isoMs } from '../shared/reviews/iso-time';
import { summarize } from '../shared/reviews/stats';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const RUNS = 15;

function p50(run: () => unknown): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[times.length >> 1] ?? NaN) * 100) / 100;
}

export function benchDashboard(): Record<string, number> {
  const demo = generateDemoWorkspace({ now: NOW, seed: 20261124, locationCount: 200, reviewCount: 100_000 });
  const reviews = demo.reviews.map((r, i) => ({ ...r, labels: i % 20 === 0 ? ['parking'] : i % 33 === 0 ? ['staff', 'price'] : [] }));
  const now = NOW.getTime();
  // The least any summary must do: read every review's times and rating once.
  const bare = p50(() => {
    let sum = 0;
    for (const r of reviews) {
      sum += isoMs(r.createdAt) + (r.rating ?? 0);
      if (r.reply) sum += isoMs(r.reply.updatedAt);
    }
    return sum;
  });
  const all = p50(() => summarize(reviews, demo.locations, { timeZone: 'Europe/Amsterdam' }, demo.sources, { now }));
  const year = p50(() => summarize(reviews, demo.locations, { from: '2025-06-01T00:00:00.000Z', timeZone: 'Europe/Amsterdam' }, demo.sources, { now }));
  const start = performance.now();
  const csv = buildExport(reviews, demo.locations, { format: 'csv', filter: {} }, '2026-06-01');
  const exportMs = Math.round(performance.now() - start);
  return {
    stats_all_p50_ms: all,
    stats_12m_p50_ms: year,
    stats_bare_pass_p50_ms: bare,
    stats_ratio: Math.round((Math.max(all, year) / bare) * 100) / 100,
    export_csv_100k_ms: exportMs,
    export_csv_mb: Math.round(csv.content.length / 1e5) / 10,
  };
}
