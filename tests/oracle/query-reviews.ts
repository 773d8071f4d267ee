import type { Review } from '../../shared/domain/review';
import { isoMs } from '../../shared/reviews/iso-time';
import type { ReviewFacets, ReviewPage, ReviewQuery, ReviewSort } from '../../shared/reviews/query-schema';
import { dueAt, type ReplyPolicy } from '../../shared/reviews/reply-targets';
import { emptyRatingCounts, emptyStatusCounts, matchesRest, searchableText } from '../../shared/reviews/review-filter';
import { countViews, emptyViewCounts, inQueryView, isOpenStatus, marksOf, NO_MARKS, queryNow, viewBits, type ReviewMarks } from '../../shared/reviews/views';

/**
 * The reference query: a naive filter, count and full sort over a list of reviews, written to be obviously
 * right rather than fast. The app answers from `ReviewIndex` (shared/reviews/review-index.ts), which must give
 * the same answers; the tests compare the two, and the renderer tests' fake API answers with this one.
 * Test code only: production code may not import tests/ (eslint.config.js).
 */

const ms = isoMs;

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

export interface QueryContext {
  /** Draft and outbox marks (for the drafts and outbox views). */
  marks?: ReviewMarks;
  /** The clock for "overdue" when the query gives no `now` (ms). */
  now?: number;
  /** The owner's targets and business hours (default targets, plain hours without it). */
  policy?: ReplyPolicy;
}

/**
 * Runs a query over a list of reviews: the simple reference implementation
 * (filter, count, full sort) that `ReviewIndex` must match.
 */
export function queryReviews(all: readonly Review[], q: ReviewQuery, folded: (r: Review) => string = searchableText, ctx: QueryContext = {}): ReviewPage {
  const rest = matchesRest(q, folded);
  const marks = ctx.marks ?? NO_MARKS;
  const now = queryNow(q, ctx.now ?? Date.now());
  const ratings = q.ratings && q.ratings.length > 0 ? new Set<number>(q.ratings) : null;
  const countsByRating = emptyRatingCounts();
  const countsByStatus = emptyStatusCounts();
  const countsByView = emptyViewCounts();
  const matched: Review[] = [];
  for (const r of all) {
    if (!rest(r)) continue;
    const overdue = isOpenStatus(r.status) && now > dueAt(r, ctx.policy?.targets, ctx.policy?.hours);
    if (q.overdue === true && !overdue) continue;
    const bits = viewBits(r.status, marksOf(r.id, marks));
    const ratingOk = ratings === null || (r.rating !== null && ratings.has(r.rating));
    if (ratingOk) {
      countsByStatus[r.status]++;
      if (r.status !== 'deleted') countsByStatus.all++;
      countViews(countsByView, bits);
    }
    if (!inQueryView(q, r.status, bits)) continue;
    if (r.rating === null) countsByRating.none++;
    else countsByRating[r.rating]++;
    if (!ratingOk) continue;
    if (overdue) countsByView.overdue++;
    matched.push(r);
  }
  matched.sort(compareReviews(q.sort));
  return { items: matched.slice(q.offset, q.offset + q.limit), total: matched.length, countsByRating, countsByStatus, countsByView };
}

/** Labels and languages in use, most used first (the reference for `ReviewIndex.facets`). */
export function reviewFacets(all: readonly Review[]): ReviewFacets {
  const labels = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const r of all) {
    for (const l of new Set(r.labels)) labels.set(l, (labels.get(l) ?? 0) + 1);
    if (r.language) languages.set(r.language, (languages.get(r.language) ?? 0) + 1);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    labels: sorted(labels).map(([name, count]) => ({ name, count })),
    languages: sorted(languages).map(([tag, count]) => ({ tag, count })),
  };
}
