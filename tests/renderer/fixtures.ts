import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import { makeReview } from '../make-review';

export const locations: Location[] = [
  { id: 'loc-1', source: 'google', name: 'Bakkerij Zoet — Utrecht', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
  { id: 'loc-2', source: 'google', name: 'Bakkerij Zoet — Gent', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
];

/** A Google review at loc-1 named after its id (text and author), 4★ on 1 March 2026; override what the test is about. */
export function review(externalId: string, patch: Partial<Review> = {}): Review {
  const createdAt = patch.createdAt ?? '2026-03-01T10:00:00.000Z';
  return makeReview({ externalId, locationId: 'loc-1', rating: 4, text: `Review ${externalId}`, author: `Author ${externalId}`, createdAt, updatedAt: createdAt, ...patch });
}

export const XSS = '<img src=x onerror=alert(1)>';

/** Unanswered reviews in a shuffled order, plus one answered review that must not appear. */
export const inboxReviews: Review[] = [
  review('five', { rating: 5, createdAt: '2026-03-01T10:00:00.000Z', text: 'Heerlijk gegeten!', author: 'Anna de Vries' }),
  review('one-new', { rating: 1, createdAt: '2026-03-10T10:00:00.000Z', text: 'Koude soep en lang wachten.', author: 'Piet Jansen' }),
  review('one-old', { rating: 1, createdAt: '2026-02-01T10:00:00.000Z', text: 'Never again.', author: 'John Smith', locationId: 'loc-2', language: 'en' }),
  review('two', { rating: 2, createdAt: '2026-02-15T10:00:00.000Z', text: null, author: 'Sanne' }),
  review('three', {
    rating: 3,
    createdAt: '2026-02-20T10:00:00.000Z',
    text: 'Das Essen war okay, aber teuer.',
    translatedText: 'The food was okay, but expensive.',
    language: 'de',
    author: 'Klaus',
  }),
  review('xss', { rating: 4, createdAt: '2026-02-25T10:00:00.000Z', text: XSS, author: '<b>Mallory</b>' }),
  review('unrated', { rating: null, createdAt: '2026-01-05T10:00:00.000Z', text: 'Nice place', author: '', anonymous: true }),
  review('answered', {
    rating: 2,
    createdAt: '2026-01-01T10:00:00.000Z',
    status: 'answered',
    reply: { text: 'Thank you!', updatedAt: '2026-01-02T10:00:00.000Z', state: 'published' },
  }),
];

/** The order the inbox must show: rating ascending, then oldest first; unrated last. */
export const expectedOrder = ['one-old', 'one-new', 'two', 'three', 'xss', 'five', 'unrated'].map((id) =>
  id === 'one-old' ? 'google:loc-2:one-old' : `google:loc-1:${id}`,
);
