import type { Review } from '../domain/review';
import type { RatingCounts, ReviewPage, ReviewQuery, ReviewSort, StatusCounts } from './query-schema';
import { foldText, matchesAllWords } from './text-match';

export const emptyRatingCounts = (): RatingCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, none: 0 });
export const emptyStatusCounts = (): StatusCounts => ({ all: 0, unanswered: 0, drafted: 0, queued: 0, answered: 0, conflict: 0, deleted: 0 });

/** The searchable text of a review (text, translation, author, reply), folded. */
export const searchableText = (r: Review): string =>
  foldText([r.text, r.translatedText, r.author, r.reply?.text].filter((s): s is string => !!s).join('\n'));

/** "nl" matches "nl" and "nl-BE"; "nl-BE" matches only "nl-BE"; case-insensitive; unknown languages match nothing. */
export const languageMatches = (language: string | null, wanted: string): boolean => {
  if (language === null) return false;
  const have = language.toLowerCase();
  const want = wanted.toLowerCase();
  return have === want || have.startsWith(`${want}-`);
};

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

const anyOf = (list: readonly string[] | undefined): Set<string> | null => (list && list.length > 0 ? new Set(list) : null);

/** Everything of the query except status, ratings, paging and sort. */
export function matchesRest(q: ReviewQuery, folded: (r: Review) => string): (r: Review) => boolean {
  const sources = anyOf(q.sources);
  const locations = anyOf(q.locationIds);
  const labels = anyOf(q.labels);
  const from = q.from === undefined ? -Infinity : ms(q.from);
  const to = q.to === undefined ? Infinity : ms(q.to);
  const text = q.text !== undefined && q.text.trim() !== '' ? q.text : null;
  return (r) => {
    if (q.source !== undefined && r.source !== q.source) return false;
    if (sources && !sources.has(r.source)) return false;
    if (q.locationId !== undefined && r.locationId !== q.locationId) return false;
    if (locations && !locations.has(r.locationId)) return false;
    if (labels && !r.labels.some((l) => labels.has(l))) return false;
    if (q.assignee !== undefined && r.assignee !== q.assignee) return false;
    if (q.language !== undefined && !languageMatches(r.language, q.language)) return false;
    const created = ms(r.createdAt);
    if (created < from || created >= to) return false;
    if (text !== null && !matchesAllWords(folded(r), text)) return false;
    return true;
  };
}

/**
 * Runs a query over a list of reviews: the simple reference implementation
 * (filter, count, full sort). The core uses `ReviewIndex`, which must give the
 * same answers; this one stays for tests and small in-memory lists.
 */
export function queryReviews(all: readonly Review[], q: ReviewQuery, folded: (r: Review) => string = searchableText): ReviewPage {
  const rest = matchesRest(q, folded);
  const ratings = q.ratings && q.ratings.length > 0 ? new Set<number>(q.ratings) : null;
  const countsByRating = emptyRatingCounts();
  const countsByStatus = emptyStatusCounts();
  const matched: Review[] = [];
  for (const r of all) {
    if (!rest(r)) continue;
    const statusOk = q.status === 'all' ? r.status !== 'deleted' : r.status === q.status;
    const ratingOk = ratings === null || (r.rating !== null && ratings.has(r.rating));
    if (ratingOk) {
      countsByStatus[r.status]++;
      if (r.status !== 'deleted') countsByStatus.all++;
    }
    if (!statusOk) continue;
    if (r.rating === null) countsByRating.none++;
    else countsByRating[r.rating]++;
    if (ratingOk) matched.push(r);
  }
  matched.sort(compareReviews(q.sort));
  return { items: matched.slice(q.offset, q.offset + q.limit), total: matched.length, countsByRating, countsByStatus };
}
