import { describe, expect, it } from 'vitest';
import { ReviewQuery } from '../../shared/reviews/query-schema';
import { queryReviews } from '../../shared/reviews/query';
import { computeFigures, summarize } from '../../shared/reviews/stats';
import { foldText } from '../../shared/reviews/text-match';
import { makeReview } from './helpers';

const q = (input: unknown) => ReviewQuery.parse(input);

const reviews = [
  makeReview({ externalId: 'a', rating: 4, createdAt: '2026-01-05T00:00:00Z' }),
  makeReview({ externalId: 'b', rating: 1, createdAt: '2026-02-01T00:00:00Z', text: 'Koude croissants in het café.' }),
  makeReview({ externalId: 'c', rating: 1, createdAt: '2026-01-01T00:00:00Z', locationId: 'gent' }),
  makeReview({ externalId: 'd', rating: null, text: null, createdAt: '2025-12-01T00:00:00Z' }),
  makeReview({ externalId: 'e', rating: 2, createdAt: '2026-03-01T00:00:00Z', status: 'answered', reply: { text: 'Dank je!', updatedAt: '2026-03-02T00:00:00Z', state: 'published' } }),
  makeReview({ externalId: 'f', rating: 5, createdAt: '2026-01-02T00:00:00Z', source: 'play' }),
  makeReview({ externalId: 'g', rating: 3, status: 'deleted' }),
];
const ids = (page: { items: { externalId: string }[] }) => page.items.map((r) => r.externalId);

describe('queryReviews', () => {
  it('defaults to unanswered, lowest rating first, then oldest first, rating-only last', () => {
    expect(ids(queryReviews(reviews, q({})))).toEqual(['c', 'b', 'a', 'f', 'd']);
  });

  it('sorts newest, oldest and highest', () => {
    expect(ids(queryReviews(reviews, q({ sort: 'newest' })))).toEqual(['b', 'a', 'f', 'c', 'd']);
    expect(ids(queryReviews(reviews, q({ sort: 'oldest' })))).toEqual(['d', 'c', 'f', 'a', 'b']);
    expect(ids(queryReviews(reviews, q({ sort: 'highest' })))).toEqual(['f', 'a', 'c', 'b', 'd']);
  });

  it('breaks ties on equal rating and date by id, so paging is stable', () => {
    const twins = [makeReview({ externalId: 'z', rating: 1 }), makeReview({ externalId: 'y', rating: 1 })];
    expect(ids(queryReviews(twins, q({})))).toEqual(['y', 'z']);
  });

  it('filters by status, rating, source, location and text', () => {
    expect(ids(queryReviews(reviews, q({ status: 'answered' })))).toEqual(['e']);
    expect(ids(queryReviews(reviews, q({ status: 'all' })))).toHaveLength(6);
    expect(ids(queryReviews(reviews, q({ ratings: [1, 5] })))).toEqual(['c', 'b', 'f']);
    expect(ids(queryReviews(reviews, q({ source: 'play' })))).toEqual(['f']);
    expect(ids(queryReviews(reviews, q({ locationId: 'gent' })))).toEqual(['c']);
    expect(ids(queryReviews(reviews, q({ text: 'CAFE koude' })))).toEqual(['b']);
    expect(ids(queryReviews(reviews, q({ text: '   ' })))).toHaveLength(5);
    expect(ids(queryReviews(reviews, q({ ratings: [1], locationId: 'utrecht' })))).toEqual(['b']);
  });

  it('counts per rating ignore the rating filter, so the chips keep their numbers', () => {
    const page = queryReviews(reviews, q({ ratings: [1] }));
    expect(page.total).toBe(2);
    expect(page.countsByRating).toEqual({ 1: 2, 2: 0, 3: 0, 4: 1, 5: 1, none: 1 });
  });

  it('pages with offset and limit, total unaffected', () => {
    expect(ids(queryReviews(reviews, q({ offset: 1, limit: 2 })))).toEqual(['b', 'a']);
    const past = queryReviews(reviews, q({ offset: 10 }));
    expect(past.items).toEqual([]);
    expect(past.total).toBe(5);
  });

  it('folds case and diacritics', () => {
    expect(foldText('Crème Brûlée ÇA')).toBe('creme brulee ca');
  });
});

describe('stats', () => {
  it('averages rated reviews only, counts rating-only ones, skips deleted', () => {
    const f = computeFigures(reviews);
    expect(f.count).toBe(6);
    expect(f.rated).toBe(5);
    expect(f.average).toBe(2.6); // (4+1+1+2+5)/5
    expect(f.unanswered).toBe(5);
    expect(f.responseRate).toBe(0.17);
    expect(f.distribution).toEqual({ 1: 2, 2: 1, 3: 0, 4: 1, 5: 1, none: 1 });
  });

  it('rounds the average to 2 decimals and is null with nothing rated', () => {
    expect(computeFigures([1, 2, 2].map((r, i) => makeReview({ externalId: String(i), rating: r as 1 | 2 }))).average).toBe(1.67);
    expect(computeFigures([makeReview({ externalId: 'x', rating: null })]).average).toBeNull();
    expect(computeFigures([]).responseRate).toBeNull();
  });

  it('summarises per location in the order of the locations', () => {
    const locations = ['utrecht', 'gent'].map((id) => ({ id, source: 'google', name: id.toUpperCase(), storeCode: null, address: null, mapsUrl: null, newReviewUrl: null }));
    const s = summarize(reviews, locations, {});
    expect(s.locations.map((l) => [l.locationId, l.count, l.average])).toEqual([['utrecht', 4, 2.33], ['gent', 1, 1]]);
    expect(summarize(reviews, locations, { locationId: 'gent' }).overall.count).toBe(1);
  });
});
