import { describe, expect, it } from 'vitest';
import { ReviewQuery } from '../../shared/reviews/query-schema';
import { languageMatches } from '../../shared/reviews/review-filter';
import { queryReviews } from '../oracle/query-reviews';
import { foldText, searchWords, tokensOf } from '../../shared/reviews/text-match';
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
    expect(foldText('Cafe\u0301 İSTANBUL')).toBe('cafe istanbul');
    expect(foldText('PLAIN ascii')).toBe('plain ascii');
    expect(searchWords('  Café  cafe KOUDE ')).toEqual(['cafe', 'koude']);
    expect(tokensOf('e-mail')).toEqual(['e', 'mail']);
    expect(tokensOf('😍🥐')).toEqual([]);
  });

  it('counts per status ignore the status filter; "all" leaves deleted out', () => {
    const page = queryReviews(reviews, q({ status: 'answered' }));
    expect(page.countsByStatus).toEqual({ all: 6, unanswered: 5, drafted: 0, queued: 0, answered: 1, conflict: 0, deleted: 1, done: 0 });
    expect(queryReviews(reviews, q({ ratings: [1, 2] })).countsByStatus).toMatchObject({ all: 3, unanswered: 2, answered: 1 });
  });

  it('finds text in the translation, the author and the reply, inside words too', () => {
    const more = [
      makeReview({ externalId: 'x', text: null, translatedText: 'Lovely CROISSANTS' }),
      makeReview({ externalId: 'y', author: 'José Müller' }),
      makeReview({ externalId: 'z', reply: { text: 'Bedankt voor uw bezoek!', updatedAt: '2026-01-02T00:00:00Z', state: 'published' } }),
    ];
    expect(ids(queryReviews(more, q({ text: 'croissant' })))).toEqual(['x']);
    expect(ids(queryReviews(more, q({ text: 'jose muller' })))).toEqual(['y']);
    expect(ids(queryReviews(more, q({ text: 'ezoe' })))).toEqual(['z']);
    expect(ids(queryReviews(more, q({ text: 'bezoek!' })))).toEqual(['z']);
  });
});

describe('queryReviews filters added for the inbox', () => {
  const more = [
    makeReview({ externalId: 'p', source: 'play', locationId: 'app', language: 'en-GB', labels: ['app'], createdAt: '2026-02-10T12:00:00Z' }),
    makeReview({ externalId: 'q', locationId: 'gent', language: 'NL-be', labels: ['parking', 'staff'], createdAt: '2026-02-01T00:00:00Z' }),
    makeReview({ externalId: 'r', language: null, labels: ['staff'], createdAt: '2026-01-31T23:59:59.999Z' }),
    makeReview({ externalId: 's', language: 'nl', createdAt: '2026-02-01T00:30:00+01:00' }), // 2026-01-31T23:30Z
  ];

  it('filters by any of several sources and locations, combined with the single ones', () => {
    expect(ids(queryReviews(more, q({ sources: ['play', 'trustpilot'] })))).toEqual(['p']);
    expect(ids(queryReviews(more, q({ locationIds: ['gent', 'app'], sort: 'oldest' })))).toEqual(['q', 'p']);
    expect(ids(queryReviews(more, q({ locationIds: ['gent', 'app'], source: 'google' })))).toEqual(['q']);
    expect(ids(queryReviews(more, q({ sources: [], locationIds: [] })))).toHaveLength(4);
  });

  it('filters by any of the labels', () => {
    expect(ids(queryReviews(more, q({ labels: ['staff', 'app'], sort: 'oldest' })))).toEqual(['r', 'q', 'p']);
    expect(ids(queryReviews(more, q({ labels: ['parking'] })))).toEqual(['q']);
    expect(ids(queryReviews(more, q({ labels: ['Parking'] })))).toEqual([]);
  });

  it('filters by language: a primary tag covers its regions, case does not matter', () => {
    expect(ids(queryReviews(more, q({ language: 'nl', sort: 'oldest' })))).toEqual(['s', 'q']);
    expect(ids(queryReviews(more, q({ language: 'nl-BE' })))).toEqual(['q']);
    expect(ids(queryReviews(more, q({ language: 'en' })))).toEqual(['p']);
    expect(languageMatches('nlx', 'nl')).toBe(false);
    expect(languageMatches(null, 'nl')).toBe(false);
  });

  it('filters by createdAt: from inclusive, to exclusive, offsets respected', () => {
    const feb = q({ from: '2026-02-01T00:00:00Z', to: '2026-02-10T12:00:00Z', sort: 'oldest' });
    expect(ids(queryReviews(more, feb))).toEqual(['q']);
    expect(ids(queryReviews(more, q({ to: '2026-02-01T00:00:00.000Z' })))).toEqual(['s', 'r']);
    expect(ids(queryReviews(more, q({ from: '2026-02-10T12:00:00Z', to: '2026-02-10T12:00:00Z' })))).toEqual([]);
  });

  it('rejects a range that ends before it starts, and unknown keys', () => {
    const bad = ReviewQuery.safeParse({ from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('"from" must not be later than "to".');
    expect(ReviewQuery.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(ReviewQuery.safeParse({ language: 'nl_BE' }).success).toBe(false);
    expect(ReviewQuery.safeParse({ locations: ['gent'] }).success).toBe(false);
  });
});
