import { describe, expect, it } from 'vitest';
import { ReviewQuery } from '../../shared/reviews/query-schema';
import { queryReviews, reviewFacets } from '../oracle/query-reviews';
import { ReviewIndex } from '../../shared/reviews/review-index';
import { makeReview } from './helpers';

const q = (input: unknown) => ReviewQuery.parse(input);
const NOW = '2026-03-10T12:00:00.000Z';
const reviews = [
  // 10 days old on Google (24 h target): overdue.
  makeReview({ externalId: 'old', rating: 1, createdAt: '2026-02-28T12:00:00Z' }),
  // 30 hours old on Google: overdue; on Play (48 h) it would not be.
  makeReview({ externalId: 'day', rating: 2, createdAt: '2026-03-09T06:00:00Z' }),
  makeReview({ externalId: 'play', rating: 2, createdAt: '2026-03-09T06:00:00Z', source: 'play' }),
  makeReview({ externalId: 'fresh', rating: 3, createdAt: '2026-03-10T10:00:00Z' }),
  makeReview({ externalId: 'queued', rating: 4, createdAt: '2026-03-01T00:00:00Z', status: 'queued' }),
  makeReview({ externalId: 'answered', rating: 5, createdAt: '2026-03-01T00:00:00Z', status: 'answered', reply: { text: 'Dank!', updatedAt: '2026-03-02T00:00:00Z', state: 'published' } }),
  makeReview({ externalId: 'done', rating: 1, createdAt: '2026-01-01T00:00:00Z', status: 'done' }),
  makeReview({ externalId: 'gone', rating: 1, status: 'deleted' }),
];
const id = (ext: string) => reviews.find((r) => r.externalId === ext)?.id ?? '';
const marks = { drafts: new Set([id('fresh'), id('answered')]), outbox: new Set([id('day')]) };
const ids = (page: { items: { externalId: string }[] }) => page.items.map((r) => r.externalId);

describe('inbox views, marks and overdue', () => {
  const index = new ReviewIndex(reviews);
  index.setMarks(marks);
  const both = (input: unknown) => {
    const ref = queryReviews(reviews, q(input), undefined, { marks, now: Date.parse(NOW) });
    expect(index.query(q(input), Date.parse(NOW))).toEqual(ref);
    return ref;
  };

  it('puts each review in its views and counts them', () => {
    expect(ids(both({ view: 'unanswered' }))).toEqual(['old', 'day', 'play', 'fresh']);
    expect(ids(both({ view: 'drafts' }))).toEqual(['fresh', 'answered']);
    expect(ids(both({ view: 'outbox' }))).toEqual(['day', 'queued']);
    expect(ids(both({ view: 'answered' }))).toEqual(['done', 'answered']);
    expect(both({ view: 'all' }).total).toBe(7);
    expect(both({ view: 'unanswered', now: NOW }).countsByView).toEqual({ unanswered: 4, drafts: 2, outbox: 2, answered: 2, all: 7, overdue: 2 });
  });

  it('judges overdue per source target and leaves answered and done reviews out', () => {
    expect(ids(both({ view: 'unanswered', overdue: true }))).toEqual(['old', 'day']);
    expect(ids(both({ view: 'all', overdue: true, now: NOW }))).toEqual(['old', 'day', 'queued']);
    expect(ids(both({ view: 'unanswered', overdue: true, now: '2026-03-11T09:00:00.000Z' }))).toEqual(['old', 'day', 'play']);
  });

  it('lists labels and languages in use, most used first, like the reference', () => {
    const tagged = reviews.map((r, i) => ({ ...r, labels: i % 2 === 0 ? ['parking', 'staff'] : i % 3 === 0 ? ['staff'] : [], language: i % 2 === 0 ? 'nl' : i === 1 ? 'en' : null }));
    const facets = new ReviewIndex(tagged).facets();
    expect(facets).toEqual(reviewFacets(tagged));
    expect(facets.labels.map((l) => l.name)).toEqual(['staff', 'parking']);
    expect(facets.languages).toEqual([{ tag: 'nl', count: 4 }, { tag: 'en', count: 1 }]);
  });

  it('follows marks as they change', () => {
    index.setMarks({ drafts: new Set(), outbox: new Set([id('old')]) });
    expect(ids(index.query(q({ view: 'drafts' })))).toEqual([]);
    expect(ids(index.query(q({ view: 'outbox' })))).toEqual(['old', 'queued']);
    index.upsert({ ...reviews[0]!, text: 'changed' });
    expect(ids(index.query(q({ view: 'outbox' })))).toEqual(['old', 'queued']);
    index.setMarks(marks);
  });
});
