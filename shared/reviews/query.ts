import type { Review } from '../domain/review';
import type { RatingCounts, ReviewPage, ReviewQuery, ReviewSort } from './query-schema';
import { foldText, matchesAllWords } from './text-match';

export const emptyRatingCounts = (): RatingCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, none: 0 });

/** The searchable text of a review, folded once. */
export const searchableText = (r: Review): string =>
  foldText([r.text, r.translatedText, r.author, r.reply?.text].filter((s): s is string => !!s).join('\n'));

const ms = (iso: string): number => Date.parse(iso);

/** Rating-less reviews sort after 5★ in "priority" (there is nothing to put right) and last in "highest". */
const ratingKey = (r: Review, ifNull: number): number => r.rating ?? ifNull;

export const compareReviews = (sort: ReviewSort) => (a: Review, b: Review): number => {
  const byAge = ms(a.createdAt) - ms(b.createdAt);
  const tie = byAge !== 0 ? byAge : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  switch (sort) {
    case 'priority':
      return ratingKey(a, 6) - ratingKey(b, 6) || tie;
    case 'highest':
      return ratingKey(b, 0) - ratingKey(a, 0) || tie;
    case 'oldest':
      return tie;
    case 'newest':
      return -tie;
  }
};

/** Everything of the query except ratings, paging and sort. */
const matchesBase = (q: ReviewQuery, folded: (r: Review) => string) => (r: Review): boolean => {
  if (q.status === 'all' ? r.status === 'deleted' : r.status !== q.status) return false;
  if (q.source !== undefined && r.source !== q.source) return false;
  if (q.locationId !== undefined && r.locationId !== q.locationId) return false;
  if (q.text !== undefined && q.text.trim() !== '' && !matchesAllWords(folded(r), q.text)) return false;
  return true;
};

/**
 * Runs a query over a list of reviews. Pure and linear: the core keeps a
 * folded-text cache and passes it in as `folded` so search stays cheap.
 */
export function queryReviews(all: readonly Review[], q: ReviewQuery, folded: (r: Review) => string = searchableText): ReviewPage {
  const base = matchesBase(q, folded);
  const ratings = q.ratings && q.ratings.length > 0 ? new Set<number>(q.ratings) : null;
  const countsByRating = emptyRatingCounts();
  const matched: Review[] = [];
  for (const r of all) {
    if (!base(r)) continue;
    if (r.rating === null) countsByRating.none++;
    else countsByRating[r.rating]++;
    if (ratings && (r.rating === null || !ratings.has(r.rating))) continue;
    matched.push(r);
  }
  matched.sort(compareReviews(q.sort));
  return { items: matched.slice(q.offset, q.offset + q.limit), total: matched.length, countsByRating };
}
