import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../electron/cli/commands';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { saveShardFile, saveSourcesFile } from '../../electron/core/store/workspace-files';
import type { Location } from '../../shared/domain/location';
import { ReviewStatus, type Review } from '../../shared/domain/review';
import type { Source } from '../../shared/domain/source';
import { isAnswered, isOpenStatus, isUnanswered } from '../../shared/reviews/figures';
import { makeReview, tempDataDir } from './helpers';
import { mulberry32 } from '../../shared/demo/random';

/** A small seeded generator (mulberry32), so a failing workspace can be made again from its seed. */
function rng(seed: number) {
  const next = mulberry32(seed);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

const NOW = Date.now();
const SOURCES: Source[] = [
  { id: 'google', kind: 'google-business', name: 'Google', state: 'connected', lastSyncAt: null },
  { id: 'play', kind: 'google-play', name: 'Google Play', state: 'connected', lastSyncAt: null },
];
const LOCATIONS: Location[] = [
  { id: 'utrecht', source: 'google', name: 'Bakkerij Utrecht', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
  { id: 'gent', source: 'google', name: 'Bakkerij Gent', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
  { id: 'empty', source: 'google', name: 'Nieuwe winkel', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
  { id: 'com.example.app', source: 'play', name: 'Voorbeeld-app', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
];

/** A random workspace: every status, replies edited over (the review changed after its reply), ages around the targets. */
function randomReviews(seed: number, labelIds: readonly string[]): Review[] {
  const r = rng(seed);
  const n = 20 + r.int(200);
  return Array.from({ length: n }, (_, i) => {
    const loc = r.pick(LOCATIONS.filter((l) => l.id !== 'empty'));
    const status = r.pick(ReviewStatus.options);
    // Minutes, so no review sits within a few seconds of an overdue cutoff.
    const created = NOW - (r.int(10 * 24 * 60) + 1) * 60_000 - 30_000;
    const replied = status === 'answered' || (status === 'unanswered' && r.next() < 0.4) || (status === 'conflict' && r.next() < 0.5);
    const replyAt = created + r.int(48) * 3_600_000;
    // "Edited after its reply": status unanswered with the old reply kept, updated later than the reply.
    const updated = replied && status === 'unanswered' ? replyAt + 3_600_000 : created;
    return makeReview({
      externalId: `r${seed}-${i}`,
      source: loc.source,
      locationId: loc.id,
      status,
      rating: r.next() < 0.1 ? null : ((1 + r.int(5)) as 1 | 2 | 3 | 4 | 5),
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(Math.max(updated, created)).toISOString(),
      reply: replied ? { text: 'Dank je wel!', updatedAt: new Date(replyAt).toISOString(), state: 'published' } : null,
      labels: r.next() < 0.5 ? [r.pick(labelIds)] : [],
      assignee: r.next() < 0.3 ? 'm1' : null,
    });
  });
}

async function writeReviews(dataDir: string, reviews: Review[]): Promise<void> {
  const shards = new Map<string, Review[]>();
  for (const r of reviews) shards.set(`${r.source}\u0000${r.locationId}`, [...(shards.get(`${r.source}\u0000${r.locationId}`) ?? []), r]);
  for (const [key, list] of shards) {
    const [source = '', locationId = ''] = key.split('\u0000');
    await saveShardFile(dataDir, source, locationId, list);
  }
  await saveSourcesFile(dataDir, SOURCES, LOCATIONS);
}

async function withLabels(dataDir: string): Promise<string[]> {
  const kalm = await createKalm({ dataDir, host: 'test' });
  try {
    const a = await kalm.call('labels.save', { name: 'Wachttijd', color: '#0f766e' });
    const b = await kalm.call('labels.save', { name: 'Vriendelijk', color: '#b45309' });
    await kalm.call('settings.update', { team: [{ id: 'm1', name: 'Sanne' }] });
    return [a.id, b.id];
  } finally {
    await kalm.close();
  }
}

describe('one definition of the figures: the inbox, reviews.stats, kalm stats/reviews/export agree', () => {
  it('on random workspaces (every status, replies older than an edit)', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const dataDir = join(await tempDataDir(), 'data');
      const labelIds = await withLabels(dataDir);
      const reviews = randomReviews(seed, labelIds);
      await writeReviews(dataDir, reviews);
      const open = () => createKalm({ dataDir, host: 'test', readOnly: true });
      const kalm: KalmCore = await open();
      try {
        const live = reviews.filter((r) => r.status !== 'deleted');
        const want = {
          unanswered: live.filter((r) => isUnanswered(r.status)).length,
          answered: live.filter((r) => isAnswered(r.status)).length,
        };
        const inbox = await kalm.call('reviews.query', { status: 'all', view: 'unanswered', limit: 1 });
        const overdueInbox = await kalm.call('reviews.query', { status: 'all', overdue: true, limit: 1 });
        const stats = await kalm.call('reviews.stats', {});
        const ctx = `seed ${seed}`;
        expect(inbox.total, ctx).toBe(want.unanswered);
        expect(inbox.countsByView.unanswered, ctx).toBe(stats.overall.unanswered);
        expect(inbox.countsByView.answered, ctx).toBe(want.answered);
        expect(stats.overall.count, ctx).toBe(live.length);
        expect(stats.overall.responseRate, ctx).toBe(Math.round((want.answered / live.length) * 100) / 100);
        expect(overdueInbox.total, ctx).toBe(stats.overall.overdue);
        // Overdue counts what is still open: never more than unanswered plus what waits in the outbox.
        expect(stats.overall.overdue, ctx).toBeLessThanOrEqual(live.filter((r) => isOpenStatus(r.status)).length);
        // Per location (every one, the empty one too) the rows add up to the whole.
        expect(stats.locations.map((l) => l.locationName), ctx).toEqual(LOCATIONS.map((l) => l.name));
        expect(stats.locations.reduce((n, l) => n + l.unanswered, 0), ctx).toBe(stats.overall.unanswered);
        expect(stats.locations.find((l) => l.locationId === 'empty'), ctx).toMatchObject({ count: 0, average: null, unanswered: 0 });

        // The CLI says the same (the same commands a user types, run in-process on this data folder).
        const cliStats = JSON.parse(await runCommand('stats', ['--json'], open, dataDir)) as { overall: { unanswered: number; overdue: number; responseRate: number | null } };
        expect(cliStats.overall, ctx).toMatchObject({ unanswered: stats.overall.unanswered, overdue: stats.overall.overdue, responseRate: stats.overall.responseRate });
        const cliUnanswered = JSON.parse(await runCommand('reviews', ['--unanswered', '--json'], open, dataDir)) as unknown[];
        expect(cliUnanswered.length, ctx).toBe(want.unanswered);
        const cliOverdue = JSON.parse(await runCommand('reviews', ['--overdue', '--json'], open, dataDir)) as unknown[];
        expect(cliOverdue.length, ctx).toBe(stats.overall.overdue);
        const exported = await kalm.call('reviews.export', { format: 'json', filter: { status: 'unanswered' } });
        expect(exported.count, ctx).toBe(want.unanswered);
        const answered = await kalm.call('reviews.export', { format: 'json', filter: { status: 'answered' } });
        expect(answered.count, ctx).toBe(want.answered);
      } finally {
        await kalm.close();
      }
    }
  }, 120_000);

  it('names labels, locations and team members in the export and the topics; ids only in …Id fields', async () => {
    const dataDir = join(await tempDataDir(), 'data');
    const labelIds = await withLabels(dataDir);
    await writeReviews(dataDir, randomReviews(99, labelIds));
    const kalm = await createKalm({ dataDir, host: 'test', readOnly: true });
    try {
      const json = JSON.parse((await kalm.call('reviews.export', { format: 'json', filter: {} })).content) as { labels: string[]; labelIds: string[]; assignee: string | null; assigneeId: string | null; locationName: string; locationId: string }[];
      const labelled = json.filter((e) => e.labelIds.length > 0);
      expect(labelled.length).toBeGreaterThan(0);
      for (const e of labelled) expect(e.labels.every((l) => l === 'Wachttijd' || l === 'Vriendelijk')).toBe(true);
      expect(json.filter((e) => e.assigneeId === 'm1').every((e) => e.assignee === 'Sanne')).toBe(true);
      expect(json.every((e) => LOCATIONS.some((l) => l.name === e.locationName && l.id === e.locationId))).toBe(true);
      const csv = (await kalm.call('reviews.export', { format: 'csv', filter: {} })).content;
      expect(csv.split('\r\n')[0]).toContain('labels,labelIds,assignee,assigneeId');
      expect(csv).toContain('Wachttijd');
      const topics = (await kalm.call('reviews.stats', {})).topics;
      expect(topics.map((t) => t.label).sort()).toEqual(['Vriendelijk', 'Wachttijd']);
      expect(topics.map((t) => t.labelId).sort()).toEqual([...labelIds].sort());
    } finally {
      await kalm.close();
    }
  }, 60_000);
});
