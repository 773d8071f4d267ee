import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { createRng, type Rng } from '../../shared/demo/random';
import { ReviewStatus, type Rating, type Review } from '../../shared/domain/review';
import { defaultSettings } from '../../shared/domain/settings';
import { groupQuery } from '../../shared/reviews/index-group-query';
import { isoMs } from '../../shared/reviews/iso-time';
import { ReviewQuery, type ReviewQueryInput } from '../../shared/reviews/query-schema';
import { replyPolicy } from '../../shared/reviews/reply-targets';
import { ReviewIndex } from '../../shared/reviews/review-index';
import { queryReviews } from '../oracle/query-reviews';

// The inbox's usual query (a status or view, ratings, a sort and a page) is answered from the index's status
// groups, kept up to date on every change: the same answers as the naive reference, through random changes.

const NOW = Date.parse('2026-05-31T12:00:00Z');
const summary = (page: ReturnType<typeof queryReviews>) => ({ ...page, items: page.items.map((r) => r.id) });

function corpus(rng: Rng, n: number): Review[] {
  const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00Z'), seed: 11, locationCount: 5, reviewCount: n });
  return demo.reviews.map((r, i) => change(rng, i % 7 === 0 ? { ...r, source: 'play', id: `play:${r.locationId}:${r.externalId}` } : r));
}

/** A change as sync, a reply or an import makes it: status, rating, date (also ties and other forms of the same instant). */
function change(rng: Rng, r: Review): Review {
  const out: Review = { ...r };
  if (rng.chance(0.3)) out.status = rng.pick(ReviewStatus.options);
  if (rng.chance(0.1)) out.rating = rng.chance(0.3) ? null : (rng.int(1, 5) as Rating);
  if (rng.chance(0.05)) out.createdAt = new Date(isoMs(r.createdAt) + rng.int(-3, 3) * 3_600_000).toISOString();
  if (rng.chance(0.03)) out.createdAt = '2026-05-30T12:00:00.000Z';
  if (rng.chance(0.02)) out.createdAt = out.createdAt.replace(/\.\d{3}Z$/, '+00:00');
  return out;
}

function usualQuery(rng: Rng): ReviewQueryInput {
  const q: ReviewQueryInput = {};
  if (rng.chance(0.7)) q.status = rng.pick([...ReviewStatus.options, 'all'] as const);
  if (rng.chance(0.5)) q.view = rng.pick(['unanswered', 'answered', 'all'] as const);
  if (rng.chance(0.4)) q.ratings = rng.sample([1, 2, 3, 4, 5] as const, rng.int(0, 3));
  if (rng.chance(0.3)) q.sources = [];
  if (rng.chance(0.3)) q.text = rng.pick(['', '  ']);
  if (rng.chance(0.5)) q.now = new Date(NOW - rng.int(0, 200) * 3_600_000).toISOString();
  q.sort = rng.pick(['priority', 'newest', 'oldest', 'highest'] as const);
  q.offset = rng.chance(0.5) ? 0 : rng.int(0, 900);
  q.limit = rng.int(1, 150);
  return q;
}

describe('the inbox query from the status groups', () => {
  it('answers exactly like the reference through upserts, batches, removals and marks', () => {
    const rng = createRng(Number(process.env.KALM_PROPERTY_SEED ?? 20261207));
    const all = corpus(rng, 2500);
    const truth = new Map(all.map((r) => [r.id, r]));
    const index = new ReviewIndex(all);
    let marks = { drafts: new Set<string>(), outbox: new Set<string>() };
    const base = defaultSettings();
    for (let round = 0; round < 600; round++) {
      if (rng.chance(0.05)) {
        marks = { drafts: new Set(rng.sample(all, rng.int(0, 30)).map((r) => r.id)), outbox: new Set(rng.sample(all, rng.int(0, 30)).map((r) => r.id)) };
        index.setMarks(marks);
      }
      if (rng.chance(0.03)) {
        const batch = Array.from({ length: rng.int(64, 120) }, (_, i) => {
          const r = truth.get(rng.pick(all).id) ?? rng.pick(all);
          return rng.chance(0.2) ? change(rng, { ...r, id: `${r.id}-b${round}-${i}`, externalId: `b${round}-${i}` }) : change(rng, r);
        });
        index.upsertMany(batch);
        for (const r of batch) truth.set(r.id, r);
      }
      for (let u = rng.int(0, 4); u > 0; u--) {
        const r = truth.get(rng.pick(all).id);
        if (!r) continue;
        if (rng.chance(0.08)) {
          index.remove(r.id);
          truth.delete(r.id);
        } else {
          const next = rng.chance(0.1) ? change(rng, { ...r, id: `${r.id}-n${round}-${u}`, externalId: `n${round}-${u}` }) : change(rng, r);
          index.upsert(next);
          truth.set(next.id, next);
        }
      }
      const policy = rng.chance(0.3)
        ? replyPolicy({ replyTargetHours: { google: rng.pick([2, 24, 40]), play: 48, import: 72 }, businessHours: { ...base.businessHours, enabled: rng.chance(0.7) } })
        : undefined;
      const input = usualQuery(rng);
      const q = ReviewQuery.parse(input);
      const quick = groupQuery(index, q, NOW, policy);
      expect(quick, `round ${round}: the groups answer ${JSON.stringify(input)}`).not.toBeNull();
      const expected = summary(queryReviews([...truth.values()], q, undefined, { marks, now: NOW, ...(policy ? { policy } : {}) }));
      expect(summary(quick as ReturnType<typeof queryReviews>), `round ${round}: ${JSON.stringify(input)}`).toEqual(expected);
    }
    expect(index.size).toBe(truth.size);
  });

  it('leaves every other query to the walk over the index', () => {
    const index = new ReviewIndex(corpus(createRng(1), 50));
    for (const input of [{ view: 'drafts' }, { view: 'outbox' }, { overdue: true }, { labels: ['x'] }, { locationIds: ['utrecht'] }, { text: 'koffie' }, { language: 'nl' }, { from: '2026-01-01T00:00:00Z' }, { assignee: 'sam' }] as const) {
      expect(groupQuery(index, ReviewQuery.parse(input), NOW), JSON.stringify(input)).toBeNull();
    }
  });
});
