import { REVIEW_SCHEMA_VERSION, type Review } from '../shared/domain/review';

/** A review with sensible defaults; override what the test is about. */
export function makeReview(over: Partial<Review> & { externalId: string }): Review {
  const source = over.source ?? 'google';
  const locationId = over.locationId ?? 'utrecht';
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: `${source}:${locationId}:${over.externalId}`,
    source,
    locationId,
    rating: 3,
    text: 'Prima koffie.',
    translatedText: null,
    language: 'nl',
    author: 'Sanne de Vries',
    anonymous: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    reply: null,
    status: 'unanswered',
    labels: [],
    assignee: null,
    note: null,
    url: null,
    ...over,
  };
}
