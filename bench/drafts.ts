import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf from 'conf';
import { generateDemoWorkspace } from '../shared/demo/generate';
import { DRAFT_SCHEMA_VERSION, type Draft } from '../shared/domain/draft';
import type { Review } from '../shared/domain/review';
import { DraftStore } from '../electron/core/store/drafts';
import { saveShardFile } from '../electron/core/store/workspace-files';

export interface DraftBench {
  /** Median time of one durable draft save with 100 reviews in the store. */
  draft_save_p50_ms_100: number;
  /** The same with 100,000 reviews in the store. */
  draft_save_p50_ms_100k: number;
  /** 100k / 100: saving a draft must not get slower as reviews grow (goal ≤ 1.2). */
  draft_ratio: number;
  /** Median draft save when everything lives in one conf file (rewritten on every set), 100,000 reviews. */
  naive_save_p50_ms: number;
  /** naive / Kalm at 100k (goal ≥ 50). */
  naive_ratio: number;
}

const SAVES = 200;
const WARMUP = 5;
const NAIVE_SAVES = 3;
const NOW = new Date('2026-03-01T12:00:00.000Z');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** An autosave: the same few drafts rewritten with growing text, as while typing. */
function draftFor(review: Review, i: number): Draft {
  const at = new Date(NOW.getTime() + i * 1000).toISOString();
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    reviewId: review.id,
    text: `Dank je wel voor je review! ${'We zien je graag snel terug. '.repeat(1 + (i % 12))}`,
    reviewUpdatedAt: review.updatedAt,
    createdAt: NOW.toISOString(),
    updatedAt: at,
  };
}

/** Writes a demo workspace of `reviewCount` reviews as shards; returns ten of its reviews to draft replies for. */
async function prepareStore(dataDir: string, opts: Parameters<typeof generateDemoWorkspace>[0]): Promise<Review[]> {
  const ws = generateDemoWorkspace(opts);
  const byLocation = new Map<string, Review[]>();
  for (const r of ws.reviews) byLocation.set(r.locationId, [...(byLocation.get(r.locationId) ?? []), r]);
  for (const [loc, reviews] of byLocation) await saveShardFile(dataDir, reviews[0]?.source ?? 'google', loc, reviews);
  const step = Math.max(1, Math.floor(ws.reviews.length / 10));
  return ws.reviews.filter((_, i) => i % step === 0).slice(0, 10);
}

async function timed(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Draft save latency with 100 vs 100,000 reviews in the store, and against a one-file conf store. */
export async function benchDrafts(): Promise<DraftBench> {
  const root = await mkdtemp(join(tmpdir(), 'kalm-bench-drafts-'));
  try {
    // Only ten reviews of each workspace stay in memory: the timings are about the disk, not the heap.
    const small = await prepareStore(join(root, 'small'), { now: NOW, reviewCount: 100 });
    const large = await prepareStore(join(root, 'large'), { now: NOW, locationCount: 200, reviewCount: 100_000 });
    const smallStore = await DraftStore.open(join(root, 'small'));
    const largeStore = await DraftStore.open(join(root, 'large'));

    // Interleaved, taking turns at going first, so disk hiccups hit both sizes alike; warm-up rounds are not counted.
    const smallMs: number[] = [];
    const largeMs: number[] = [];
    for (let i = 0; i < WARMUP + SAVES; i++) {
      const k = i % 10;
      const saveSmall = (): Promise<number> => timed(() => smallStore.save(draftFor(small[k] as Review, i)));
      const saveLarge = (): Promise<number> => timed(() => largeStore.save(draftFor(large[k] as Review, i)));
      let s: number;
      let l: number;
      if (i % 2) {
        s = await saveSmall();
        l = await saveLarge();
      } else {
        l = await saveLarge();
        s = await saveSmall();
      }
      if (i >= WARMUP) {
        smallMs.push(s);
        largeMs.push(l);
      }
    }

    // The naive way: every review and draft in one conf store, rewritten whole on every set.
    const everything = generateDemoWorkspace({ now: NOW, locationCount: 200, reviewCount: 100_000 }).reviews;
    const conf = new Conf<Record<string, unknown>>({ cwd: join(root, 'naive'), configName: 'kalm', projectName: 'kalm-bench' });
    conf.set('reviews', everything);
    const naiveMs: number[] = [];
    for (let i = 0; i < NAIVE_SAVES; i++) {
      const d = draftFor(everything[i * 997] as Review, i);
      naiveMs.push(await timed(() => conf.set(`drafts.${d.reviewId.replace(/\./g, '\\.')}`, d)));
    }

    const p100 = median(smallMs);
    const p100k = median(largeMs);
    const naive = median(naiveMs);
    return {
      draft_save_p50_ms_100: round(p100),
      draft_save_p50_ms_100k: round(p100k),
      draft_ratio: round(p100k / p100),
      naive_save_p50_ms: round(naive),
      naive_ratio: round(naive / p100k),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
